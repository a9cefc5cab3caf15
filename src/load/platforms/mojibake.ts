// Repairs the Meta (Facebook, Instagram) export bug that writes each UTF-8 byte as its own `\u00XX` escape.

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * `Beno\u00c3\u00aet` parses to "BenoÃ®t": reading its code units as bytes and decoding them as UTF-8 gives
 * "Benoît". Text with a code unit above 0xFF is real Unicode already, and bytes that are not valid UTF-8
 * are genuine Latin-1 text: both are left as they are (export-formats.md §2.3).
 */
export function fixMetaMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text.normalize('NFC');
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
  try {
    return decoder.decode(bytes).normalize('NFC');
  } catch {
    return text.normalize('NFC');
  }
}

/**
 * A copy of a parsed Meta JSON value with every string and key repaired. Objects are rebuilt with
 * `Object.fromEntries`, which defines own properties, so a key such as `__proto__` stays plain data.
 */
export function repairMetaStrings(value: unknown): unknown {
  if (typeof value === 'string') return fixMetaMojibake(value);
  if (Array.isArray(value)) return value.map(repairMetaStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [fixMetaMojibake(key), repairMetaStrings(item)]),
    );
  }
  return value;
}
