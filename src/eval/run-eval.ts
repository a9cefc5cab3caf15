// `npm run eval`: scans the labelled set with the built CLI, prints precision/recall/F1 and every disagreement, then the corpora.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AuditError } from '../shared/errors.js';
import { renderCorpora } from './corpora/render-corpora.js';
import { runCorpora } from './corpora/run-corpora.js';
import { categoriesById, parseFindingsNdjson } from './findings-ndjson.js';
import { parseLabelledSet } from './labelled-set.js';
import { readText } from './read-text.js';
import { renderScore } from './render-score.js';
import { runScan } from './run-scan.js';
import { scoreRows, thresholdFailures, type Thresholds } from './score.js';

const LABELLED = { activity: 'fixtures/eval/activity.csv', roster: 'fixtures/eval/roster.csv', election: 'fixtures/demo/election.yaml' };
/** The public corpora live next to the repository, never inside it (their licences forbid shipping them). */
const CORPORA_DIR = '../shared/corpora';

export interface EvalIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: run-eval [--min-precision N] [--min-recall N] [--no-corpora]';

/** Exit code: 0 done, 1 below a given threshold, 2 something could not run. */
export async function main(argv: string[], io: EvalIo, repoRoot: string): Promise<number> {
  let options: { thresholds: Thresholds; corpora: boolean };
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.stderr(`run-eval: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const failures = await evaluateLabelledSet(repoRoot, options.thresholds, io);
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

async function evaluateLabelledSet(repoRoot: string, thresholds: Thresholds, io: EvalIo): Promise<string[]> {
  const rows = parseLabelledSet(await readText(repoRoot, LABELLED.activity), LABELLED.activity);
  const findings = parseFindingsNdjson(await runScan(repoRoot, LABELLED), 'scan of the labelled set');
  const score = scoreRows(rows, categoriesById(findings));
  io.stdout(`Labelled set ${LABELLED.activity}: ${rows.length} rows, ${findings.length} findings\n\n`);
  io.stdout(renderScore(score));
  return thresholdFailures(score, thresholds);
}

async function evaluateCorpora(repoRoot: string, io: EvalIo): Promise<void> {
  const corporaDir = join(repoRoot, CORPORA_DIR);
  io.stdout('\nPublic corpora (converted on the fly into a temporary folder, never copied into the repository)\n');
  if (!existsSync(corporaDir)) {
    io.stdout(`  skipped: ${CORPORA_DIR} does not exist\n`);
    return;
  }
  io.stdout('\n' + renderCorpora(await runCorpora(repoRoot, corporaDir, LABELLED.roster)));
}

function parseOptions(argv: string[]): { thresholds: Thresholds; corpora: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { 'min-precision': { type: 'string' }, 'min-recall': { type: 'string' }, 'no-corpora': { type: 'boolean' } },
    strict: true,
  });
  const thresholds: Thresholds = {};
  if (values['min-precision'] !== undefined) thresholds.minPrecision = fraction('--min-precision', values['min-precision']);
  if (values['min-recall'] !== undefined) thresholds.minRecall = fraction('--min-recall', values['min-recall']);
  return { thresholds, corpora: !values['no-corpora'] };
}

function fraction(option: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${option} expects a number from 0 to 1, got "${raw}"`);
  return value;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const io: EvalIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
  main(process.argv.slice(2), io, repoRoot).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`run-eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
