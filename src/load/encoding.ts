// Decides how a text file's bytes are encoded: UTF-8 (with or without BOM) or Windows-1252, as Excel on an Indonesian Windows writes it.

import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * Looks at the first bytes only (the loader streams): a BOM means UTF-8; valid UTF-8 means UTF-8; bytes that
 * cannot be UTF-8 mean Windows-1252. A sample cut in the middle of a multi-byte character still counts as UTF-8.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8-bom';
  return firstInvalidUtf8(sample, true) === -1 ? 'utf-8' : 'windows-1252';
}

/**
 * Byte offset of the first byte that is not valid UTF-8, or -1. With `allowTruncatedEnd`, an incomplete
 * sequence at the very end is accepted (the next chunk may complete it).
 */
export function firstInvalidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n + (allowTruncatedEnd ? need : 0)) return allowTruncatedEnd ? -1 : i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return allowTruncatedEnd ? -1 : i;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function textDecoderFor(encoding: TextEncoding): TextDecoder {
  // Node ships full ICU, so windows-1252 is available; invalid UTF-8 becomes U+FFFD and is reported per row.
  return new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8', { ignoreBOM: false });
}

/** Whole-file decode for the small files (roster, election, rules, JSON exports). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes.subarray(0, 1 << 16));
  let text = textDecoderFor(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** A file with NUL bytes or mostly control characters in its first bytes is not text (an image, a spreadsheet, a zip). */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n > 0.1;
}
