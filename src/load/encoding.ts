// Decides how a text file's bytes are encoded: UTF-8 (with or without BOM), Windows-1252 as Excel on an Indonesian
// Windows writes it, or UTF-16 with its byte-order mark (Excel's "Unicode Text" export).

import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The UTF-16 byte order a file's byte-order mark names (FF FE little-endian, FE FF big-endian), or null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 text without a byte-order mark: ASCII characters leave a NUL in every other byte. Which byte order it is
 * cannot be told reliably from that alone, so such a file is refused with the way to save it, not guessed.
 */
export function looksUtf16WithoutBom(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8192) & ~1;
  if (n < 4 || utf16Bom(sample)) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return Math.max(even, odd) > pairs * 0.6 && Math.min(even, odd) < pairs * 0.1;
}

/**
 * What a file in UTF-16 without its byte-order mark is, and how to make it readable: every loader says this rather
 * than "not a text file" (its NUL bytes look binary).
 */
export const UTF16_WITHOUT_BOM_MESSAGE =
  "this is UTF-16 text without a byte-order mark, whose byte order cannot be told for sure: save it as UTF-8 (in Excel: Save As → CSV UTF-8), or as UTF-16 with its byte-order mark (Excel's Unicode Text does)";

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * Looks at the first bytes only (the loader streams): a BOM means UTF-8; valid UTF-8 means UTF-8. Bytes that
 * cannot be UTF-8 mean Windows-1252, unless the sample also holds at least as many well-formed multi-byte
 * characters: Windows-1252 text practically never forms those by chance, so that is a UTF-8 file with a few
 * damaged bytes, whose rows are then rejected with the offset of the damage instead of being decoded as garbage.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8-bom';
  const utf16 = utf16Bom(sample);
  if (utf16) return utf16;
  if (firstInvalidUtf8(sample, true) === -1) return 'utf-8';
  const { valid, invalid } = multiByteCounts(sample);
  return valid > 0 && valid >= invalid ? 'utf-8' : 'windows-1252';
}

/** Well-formed multi-byte UTF-8 sequences and bytes that start no valid sequence, in one pass. */
function multiByteCounts(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const bad = firstInvalidUtf8(bytes.subarray(i, Math.min(bytes.length, i + 4)), true);
    if (bad === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      const b = bytes[i]!;
      i += b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    }
  }
  return { valid, invalid };
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
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
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
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return new TextDecoder(label, { ignoreBOM: false });
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
  if (n === 0 || utf16Bom(sample)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n > 0.1;
}
