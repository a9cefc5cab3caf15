// The library surface, `import … from 'asn-audit'`: scan, render, redact, and the schemas and types of the files.
// Options speak of what a program has (paths, a window, a language), not of the command line's flags.
import { runScan as runPipeline, type ScanOutcome } from './audit.js';
import { type FormatName, formatters } from './report/index.js';
import type { Report } from './schemas/report-schema.js';
import type { Lang } from './shared/types.js';
import { BUNDLED_RULES, VERSION } from './shared/version.js';

export interface ScanRequest {
  /** Activity files or folders (CSV, JSON, NDJSON, platform downloads, .zip); `'-'` reads `stdin`. */
  activity: string[];
  /** The roster of ASN (CSV or JSON). */
  roster: string;
  /** The election (YAML or JSON). */
  election: string;
  /** Rule files or folders; default: the pack bundled with asn-audit. */
  rules?: string[];
  /** Only activity in this window: dates (`2024-09-25`) or the names of the election's phases. */
  window?: { since?: string; until?: string };
  /** The person platform data downloads belong to, when the download does not say. */
  downloadOwnerNip?: string;
  /** A previous JSON report or suppression file: its findings are marked suppressed. */
  baseline?: string;
  /** Language of the report's messages; default `'id'`. */
  language?: Lang;
  /** What a bad row does: `'reject'` lists it in the report (default), `'stop'` throws an AuditError. */
  badRows?: 'reject' | 'stop';
  /** What an unreadable file inside a folder or download does: `'report'` lists it (default), `'stop'` throws. */
  skippedInputs?: 'report' | 'stop';
  /** Where `'-'` reads from; default `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Called every 10 000 rows read. */
  onProgress?: (rowsRead: number) => void;
}

export type { ScanOutcome };

/**
 * Runs a scan: loads the election, roster and rules, streams the activity through them, and returns the report
 * (and the roster's persons, which `redactReport` needs). Bad input throws an `AuditError` listing its problems.
 */
export function runScan(request: ScanRequest): Promise<ScanOutcome> {
  return runPipeline({
    activity: request.activity,
    roster: request.roster,
    election: request.election,
    rules: request.rules ?? [BUNDLED_RULES],
    ...(request.window?.since !== undefined ? { since: request.window.since } : {}),
    ...(request.window?.until !== undefined ? { until: request.window.until } : {}),
    ...(request.downloadOwnerNip !== undefined ? { nip: request.downloadOwnerNip } : {}),
    ...(request.baseline !== undefined ? { baseline: request.baseline } : {}),
    lang: request.language ?? 'id',
    strict: request.badRows === 'stop',
    failOnSkipped: request.skippedInputs === 'stop',
    version: VERSION,
    stdin: request.stdin ?? process.stdin,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}

/** The report in one of the formats (`'table'`, `'json'`, `'markdown'`, …), as `scan --format` writes it. */
export function formatReport(
  report: Report,
  format: FormatName,
  options: { language?: Lang; color?: boolean; width?: number } = {},
): string {
  return formatters[format](report, {
    lang: options.language ?? report.lang,
    color: options.color ?? false,
    ...(options.width !== undefined ? { width: options.width } : {}),
  });
}

export {
  FORMATS,
  FORMAT_EXTENSIONS,
  formatForPath,
  formatters,
  redactReport,
  type FormatName,
  type FormatOptions,
  type Formatter,
  type RedactionSubject,
} from './report/index.js';
export {
  reportSchema,
  personSchema,
  findingSchema,
  ndjsonLineSchema,
  type Report,
  type ReportPerson,
  type Finding,
  type NdjsonLine,
} from './schemas/report-schema.js';
export { electionSchema, type ElectionFile } from './schemas/election-schema.js';
export { rosterDocumentSchema } from './schemas/roster-schema.js';
export { ruleFileSchema, ruleSchema, type Rule, type RuleFile } from './rules/rule-schema.js';
export { AuditError, type Problem } from './shared/errors.js';
export { SEVERITIES, type Lang, type Severity, type Person } from './shared/types.js';
export { BUNDLED_RULES, VERSION };
