// Turns a byte stream into decoded text chunks, hashing the bytes and detecting the encoding on the way.
import { createHash } from 'node:crypto';
import type { TextDecoder } from 'node:util';
import { AuditError } from '../shared/errors.js';
import { detectEncoding, looksBinary, textDecoderFor, type TextEncoding } from './encoding.js';

export interface StreamFacts {
  encoding: TextEncoding | null;
  sha256: string;
  bytes: number;
}

/** Decoded chunks of `bytes`; `facts` is complete once the iteration has finished. */
export async function* decodedChunks(bytes: AsyncIterable<Uint8Array | string>, file: string, facts: StreamFacts): AsyncGenerator<string> {
  const hash = createHash('sha256');
  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headSize = 0;
  const start = (sample: Uint8Array): TextDecoder => {
    if (looksBinary(sample)) throw new AuditError({ file, message: 'this is not a text file (it has NUL or control bytes): expected CSV, JSON or NDJSON, or a platform .zip' });
    facts.encoding = detectEncoding(sample);
    return textDecoderFor(facts.encoding);
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
      yield decoder.decode(sample, { stream: true });
      continue;
    }
    yield decoder.decode(data, { stream: true });
  }
  if (decoder === null) {
    const sample = Buffer.concat(head);
    decoder = start(sample);
    yield decoder.decode(sample, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
  facts.sha256 = hash.digest('hex');
}
