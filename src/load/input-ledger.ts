// The run's record of activity inputs: each file read with its row count, each file skipped with why.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { TextEncoding } from './encoding.js';
import type { LoadedItem } from './loaded-item.js';

export interface InputFile {
  path: string;
  format: string;
  encoding: TextEncoding | null;
  sha256: string;
  rows: number;
}

/** A file inside a folder or .zip that was not read as activity, and why: listed in the report, never dropped silently. */
export interface SkippedInput {
  path: string;
  reason: string;
}

const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.js', '.zip']);
const DATA_TYPES_TEXT = 'expected .csv .tsv .txt .json .ndjson .jsonl .js or .zip';

/** Whether a file's extension is one activity is read from; files of other types in a folder or .zip are skipped. */
export function isActivityFileType(name: string): boolean {
  return DATA_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Lists a file whose type activity is never read from as skipped. */
export function skipFileType(ledger: { skipped?: SkippedInput[] }, path: string): void {
  skip(ledger, path, `not an activity file type (${DATA_TYPES_TEXT})`);
}

/** Lists a file as skipped; a long reason (every problem of a file) is cut so the report stays readable. */
export function skip(ledger: { skipped?: SkippedInput[] }, path: string, reason: string): void {
  ledger.skipped?.push({ path, reason: reason.length > 300 ? `${reason.slice(0, 300)}…` : reason });
}

/** Registers the input and counts every item it yields: the report's per-file row counts. */
export async function* counted(
  inputs: InputFile[],
  input: InputFile,
  items: (input: InputFile) => AsyncIterable<LoadedItem> | Iterable<LoadedItem>,
): AsyncGenerator<LoadedItem> {
  inputs.push(input);
  for await (const item of items(input)) {
    input.rows++;
    yield item;
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
