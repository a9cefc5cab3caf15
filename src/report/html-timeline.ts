// The HTML report's timeline: findings per day as stacked bars in inline SVG, with the scan window marked.
import type { Report } from '../config/report-schema.js';
import type { UiLabels } from '../shared/i18n.js';
import type { Severity } from '../shared/types.js';
import { localDay } from '../shared/local-time.js';
import { escapeHtml } from './markup-escape.js';

type Stack = Severity | 'suppressed';
/** Bottom to top: the most serious findings sit on the axis where they are easiest to compare. */
const STACK_ORDER: readonly Stack[] = ['high', 'medium', 'low', 'suppressed'];
export const STACK_COLORS: Record<Stack, string> = { high: '#b42318', medium: '#dc6803', low: '#2e90fa', suppressed: '#d0d5dd' };

/** A window longer than this would squeeze the bars to hairlines: the chart then spans the findings only. */
const MAX_DAYS = 400;
const VIEW = { width: 960, height: 240, left: 44, right: 16, top: 16, bottom: 40 };

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

interface DayCounts {
  byDay: Map<number, Record<Stack, number>>;
  undated: number;
}

function countFindingsPerDay(report: Report): DayCounts {
  const byDay = new Map<number, Record<Stack, number>>();
  let undated = 0;
  for (const person of report.persons) {
    for (const finding of person.findings) {
      const day = localDay(finding.activity.timestamp, report.election.timezone);
      if (day === null) {
        undated += 1;
        continue;
      }
      const n = dayNumber(day);
      const counts = byDay.get(n) ?? { high: 0, medium: 0, low: 0, suppressed: 0 };
      counts[finding.suppressed ? 'suppressed' : finding.severity] += 1;
      byDay.set(n, counts);
    }
  }
  return { byDay, undated };
}

function windowDay(value: string | null, timeZone: string): number | null {
  const day = localDay(value, timeZone);
  return day === null ? null : dayNumber(day);
}

export interface TimelineChart {
  svg: string;
  undated: number;
}

/** Maps days and counts to SVG coordinates. */
interface Scale {
  first: number;
  last: number;
  slot: number;
  yMax: number;
  step: number;
  x: (day: number) => number;
  y: (value: number) => number;
}

const num = (n: number): string => (Math.round(n * 100) / 100).toString();

function scaleFor(first: number, last: number, byDay: Map<number, Record<Stack, number>>): Scale {
  const plotW = VIEW.width - VIEW.left - VIEW.right;
  const plotH = VIEW.height - VIEW.top - VIEW.bottom;
  const slot = plotW / (last - first + 1);
  const highest = Math.max(1, ...[...byDay.values()].map((c) => STACK_ORDER.reduce((sum, s) => sum + c[s], 0)));
  // At most about four gridlines, on whole numbers.
  const step = Math.max(1, Math.ceil(highest / 4));
  const yMax = step * Math.ceil(highest / step);
  return {
    first,
    last,
    slot,
    yMax,
    step,
    x: (day) => VIEW.left + (day - first) * slot,
    y: (value) => VIEW.top + plotH - (value / yMax) * plotH,
  };
}

function axisParts(scale: Scale, labels: UiLabels): string[] {
  const parts: string[] = [];
  for (let value = 0; value <= scale.yMax; value += scale.step) {
    const y = num(scale.y(value));
    parts.push(`<line x1="${VIEW.left}" x2="${VIEW.width - VIEW.right}" y1="${y}" y2="${y}" stroke="#eaecf0"/>`);
    parts.push(`<text x="${VIEW.left - 8}" y="${num(scale.y(value) + 4)}" text-anchor="end">${value}</text>`);
  }
  const days = scale.last - scale.first + 1;
  const labelEvery = Math.max(1, Math.ceil(days / 10));
  for (let day = scale.first; day <= scale.last; day += labelEvery) {
    const d = dayString(day);
    const label = `${Number(d.slice(8, 10))} ${labels.monthsShort[Number(d.slice(5, 7)) - 1] ?? ''}`;
    parts.push(`<text x="${num(scale.x(day) + scale.slot / 2)}" y="${VIEW.height - VIEW.bottom + 18}" text-anchor="middle">${escapeHtml(label)}</text>`);
  }
  return parts;
}

function barParts(scale: Scale, byDay: Map<number, Record<Stack, number>>, labels: UiLabels): string[] {
  const parts: string[] = [];
  const barW = Math.max(1, scale.slot * 0.7);
  for (const [day, counts] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    if (day < scale.first || day > scale.last) continue;
    let base = 0;
    for (const stack of STACK_ORDER) {
      if (counts[stack] === 0) continue;
      const top = base + counts[stack];
      const name = stack === 'suppressed' ? labels.status.suppressed : labels.severity[stack];
      const title = `${dayString(day)}: ${counts[stack]} ${name}`;
      const geometry = `x="${num(scale.x(day) + (scale.slot - barW) / 2)}" y="${num(scale.y(top))}" width="${num(barW)}" height="${num(scale.y(base) - scale.y(top))}"`;
      parts.push(`<rect ${geometry} fill="${STACK_COLORS[stack]}" rx="1"><title>${escapeHtml(title)}</title></rect>`);
      base = top;
    }
  }
  return parts;
}

/** Dashed lines at the start of `since` and the end of `until`. */
function windowParts(scale: Scale, since: number | null, until: number | null): string[] {
  const parts: string[] = [];
  for (const [edge, offset] of [[since, 0], [until, 1]] as const) {
    if (edge === null || edge < scale.first || edge > scale.last) continue;
    const x = num(scale.x(edge) + offset * scale.slot);
    parts.push(`<line x1="${x}" x2="${x}" y1="${VIEW.top}" y2="${num(scale.y(0))}" stroke="#475467" stroke-dasharray="4 3"/>`);
  }
  return parts;
}

/** Null when there is nothing to place on a time axis (no dated finding and no window). */
export function timelineChart(report: Report, labels: UiLabels): TimelineChart | null {
  const { byDay, undated } = countFindingsPerDay(report);
  const dated = [...byDay.keys()];
  const since = windowDay(report.window.since, report.election.timezone);
  const until = windowDay(report.window.until, report.election.timezone);
  let first = Math.min(...dated, ...(since === null ? [] : [since]));
  let last = Math.max(...dated, ...(until === null ? [] : [until]));
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null;
  if (last - first + 1 > MAX_DAYS && dated.length > 0) [first, last] = [Math.min(...dated), Math.max(...dated)];
  const scale = scaleFor(first, last, byDay);
  const baseline = `<line x1="${VIEW.left}" x2="${VIEW.width - VIEW.right}" y1="${num(scale.y(0))}" y2="${num(scale.y(0))}" stroke="#98a2b3"/>`;
  const parts = [...axisParts(scale, labels), ...barParts(scale, byDay, labels), ...windowParts(scale, since, until), baseline];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${VIEW.height}" role="img" aria-label="${escapeHtml(labels.summary.timeline)}" font-family="system-ui, sans-serif" font-size="11" fill="#667085">`,
    ...parts.map((part) => `  ${part}`),
    '</svg>',
  ].join('\n');
  return { svg, undated };
}
