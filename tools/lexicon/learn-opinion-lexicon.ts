// Learns the weighted opinion lexicon (rules/opinion-lexicon.yaml) from the real-text development set:
//   npm run learn:lexicon          (needs ../shared/corpora; writes the YAML, prints what it learned from)
// Two logistic regressions over the words of posts that name exactly one candidate, read through the same
// `opinionWords` the `lexicon` condition uses: partisan vs neutral, and for partisan posts support vs against the
// named candidate. Only the tune split is read, so the check split stays a fair measure. Deterministic: no random
// start, a fixed number of full-batch steps, words in code-unit order. LEXICON_DEBUG=FILE also writes each labelled
// post's words (all splits) to FILE, for tuning the rules' thresholds; never commit that file.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadElection } from '../../src/load/election.js';
import { normalizeActivity } from '../../src/normalize/activity.js';
import { ActivityView } from '../../src/rules/activity-view.js';
import { lexiconMentionTerms, opinionWords } from '../../src/rules/conditions/lexicon.js';
import { tokenize } from '../../src/normalize/text.js';
import { candidateTerms, mentionTerms } from '../../src/rules/references.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { TermMatcher } from '../../src/rules/term-matcher.js';
import { textModelOf } from '../../src/rules/text-model.js';
import { BUNDLED_RULES, PACKAGE_ROOT } from '../../src/shared/version.js';
import { readPilkadaDki2017, readPilpres2019 } from '../eval/corpora/corpus-readers.js';
import { ELECTIONS } from '../eval/corpora/corpus-specs.js';
import type { CorpusElection, CorpusText } from '../eval/corpora/corpus-text.js';
import { readText } from '../eval/read-text.js';
import { parseRealLabels } from '../eval/real/real-labels.js';
import { REAL_LABELS } from '../eval/real/run-real.js';
import { FUNCTION_WORDS, TOPIC_WORDS } from './function-words.js';

const OUTPUT = 'rules/opinion-lexicon.yaml';
const CORPORA = '../shared/corpora';
const SOURCES: { election: CorpusElection; file: string; read: (csv: string) => { texts: CorpusText[] } }[] = [
  { election: 'pilpres-2019', file: 'pilpres-2019-tweets/dataset.csv', read: readPilpres2019 },
  {
    election: 'pilkada-dki-2017',
    file: 'pilkada-dki-2017/dataset_tweet_sentiment_pilkada_DKI_2017.csv',
    read: readPilkadaDki2017,
  },
];
/** A word must occur in this many training posts to get a weight: rarer ones would only memorise posts. */
const MIN_POSTS = 3;
/** L2 penalty and steps of the full-batch gradient descent. */
const PENALTY = 0.005;
const STEPS = 1500;
const RATE = 0.5;
/** Weights smaller than this (after rounding to two decimals) are dropped: they decide nothing. */
const MIN_WEIGHT = 0.1;

interface Example {
  words: string[];
  partisan: boolean;
  /** For partisan posts: true = support of the named candidate, false = against, null = not known. */
  support: boolean | null;
}

async function main(): Promise<void> {
  const root = PACKAGE_ROOT;
  const posts = parseRealLabels(await readText(root, REAL_LABELS), REAL_LABELS).filter(
    (p) => (p.split === 'tune' || process.env.LEXICON_DEBUG) && p.label !== 'unclear',
  );
  const byId = new Map(posts.map((p) => [p.id, p]));
  // The pack without the lexicon being made: the words are read as the rules read them, and a stale or broken
  // lexicon file cannot stop its own regeneration.
  const ruleFiles = (await readdir(BUNDLED_RULES))
    .filter((f) => f.endsWith('.yaml') && join('rules', f) !== OUTPUT)
    .sort()
    .map((f) => join(BUNDLED_RULES, f));
  const pack = await loadRulePack(ruleFiles);
  const examples: Example[] = [];
  const debug: { id: string; number: number | null; words: string[] }[] = [];
  // Words of one election (names, accounts, slogans, parties) must not become weights of a pack every election uses,
  // and forms of address (`pak`, `bu`) come with any name, so they carry no opinion either.
  const electionWords = new Set<string>(pack.vocabulary.forms_of_address ?? []);
  for (const source of SOURCES) {
    const election = await loadElection(join(root, ELECTIONS[source.election].file));
    for (const c of election.candidates)
      for (const term of [
        ...mentionTerms(c),
        ...['slogans', 'accounts', 'parties'].flatMap((r) => candidateTerms(c, r)),
      ])
        for (const word of tokenize(term.replace(/^[@#]/, ''))) electionWords.add(word);
    // The election's own name and context words (`jakarta`, `dki`, `2019`) are places and dates of that one race.
    for (const term of [election.name, ...election.context]) for (const word of tokenize(term)) electionWords.add(word);
    for (const party of election.parties)
      for (const term of [party.name, ...party.aliases]) for (const word of tokenize(term)) electionWords.add(word);
    const text = textModelOf(pack, election);
    const matchers = election.candidates.map((c) => ({
      candidate: c,
      matcher: new TermMatcher(lexiconMentionTerms(c)),
    }));
    const rows = source.read(await readText(join(root, CORPORA), source.file)).texts;
    for (const row of rows) {
      const post = byId.get(row.id);
      if (!post) continue;
      const normalized = normalizeActivity(
        {
          source: { file: 'corpus', line: 1 },
          fields: {
            platform: 'x',
            account: 'corpus',
            type: 'post',
            timestamp: ELECTIONS[source.election].start,
            text: row.text,
          },
        },
        election.timeZone,
      );
      if (!normalized.ok) continue;
      const view = new ActivityView(normalized.activity, election, text);
      const tokens = view.tokens('text');
      const roots = view.roots('text');
      const named = matchers
        .map((m) => ({ ...m, hits: m.matcher.findAll(tokens, roots) }))
        .filter((m) => m.hits.length > 0);
      if (named.length !== 1) continue;
      const { candidate, hits } = named[0]!;
      let support: boolean | null = null;
      if (post.side) {
        if (post.side.number === candidate.number) support = post.side.stance === 'support';
        // With two pairs, supporting one is attacking the other.
        else if (election.candidates.length === 2) support = post.side.stance === 'against';
      }
      debug.push({
        id: post.id,
        number: candidate.number,
        words: opinionWords(view, 'text', hits).filter(
          (w) => !electionWords.has(w) && !FUNCTION_WORDS.has(w) && !TOPIC_WORDS.has(w),
        ),
      });
      if (post.split !== 'tune') continue;
      examples.push({
        words: opinionWords(view, 'text', hits).filter(
          (w) => !electionWords.has(w) && !FUNCTION_WORDS.has(w) && !TOPIC_WORDS.has(w),
        ),
        partisan: post.label === 'partisan',
        support,
      });
    }
  }
  if (process.env.LEXICON_DEBUG) await writeFile(process.env.LEXICON_DEBUG, JSON.stringify(debug), 'utf8');
  const vocabulary = wordsInAtLeast(examples, MIN_POSTS);
  const partisanWeights = fitLogistic(examples, vocabulary, (e) => e.partisan);
  const stanceExamples = examples.filter((e) => e.partisan && e.support !== null);
  const stanceWeights = fitLogistic(stanceExamples, vocabulary, (e) => e.support === true);
  const terms: Record<string, [number, number]> = {};
  for (const [i, word] of vocabulary.entries()) {
    const p = round(partisanWeights.weights[i]!);
    const s = round(stanceWeights.weights[i]!);
    if (Math.abs(p) >= MIN_WEIGHT || Math.abs(s) >= MIN_WEIGHT) terms[word] = [p, s];
  }
  const lexicon = {
    about: `Learned by tools/lexicon/learn-opinion-lexicon.ts from the tune split of fixtures/eval/real/labels.csv: ${examples.length} posts naming one candidate (${stanceExamples.length} with a known stance). Weights are log-odds: [toward partisan, toward support (+) or against (-)].`,
    terms,
  };
  const header = [
    '# yaml-language-server: $schema=../schemas/rules.schema.json',
    '# GENERATED by `npm run learn:lexicon` (tools/lexicon/learn-opinion-lexicon.ts); do not edit by hand.',
    '# Read by the `lexicon` condition of the endorsement rules: every word found and its weights are the evidence.',
    '',
  ].join('\n');
  const lines = [
    'lexicons:',
    '  opinion:',
    `    about: ${JSON.stringify(lexicon.about)}`,
    `    # The intercepts (partisan ${round(partisanWeights.bias)}, stance ${round(stanceWeights.bias)}) are the corpus's base rate and are not used.`,
    '    # word: [partisan weight, stance weight]',
    '    terms:',
    ...Object.entries(terms).map(([word, [p, s]]) => `      ${word}: [${p}, ${s}]`),
  ];
  await writeFile(join(root, OUTPUT), `${header}${lines.join('\n')}\n`, 'utf8');
  console.log(
    `${OUTPUT}: ${Object.keys(terms).length} words from ${examples.length} posts (${vocabulary.length} words seen in ${MIN_POSTS}+ posts)`,
  );
}

function wordsInAtLeast(examples: readonly Example[], min: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const w of e.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= min)
    .map(([w]) => w)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** L2-penalised logistic regression by full-batch gradient descent over binary word features. */
function fitLogistic(examples: readonly Example[], vocabulary: readonly string[], label: (e: Example) => boolean) {
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const rows = examples.map((e) => ({
    features: e.words.map((w) => index.get(w)).filter((i): i is number => i !== undefined),
    y: label(e) ? 1 : 0,
  }));
  const weights = new Float64Array(vocabulary.length);
  let bias = 0;
  const n = rows.length;
  for (let step = 0; step < STEPS; step++) {
    const gradient = new Float64Array(vocabulary.length);
    let gradientBias = 0;
    for (const row of rows) {
      let z = bias;
      for (const f of row.features) z += weights[f]!;
      const error = 1 / (1 + Math.exp(-z)) - row.y;
      gradientBias += error;
      for (const f of row.features) gradient[f]! += error;
    }
    bias -= (RATE * gradientBias) / n;
    for (let i = 0; i < weights.length; i++) weights[i]! -= RATE * (gradient[i]! / n + PENALTY * weights[i]!);
  }
  return { weights: [...weights], bias };
}

function round(n: number): number {
  return Math.round(n * 100) / 100 || 0;
}

await main();
