// Reads the scanner's NDJSON output (one finding a line) into the few fields the evaluation scores.
import { z } from 'zod';
import { AuditError } from '../../src/shared/errors.js';
import { CATEGORIES, type Category } from '../../src/shared/types.js';

/** Only the fields scoring needs; the rest of `findingSchema` is the report's business. */
const scoredFinding = z.object({
  category: z.enum(CATEGORIES),
  candidate: z.string().nullish(),
  activity: z.object({ id: z.string().min(1) }),
});

export interface FoundFinding {
  /** The `id` of the activity row the finding was raised for. */
  id: string;
  category: Category;
  candidate: string | null;
}

/** Reads one run's NDJSON; `source` names that output in error messages. */
export function parseFindingsNdjson(ndjson: string, source = 'scan output'): FoundFinding[] {
  const found: FoundFinding[] = [];
  ndjson.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const finding = scoredFinding.safeParse(parseJsonLine(line, source, index + 1));
    if (!finding.success) {
      const issue = finding.error.issues[0];
      throw new AuditError({
        file: source,
        line: index + 1,
        field: issue?.path.join('.'),
        message: issue?.message ?? 'not a finding',
      });
    }
    found.push({
      id: finding.data.activity.id,
      category: finding.data.category,
      candidate: finding.data.candidate ?? null,
    });
  });
  return found;
}

/** Activity id → the categories found for it: several findings of one category on a row count once. */
export function categoriesById(findings: readonly FoundFinding[]): Map<string, Set<Category>> {
  const byId = new Map<string, Set<Category>>();
  for (const { id, category } of findings) byId.set(id, (byId.get(id) ?? new Set<Category>()).add(category));
  return byId;
}

function parseJsonLine(line: string, file: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new AuditError({ file, line: lineNumber, message: `not JSON: ${(error as Error).message}` });
  }
}
