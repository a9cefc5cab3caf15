// Turns a byte stream into decoded text chunks, hashing the bytes and detecting the encoding on the way.
import { createHash } from 'node:crypto';
import type { TextDecoder } from 'node:util';
import { AuditError } from '../shared/errors.js';
import {
  detectEncoding,
  looksUtf16WithoutBom,
  textDecoderFor,
  UTF16_WITHOUT_BOM_MESSAGE,
  utf16Bom,
  type TextEncoding,
} from './encoding.js';
import { convertWorkbookHint } from './spreadsheet.js';
import { Utf8Faults } from './utf8-faults.js';

export interface StreamFacts {
  encoding: TextEncoding | null;
  sha256: string;
  bytes: number;
  /**
   * UTF-8 files only: line → byte offset of the first invalid byte on that line (the decoder made it U+FFFD).
   * Filled as the bytes stream by, always before the text of that line is yielded.
   */
  invalidUtf8: Map<number, number>;
}

export function newStreamFacts(): StreamFacts {
  return { encoding: null, sha256: '', bytes: 0, invalidUtf8: new Map() };
}

// File signatures of what people feed by mistake, each with the way to make it readable.
const NOT_ACTIVITY = 'this does not hold activity rows: give the CSV, JSON or NDJSON export instead';
interface FileSignature {
  magic: readonly number[];
  looksLike: string;
  hint: (file: string) => string;
}
const BINARY_MAGIC: readonly FileSignature[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    looksLike: 'a zip archive or an Excel .xlsx workbook',
    hint: convertWorkbookHint,
  },
  { magic: [0x50, 0x4b, 0x05, 0x06], looksLike: 'an empty zip archive', hint: () => NOT_ACTIVITY },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], looksLike: 'an old Excel .xls or Word .doc file', hint: convertWorkbookHint },
  // Data teams hand over Parquet from BigQuery or Spark; DuckDB converts it in one command, no Python needed.
  {
    magic: [0x50, 0x41, 0x52, 0x31],
    looksLike: 'an Apache Parquet file',
    hint: (file) =>
      `convert it to CSV first, e.g. duckdb -c "COPY (SELECT * FROM '${file}') TO 'activity.csv' (HEADER)"`,
  },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: 'a PDF', hint: () => NOT_ACTIVITY },
  { magic: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image', hint: () => NOT_ACTIVITY },
  { magic: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image', hint: () => NOT_ACTIVITY },
  { magic: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image', hint: () => NOT_ACTIVITY },
  { magic: [0x1f, 0x8b], looksLike: 'a gzip archive', hint: (file) => `unpack it first (gunzip -k '${file}')` },
  {
    magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
    looksLike: 'an SQLite database',
    hint: () => 'export the table as CSV first (sqlite3 -header -csv DB "SELECT * FROM t" > activity.csv)',
  },
  { magic: [0x7f, 0x45, 0x4c, 0x46], looksLike: 'a program', hint: () => NOT_ACTIVITY },
];

function signatureOf(sample: Uint8Array): FileSignature | undefined {
  return BINARY_MAGIC.find(({ magic }) => magic.every((b, i) => sample[i] === b));
}

/** What a binary sample looks like, for the message; null when it is text. */
export function binaryKind(sample: Uint8Array): string | null {
  if (utf16Bom(sample)) return null;
  if (looksUtf16WithoutBom(sample)) return 'UTF-16 text without a byte-order mark';
  const known = signatureOf(sample);
  if (known) return known.looksLike;
  return looksBinaryStream(sample) ? 'binary data (mostly control bytes)' : null;
}

/** Stops the run for an activity file that is not text, saying what it looks like and how to make it readable. */
export function assertTextInput(sample: Uint8Array, file: string): void {
  if (looksUtf16WithoutBom(sample)) throw new AuditError({ file, message: UTF16_WITHOUT_BOM_MESSAGE });
  const binary = binaryKind(sample);
  if (binary)
    throw new AuditError(
      {
        file,
        message: `this is not a text file (it looks like ${binary}): expected CSV, JSON or NDJSON, or a platform .zip`,
      },
      signatureOf(sample)?.hint(file) ?? convertWorkbookHint(file),
    );
}

/**
 * Binary by signature or by a high share of control bytes. Unlike `looksBinary` a single NUL does not decide it:
 * one row with a NUL byte is a damaged row to reject, not a reason to refuse the whole file.
 */
export function looksBinaryStream(sample: Uint8Array): boolean {
  if (utf16Bom(sample)) return false;
  if (signatureOf(sample)) return true;
  const n = Math.min(sample.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decoded chunks of `bytes`; `facts` is complete once the iteration has finished. */
export async function* decodedChunks(
  bytes: AsyncIterable<Uint8Array | string>,
  file: string,
  facts: StreamFacts,
): AsyncGenerator<string> {
  const hash = createHash('sha256');
  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headSize = 0;
  let utf8: Utf8Faults | null = null;
  const start = (sample: Uint8Array): TextDecoder => {
    assertTextInput(sample, file);
    facts.encoding = detectEncoding(sample);
    // A Windows-1252 file has no invalid bytes: every byte is some character. UTF-16 is not checked byte by byte.
    if (facts.encoding === 'utf-8' || facts.encoding === 'utf-8-bom') utf8 = new Utf8Faults(facts.invalidUtf8);
    return textDecoderFor(facts.encoding);
  };
  const decode = (d: TextDecoder, data: Uint8Array): string => {
    utf8?.push(data);
    return d.decode(data, { stream: true });
  };
  for await (const chunk of bytes) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash.update(data);
    facts.bytes += data.length;
    if (decoder === null) {
      // Sniff on at least 64 KiB so that encoding detection sees more than a header line.
      head.push(data);
      headSize += data.length;
      if (headSize < 1 << 16) continue;
      const sample = Buffer.concat(head);
      head = [];
      decoder = start(sample);
      yield decode(decoder, sample);
      continue;
    }
    yield decode(decoder, data);
  }
  if (decoder === null) {
    const sample = Buffer.concat(head);
    decoder = start(sample);
    yield decode(decoder, sample);
  }
  (utf8 as Utf8Faults | null)?.end();
  const tail = decoder.decode();
  if (tail) yield tail;
  facts.sha256 = hash.digest('hex');
}
