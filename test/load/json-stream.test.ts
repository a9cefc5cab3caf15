// The streaming JSON tokenizer reads exactly what JSON.parse reads, however the text is cut into chunks, and
// rejects exactly what JSON.parse rejects, at the line where the fault is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type JsonHandler,
  type JsonScalar,
  JsonSyntaxError,
  JsonTokenizer,
  MAX_JSON_DEPTH,
  SKIPPED_STRING,
} from '../../src/load/json-stream.js';
import { fcRuns } from '../helpers/fc-runs.js';

/** Rebuilds the document from the events; strings are kept unless `keep` says no. */
function rebuild(chunks: readonly string[], keep: () => boolean = () => true): unknown {
  const stack: { value: unknown[] | Record<string, unknown>; key: string | null }[] = [];
  let top: unknown;
  const put = (value: unknown) => {
    const parent = stack.at(-1);
    if (!parent) top = value;
    else if (Array.isArray(parent.value)) parent.value.push(value);
    // defineProperty, as JSON.parse does: assigning to "__proto__" would set the prototype instead.
    else
      Object.defineProperty(parent.value, parent.key!, { value, enumerable: true, writable: true, configurable: true });
  };
  const handler: JsonHandler = {
    open: (kind) => {
      const value = kind === 'object' ? {} : [];
      put(value);
      stack.push({ value, key: null });
    },
    close: () => void stack.pop(),
    key: (name) => {
      stack.at(-1)!.key = name;
    },
    scalar: (value: JsonScalar) => put(value === SKIPPED_STRING ? '<skipped>' : value),
    wantsString: keep,
  };
  const tokenizer = new JsonTokenizer(handler);
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return top;
}

/** The text cut at the given offsets. */
function cut(text: string, offsets: readonly number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let at = 0;
  for (const p of points) {
    chunks.push(text.slice(at, p));
    at = p;
  }
  chunks.push(text.slice(at));
  return chunks;
}

function syntaxError(text: string): JsonSyntaxError | null {
  try {
    rebuild([text]);
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
}

describe('JsonTokenizer', () => {
  it('reads any JSON value as JSON.parse does, in chunks cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (value, pretty, offsets) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined);
          expect(rebuild(cut(text, offsets))).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });

  it('reads escapes split between chunks, and never keeps a string it was told to skip', () => {
    const text = '{"a": "x\\u00e9\\n\\"y", "b": ["\\ud83d\\ude00", "plain"], "c": -1.5e3, "d": [true, false, null]}';
    for (let at = 0; at <= text.length; at++)
      expect(rebuild([text.slice(0, at), text.slice(at)])).toEqual(JSON.parse(text));
    expect(rebuild([text], () => false)).toEqual({
      a: '<skipped>',
      b: ['<skipped>', '<skipped>'],
      c: -1500,
      d: [true, false, null],
    });
  });

  it.each([
    ['{"a": 1,}', 1, 'expected a key in double quotes, found "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 'expected "," or "}" after the value, found "\\""'],
    ['[1, 2', 1, 'the file ends inside an array (truncated?)'],
    ['{\n"a": "open\n', 2, 'a string holds a raw control character or line break (write it as \\n, \\t, …)'],
    ['{"a": "x', 1, 'the file ends inside a string (truncated?)'],
    ['{"a": 01}', 1, '"01" is not a JSON number'],
    ['{"a": tru}', 1, '"tru" is not a JSON value (expected a string in quotes, a number, true, false or null)'],
    ['{"a": "\\x"}', 1, '"\\x" is not an escape JSON knows'],
    ['{"a": "\\u12g4"}', 1, '"\\u" must be followed by four hexadecimal digits'],
    ['{} {}', 1, 'expected the end of the file after the JSON value, found "{"'],
    ["{'a': 1}", 1, 'expected a key in double quotes or "}", found "\'"'],
    ['  \n ', 2, 'the file holds no JSON value'],
  ])('rejects %j at line %i: %s', (text, line, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = syntaxError(text);
    expect(error).not.toBeNull();
    expect({ line: error!.line, message: error!.message }).toEqual({ line, message });
  });

  it('rejects what JSON.parse rejects: random damage to valid documents', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\n', 'x', '1', '\\', '{', '['),
        fc.nat({ max: 2 }),
        (value, at, insert, remove) => {
          const text = JSON.stringify(value, null, 1);
          const p = at % (text.length + 1);
          const damaged = text.slice(0, p) + insert + text.slice(p + remove);
          let parses = true;
          try {
            JSON.parse(damaged);
          } catch {
            parses = false;
          }
          expect(syntaxError(damaged) === null, damaged).toBe(parses);
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });

  it(`stops past ${MAX_JSON_DEPTH} levels instead of growing with the nesting`, () => {
    const error = syntaxError('['.repeat(MAX_JSON_DEPTH + 1));
    expect(error?.message).toBe(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });
});
