// Turns zod issues into located problems: `file: candidates[1].since: expected a date`.
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

export function zodProblems(error: z.ZodError, file: string, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => {
    const field = fieldPath([...prefix, ...issue.path]) || '(top level)';
    return { file, field, message: describeIssue(issue) };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `required field is missing (expected ${issue.expected})`;
  return issue.message;
}
