// Scans the real-text set with the built CLI: each labelled tweet becomes a post of a roster person during the campaign.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { readText } from '../read-text.js';
import { runScan } from '../run-scan.js';
import { corpusActivityCsv, type Poster } from '../corpora/corpus-activity.js';
import { readPilkadaDki2017, readPilpres2019 } from '../corpora/corpus-readers.js';
import { ELECTIONS } from '../corpora/corpus-specs.js';
import type { CorpusElection, CorpusText } from '../corpora/corpus-text.js';
import { parseRealLabels, type LabelledPost, type Stance } from './real-labels.js';
import type { Confidence, PostFinding } from './score-real.js';

export const REAL_LABELS = 'fixtures/eval/real/labels.csv';

const SOURCES: { election: CorpusElection; file: string; read: (csv: string) => { texts: CorpusText[] } }[] = [
  { election: 'pilpres-2019', file: 'pilpres-2019-tweets/dataset.csv', read: readPilpres2019 },
  {
    election: 'pilkada-dki-2017',
    file: 'pilkada-dki-2017/dataset_tweet_sentiment_pilkada_DKI_2017.csv',
    read: readPilkadaDki2017,
  },
];

export interface RealRun {
  posts: LabelledPost[];
  texts: Map<string, string>;
  findings: Map<string, PostFinding[]>;
  /** Post id → how many pairs ran in its election. */
  pairs: (id: string) => number;
  election: (id: string) => CorpusElection;
}

export async function runReal(repoRoot: string, corporaDir: string, rosterFile: string): Promise<RealRun> {
  const posts = parseRealLabels(await readText(repoRoot, REAL_LABELS), REAL_LABELS);
  const wanted = new Set(posts.map((p) => p.id));
  const roster = parse(await readText(repoRoot, rosterFile), { columns: true, bom: true }) as Record<string, string>[];
  const posters: Poster[] = roster
    .map((person) => ({ platform: 'x', account: (person.x ?? '').split(';')[0]?.trim() ?? '' }))
    .filter((poster) => poster.account !== '');
  const texts = new Map<string, string>();
  const findings = new Map<string, PostFinding[]>();
  const electionOf = new Map<string, CorpusElection>();
  const pairsOf = new Map<CorpusElection, number>();
  const workDir = await mkdtemp(join(tmpdir(), 'asn-audit-real-'));
  try {
    for (const source of SOURCES) {
      const rows = source.read(await readText(corporaDir, source.file)).texts.filter((t) => wanted.has(t.id));
      for (const row of rows) {
        texts.set(row.id, row.text);
        electionOf.set(row.id, source.election);
      }
      const setup = ELECTIONS[source.election];
      const numbers = candidateNumbers(await readText(repoRoot, setup.file));
      pairsOf.set(source.election, numbers.size);
      const activity = join(workDir, `${source.election}.csv`);
      await writeFile(activity, corpusActivityCsv(rows, posters, setup.start), 'utf8');
      const ndjson = await runScan(repoRoot, { activity, roster: rosterFile, election: setup.file });
      for (const line of ndjson.split('\n')) {
        if (line.trim() === '') continue;
        const f = JSON.parse(line) as RawFinding;
        const list = findings.get(f.activity.id) ?? [];
        list.push({
          number: f.candidate ? (numbers.get(f.candidate) ?? null) : null,
          stance: f.stance ?? (f.candidate ? 'support' : null),
          confidence: f.confidence,
          rule: f.rule,
        });
        findings.set(f.activity.id, list);
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const missing = posts.filter((p) => !texts.has(p.id)).map((p) => p.id);
  if (missing.length > 0)
    throw new Error(`${missing.length} labelled ids are not in the corpora (first: ${missing[0]})`);
  return {
    posts,
    texts,
    findings,
    pairs: (id) => pairsOf.get(electionOf.get(id)!) ?? 0,
    election: (id) => electionOf.get(id)!,
  };
}

interface RawFinding {
  rule: string;
  candidate: string | null;
  stance?: Stance | null;
  confidence: Confidence;
  activity: { id: string };
}

function candidateNumbers(electionYaml: string): Map<string, number> {
  const file = parseYaml(electionYaml) as { candidates: { id: string; number: number }[] };
  return new Map(file.candidates.map((c) => [c.id, c.number]));
}
