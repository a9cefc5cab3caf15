// The run's record of activity inputs: each file read with its row count, each file skipped with why.
import { createHash } from 'node:crypto';
import { dirname, extname } from 'node:path';
import type { TextEncoding } from './encoding.js';
import type { LoadedItem } from './loaded-item.js';
import { isXlsx, workbookKind } from './spreadsheet.js';

export interface InputFile {
  path: string;
  format: string;
  encoding: TextEncoding | null;
  sha256: string;
  rows: number;
  /** Rows of bare separators (Excel's `;;;;`), skipped as blank: not in `rows`. */
  blankRows?: number;
}

/** A file inside a folder or .zip that could not be read, and why: listed in the report, never dropped silently. */
export interface SkippedInput {
  path: string;
  reason: string;
}

/**
 * Files that are not activity at all (photos, videos, the viewer's HTML, platform files of other data), counted
 * per folder or archive and reason rather than listed one by one: a download holds thousands of them. Unlike a
 * skipped input, nothing that might hold activity is here.
 */
export interface NotActivity {
  /** The folder or archive they are in. */
  path: string;
  files: number;
  reason: string;
}

/** Where a reader records what it did not read. */
export interface Ledger {
  skipped?: SkippedInput[];
  notActivity?: NotActivity[];
}

const DATA_EXTENSIONS = new Set([
  '.csv',
  '.tsv',
  '.txt',
  '.json',
  '.ndjson',
  '.jsonl',
  '.js',
  '.zip',
  '.xlsx',
  '.xlsm',
]);
const DATA_TYPES_TEXT = 'expected .csv .tsv .txt .json .ndjson .jsonl .js .xlsx or .zip';

/** Whether a file's extension is one activity is read from; files of other types in a folder or .zip are skipped. */
export function isActivityFileType(name: string): boolean {
  return DATA_EXTENSIONS.has(extname(name).toLowerCase());
}

const MEDIA =
  /\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|ico|mp4|mov|m4v|webm|mkv|avi|3gp|mp3|m4a|aac|ogg|opus|wav)$/i;

/**
 * Counts a file whose type activity is never read from (a photo, a video, a web page) as not activity. A workbook
 * is listed as skipped instead: it may well hold the activity, and `--fail-on-skipped` should stop on it.
 */
export function skipFileType(ledger: Ledger, path: string): void {
  if (isXlsx(path)) {
    skip(ledger, path, 'an Excel workbook inside an archive is not read: unpack it and give the workbook itself');
    return;
  }
  const workbook = workbookKind(path);
  if (workbook) {
    skip(ledger, path, `${workbook}, which asn-audit does not read: save its sheets as CSV to scan them`);
    return;
  }
  const ext = extname(path).toLowerCase() || '(no extension)';
  notActivity(
    ledger,
    path,
    MEDIA.test(path) ? `images, video and audio (${ext})` : `not an activity file type, ${ext} (${DATA_TYPES_TEXT})`,
  );
}

/** Counts a file that is not activity under its folder or archive (`a.zip!x/y.jpg` counts under `a.zip`). */
export function notActivity(ledger: Ledger, path: string, reason: string): void {
  const bang = path.lastIndexOf('!');
  const container = bang >= 0 ? path.slice(0, bang) : dirname(path);
  const list = ledger.notActivity;
  if (!list) return;
  const same = list.find((n) => n.path === container && n.reason === reason);
  if (same) same.files++;
  else list.push({ path: container, files: 1, reason });
}

/** Lists a file as skipped; a long reason (every problem of a file) is cut so the report stays readable. */
export function skip(ledger: Ledger, path: string, reason: string): void {
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
