// Finds where each element of a JSON document's arrays begins, so a parsed record can be traced to its line.
// JSON.parse gives values without positions; this small scanner walks the same text once and records the
// start offset of every array element down to a few levels, keyed by its path from the root.
import { LineIndex } from './line-index.js';

export type JsonPath = readonly (string | number)[];

/** Platform exports keep their records within a few levels of the root (TikTok: section/list/key/index). */
const MAX_RECORDED_DEPTH = 6;

interface Frame {
  container: 'array' | 'object';
  path: (string | number)[];
  index: number;
  key: string | null;
  expectingKey: boolean;
}

export class JsonLines {
  private readonly starts = new Map<string, number>();
  private readonly lines: LineIndex;
  private readonly rootLine: number;

  /** Scans `text` from `jsonStart` (after a wrapper such as X's `window.YTD.tweets.part0 = `). */
  constructor(text: string, jsonStart = 0) {
    this.lines = new LineIndex(text);
    this.rootLine = this.lines.lineAt(firstNonSpace(text, jsonStart));
    this.scan(text, jsonStart);
  }

  /** Line where the value at `path` begins; for a path the scanner did not record, its nearest recorded ancestor's. */
  lineOf(path: JsonPath): number {
    for (let length = path.length; length > 0; length--) {
      const start = this.starts.get(pathKey(path.slice(0, length)));
      if (start !== undefined) return this.lines.lineAt(start);
    }
    return this.rootLine;
  }

  private scan(text: string, from: number): void {
    const stack: Frame[] = [];
    // Records the start of an array element; returns the value's path only when a container needs it.
    const valueStarts = (at: number, isContainer: boolean): (string | number)[] => {
      const top = stack[stack.length - 1];
      if (!top) return [];
      const depth = top.path.length + 1;
      if (!isContainer && (top.container !== 'array' || depth > MAX_RECORDED_DEPTH)) return [];
      const path = [...top.path, top.container === 'array' ? top.index : (top.key ?? '')];
      if (top.container === 'array' && depth <= MAX_RECORDED_DEPTH) this.starts.set(pathKey(path), at);
      return path;
    };
    for (let at = from; at < text.length; at++) {
      const char = text[at];
      const top = stack[stack.length - 1];
      if (char === '"') {
        const end = stringEnd(text, at);
        if (top?.container === 'object' && top.expectingKey) {
          top.key = decodeKey(text.slice(at, end + 1));
          top.expectingKey = false;
        } else {
          valueStarts(at, false);
        }
        at = end;
      } else if (char === '{' || char === '[') {
        const path = valueStarts(at, true);
        stack.push({
          container: char === '{' ? 'object' : 'array',
          path,
          index: 0,
          key: null,
          expectingKey: char === '{',
        });
      } else if (char === '}' || char === ']') {
        stack.pop();
        if (stack.length === 0) return;
      } else if (char === ',') {
        if (top?.container === 'array') top.index++;
        else if (top) top.expectingKey = true;
      } else if (char !== undefined && /[-0-9tfn]/.test(char)) {
        valueStarts(at, false);
        while (at + 1 < text.length && /[-+.0-9a-zA-Z]/.test(text[at + 1] ?? '')) at++;
      }
    }
  }
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

function firstNonSpace(text: string, from: number): number {
  const match = /\S/.exec(text.slice(from, from + 4096));
  return match ? from + match.index : from;
}

/** Offset of the closing quote of the string that opens at `open`. */
function stringEnd(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at;
  }
  return text.length - 1;
}

function decodeKey(token: string): string {
  try {
    const key: unknown = JSON.parse(token);
    return typeof key === 'string' ? key : token;
  } catch {
    return token;
  }
}
