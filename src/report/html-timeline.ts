// The HTML report's timeline: findings per day as stacked bars in inline SVG, over the election's phases, with
// the scan window and the candidates' dates marked.
import type { Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { SEVERITIES_HIGHEST_FIRST, type Severity } from '../shared/types.js';
import { localDay } from '../shared/local-time.js';
import { dayAxis, dayNumber, dayString, num, type DayAxis } from './chart-layout.js';
import { candidateDateParts, layoutCandidateDates, layoutPhases, phaseParts } from './html-timeline-marks.js';
import { escapeHtml } from './markup-escape.js';

type Stack = Severity | 'suppressed';
/** Bottom to top, and the legend's order: the most serious findings sit on the axis where they are easiest to compare. */
export const STACK_ORDER: readonly Stack[] = [...SEVERITIES_HIGHEST_FIRST, 'suppressed'];
export const STACK_COLORS: Record<Stack, string> = {
  high: '#b42318',
  medium: '#dc6803',
  low: '#2e90fa',
  suppressed: '#d0d5dd',
};

/** A span longer than this would squeeze the bars to hairlines: the chart then drops the window, then the phases. */
const MAX_DAYS = 400;
/** Horizontal frame of the view box; the height follows from how many label rows the phases and dates need. */
const VIEW = { width: 960, left: 44, right: 16 };
const TOP_PAD = 6;
const PHASE_LANE = 16;
const DATE_ROW = 13;
const BARS_HEIGHT = 170;
const AXIS_LABELS = 28;

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
  /** What the chart draws besides the bars, for the legend. */
  shows: { phases: boolean; window: boolean; candidateDates: boolean };
}

/**
 * The first of these spans that fits MAX_DAYS: phases, window and findings; then phases and findings; then
 * the findings alone (even when longer, so that no finding is left off). Null when there is no day at all.
 */
function chartSpan(
  findingDays: readonly number[],
  phaseDays: readonly number[],
  windowDays: readonly number[],
): [number, number] | null {
  const tries = [
    [...findingDays, ...phaseDays, ...windowDays],
    [...findingDays, ...phaseDays],
    [...findingDays],
  ].filter((days) => days.length > 0);
  const spans = tries.map((days): [number, number] => [Math.min(...days), Math.max(...days)]);
  return (
    spans.find(([first, last]) => last - first + 1 <= MAX_DAYS) ??
    (findingDays.length > 0 ? spans.at(-1) : spans[0]) ??
    null
  );
}

/** Maps counts to y between the top and the bottom of the bars. */
interface CountScale {
  yMax: number;
  step: number;
  y: (value: number) => number;
}

function countScale(byDay: Map<number, Record<Stack, number>>, top: number, bottom: number): CountScale {
  const highest = Math.max(1, ...[...byDay.values()].map((c) => STACK_ORDER.reduce((sum, s) => sum + c[s], 0)));
  // At most about four gridlines, on whole numbers.
  const step = Math.max(1, Math.ceil(highest / 4));
  const yMax = step * Math.ceil(highest / step);
  return { yMax, step, y: (value) => bottom - (value / yMax) * (bottom - top) };
}

function gridParts(axis: DayAxis, counts: CountScale): string[] {
  const parts: string[] = [];
  for (let value = 0; value <= counts.yMax; value += counts.step) {
    const y = num(counts.y(value));
    parts.push(
      `<line x1="${axis.left}" x2="${axis.right}" y1="${y}" y2="${y}" stroke="#d0d5dd" stroke-opacity="0.6"/>`,
    );
    parts.push(`<text x="${axis.left - 8}" y="${num(counts.y(value) + 4)}" text-anchor="end">${value}</text>`);
  }
  return parts;
}

function dayLabelParts(axis: DayAxis, y: number, labels: UiLabels): string[] {
  const parts: string[] = [];
  const days = axis.last - axis.first + 1;
  const labelEvery = Math.max(1, Math.ceil(days / 10));
  let year = '';
  for (let day = axis.first; day <= axis.last; day += labelEvery) {
    const d = dayString(day);
    // The year on the first label and wherever it changes, so that an axis over New Year names both years.
    const withYear = d.slice(0, 4) === year ? '' : ` ${d.slice(0, 4)}`;
    year = d.slice(0, 4);
    const label = `${Number(d.slice(8, 10))} ${labels.monthsShort[Number(d.slice(5, 7)) - 1] ?? ''}${withYear}`;
    parts.push(
      `<text x="${num(axis.x(day) + axis.slot / 2)}" y="${num(y)}" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  }
  return parts;
}

function barParts(
  axis: DayAxis,
  counts: CountScale,
  byDay: Map<number, Record<Stack, number>>,
  labels: UiLabels,
): string[] {
  const parts: string[] = [];
  const barW = Math.max(1, axis.slot * 0.7);
  for (const [day, dayCounts] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    if (day < axis.first || day > axis.last) continue;
    let base = 0;
    for (const stack of STACK_ORDER) {
      if (dayCounts[stack] === 0) continue;
      const top = base + dayCounts[stack];
      const name = stack === 'suppressed' ? labels.status.suppressed : labels.severity[stack];
      const title = `${dayString(day)}: ${dayCounts[stack]} ${name}`;
      const geometry = `x="${num(axis.x(day) + (axis.slot - barW) / 2)}" y="${num(counts.y(top))}" width="${num(barW)}" height="${num(counts.y(base) - counts.y(top))}"`;
      parts.push(`<rect ${geometry} fill="${STACK_COLORS[stack]}" rx="1"><title>${escapeHtml(title)}</title></rect>`);
      base = top;
    }
  }
  return parts;
}

/** Dashed lines at the start of `since` and the end of `until`. */
function windowParts(axis: DayAxis, since: number | null, until: number | null, top: number, bottom: number): string[] {
  const parts: string[] = [];
  for (const [edge, offset] of [
    [since, 0],
    [until, 1],
  ] as const) {
    if (edge === null || edge < axis.first || edge > axis.last) continue;
    const x = num(axis.x(edge) + offset * axis.slot);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${num(top)}" y2="${num(bottom)}" stroke="#475467" stroke-dasharray="4 3"/>`,
    );
  }
  return parts;
}

/** Null when there is nothing to place on a time axis (no dated finding, no phase and no window). */
export function timelineChart(report: Report, labels: UiLabels): TimelineChart | null {
  const { timezone, phases, candidates } = report.election;
  const { byDay, undated } = countFindingsPerDay(report);
  const since = windowDay(report.window.since, timezone);
  const until = windowDay(report.window.until, timezone);
  const phaseDays = phases.flatMap((phase) => [dayNumber(phase.from), dayNumber(phase.to)]).filter(Number.isFinite);
  const windowDays = [since, until].filter((day): day is number => day !== null);
  const span = chartSpan([...byDay.keys()], phaseDays, windowDays);
  if (span === null) return null;
  const axis = dayAxis(span[0], span[1], VIEW.left, VIEW.width - VIEW.right);

  const phaseMarks = layoutPhases(phases, axis);
  const dateMarks = layoutCandidateDates(candidates, axis, labels);
  const phaseLanes = Math.max(0, ...phaseMarks.map((mark) => mark.label.lane + 1));
  const dateRows = Math.max(0, ...dateMarks.map((mark) => mark.label.lane + 1));
  // Top to bottom: phase names, then the plot, whose first rows hold the date labels above the bars.
  const plotTop = TOP_PAD + phaseLanes * PHASE_LANE + (phaseLanes > 0 ? 2 : 10);
  const barsTop = plotTop + (dateRows > 0 ? dateRows * DATE_ROW + 6 : 6);
  const barsBottom = barsTop + BARS_HEIGHT;
  const height = barsBottom + AXIS_LABELS;
  const counts = countScale(byDay, barsTop, barsBottom);

  const baseline = `<line x1="${axis.left}" x2="${axis.right}" y1="${num(barsBottom)}" y2="${num(barsBottom)}" stroke="#98a2b3"/>`;
  const parts = [
    ...phaseParts(phaseMarks, {
      headerLane0: plotTop - PHASE_LANE,
      laneHeight: PHASE_LANE,
      plotTop,
      plotBottom: barsBottom,
    }),
    ...gridParts(axis, counts),
    ...dayLabelParts(axis, barsBottom + 18, labels),
    ...candidateDateParts(dateMarks, barsTop - 4, DATE_ROW, barsBottom),
    ...windowParts(axis, since, until, plotTop, barsBottom),
    // The bars last of the plot, so no band or line covers a finding.
    ...barParts(axis, counts, byDay, labels),
    baseline,
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${num(height)}" role="img" aria-label="${escapeHtml(labels.summary.timeline)}" font-family="system-ui, sans-serif" font-size="11" fill="#667085">`,
    ...parts.map((part) => `  ${part}`),
    '</svg>',
  ].join('\n');
  const window = windowParts(axis, since, until, 0, 0).length > 0;
  return { svg, undated, shows: { phases: phaseMarks.length > 0, window, candidateDates: dateMarks.length > 0 } };
}
