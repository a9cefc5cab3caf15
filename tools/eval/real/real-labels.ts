// The real-text development set: ids and labels of corpus tweets (fixtures/eval/real/labels.csv), never their texts.
import { parse } from 'csv-parse/sync';
import { AuditError } from '../../../src/shared/errors.js';

export type RealLabel = 'partisan' | 'neutral' | 'unclear';
export type Stance = 'support' | 'against';

export interface LabelledPost {
  id: string;
  label: RealLabel;
  /** For partisan posts: the ballot number the post concerns and whether it supports or attacks it. */
  side: { number: number; stance: Stance } | null;
  /** `check` rows were not read while the rules were tuned; `tune` rows were. */
  split: 'tune' | 'check';
}

const LABELS = new Set<string>(['partisan', 'neutral', 'unclear']);

export function parseRealLabels(csv: string, file: string): LabelledPost[] {
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((row, index) => {
    const line = index + 2;
    const label = row.label ?? '';
    if (!LABELS.has(label)) throw new AuditError({ file, line, field: 'label', message: `unknown label "${label}"` });
    const side = parseSide(row.side ?? '');
    if ((label === 'partisan') !== (side !== null)) {
      throw new AuditError({ file, line, field: 'side', message: 'a side is given exactly for partisan rows' });
    }
    const split = row.split === 'check' ? 'check' : 'tune';
    return { id: row.id ?? '', label: label as RealLabel, side, split };
  });
}

function parseSide(side: string): LabelledPost['side'] {
  if (side === '') return null;
  const against = side.startsWith('against:');
  const number = Number(against ? side.slice('against:'.length) : side);
  if (!Number.isInteger(number) || number < 1) throw new Error(`side "${side}" is not a ballot number`);
  return { number, stance: against ? 'against' : 'support' };
}
