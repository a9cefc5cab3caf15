// `npm run eval`: scans the labelled sets with the built CLI, prints precision/recall/F1 and every disagreement, then the corpora.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AuditError } from '../../src/shared/errors.js';
import { PACKAGE_ROOT } from '../../src/shared/version.js';
import { renderCorpora } from './corpora/render-corpora.js';
import { runCorpora } from './corpora/run-corpora.js';
import { realSections, renderReal, renderRealDetails } from './real/render-real.js';
import { runReal } from './real/run-real.js';
import { categoriesById, parseFindingsNdjson } from './findings-ndjson.js';
import { parseLabelledSet } from './labelled-set.js';
import { readText } from './read-text.js';
import { renderScore } from './render-score.js';
import { runScan, type ScanInputs } from './run-scan.js';
import { scoreRows, thresholdFailures, type Thresholds } from './score.js';

const LABELLED = {
  activity: 'fixtures/eval/activity.csv',
  roster: 'fixtures/eval/roster.csv',
  election: 'fixtures/demo/election.yaml',
};
/** Written without seeing the rules, so its numbers are the honest ones; the development set above is what the pack was tuned on. */
const HOLDOUT = { ...LABELLED, activity: 'fixtures/eval/holdout.csv' };
const SETS_NOTE = 'development set: the rule pack was tuned on it; held-out set: written without seeing the rules';
/** The public corpora live next to the repository, never inside it (their licences forbid shipping them). */
const CORPORA_DIR = '../shared/corpora';

export interface EvalIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE =
  'usage: run-eval [--min-precision N] [--min-recall N] [--holdout-min-precision N] [--holdout-min-recall N] [--no-corpora] [--show-real tune|check]';

/** Exit code: 0 done, 1 below a given threshold, 2 something could not run. */
export async function main(argv: string[], io: EvalIo, repoRoot: string): Promise<number> {
  let options: EvalOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.stderr(`run-eval: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    io.stdout(`${SETS_NOTE}\n\n`);
    const failures = await evaluateLabelledSet(repoRoot, 'Development set', LABELLED, options.thresholds, io);
    io.stdout('\n');
    const holdoutFailures = await evaluateLabelledSet(repoRoot, 'Held-out set', HOLDOUT, options.holdoutThresholds, io);
    failures.push(...holdoutFailures.map((failure) => `held-out ${failure}`));
    if (options.corpora) await evaluateReal(repoRoot, options.showReal, io);
    if (options.corpora) await evaluateCorpora(repoRoot, io);
    if (failures.length > 0) {
      io.stderr(`run-eval: below the required thresholds: ${failures.join('; ')}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    io.stderr(`run-eval: ${error.message}\n`);
    return 2;
  }
}

async function evaluateLabelledSet(
  repoRoot: string,
  title: string,
  inputs: ScanInputs,
  thresholds: Thresholds,
  io: EvalIo,
): Promise<string[]> {
  const rows = parseLabelledSet(await readText(repoRoot, inputs.activity), inputs.activity);
  const findings = parseFindingsNdjson(await runScan(repoRoot, inputs), `scan of ${inputs.activity}`);
  const score = scoreRows(rows, categoriesById(findings));
  io.stdout(`${title} ${inputs.activity}: ${rows.length} rows, ${findings.length} findings\n\n`);
  io.stdout(renderScore(score));
  return thresholdFailures(score, thresholds);
}

async function evaluateReal(repoRoot: string, show: 'tune' | 'check' | null, io: EvalIo): Promise<void> {
  io.stdout('\nReal-text set: corpus tweets labelled for this project (ids and labels in fixtures/eval/real/)\n');
  const corporaDir = join(repoRoot, CORPORA_DIR);
  if (!existsSync(corporaDir)) {
    io.stdout(`  skipped: ${CORPORA_DIR} does not exist (the texts live there, never in the repository)\n`);
    return;
  }
  const run = await runReal(repoRoot, corporaDir, LABELLED.roster);
  io.stdout(`\n${renderReal(realSections(run))}`);
  if (show) io.stdout(`\n${renderRealDetails(run, show)}`);
}

async function evaluateCorpora(repoRoot: string, io: EvalIo): Promise<void> {
  const corporaDir = join(repoRoot, CORPORA_DIR);
  io.stdout('\nPublic corpora (converted on the fly into a temporary folder, never copied into the repository)\n');
  if (!existsSync(corporaDir)) {
    io.stdout(`  skipped: ${CORPORA_DIR} does not exist\n`);
    return;
  }
  io.stdout(`\n${renderCorpora(await runCorpora(repoRoot, corporaDir, LABELLED.roster))}`);
}

export interface EvalOptions {
  /** For the development set (`activity.csv`). */
  thresholds: Thresholds;
  /** For the held-out set; none by default, since its score is there to be read, not to gate. */
  holdoutThresholds: Thresholds;
  corpora: boolean;
  /** Print the texts behind the real-text numbers of this split (for tuning; terminal only). */
  showReal: 'tune' | 'check' | null;
}

/** Reads the command line; throws with a message naming the option when a value is not usable. */
export function parseOptions(argv: string[]): EvalOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'min-precision': { type: 'string' },
      'min-recall': { type: 'string' },
      'holdout-min-precision': { type: 'string' },
      'holdout-min-recall': { type: 'string' },
      'no-corpora': { type: 'boolean' },
      'show-real': { type: 'string' },
    },
    strict: true,
  });
  return {
    thresholds: thresholdsFrom('--', values['min-precision'], values['min-recall']),
    holdoutThresholds: thresholdsFrom('--holdout-', values['holdout-min-precision'], values['holdout-min-recall']),
    corpora: !values['no-corpora'],
    showReal: showSplit(values['show-real']),
  };
}

function showSplit(value: string | undefined): EvalOptions['showReal'] {
  if (value === undefined) return null;
  if (value === 'tune' || value === 'check') return value;
  throw new Error(`--show-real expects tune or check, got "${value}"`);
}

function thresholdsFrom(prefix: string, precision: string | undefined, recall: string | undefined): Thresholds {
  const thresholds: Thresholds = {};
  if (precision !== undefined) thresholds.minPrecision = fraction(`${prefix}min-precision`, precision);
  if (recall !== undefined) thresholds.minRecall = fraction(`${prefix}min-recall`, recall);
  return thresholds;
}

function fraction(option: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new Error(`${option} expects a number from 0 to 1, got "${raw}"`);
  return value;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const repoRoot = PACKAGE_ROOT;
  const io: EvalIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
  main(process.argv.slice(2), io, repoRoot).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`run-eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
