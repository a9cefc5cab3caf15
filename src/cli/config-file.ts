// The config file `asn-audit.config.(yaml|yml|json)`: defaults for any `scan` option, validated strictly, paths relative to the file.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { readStructuredFile } from '../load/structured-file.js';
import { FORMATS } from '../report/index.js';
import { AuditError } from '../shared/errors.js';
import { SEVERITIES } from '../shared/types.js';
import { zodProblems } from '../schemas/zod-problems.js';

/** Looked for in the working directory, in this order; two of them at once is an error rather than a silent pick. */
export const CONFIG_FILE_NAMES = ['asn-audit.config.yaml', 'asn-audit.config.yml', 'asn-audit.config.json'] as const;

const path = z.string().min(1);
const pathList = z.union([path, z.array(path).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** Keys are the `scan` flags in snake_case (`--fail-on` → `fail_on`). */
export const configFileSchema = z.strictObject({
  roster: path.optional(),
  election: path.optional(),
  rules: pathList.optional(),
  format: z.enum(FORMATS).optional(),
  output: pathList.optional(),
  // YAML reads a bare 18-digit NIP as a number, which has already lost its last digits.
  nip: z.string('expected the NIP as a string in quotes, e.g. "198507222010012012"').optional(),
  since: z.string('expected a date YYYY-MM-DD or a phase id, as a string').min(1).optional(),
  until: z.string('expected a date YYYY-MM-DD or a phase id, as a string').min(1).optional(),
  fail_on: z.enum([...SEVERITIES, 'none']).optional(),
  baseline: path.optional(),
  lang: z.enum(['id', 'en']).optional(),
  strict: z.boolean().optional(),
  fail_on_skipped: z.boolean().optional(),
  quiet: z.boolean().optional(),
  redact: z.boolean().optional(),
  redact_key: z.string().min(1).optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;

const PATH_KEYS = [
  'roster',
  'election',
  'rules',
  'output',
  'baseline',
] as const satisfies readonly (keyof ConfigFile)[];

export interface ScanConfig {
  /** The config file as the user would name it. */
  file: string;
  /** Values keyed by commander's attribute names (`failOn`), paths already relative to the working directory. */
  values: Record<string, string | string[] | boolean>;
}

/**
 * The config to apply: `explicit` (from `--config`) or the one config file in `cwd`; null when there is none.
 * Throws AuditError listing every problem in the file.
 */
export async function loadScanConfig(explicit: string | undefined, cwd: string): Promise<ScanConfig | null> {
  const file = explicit ?? findConfigFile(cwd);
  if (file === null) return null;
  const absolute = resolve(cwd, file);
  const { data } = await readStructuredFile(absolute, 'config file').catch((error: unknown) => {
    // Messages name the file as the user knows it, not by the absolute path read.
    if (error instanceof AuditError)
      throw new AuditError(
        error.problems.map((p) => ({ ...p, file })),
        error.hint,
      );
    throw error;
  });
  // A file whose every line is commented out sets nothing, like an empty object.
  // reportInput: without it every wrong type reads as a missing field in the messages.
  const parsed = configFileSchema.safeParse(data ?? {}, { reportInput: true });
  if (!parsed.success) {
    const unknownKey = parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys');
    throw new AuditError(
      zodProblems(parsed.error, file),
      unknownKey ? `a config file may set: ${Object.keys(configFileSchema.shape).join(', ')}` : undefined,
    );
  }
  return { file, values: scanValues(parsed.data, dirname(absolute), cwd) };
}

function findConfigFile(cwd: string): string | null {
  const present = CONFIG_FILE_NAMES.filter((name) => existsSync(resolve(cwd, name)));
  if (present.length > 1)
    throw new AuditError({
      file: present.join(', '),
      message: 'more than one config file in this folder: keep one, or choose with --config',
    });
  return present[0] ?? null;
}

function scanValues(config: ConfigFile, folder: string, cwd: string): ScanConfig['values'] {
  const fromFolder = (p: string): string => (isAbsolute(p) ? p : relative(cwd, resolve(folder, p)) || '.');
  const values: ScanConfig['values'] = {};
  for (const [key, value] of Object.entries(config) as [keyof ConfigFile, string | string[] | boolean | undefined][]) {
    if (value === undefined) continue;
    const isPath = (PATH_KEYS as readonly string[]).includes(key);
    values[attributeName(key)] = !isPath
      ? value
      : Array.isArray(value)
        ? value.map(fromFolder)
        : fromFolder(String(value));
  }
  return values;
}

/** `fail_on` → `failOn`, the name commander stores the value of `--fail-on` under. */
function attributeName(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
