// Every `scan` option, declared once: scan-command.ts builds the commander options from this table and
// config-file.ts the config-file schema, so a flag cannot exist without its config key or the other way round.
import { FORMATS } from '../report/index.js';
import { SEVERITIES } from '../shared/types.js';

interface OptionBase {
  /** As commander reads them: `-o, --output <file>`. Commander stores the value under the table's key for it. */
  flags: string;
  /** Its key in asn-audit.config.*: the long flag in snake_case (`--fail-on` → `fail_on`). */
  configKey: string;
  help: string;
}

export type ScanOptionSpec = OptionBase &
  (
    | /** A file or folder; in the config file, relative to the file's folder. */
    { type: 'path'; required?: true; written?: true }
    /** A repeatable path flag; the config file gives one path or a list. `written`: an output, the others are read. */
    | { type: 'paths'; written?: true }
    /** A string; `expected` is what the config file is told when it gives another type. */
    | { type: 'text'; expected?: string }
    | { type: 'choice'; choices: readonly string[]; default?: string }
    /** On when given; `negation` is the help of `--no-…`, which turns it off (the config file says `false`). */
    | { type: 'switch'; negation?: string }
    /** A whole number from min to max; `expected` says what it counts. */
    | { type: 'count'; min: number; max: number; expected: string }
  );

const DATE_OR_PHASE = 'expected a date YYYY-MM-DD or a phase id, as a string';

/** Keyed by commander's attribute name (`--fail-on` → `failOn`); the help lists them in this order. */
export const SCAN_OPTIONS = {
  roster: {
    flags: '--roster <file>',
    configKey: 'roster',
    type: 'path',
    required: true,
    help: 'roster of ASN (CSV or JSON)',
  },
  election: {
    flags: '--election <file>',
    configKey: 'election',
    type: 'path',
    required: true,
    help: 'election file (YAML or JSON)',
  },
  rules: {
    flags: '--rules <path>',
    configKey: 'rules',
    type: 'paths',
    help: 'rule file or folder (repeatable; default: the bundled pack)',
  },
  format: { flags: '--format <format>', configKey: 'format', type: 'choice', choices: FORMATS, help: 'output format' },
  output: {
    flags: '-o, --output <file>',
    configKey: 'output',
    type: 'paths',
    written: true,
    help: 'write the report to a file, atomically (repeatable; format from the extension; - is standard output)',
  },
  rejected: {
    flags: '--rejected <file>',
    configKey: 'rejected',
    type: 'path',
    written: true,
    help: 'write every rejected row to this file as NDJSON (file, line, reason), however many; the report lists the first 1000',
  },
  nip: {
    flags: '--nip <nip>',
    configKey: 'nip',
    type: 'text',
    // YAML reads a bare 18-digit NIP as a number, which has already lost its last digits.
    expected: 'expected the NIP as a string in quotes, e.g. "198507222010012012"',
    help: 'the person the platform data downloads belong to',
  },
  sheet: {
    flags: '--sheet <name>',
    configKey: 'sheet',
    type: 'text',
    expected: 'expected the name of a sheet, as a string',
    help: 'the sheet read from each .xlsx workbook (default: the first)',
  },
  since: {
    flags: '--since <date|phase>',
    configKey: 'since',
    type: 'text',
    expected: DATE_OR_PHASE,
    help: 'only activity from this date or the start of this phase',
  },
  until: {
    flags: '--until <date|phase>',
    configKey: 'until',
    type: 'text',
    expected: DATE_OR_PHASE,
    help: 'only activity up to this date or the end of this phase',
  },
  failOn: {
    flags: '--fail-on <severity>',
    configKey: 'fail_on',
    type: 'choice',
    choices: [...SEVERITIES, 'none'],
    default: 'low',
    help: 'exit 1 when an open (unreviewed or needs_evidence) finding at or above this exists',
  },
  baseline: {
    flags: '--baseline <file>',
    configKey: 'baseline',
    type: 'path',
    help: 'previous JSON report or suppression file: findings in it are marked suppressed',
  },
  decisions: {
    flags: '--decisions <file>',
    configKey: 'decisions',
    type: 'path',
    help: 'decisions file (review add writes it): reviewed findings carry the decision; confirmed, dismissed and escalated ones no longer fail',
  },
  csvSeparator: {
    flags: '--csv-separator <sep>',
    configKey: 'csv_separator',
    type: 'choice',
    choices: [',', ';'],
    default: ',',
    help: 'CSV column separator: , or ; (Excel set to the Indonesian locale)',
  },
  lang: {
    flags: '--lang <lang>',
    configKey: 'lang',
    type: 'choice',
    choices: ['id', 'en'],
    default: 'id',
    help: 'language of messages',
  },
  redact: {
    flags: '--redact',
    configKey: 'redact',
    type: 'switch',
    help: 'pseudonymise NIPs, names and handles in every output (keyed by --redact-key or ASN_AUDIT_REDACT_KEY)',
  },
  redactKey: {
    flags: '--redact-key <key>',
    configKey: 'redact_key',
    type: 'text',
    help: 'secret that keeps pseudonyms the same across runs',
  },
  redactKeyFile: {
    flags: '--redact-key-file <file>',
    configKey: 'redact_key_file',
    type: 'path',
    help: 'read the --redact-key secret from a file (keeps it out of shell history)',
  },
  strict: {
    flags: '--strict',
    configKey: 'strict',
    type: 'switch',
    help: 'stop at the first bad row (exit 2) instead of rejecting it, and exit 2 on any skipped input',
  },
  failOnSkipped: {
    flags: '--fail-on-skipped',
    configKey: 'fail_on_skipped',
    type: 'switch',
    help: 'exit 2 when any file in a folder or download was not read (for CI)',
  },
  quiet: {
    flags: '-q, --quiet',
    configKey: 'quiet',
    type: 'switch',
    help: 'print nothing on standard output unless asked with --format or -o -',
  },
  color: {
    flags: '--color',
    configKey: 'color',
    type: 'switch',
    help: 'colours in the terminal table even on a pipe (also FORCE_COLOR=1)',
    negation: 'no colours in the terminal table (also NO_COLOR, FORCE_COLOR=0, TERM=dumb)',
  },
  jobs: {
    flags: '--jobs <n>',
    configKey: 'jobs',
    type: 'count',
    min: 1,
    // More threads than that only wait on the reader.
    max: 64,
    expected: 'a whole number of threads from 1 to 64',
    help: 'threads that evaluate rules (default: one per core, on scans of more than a few thousand rows)',
  },
} as const satisfies Record<string, ScanOptionSpec>;

type Specs = typeof SCAN_OPTIONS;
type ValueOf<S> = S extends { type: 'paths' }
  ? string[]
  : S extends { type: 'switch' }
    ? boolean
    : S extends { type: 'count' }
      ? number
      : S extends { choices: readonly (infer C)[] }
        ? C
        : string;
/** Options that always have a value: required ones and those with a default. */
type Given = { [A in keyof Specs]: Specs[A] extends { required: true } | { default: string } ? A : never }[keyof Specs];

/** The values commander gives the scan action, typed from the table. */
export type ScanFlags = { [A in Given]: ValueOf<Specs[A]> } & {
  [A in Exclude<keyof Specs, Given>]?: ValueOf<Specs[A]>;
};
