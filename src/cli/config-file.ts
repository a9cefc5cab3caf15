// The config file `asn-audit.config.(yaml|yml|json)`: defaults for any `scan` option, validated strictly, paths relative to the file.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { readStructuredFile } from '../load/structured-file.js';
import { AuditError } from '../shared/errors.js';
import { zodProblems } from '../schemas/zod-problems.js';
import { SCAN_OPTIONS, type ScanOptionSpec } from './scan-options.js';

/** Looked for in the working directory, in this order; two of them at once is an error rather than a silent pick. */
export const CONFIG_FILE_NAMES = ['asn-audit.config.yaml', 'asn-audit.config.yml', 'asn-audit.config.json'] as const;

const path = z.string().min(1);
const pathList = z.union([path, z.array(path).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

function configSchemaOf(spec: ScanOptionSpec): z.ZodType {
  switch (spec.type) {
    case 'path':
      return path;
    case 'paths':
      return pathList;
    case 'text':
      return (spec.expected ? z.string(spec.expected) : z.string()).min(1);
    case 'choice':
      return z.enum(spec.choices as [string, ...string[]]);
    case 'switch':
      return z.boolean();
    case 'count': {
      const expected = `expected ${spec.expected}`;
      return z.int(expected).min(spec.min, expected).max(spec.max, expected);
    }
  }
}

const OPTIONS = Object.entries(SCAN_OPTIONS) as [string, ScanOptionSpec][];

/** One key per `scan` option (scan-options.ts), each optional; `color: false` is `--no-color`. */
export const configFileSchema = z.strictObject(
  Object.fromEntries(OPTIONS.map(([, spec]) => [spec.configKey, configSchemaOf(spec).optional()])),
);

/** The config key of each option → the attribute commander stores its value under, and whether it is a path. */
const BY_KEY = new Map(
  OPTIONS.map(([attribute, spec]) => [
    spec.configKey,
    { attribute, isPath: spec.type === 'path' || spec.type === 'paths' },
  ]),
);

export interface ScanConfig {
  /** The config file as the user would name it. */
  file: string;
  /** Values keyed by commander's attribute names (`failOn`), paths already relative to the working directory. */
  values: Record<string, string | string[] | boolean | number>;
}

/**
 * The config to apply: `explicit` (from `--config`) or the one config file in `cwd`; null when there is none.
 * Throws AuditError listing every problem in the file.
 */
export async function loadScanConfig(explicit: string | undefined, cwd: string): Promise<ScanConfig | null> {
  const file = explicit ?? findConfigFile(cwd);
  if (file === null) return null;
  const absolute = resolve(cwd, file);
  const { data, lineOf } = await readStructuredFile(absolute, 'config file').catch((error: unknown) => {
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
      zodProblems(parsed.error, file, [], lineOf),
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

function scanValues(config: Record<string, unknown>, folder: string, cwd: string): ScanConfig['values'] {
  const fromFolder = (p: string): string => (isAbsolute(p) ? p : relative(cwd, resolve(folder, p)) || '.');
  const values: ScanConfig['values'] = {};
  for (const [key, value] of Object.entries(config) as [string, string | string[] | boolean | number | undefined][]) {
    const option = BY_KEY.get(key);
    if (value === undefined || option === undefined) continue;
    values[option.attribute] = !option.isPath
      ? value
      : Array.isArray(value)
        ? value.map(fromFolder)
        : fromFolder(String(value));
  }
  return values;
}
