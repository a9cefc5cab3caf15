// Reads one activity file by its extension and content: canonical CSV/NDJSON/JSON, a platform export, or a .zip download.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readStream } from './canonical-stream.js';
import { decodeText } from './encoding.js';
import { readWholeJson } from './entry-file.js';
import { counted, type InputFile } from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import { detectPlatformExport } from './platforms/index.js';
import { readPlatformExport, plainRecords, type ReadHints } from './platform-downloads.js';
import { readZipFile } from './zip-download.js';
import { convertWorkbookHint, isXlsx, workbookKind } from './spreadsheet.js';
import { isXlsxByContent, readXlsxActivity } from './xlsx-activity.js';
import { AuditError } from '../shared/errors.js';
import { meteredBy } from './read-meter.js';

const MAYBE_RENAMED = new Set(['', '.csv', '.tsv', '.txt']);

/**
 * `explicit`: the file was named on the command line, so a JSON file that holds no activity is an error
 * rather than a skipped file. `display` is how the file is named in the report and in problems.
 */
export async function* readFileAt(
  path: string,
  display: string,
  hints: ReadHints,
  inputs: InputFile[],
  explicit: boolean,
): AsyncGenerator<LoadedItem> {
  const ext = extname(path).toLowerCase();
  // A workbook saved or renamed as .csv (or without extension) is read as the workbook it is.
  if (isXlsx(path) || (MAYBE_RENAMED.has(ext) && (await isXlsxByContent(path)))) {
    yield* counted(inputs, { path: display, format: 'xlsx', encoding: null, sha256: '', rows: 0 }, (input) =>
      readXlsxActivity(path, display, hints.sheet, input, hints.meter),
    );
    return;
  }
  const workbook = workbookKind(path);
  if (workbook)
    throw new AuditError(
      {
        file: display,
        message: `this is ${workbook}, which asn-audit does not read: expected CSV, TSV, JSON, NDJSON, .xlsx or a platform .zip`,
      },
      convertWorkbookHint(display, true),
    );
  if (ext === '.zip') {
    yield* readZipFile(path, hints, inputs);
    return;
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const head = await readHead(path);
    const platform = detectPlatformExport(basename(path), decodeText(head).text);
    if (platform) {
      const bytes = await readFile(path);
      hints.meter?.add(bytes.length);
      yield* readPlatformExport(display, bytes, hints, inputs);
      return;
    }
    yield* counted(inputs, { path: display, format: 'csv', encoding: null, sha256: '', rows: 0 }, (input) =>
      plainRecords(
        hints,
        display,
        'CSV',
        readStream(meteredBy(hints.meter, createReadStream(path)), display, input, 'csv'),
      ),
    );
    return;
  }
  if (ext === '.ndjson' || ext === '.jsonl') {
    yield* counted(inputs, { path: display, format: 'ndjson', encoding: null, sha256: '', rows: 0 }, (input) =>
      plainRecords(
        hints,
        display,
        'NDJSON',
        readStream(meteredBy(hints.meter, createReadStream(path)), display, input, 'ndjson'),
      ),
    );
    return;
  }
  if (ext === '.json' || ext === '.js') {
    const bytes = await readFile(path);
    hints.meter?.add(bytes.length);
    yield* readWholeJson(display, bytes, hints, inputs, explicit);
    return;
  }
  yield* counted(inputs, { path: display, format: 'auto', encoding: null, sha256: '', rows: 0 }, (input) =>
    plainRecords(
      hints,
      display,
      'CSV, JSON or NDJSON',
      readStream(meteredBy(hints.meter, createReadStream(path)), display, input),
    ),
  );
}

/** The first 64 KiB: enough to recognise a platform export by its header without reading a large CSV twice. */
async function readHead(path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: 65535 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}
