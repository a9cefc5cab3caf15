// A streaming JSON tokenizer: text goes in chunk by chunk, events come out, and only the strings the reader asks
// for are kept. Memory is the nesting depth and those strings, not the document: a 100 MB report used as a
// baseline costs its fingerprints. It checks the whole grammar, so a damaged file stops at its line.

/** What the tokenizer reports, in document order. `line` is 1-based, where the token begins. */
export interface JsonHandler {
  /** An object or array opens (as a value: at the top, after a key, or as an array element). */
  open(kind: 'object' | 'array', line: number): void;
  close(kind: 'object' | 'array', line: number): void;
  /** A key of the innermost object; its value follows. */
  key(name: string, line: number): void;
  /** A string, number, boolean or null. Strings the handler does not want arrive as `SKIPPED_STRING`. */
  scalar(value: JsonScalar, line: number): void;
  /** Asked as a string value begins: whether to keep its text (keys are always kept). */
  wantsString(): boolean;
}

/** The value given for a string the handler did not want: it was checked, never kept. */
export const SKIPPED_STRING: unique symbol = Symbol('skipped string');

export type JsonScalar = string | number | boolean | null | typeof SKIPPED_STRING;

/** A syntax error at a line of the document, worded for a person. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Nesting deeper than any report's few levels is a damaged or hostile file; it stops before memory grows with it. */
export const MAX_JSON_DEPTH = 1000;

type Expect = 'value' | 'value_or_close' | 'key' | 'key_or_close' | 'colon' | 'comma_or_close' | 'end';
type Token = 'none' | 'string' | 'escape' | 'unicode' | 'number' | 'literal';

const STRING_STOP = /["\\\u0000-\u001f]/g;
const NUMBER_CHAR = /[0-9+\-.eE]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const HEX = /[0-9a-fA-F]/;
const LITERALS: Readonly<Record<string, true | false | null>> = { true: true, false: false, null: null };

export class JsonTokenizer {
  private line = 1;
  private expect: Expect = 'value';
  /** 'o' or 'a' per open container, innermost last. */
  private readonly stack: ('o' | 'a')[] = [];
  private token: Token = 'none';
  private tokenLine = 1;
  /** The text of the token being read: a kept string's raw pieces, a number's or a literal's characters. */
  private pieces: string[] = [];
  private keep = false;
  private isKey = false;
  private hexLeft = 0;

  constructor(private readonly handler: JsonHandler) {}

  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.token) {
        case 'string': {
          STRING_STOP.lastIndex = i;
          const stop = STRING_STOP.exec(chunk);
          const end = stop ? stop.index : n;
          if (this.keep && end > i) this.pieces.push(chunk.slice(i, end));
          if (!stop) {
            i = n;
            break;
          }
          const c = chunk.charCodeAt(end);
          if (c === 34) this.endString();
          else if (c === 92) {
            if (this.keep) this.pieces.push('\\');
            this.token = 'escape';
          } else throw this.error('a string holds a raw control character or line break (write it as \\n, \\t, …)');
          i = end + 1;
          break;
        }
        case 'escape': {
          const c = chunk[i]!;
          if (!ESCAPES.has(c)) throw this.error(`"\\${c}" is not an escape JSON knows`);
          if (this.keep) this.pieces.push(c);
          if (c === 'u') {
            this.token = 'unicode';
            this.hexLeft = 4;
          } else this.token = 'string';
          i++;
          break;
        }
        case 'unicode': {
          const c = chunk[i]!;
          if (!HEX.test(c)) throw this.error('"\\u" must be followed by four hexadecimal digits');
          if (this.keep) this.pieces.push(c);
          if (--this.hexLeft === 0) this.token = 'string';
          i++;
          break;
        }
        case 'number': {
          const start = i;
          while (i < n && NUMBER_CHAR.test(chunk[i]!)) i++;
          this.pieces.push(chunk.slice(start, i));
          if (i < n) this.endNumber();
          break;
        }
        case 'literal': {
          const start = i;
          while (i < n && chunk.charCodeAt(i) >= 97 && chunk.charCodeAt(i) <= 122) i++;
          this.pieces.push(chunk.slice(start, i));
          if (i < n) this.endLiteral();
          break;
        }
        default:
          i = this.structural(chunk, i);
      }
    }
  }

  /** The document is complete: anything left open is a truncated file. */
  end(): void {
    if (this.token === 'number') this.endNumber();
    else if (this.token === 'literal') this.endLiteral();
    if (this.token !== 'none') throw this.error('the file ends inside a string (truncated?)', this.tokenLine);
    if (this.stack.length > 0)
      throw this.error(
        `the file ends inside ${this.stack.at(-1) === 'o' ? 'an object' : 'an array'} (truncated?)`,
        this.line,
      );
    if (this.expect !== 'end') throw this.error('the file holds no JSON value');
  }

  /** Reads whitespace and one structural character or the start of a token at `i`; returns where to go on. */
  private structural(chunk: string, at: number): number {
    // Indentation is most of a pretty-printed report: skipped here in one loop.
    let i = at;
    let c = chunk.charCodeAt(i);
    while (c === 32 || c === 10 || c === 9 || c === 13) {
      if (c === 10) this.line++;
      if (++i === chunk.length) return i;
      c = chunk.charCodeAt(i);
    }
    const expect = this.expect;
    if (c === 34) {
      if (expect === 'key' || expect === 'key_or_close') this.startString(true);
      else if (this.takesValue()) this.startString(false);
      else throw this.unexpected(chunk[i]!);
      return i + 1;
    }
    if (c === 58) {
      if (expect !== 'colon') throw this.unexpected(':');
      this.expect = 'value';
      return i + 1;
    }
    if (c === 44) {
      if (expect !== 'comma_or_close') throw this.unexpected(',');
      this.expect = this.stack.at(-1) === 'o' ? 'key' : 'value';
      return i + 1;
    }
    if (c === 125 || c === 93) {
      const kind = c === 125 ? 'o' : 'a';
      const closes =
        this.stack.at(-1) === kind &&
        (expect === 'comma_or_close' || expect === (kind === 'o' ? 'key_or_close' : 'value_or_close'));
      if (!closes) throw this.unexpected(chunk[i]!);
      this.stack.pop();
      this.handler.close(kind === 'o' ? 'object' : 'array', this.line);
      this.afterValue();
      return i + 1;
    }
    if (!this.takesValue()) throw this.unexpected(chunk[i]!);
    if (c === 123 || c === 91) {
      if (this.stack.length >= MAX_JSON_DEPTH) throw this.error(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      const kind = c === 123 ? 'o' : 'a';
      this.stack.push(kind);
      this.handler.open(kind === 'o' ? 'object' : 'array', this.line);
      this.expect = kind === 'o' ? 'key_or_close' : 'value_or_close';
      return i + 1;
    }
    this.tokenLine = this.line;
    this.pieces = [];
    if (c === 45 || (c >= 48 && c <= 57)) this.token = 'number';
    else if (c >= 97 && c <= 122) this.token = 'literal';
    else throw this.unexpected(chunk[i]!);
    return i;
  }

  private takesValue(): boolean {
    return this.expect === 'value' || this.expect === 'value_or_close';
  }

  private startString(isKey: boolean): void {
    this.token = 'string';
    this.tokenLine = this.line;
    this.isKey = isKey;
    this.keep = isKey || this.handler.wantsString();
    this.pieces = [];
  }

  private endString(): void {
    this.token = 'none';
    // The raw text is valid JSON string content (checked above), so JSON.parse only decodes its escapes.
    const raw = this.pieces.join('');
    this.pieces = [];
    if (this.isKey) {
      this.handler.key(raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw, this.tokenLine);
      this.expect = 'colon';
      return;
    }
    // A kept value is parsed into a string of its own: a slice of the chunk would keep the whole chunk alive, and
    // the fingerprints of a 100 MB report would hold on to all of its text.
    this.handler.scalar(this.keep ? (JSON.parse(`"${raw}"`) as string) : SKIPPED_STRING, this.tokenLine);
    this.afterValue();
  }

  private endNumber(): void {
    const text = this.pieces.join('');
    this.pieces = [];
    this.token = 'none';
    if (!NUMBER.test(text)) throw this.error(`"${text.slice(0, 40)}" is not a JSON number`, this.tokenLine);
    this.handler.scalar(Number(text), this.tokenLine);
    this.afterValue();
  }

  private endLiteral(): void {
    const text = this.pieces.join('');
    this.pieces = [];
    this.token = 'none';
    if (!Object.hasOwn(LITERALS, text))
      throw this.error(
        `"${text.slice(0, 40)}" is not a JSON value (expected a string in quotes, a number, true, false or null)`,
        this.tokenLine,
      );
    this.handler.scalar(LITERALS[text]!, this.tokenLine);
    this.afterValue();
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? 'end' : 'comma_or_close';
  }

  private unexpected(found: string): JsonSyntaxError {
    const wanted: Record<Expect, string> = {
      value: 'a value',
      value_or_close: 'a value or "]"',
      key: 'a key in double quotes',
      key_or_close: 'a key in double quotes or "}"',
      colon: '":" after the key',
      comma_or_close: `"," or "${this.stack.at(-1) === 'o' ? '}' : ']'}" after the value`,
      end: 'the end of the file after the JSON value',
    };
    return this.error(`expected ${wanted[this.expect]}, found ${JSON.stringify(found)}`);
  }

  private error(message: string, line = this.line): JsonSyntaxError {
    return new JsonSyntaxError(line, message);
  }
}
