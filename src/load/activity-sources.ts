// Opens every activity input (files, folders, .zip downloads, standard input) and yields its records in a fixed order.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { AuditError } from '../shared/errors.js';
import { ACTIVITY_HEADER_ALIASES } from '../normalize/activity.js';
import { decodedChunks, newStreamFacts, type StreamFacts } from './byte-stream.js';
import { readCsv } from './csv.js';
import { decodeText, looksBinary, type TextEncoding } from './encoding.js';
import { readJsonArray, readNdjson, jsonErrorPlace } from './json-records.js';
import type { LoadedItem } from './loaded-item.js';
import { detectPlatformExport, ownerFromArchive, type ExportOwner } from './platforms/index.js';
import { readZip } from './zip.js';

export interface InputFile {
  path: string;
  format: string;
  encoding: TextEncoding | null;
  sha256: string;
  rows: number;
}

/** Who a platform data download belongs to, when the download itself does not say it in a way the roster knows. */
export interface OwnerHints {
  /** `--nip`: the person the downloads on the command line belong to. */
  nip?: string;
  /** NIPs of the roster: a folder named by one of them marks whose download is inside. */
  rosterNips: ReadonlySet<string>;
}

/** A file inside a folder or .zip that was not read as activity, and why: listed in the report, never dropped silently. */
export interface SkippedInput {
  path: string;
  reason: string;
}

export interface ActivityLoad {
  inputs: InputFile[];
  skipped: SkippedInput[];
  items: AsyncGenerator<LoadedItem>;
}

const CANONICAL_REQUIRED = ['platform', 'timestamp', 'type', 'account|nip'] as const;
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.js', '.zip']);

export function loadActivity(paths: string[], hints: OwnerHints, stdin: AsyncIterable<Uint8Array | string>): ActivityLoad {
  const inputs: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  return { inputs, skipped, items: readAll(paths, { ...hints, skipped }, stdin, inputs) };
}

async function* readAll(paths: string[], hints: Hints, stdin: AsyncIterable<Uint8Array | string>, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* counted(inputs, { path: '-', format: 'stdin', encoding: null, sha256: '', rows: 0 }, (input) => readStream(stdin, '-', input));
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) throw new AuditError({ file: path, message: 'no such file or folder' });
    if (info.isDirectory()) {
      yield* readFolder(path, hints, inputs);
      continue;
    }
    yield* readFileAt(path, path, hints, inputs, true);
  }
}

/**
 * Every file of a folder is read or listed as skipped. A file that cannot be read as activity (a README, a
 * spreadsheet, a CSV of something else) is skipped with its reason instead of stopping the run, unlike a file
 * named on the command line.
 */
async function* readFolder(root: string, hints: Hints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  const all = await listFiles(root);
  const files = all.filter((f) => DATA_EXTENSIONS.has(extname(f).toLowerCase()));
  for (const f of all) if (!DATA_EXTENSIONS.has(extname(f).toLowerCase())) skip(hints, f, `not an activity file type (${DATA_TYPES_TEXT})`);
  const archiveOwner = ownerFromArchive(files.map((f) => ({ name: relative(root, f), text: () => decodeText(readFileSync(f)).text })));
  for (const file of files) {
    const before = inputs.length;
    let yielded = 0;
    try {
      for await (const item of readFileAt(file, file, { ...hints, archiveOwner }, inputs, false)) {
        yielded++;
        yield item;
      }
    } catch (error) {
      if (!(error instanceof AuditError) || yielded > 0 || error.hint) throw error;
      inputs.splice(before);
      skip(hints, file, error.problems.map((p) => p.message).join('; '));
    }
  }
}

const DATA_TYPES_TEXT = 'expected .csv .tsv .txt .json .ndjson .jsonl .js or .zip';

function skip(hints: Hints, path: string, reason: string): void {
  hints.skipped?.push({ path, reason: reason.length > 300 ? `${reason.slice(0, 300)}…` : reason });
}

type Hints = OwnerHints & { archiveOwner?: ExportOwner | null; skipped?: SkippedInput[] };

async function* readFileAt(path: string, display: string, hints: Hints, inputs: InputFile[], explicit: boolean): AsyncGenerator<LoadedItem> {
  const ext = extname(path).toLowerCase();
  if (ext === '.zip') {
    yield* readZipFile(path, hints, inputs);
    return;
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const head = await readHead(path);
    const platform = detectPlatformExport(basename(path), decodeText(head).text);
    if (platform) {
      yield* readPlatformExport(display, await readFile(path), hints, inputs);
      return;
    }
    yield* counted(inputs, { path: display, format: 'csv', encoding: null, sha256: '', rows: 0 }, (input) => readStream(createReadStream(path), display, input, 'csv'));
    return;
  }
  if (ext === '.ndjson' || ext === '.jsonl') {
    yield* counted(inputs, { path: display, format: 'ndjson', encoding: null, sha256: '', rows: 0 }, (input) => readStream(createReadStream(path), display, input, 'ndjson'));
    return;
  }
  if (ext === '.json' || ext === '.js') {
    yield* readWholeJson(display, await readFile(path), hints, inputs, explicit);
    return;
  }
  yield* counted(inputs, { path: display, format: 'auto', encoding: null, sha256: '', rows: 0 }, (input) => readStream(createReadStream(path), display, input));
}

/** A JSON file is a platform export (recognised by content) or a plain array of canonical records. */
async function* readWholeJson(display: string, bytes: Uint8Array, hints: Hints, inputs: InputFile[], explicit: boolean): AsyncGenerator<LoadedItem> {
  if (looksBinary(bytes.subarray(0, 8192))) throw new AuditError({ file: display, message: 'this is not a text file (it has NUL or control bytes)' });
  const { text, encoding } = decodeText(bytes);
  if (detectPlatformExport(basename(display), text)) {
    yield* readPlatformExport(display, bytes, hints, inputs);
    return;
  }
  if (text.trimStart().startsWith('[')) {
    const input: InputFile = { path: display, format: 'json', encoding, sha256: sha256(bytes), rows: 0 };
    yield* counted(inputs, input, () => readJsonArray(text, display, ACTIVITY_HEADER_ALIASES));
    return;
  }
  if (!explicit) {
    // An unknown data file inside a download (X's ad-impressions.js, …) is not activity.
    skip(hints, display, 'not activity: neither a JSON array of activity records nor a platform data file this tool reads');
    return;
  }
  try {
    JSON.parse(text.replace(/^[^=[{]*=\s*/, ''));
  } catch (error) {
    throw new AuditError({ file: display, ...jsonErrorPlace(text, error as Error) });
  }
  throw new AuditError({ file: display, message: 'not a JSON array of activity records, and not a platform data download this tool knows (X, Facebook, Instagram, TikTok, YouTube, CrowdTangle)' });
}

async function* readPlatformExport(display: string, bytes: Uint8Array, hints: Hints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  const { text, encoding } = decodeText(bytes);
  const parser = detectPlatformExport(basename(display), text);
  if (!parser) return;
  let parsed;
  try {
    parsed = parser.parse(display, text);
  } catch (error) {
    if (error instanceof AuditError) throw error;
    throw new AuditError({ file: display, message: `cannot read this ${parser.id} export: ${(error as Error).message}` });
  }
  const input: InputFile = { path: display, format: parser.id, encoding, sha256: sha256(bytes), rows: 0 };
  const owner = parsed.owner ?? hints.archiveOwner ?? null;
  const nip = hints.nip ?? nipFromPath(display, hints.rosterNips);
  yield* counted(inputs, input, function* () {
    for (const warning of parsed.warnings) yield { kind: 'rejected', rejection: { file: display, line: warning.line, reason: warning.reason } } as LoadedItem;
    for (const row of parsed.rows) {
      const fields = row.fields;
      if (nip) fields.nip = nip;
      else if (!fields.account && owner?.handle) fields.account = owner.handle;
      if (!fields.nip && !fields.account) {
        throw new AuditError(
          { file: display, message: 'cannot tell whose data download this is' },
          'pass --nip NIP, or put the download in a folder named by the NIP of its owner',
        );
      }
      yield { kind: 'row', row } as LoadedItem;
    }
  });
}

async function* readZipFile(path: string, hints: Hints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  let entries;
  try {
    entries = readZip(path, await readFile(path));
  } catch (error) {
    throw new AuditError({ file: path, message: (error as Error).message });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const archiveOwner = ownerFromArchive(entries.map((e) => ({ name: e.name, text: () => decodeText(e.bytes).text })));
  for (const entry of entries) {
    const display = `${path}!${entry.name}`;
    const ext = extname(entry.name).toLowerCase();
    if (!DATA_EXTENSIONS.has(ext)) {
      skip(hints, display, `not an activity file type (${DATA_TYPES_TEXT})`);
      continue;
    }
    const { text } = decodeText(entry.bytes);
    if (detectPlatformExport(basename(entry.name), text)) {
      yield* readPlatformExport(display, entry.bytes, { ...hints, archiveOwner }, inputs);
    } else {
      skip(hints, display, 'not a platform data file this tool reads');
    }
  }
}

/** Streams CSV or NDJSON; with no format given, the first character decides ([ → JSON, { → NDJSON, else CSV). */
async function* readStream(bytes: AsyncIterable<Uint8Array | string>, display: string, input: InputFile, format?: 'csv' | 'ndjson'): AsyncGenerator<LoadedItem> {
  const facts = newStreamFacts();
  const chunks = decodedChunks(bytes, display, facts);
  let kind = format;
  let source: AsyncIterable<string> = chunks;
  if (!kind) {
    const first = await peekFirstChar(chunks);
    source = first.chunks;
    if (first.char === '[') {
      let text = '';
      for await (const c of source) text += c;
      input.format = 'json';
      yield* readJsonArray(text, display, ACTIVITY_HEADER_ALIASES);
      finish(input, facts);
      return;
    }
    kind = first.char === '{' ? 'ndjson' : 'csv';
  }
  input.format = kind;
  if (kind === 'ndjson') yield* readNdjson(source, display, ACTIVITY_HEADER_ALIASES, facts.invalidUtf8);
  else yield* readCsv(source, { file: display, aliases: ACTIVITY_HEADER_ALIASES, required: CANONICAL_REQUIRED, invalidUtf8: facts.invalidUtf8 });
  finish(input, facts);
}

function finish(input: InputFile, facts: StreamFacts): void {
  input.encoding = facts.encoding;
  input.sha256 = facts.sha256;
}

async function peekFirstChar(chunks: AsyncGenerator<string>): Promise<{ char: string; chunks: AsyncIterable<string> }> {
  const seen: string[] = [];
  let char = '';
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    seen.push(next.value);
    const m = /\S/.exec(next.value);
    if (m) {
      char = m[0];
      break;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    yield* chunks;
  }
  return { char, chunks: replay() };
}

/** Registers the input and counts every item it yields: the report's per-file row counts. */
async function* counted(inputs: InputFile[], input: InputFile, items: (input: InputFile) => AsyncIterable<LoadedItem> | Iterable<LoadedItem>): AsyncGenerator<LoadedItem> {
  inputs.push(input);
  for await (const item of items(input)) {
    input.rows++;
    yield item;
  }
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

async function readHead(path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: 65535 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}

function nipFromPath(path: string, rosterNips: ReadonlySet<string>): string | undefined {
  return path.split(/[\\/!]/).find((segment) => rosterNips.has(segment.replace(/\s/g, '')))?.replace(/\s/g, '');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

