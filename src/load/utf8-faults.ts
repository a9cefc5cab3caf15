// Finds, while a UTF-8 file streams by, the byte offset of the first invalid byte on each line, so a damaged row can say where.
import { firstInvalidUtf8 } from './encoding.js';

const NEWLINE = 0x0a;

export class Utf8Faults {
  /** `firstByLine`: line (1-based, counted by LF bytes) → file offset (0-based) of the first byte on it that is not valid UTF-8. */
  constructor(readonly firstByLine: Map<number, number> = new Map()) {}

  // Bytes at a chunk's end that may be the start of a character completed by the next chunk.
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private line = 1;

  push(chunk: Uint8Array): void {
    const data = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const keep = incompleteTailLength(data);
    this.scan(data.subarray(0, data.length - keep));
    this.carry = data.slice(data.length - keep);
  }

  /** A character still incomplete when the file ends is invalid too. */
  end(): void {
    if (this.carry.length > 0 && !this.firstByLine.has(this.line)) this.firstByLine.set(this.line, this.offset);
    this.carry = new Uint8Array(0);
  }

  private scan(body: Uint8Array): void {
    let from = 0;
    while (from < body.length) {
      const relative = firstInvalidUtf8(body.subarray(from));
      if (relative === -1) break;
      const at = from + relative;
      this.line += countNewlines(body, from, at);
      if (!this.firstByLine.has(this.line)) this.firstByLine.set(this.line, this.offset + at);
      // Only the first fault of a line is kept: go on after the line's end (an LF is always a character boundary).
      const lineEnd = body.indexOf(NEWLINE, at);
      if (lineEnd === -1) {
        from = body.length;
        break;
      }
      this.line++;
      from = lineEnd + 1;
    }
    this.line += countNewlines(body, from, body.length);
    this.offset += body.length;
  }
}

/** How many bytes at the end start a multi-byte character that the bytes present do not complete (0–3). */
export function incompleteTailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    return length > k ? k : 0;
  }
  return 0;
}

function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i !== -1 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
