// Turns zod issues into located problems: `file:12 candidates[1].since: expected a date`. The one place where a
// schema issue becomes words: every message names the expected form and what was found, never zod's own text.
import type { z } from 'zod';
import type { Problem } from '../shared/errors.js';

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The path of a field written by `fieldPath`: `candidates[1].accounts.x` → ['candidates', 1, 'accounts', 'x']. */
export function parseFieldPath(field: string): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (const [, key, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    path.push(index !== undefined ? Number(index) : key!);
  return path;
}

/** The line of a field in the file, or of its nearest enclosing field that the file has. */
export type LineOfPath = (path: readonly PropertyKey[]) => number | undefined;

export function zodProblems(
  error: z.ZodError,
  file: string,
  prefix: readonly PropertyKey[] = [],
  lineOf?: LineOfPath,
): Problem[] {
  // zod runs a length check even on a value of the wrong type (`[]` for non-empty text): once the type is wrong,
  // that is the one problem of the field.
  const wrongType = new Set(error.issues.filter((i) => i.code === 'invalid_type').map((i) => fieldPath(i.path)));
  return error.issues
    .filter((issue) => issue.code === 'invalid_type' || !wrongType.has(fieldPath(issue.path)))
    .flatMap((issue) => issueProblems(issue, [...prefix, ...issue.path], file, lineOf));
}

function issueProblems(
  issue: z.core.$ZodIssue,
  path: PropertyKey[],
  file: string,
  lineOf: LineOfPath | undefined,
): Problem[] {
  if (issue.code === 'invalid_union') {
    // A branch whose own type matched and failed deeper says what is wrong inside; report that branch.
    const inner = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
    if (inner) return inner.flatMap((i) => issueProblems(i, [...path, ...i.path], file, lineOf));
  }
  // An unknown key is at its own line, not at the line of the mapping that holds it.
  const line = lineOf?.(issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path);
  return [
    {
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldPath(path) || '(top level)',
      message: describeIssue(issue),
    },
  ];
}

/** zod's built-in messages, as opposed to those the schema gives: only the schema's own are shown as they are. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized key|Expected)/;

export function describeIssue(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  const input = (issue as { input?: unknown }).input;
  const found = `, found ${describeValue(input)}`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${input === undefined ? '' : found}`;
    case 'invalid_type':
      if (input === undefined) return `required field is missing (expected ${formName(issue.expected)})`;
      return `expected ${formName(issue.expected)}${found}`;
    case 'invalid_union': {
      if (input === undefined) return 'required field is missing';
      // A branch that says in its own words why this value is refused (an unquoted number as a handle) says it best.
      const own = issue.errors.flat().find((i) => i.path.length === 0 && !ZOD_DEFAULT_MESSAGE.test(i.message));
      if (own) return own.message;
      const forms = issue.errors.flatMap((branch) =>
        branch.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [formName(i.expected)] : [])),
      );
      const unique = [...new Set(forms)];
      return unique.length > 0 ? `expected ${unique.join(' or ')}${found}` : `not an accepted form${found}`;
    }
    case 'too_small':
    case 'too_big':
      return `expected ${sizeWords(issue)}${found}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `expected text of the form ${String(issue.pattern)}${found}`
        : `expected text in ${issue.format} form${found}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}${found}`;
    case 'invalid_key':
      return `not an accepted key${found}`;
    case 'invalid_element':
      return `not an accepted entry${found}`;
    default:
      return `not an accepted value${found}`;
  }
}

const FORMS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
  map: 'a mapping of keys to values',
  date: 'a date',
  null: 'nothing (null)',
};

function formName(expected: string): string {
  return FORMS[expected] ?? expected;
}

function sizeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  const bound = small ? (inclusive ? 'of at least' : 'above') : inclusive ? 'of at most' : 'below';
  if (issue.origin === 'string')
    return small && limit === 1 && inclusive ? 'non-empty text' : `text ${bound} ${limit} characters`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return small && limit === 1 && inclusive ? 'a list of one item or more' : `a list ${bound} ${limit} items`;
  return `a number ${bound} ${limit}`;
}

/** A value as a person wrote it: `text "x"`, `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (typeof value === 'string')
    return `text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
