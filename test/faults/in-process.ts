// Runs `main` from src/cli in this process with captured output: the whole scan, without the cost of spawning node.
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FAULTS = resolve(ROOT, 'fixtures/faults');
export const DEMO_ROSTER = resolve(ROOT, 'fixtures/demo/roster.csv');
export const DEMO_ELECTION = resolve(ROOT, 'fixtures/demo/election.yaml');

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `where` replaces the working folder (ROOT) and the environment (colour off). */
export async function runMain(
  argv: string[],
  stdin: string | Uint8Array = '',
  where: { cwd?: string; env?: CliIo['env'] } = {},
): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: (async function* () {
      if (stdin.length > 0) yield stdin;
    })(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: where.env ?? { NO_COLOR: '1' },
    cwd: where.cwd ?? ROOT,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export interface ReportSummary {
  rows_read: number;
  rows_evaluated: number;
  rows_rejected: number;
  rows_unmatched: number;
  findings: number;
}

export interface ScanReport {
  summary: ReportSummary;
  rejected: { file: string; line: number; code: string; reason: string }[];
  persons: {
    nip: string;
    findings: { rule: string; category: string; activity: { id: string; text: string; source: { line: number } } }[];
  }[];
  inputs: { path: string; format: string; encoding: string | null; rows: number }[];
}

/** `scan <activity> --format json` against the demo roster and election (unless given), parsed. */
export async function scanJson(
  activity: string[],
  extra: string[] = [],
): Promise<{ run: MainRun; report: ScanReport | null }> {
  // Errors as text: the fault tests read the messages as users see them (JSON errors: test/cli/error-format.test.ts).
  // In English unless asked: the fault tests check the English wording (Indonesian: test/load/rejection-reasons.test.ts).
  const flags = ['--format', 'json', '--error-format', 'text', ...extra];
  if (!extra.includes('--lang')) flags.push('--lang', 'en');
  if (!extra.includes('--roster')) flags.push('--roster', DEMO_ROSTER);
  if (!extra.includes('--election')) flags.push('--election', DEMO_ELECTION);
  const run = await runMain(['scan', ...activity, ...flags]);
  const report = run.code === 2 ? null : (JSON.parse(run.stdout) as ScanReport);
  return { run, report };
}

/** Every row read ends as exactly one of evaluated, rejected or unmatched. */
export function rowsBalance(summary: ReportSummary): boolean {
  return summary.rows_read === summary.rows_evaluated + summary.rows_rejected + summary.rows_unmatched;
}
