// Finds keys written twice in one JSON object, which JSON.parse resolves silently by keeping the last value, and
// records nested too deep to be read (JSON.stringify and every recursive walk of the value would exhaust the stack).

export interface DuplicateKey {
  /** Index of the top-level array element the object is in; -1 when the text is not an array. */
  element: number;
  /** 1-based line of the second occurrence. */
  line: number;
  key: string;
}

/** A record whose objects and arrays nest deeper than MAX_RECORD_DEPTH. */
export interface TooDeepRecord {
  /** As in DuplicateKey. */
  element: number;
  /** 1-based line where the nesting first goes past the limit. */
  line: number;
}

/**
 * Levels of objects and arrays one record may nest, the record itself included. Activity records are flat; a few
 * levels hold lists of tags. Far deeper is a damaged or hostile file, and the values are turned back into text
 * by JSON.stringify, which recurses once per level.
 */
export const MAX_RECORD_DEPTH = 64;

export interface RecordFaults {
  duplicates: DuplicateKey[];
  /** At most one per record, in text order. */
  tooDeep: TooDeepRecord[];
}

type Frame = { keys: Set<string> | null; expectKey: boolean };

/** Every key written twice in one object of the text, in text order (see recordFaults). */
export function duplicateKeys(text: string): DuplicateKey[] {
  return recordFaults(text).duplicates;
}

/**
 * Every key that appears again in the same object, and every record nested too deep, in text order. A record is
 * the text itself, or each element when the text is an array. The text must be valid JSON (check it with
 * JSON.parse first). One pass, no recursion: a deeply nested document cannot exhaust the stack.
 */
export function recordFaults(text: string): RecordFaults {
  const found: DuplicateKey[] = [];
  const tooDeep: TooDeepRecord[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let element = -1;
  let topIsArray = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The first element of the top-level array begins at its first character.
    if (element === -1 && topIsArray && stack.length === 1 && c > 32 && c !== 93) element = 0;
    if (c === 10) line++;
    else if (c === 34) {
      const end = stringEnd(text, i);
      const frame = stack.at(-1);
      if (frame?.keys && frame.expectKey) {
        const raw = text.slice(i, end + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (frame.keys.has(key)) found.push({ element, line, key });
        else frame.keys.add(key);
        frame.expectKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      if (stack.length === 0 && c === 91) topIsArray = true;
      stack.push({ keys: c === 123 ? new Set() : null, expectKey: c === 123 });
      const depth = topIsArray ? stack.length - 1 : stack.length;
      if (depth > MAX_RECORD_DEPTH && tooDeep.at(-1)?.element !== element) tooDeep.push({ element, line });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) {
      const frame = stack.at(-1);
      if (frame?.keys) frame.expectKey = true;
      if (stack.length === 1 && topIsArray) element++;
    }
  }
  return { duplicates: found, tooDeep };
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length - 1;
    let backslashes = 0;
    for (let b = quote - 1; b > start && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}
