// Reads a decisions file: what reviewers decided about each finding (by fingerprint), for the next scan to apply.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { zodProblems } from '../schemas/zod-problems.js';
import { AuditError, type Problem } from '../shared/errors.js';
import { readHandWrittenText, yamlSyntaxProblems } from './structured-file.js';

import { REVIEW_STATUSES, type ReviewStatus } from '../shared/types.js';

export { REVIEW_STATUSES, type ReviewStatus };

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real calendar date',
  );

export const decisionSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{24}$/, 'expected a finding fingerprint (24 hex digits)'),
  status: z.enum(REVIEW_STATUSES),
  reviewer: z.string().trim().min(1, 'expected the reviewer’s name'),
  reason: z.string().trim().min(1, 'expected the reason for the decision'),
  date: calendarDate,
});

export type Decision = z.infer<typeof decisionSchema>;

export interface DecisionsFile {
  path: string;
  /** The parsed YAML document (JSON is YAML too): `review add` edits it in place to keep comments. */
  doc: Document;
  decisions: Map<string, Decision>;
  /** Whether the file was written as JSON (then it is written back as JSON). */
  json: boolean;
}

const HINT =
  'a decisions file is a YAML or JSON list of {fingerprint, status, reviewer, reason, date}; status is one of ' +
  REVIEW_STATUSES.join(', ');

/** Reads and validates a decisions file; an empty file (or one holding only comments, or `[]`) has no decisions. */
export async function loadDecisions(path: string, options: { missingIsEmpty?: boolean } = {}): Promise<DecisionsFile> {
  return parseDecisions(path, (await readHandWrittenText(path, 'decisions file', options)).text);
}

export function parseDecisions(path: string, text: string): DecisionsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'silent', lineCounter });
  const json = text.trimStart().startsWith('[');
  const syntax = yamlSyntaxProblems(path, doc);
  if (syntax.length > 0) throw new AuditError(syntax, HINT);
  const decisions = new Map<string, Decision>();
  if (doc.contents === null) return { path, doc, decisions, json };
  if (!isSeq(doc.contents))
    throw new AuditError(
      { file: path, line: lineOf(doc.contents.range?.[0], lineCounter), message: 'expected a list of decisions' },
      HINT,
    );
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  doc.contents.items.forEach((item, index) => {
    const line = lineOf((item as { range?: [number, number, number] } | null)?.range?.[0], lineCounter);
    const data = isMap(item) ? item.toJSON() : (item as { toJSON?: () => unknown } | null)?.toJSON?.();
    const parsed = decisionSchema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // The line of the field itself when the entry has it, else the entry's first line.
        const key = issue.path[0];
        const node = typeof key === 'string' && isMap(item) ? (item.get(key, true) as { range?: number[] }) : null;
        const at = lineOf(node?.range?.[0], lineCounter) ?? line;
        const [problem] = zodProblems(new z.ZodError([issue]), path, [index]);
        problems.push({ ...problem!, ...(at !== undefined ? { line: at } : {}) });
      }
      return;
    }
    const seen = firstLine.get(parsed.data.fingerprint);
    if (seen !== undefined) {
      problems.push({
        file: path,
        ...(line !== undefined ? { line } : {}),
        field: `[${index}].fingerprint`,
        message: `${parsed.data.fingerprint} is decided twice (first on line ${seen}): keep one entry`,
      });
      return;
    }
    firstLine.set(parsed.data.fingerprint, line ?? 0);
    decisions.set(parsed.data.fingerprint, parsed.data);
  });
  if (problems.length > 0) throw new AuditError(problems, HINT);
  return { path, doc, decisions, json };
}

function lineOf(offset: number | undefined, lineCounter: LineCounter): number | undefined {
  if (offset === undefined) return undefined;
  return lineCounter.linePos(offset).line;
}
