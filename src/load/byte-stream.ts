// Turns a byte stream into decoded text chunks, hashing the bytes and detecting the encoding on the way.
import { createHash } from 'node:crypto';
import type { TextDecoder } from 'node:util';
import { AuditError } from '../shared/errors.js';
import { detectEncoding, textDecoderFor, type TextEncoding } from './encoding.js';
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

// File signatures of what people feed by mistake: zip (xlsx, docx), old Office, PDF, images, gzip, SQLite, executables.
const BINARY_MAGIC: readonly [readonly number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or an Excel .xlsx workbook'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls or Word .doc file'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
];

/** What a binary sample looks like, for the message; null when it is text. */
export function binaryKind(sample: Uint8Array): string | null {
  const known = BINARY_MAGIC.find(([magic]) => magic.every((b, i) => sample[i] === b));
  if (known) return known[1];
  return looksBinaryStream(sample) ? 'binary data (mostly control bytes)' : null;
}

/** Stops the run for an activity file that is not text, saying what it looks like. */
export function assertTextInput(sample: Uint8Array, file: string): void {
  const binary = binaryKind(sample);
  if (binary)
    throw new AuditError(
      {
        file,
        message: `this is not a text file (it looks like ${binary}): expected CSV, JSON or NDJSON, or a platform .zip`,
      },
      'a spreadsheet must be saved as CSV first (in Excel: Save As → CSV UTF-8)',
    );
}

/**
 * Binary by signature or by a high share of control bytes. Unlike `looksBinary` a single NUL does not decide it:
 * one row with a NUL byte is a damaged row to reject, not a reason to refuse the whole file.
 */
export function looksBinaryStream(sample: Uint8Array): boolean {
  if (BINARY_MAGIC.some(([magic]) => magic.every((b, i) => sample[i] === b))) return true;
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
    // A Windows-1252 file has no invalid bytes: every byte is some character.
    if (facts.encoding !== 'windows-1252') utf8 = new Utf8Faults(facts.invalidUtf8);
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
