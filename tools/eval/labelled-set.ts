// Reads the labelled evaluation CSV: the canonical activity columns plus `expected` (categories, `;`-separated) and `note`.
import { parse } from 'csv-parse/sync';
import { AuditError, type Problem } from '../../src/shared/errors.js';
import { CATEGORIES, type Category } from '../../src/shared/types.js';
import type { LabelledRow } from './score.js';

const KNOWN = new Set<string>(CATEGORIES);

/** Parses the set; every problem (missing id, duplicate id, unknown category) is collected before failing. */
export function parseLabelledSet(csv: string, file: string): LabelledRow[] {
  const records = parse(csv, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const rows = records.map((record, index) => {
    const line = index + 2;
    const id = (record.id ?? '').trim();
    if (id === '') problems.push({ file, line, field: 'id', message: 'every labelled row needs an id' });
    else if (seen.has(id)) problems.push({ file, line, field: 'id', message: `duplicate id ${id}` });
    seen.add(id);
    const expected = new Set<Category>();
    for (const name of splitList(record.expected)) {
      if (KNOWN.has(name)) expected.add(name as Category);
      else
        problems.push({
          file,
          line,
          field: 'expected',
          message: `unknown category "${name}"; expected one of ${CATEGORIES.join(', ')}`,
        });
    }
    return { id, expected, display: describeRow(record) };
  });
  if (problems.length > 0) throw new AuditError(problems);
  return rows;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The row's text, or for acts without one (likes, follows, field reports) what was done to what. */
export function describeRow(record: Record<string, string | undefined>): string {
  const text = record.text?.trim();
  const type = record.type?.trim() ?? '';
  const target = record.target_account?.trim();
  const targetText = record.target_text?.trim();
  const event = record.event?.trim();
  const act = [type, target ? `@${target}` : '', event ?? ''].filter(Boolean).join(' ');
  if (text && !targetText) return text;
  if (text && targetText) return `${text} [${act}: ${targetText}]`;
  return targetText ? `[${act}] ${targetText}` : `[${act}]`;
}
