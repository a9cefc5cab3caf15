// Streams a file or standard input of canonical activity records (CSV, NDJSON or a JSON array) into loaded items.
import { ACTIVITY_HEADER_ALIASES } from '../normalize/activity.js';
import { decodedChunks, newStreamFacts, type StreamFacts } from './byte-stream.js';
import { readCsv } from './csv.js';
import type { InputFile } from './input-ledger.js';
import { readJsonArray, readNdjson } from './json-records.js';
import type { LoadedItem } from './loaded-item.js';

const CANONICAL_REQUIRED = ['platform', 'timestamp', 'type', 'account|nip'] as const;

/**
 * Streams CSV or NDJSON; with no format given, the first character decides ([ → JSON, { → NDJSON, else CSV).
 * Fills in the input's format, encoding and hash as they become known.
 */
export async function* readStream(
  bytes: AsyncIterable<Uint8Array | string>,
  display: string,
  input: InputFile,
  format?: 'csv' | 'ndjson',
): AsyncGenerator<LoadedItem> {
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
  else
    yield* readCsv(source, {
      file: display,
      aliases: ACTIVITY_HEADER_ALIASES,
      required: CANONICAL_REQUIRED,
      invalidUtf8: facts.invalidUtf8,
      onBlankRow: () => {
        input.blankRows = (input.blankRows ?? 0) + 1;
      },
    });
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
