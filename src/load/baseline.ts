// Reads a baseline (a previous JSON report, or a list of suppressions) and marks findings already reviewed.
import { z } from 'zod';
import { AuditError } from '../shared/errors.js';
import { zodProblems } from '../schemas/zod-problems.js';
import { readStructuredFile } from './structured-file.js';
import type { Lang } from '../shared/types.js';
import { uiLabels } from '../shared/labels/index.js';

export interface Suppression {
  fingerprint: string;
  reason: string;
  reviewer: string | null;
  date: string | null;
}

export const suppressionFileSchema = z.array(
  z.strictObject({
    fingerprint: z.string().min(1),
    reason: z.string().min(1),
    reviewer: z.string().optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
      .refine(
        (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'not a real calendar date',
      )
      .optional(),
  }),
);

const baselineReportSchema = z.object({
  schema: z.literal('asn-audit/report@1'),
  persons: z.array(
    z.object({
      findings: z.array(
        z.object({ fingerprint: z.string(), suppression: z.object({ reason: z.string() }).nullable().optional() }),
      ),
    }),
  ),
});

const HINT = 'a baseline is a previous JSON report of asn-audit or a list of {fingerprint, reason, reviewer, date}';

export async function loadBaseline(path: string, lang: Lang): Promise<Map<string, Suppression>> {
  const { data } = await readStructuredFile(path, 'baseline');
  const out = new Map<string, Suppression>();
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const report = baselineReportSchema.safeParse(data, { reportInput: true });
    if (!report.success) throw new AuditError(zodProblems(report.error, path), HINT);
    for (const person of report.data.persons) {
      for (const f of person.findings) {
        out.set(f.fingerprint, {
          fingerprint: f.fingerprint,
          reason: f.suppression?.reason ?? uiLabels(lang).baselineReason(path),
          reviewer: null,
          date: null,
        });
      }
    }
    return out;
  }
  const list = suppressionFileSchema.safeParse(data, { reportInput: true });
  if (!list.success) throw new AuditError(zodProblems(list.error, path), HINT);
  for (const s of list.data)
    out.set(s.fingerprint, {
      fingerprint: s.fingerprint,
      reason: s.reason,
      reviewer: s.reviewer ?? null,
      date: s.date ?? null,
    });
  return out;
}
