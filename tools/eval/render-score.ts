// Renders an evaluation score as plain text: a metrics table, then every miss and false positive.
import { CATEGORIES } from '../../src/shared/types.js';
import type { Discrepancy, EvalScore, Metrics } from './score.js';

const HEADER = ['category', 'expected', 'found', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'];

export interface RenderOptions {
  /** Longest row text shown in the miss and false-positive lists; default 90 characters. */
  textWidth?: number;
}

export function renderScore(score: EvalScore, options: RenderOptions = {}): string {
  const width = options.textWidth ?? 90;
  const body = CATEGORIES.map((category) => metricRow(category, score.byCategory[category]));
  const lines = [
    renderTable([HEADER, ...body, metricRow('overall (micro)', score.overall)], body.length + 1),
    '',
    ...renderList(`Misses: expected but not found (${score.misses.length})`, score.misses, width),
    '',
    ...renderList(
      `False positives: found but not expected (${score.falsePositives.length})`,
      score.falsePositives,
      width,
    ),
  ];
  if (score.unknownIds.length > 0) {
    lines.push(
      '',
      `Findings for ids that are not in the labelled set (${score.unknownIds.length}): ${score.unknownIds.join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function metricRow(label: string, m: Metrics): string[] {
  return [
    label,
    String(m.tp + m.fn),
    String(m.tp + m.fp),
    String(m.tp),
    String(m.fp),
    String(m.fn),
    ratio(m.precision),
    ratio(m.recall),
    ratio(m.f1),
  ];
}

function ratio(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** Left-aligns the first column, right-aligns the rest; a rule above the row at `ruleBefore`. */
function renderTable(rows: string[][], ruleBefore: number): string {
  const widths = HEADER.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return rows
    .flatMap((row, index) => (index === 1 || index === ruleBefore ? [rule, format(row)] : [format(row)]))
    .join('\n');
}

function renderList(title: string, items: readonly Discrepancy[], width: number): string[] {
  if (items.length === 0) return [`${title}: none`];
  const idWidth = Math.max(...items.map((d) => d.id.length));
  const categoryWidth = Math.max(...items.map((d) => d.category.length));
  return [
    title,
    ...items.map(
      (d) => `  ${d.id.padEnd(idWidth)}  ${d.category.padEnd(categoryWidth)}  ${truncate(oneLine(d.display), width)}`,
    ),
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts at a code-point boundary so an emoji is never split in half. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
