// Prints the real-text scores: overall, per corpus and per split, precision per confidence level, and on request
// the posts behind the numbers (texts are printed to the terminal only, never written to the repository).
import type { CorpusElection } from '../corpora/corpus-text.js';
import type { RealRun } from './run-real.js';
import { scoreReal, type RealScore } from './score-real.js';

const pct = (x: number) => x.toFixed(3);

export interface RealSection {
  title: string;
  score: RealScore;
}

export function realSections(run: RealRun): RealSection[] {
  const score = (keep: (id: string) => boolean) =>
    scoreReal(
      run.posts.filter((p) => keep(p.id)),
      run.findings,
      run.pairs,
    );
  const split = new Map(run.posts.map((p) => [p.id, p.split]));
  const elections: CorpusElection[] = ['pilpres-2019', 'pilkada-dki-2017'];
  return [
    { title: 'all labelled posts', score: score(() => true) },
    { title: 'check split (not read while tuning)', score: score((id) => split.get(id) === 'check') },
    { title: 'tune split', score: score((id) => split.get(id) === 'tune') },
    ...elections.map((e) => ({ title: e, score: score((id) => run.election(id) === e) })),
  ];
}

export function renderReal(sections: readonly RealSection[]): string {
  const lines = [
    '| posts | partisan | neutral | precision | recall | candidate and direction right | candidate right | high | medium | low |',
  ];
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { title, score: s } of sections) {
    const level = (l: keyof RealScore['byConfidence']) =>
      `${pct(s.byConfidence[l].precision)} (${s.byConfidence[l].flagged})`;
    lines.push(
      `| ${title} | ${s.partisan} | ${s.neutral} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.attribution)} | ${pct(s.candidateRight)} | ${level('high')} | ${level('medium')} | ${level('low')} |`,
    );
  }
  lines.push(
    '',
    'candidate and direction right: of the flagged partisan posts, those whose findings name the labelled pair in the',
    'labelled direction and nothing contrary; candidate right: those with a finding about the labelled pair, whatever',
    'its stance. high/medium/low: precision of the posts whose strongest finding has that confidence (posts flagged).',
  );
  return `${lines.join('\n')}\n`;
}

/** The misses, false alarms and wrong directions of one split, with their texts, for the person tuning the rules. */
export function renderRealDetails(run: RealRun, split: 'tune' | 'check'): string {
  const posts = run.posts.filter((p) => p.split === split);
  const s = scoreReal(posts, run.findings, run.pairs);
  const label = new Map(posts.map((p) => [p.id, p]));
  const show = (id: string) => {
    const p = label.get(id)!;
    const side = p.side ? ` ${p.side.stance} ${p.side.number}` : '';
    const found = (run.findings.get(id) ?? []).map(
      (f) => `${f.stance ?? '-'} ${f.number ?? '-'} (${f.confidence}${f.rule ? ` ${f.rule}` : ''})`,
    );
    return `  ${id} [${p.label}${side}]${found.length ? ` found: ${found.join(', ')}` : ''}\n    ${run.texts.get(id)}`;
  };
  return [
    `Misses (${s.misses.length}):`,
    ...s.misses.map(show),
    `False alarms (${s.falseAlarms.length}):`,
    ...s.falseAlarms.map(show),
    `Wrong candidate or direction (${s.wrongDirection.length}):`,
    ...s.wrongDirection.map(show),
    '',
  ].join('\n');
}
