// Reads one activity file already in memory (an entry of a .zip) by its extension and content, as a file on disk is read.
import { basename, extname } from 'node:path';
import { ACTIVITY_HEADER_ALIASES } from '../normalize/activity.js';
import { AuditError } from '../shared/errors.js';
import { assertTextInput } from './byte-stream.js';
import { readStream } from './canonical-stream.js';
import { decodeText } from './encoding.js';
import { counted, notActivity, sha256, type InputFile } from './input-ledger.js';
import { jsonErrorPlace, readJsonArray } from './json-records.js';
import type { LoadedItem } from './loaded-item.js';
import { detectPlatformExport } from './platforms/index.js';
import { plainRecords, readPlatformExport, type ReadHints } from './platform-downloads.js';

/** A platform export, or canonical CSV/TSV/NDJSON/JSON records; `name` (the entry's name) gives the extension. */
export async function* readBytesAt(
  name: string,
  display: string,
  bytes: Uint8Array,
  hints: ReadHints,
  inputs: InputFile[],
): AsyncGenerator<LoadedItem> {
  const ext = extname(name).toLowerCase();
  if (ext === '.json' || ext === '.js') {
    yield* readWholeJson(display, bytes, hints, inputs, false);
    return;
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    if (detectPlatformExport(basename(name), decodeText(bytes.subarray(0, 65536)).text)) {
      yield* readPlatformExport(display, bytes, hints, inputs);
      return;
    }
  }
  const format = ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : 'csv';
  yield* counted(inputs, { path: display, format, encoding: null, sha256: '', rows: 0 }, (input) =>
    plainRecords(hints, display, format.toUpperCase(), readStream(chunksOf(bytes), display, input, format)),
  );
}

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
}

/** A JSON file is a platform export (recognised by content) or a plain array of canonical records. */
export async function* readWholeJson(
  display: string,
  bytes: Uint8Array,
  hints: ReadHints,
  inputs: InputFile[],
  explicit: boolean,
): AsyncGenerator<LoadedItem> {
  assertTextInput(bytes.subarray(0, 8192), display);
  const { text, encoding } = decodeText(bytes);
  if (detectPlatformExport(basename(display), text)) {
    yield* readPlatformExport(display, bytes, hints, inputs);
    return;
  }
  if (text.trimStart().startsWith('[')) {
    const input: InputFile = { path: display, format: 'json', encoding, sha256: sha256(bytes), rows: 0 };
    yield* counted(inputs, input, () =>
      plainRecords(hints, display, 'JSON', readJsonArray(text, display, ACTIVITY_HEADER_ALIASES)),
    );
    return;
  }
  if (!explicit) {
    // An unknown data file inside a download (X's ad-impressions.js, the viewer's scripts, …) is not activity.
    notActivity(
      hints,
      display,
      'JSON or script files that are not activity (not a platform data file this tool reads)',
    );
    return;
  }
  try {
    JSON.parse(text.replace(/^[^=[{]*=\s*/, ''));
  } catch (error) {
    throw new AuditError({ file: display, ...jsonErrorPlace(text, error as Error) });
  }
  throw new AuditError({
    file: display,
    message:
      'not a JSON array of activity records, and not a platform data download this tool knows (X, Facebook, Instagram, TikTok, YouTube, CrowdTangle)',
  });
}
