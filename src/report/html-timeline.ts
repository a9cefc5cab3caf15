// The HTML report's timeline: acts per day as stacked bars in inline SVG on the shared time axis (time-axis.ts:
// the election's phases at full scale, a long stretch before or after them compressed, years named), over the
// phases, with the scan window and the candidates' dates marked.
import { actGroupsOf } from '../aggregate/acts.js';
import { isOpenFinding } from '../aggregate/review-state.js';
import type { Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { SEVERITIES_HIGHEST_FIRST, type Severity } from '../shared/types.js';
import { localDay } from '../shared/local-time.js';
import { dayNumber, dayString, num } from './chart-layout.js';
import { candidateDateParts, layoutCandidateDates, layoutPhases, phaseParts } from './html-timeline-marks.js';
import { escapeHtml } from './markup-escape.js';
import { dayAxis, type DayAxis, focusDays, tickLabels } from './time-axis.js';

/** An act is stacked by the highest severity of its open findings, or as closed when none is open. */
type Stack = Severity | 'closed';
/** Bottom to top, and the legend's order: the most serious acts sit on the axis where they are easiest to compare. */
export const STACK_ORDER: readonly Stack[] = [...SEVERITIES_HIGHEST_FIRST, 'closed'];
export const STACK_COLORS: Record<Stack, string> = {
  high: '#b42318',
  medium: '#dc6803',
  low: '#2e90fa',
  closed: '#d0d5dd',
};

/** Horizontal frame of the view box; the height follows from how many label rows the phases and dates need. */
const VIEW = { width: 960, left: 44, right: 16 };
/** Between a compressed stretch and the full-scale part, where the break mark goes. */
const BREAK_GAP = 14;
const FONT = 11;
const TOP_PAD = 6;
const PHASE_LANE = 16;
const DATE_ROW = 13;
const BARS_HEIGHT = 170;
const AXIS_LABELS = 28;

interface DayCounts {
  byDay: Map<number, Record<Stack, number>>;
  undated: number;
}

/**
 * The page's script stacks the acts again after each decision made in the browser, from the findings' statuses and
 * each act's `data-day` (html-review-script.ts): the same rule as here, so its bars equal those of a rescan.
 */
function countActsPerDay(report: Report): DayCounts {
  const byDay = new Map<number, Record<Stack, number>>();
  let undated = 0;
  for (const person of report.persons) {
    for (const { act, findings } of actGroupsOf(person)) {
      const day = localDay(act.timestamp, report.election.timezone);
      if (day === null) {
        undated += 1;
        continue;
      }
      const n = dayNumber(day);
      const counts = byDay.get(n) ?? { high: 0, medium: 0, low: 0, closed: 0 };
      const open = SEVERITIES_HIGHEST_FIRST.find((s) => findings.some((f) => f.severity === s && isOpenFinding(f)));
      counts[open ?? 'closed'] += 1;
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
 * Maps counts to y between the top and the bottom of the bars, `unit` per act. A day's total does not change with
 * decisions (an act only moves between its stacks), so the page's script redraws the bars on this same scale.
 */
interface CountScale {
  yMax: number;
  step: number;
  bottom: number;
  unit: number;
  y: (value: number) => number;
}

function countScale(byDay: Map<number, Record<Stack, number>>, top: number, bottom: number): CountScale {
  const highest = Math.max(1, ...[...byDay.values()].map((c) => STACK_ORDER.reduce((sum, s) => sum + c[s], 0)));
  // At most about four gridlines, on whole numbers.
  const step = Math.max(1, Math.ceil(highest / 4));
  const yMax = step * Math.ceil(highest / step);
  const unit = (bottom - top) / yMax;
  return { yMax, step, bottom, unit, y: (value) => bottom - value * unit };
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

function tickParts(axis: DayAxis, y: number, labels: UiLabels): string[] {
  return tickLabels(axis, labels.monthsShort, FONT).map(
    (tick) =>
      `<text class="tick" x="${num(tick.x)}" y="${num(y)}" text-anchor="${tick.anchor}">${escapeHtml(tick.text)}</text>`,
  );
}

/** A compressed stretch is shaded and named, with a break mark on the axis where it meets the full-scale part. */
function compressedParts(axis: DayAxis, top: number, bottom: number, labels: UiLabels): string[] {
  const parts: string[] = [];
  for (const s of axis.segments.filter((segment) => segment.compressed))
    parts.push(
      `<rect class="compressed" x="${num(s.x1)}" y="${num(top)}" width="${num(s.x2 - s.x1)}" height="${num(bottom - top)}" fill="#f2f4f7"/>`,
      `<text x="${num((s.x1 + s.x2) / 2)}" y="${num(top - 4)}" text-anchor="middle" font-style="italic">${escapeHtml(labels.dossier.timelineCompressed)}</text>`,
    );
  for (const [a, b] of axis.segments.slice(1).map((s, i) => [axis.segments[i]!, s] as const)) {
    const x = (a.x2 + b.x1) / 2;
    parts.push(
      `<path class="axis-break" d="M${num(x - 4)} ${num(bottom + 5)} L${num(x)} ${num(bottom - 5)} M${num(x)} ${num(bottom + 5)} L${num(x + 4)} ${num(bottom - 5)}" stroke="#475467"/>`,
    );
  }
  return parts;
}

export function stackName(stack: Stack, labels: UiLabels): string {
  return stack === 'closed' ? labels.summary.timelineClosed : labels.severity[stack];
}

function barParts(
  axis: DayAxis,
  counts: CountScale,
  byDay: Map<number, Record<Stack, number>>,
  labels: UiLabels,
): string[] {
  const parts: string[] = [];
  for (const [day, dayCounts] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    if (day < axis.first || day > axis.last) continue;
    const slot = axis.slot(day);
    // A day in a compressed stretch is narrower than a unit: its bar is a unit wide all the same, to be seen.
    const barW = Math.max(1, (slot.x2 - slot.x1) * 0.7);
    const barX = Math.min(Math.max((slot.x1 + slot.x2 - barW) / 2, axis.left), axis.right - barW);
    let base = 0;
    // Every stack has its rect, an empty one zero high: a decision made in the browser can fill it.
    const rects = STACK_ORDER.map((stack) => {
      const top = base + dayCounts[stack];
      const title = `${dayString(day)}: ${dayCounts[stack]} ${stackName(stack, labels)}`;
      const geometry = `x="${num(barX)}" y="${num(counts.y(top))}" width="${num(barW)}" height="${num(counts.y(base) - counts.y(top))}"`;
      base = top;
      return `<rect data-stack="${stack}" ${geometry} fill="${STACK_COLORS[stack]}" rx="1"><title>${escapeHtml(title)}</title></rect>`;
    });
    parts.push(`<g class="day-bars" data-day="${dayString(day)}">${rects.join('')}</g>`);
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
    const x = num(offset === 0 ? axis.slot(edge).x1 : axis.slot(edge).x2);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${num(top)}" y2="${num(bottom)}" stroke="#475467" stroke-dasharray="4 3"/>`,
    );
  }
  return parts;
}

/** Null when there is nothing to place on a time axis (no dated finding, no phase and no window). */
export function timelineChart(report: Report, labels: UiLabels): TimelineChart | null {
  const { timezone, phases, candidates } = report.election;
  const { byDay, undated } = countActsPerDay(report);
  const since = windowDay(report.window.since, timezone);
  const until = windowDay(report.window.until, timezone);
  const windowDays = [since, until].filter((day): day is number => day !== null);
  const days = [...byDay.keys(), ...windowDays];
  const focus = focusDays(phases, days);
  if (focus === null) return null;
  const axis = dayAxis(focus, days, { left: VIEW.left, right: VIEW.width - VIEW.right, gap: BREAK_GAP });

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
    ...compressedParts(axis, plotTop, barsBottom, labels),
    ...phaseParts(phaseMarks, {
      headerLane0: plotTop - PHASE_LANE,
      laneHeight: PHASE_LANE,
      plotTop,
      plotBottom: barsBottom,
    }),
    ...gridParts(axis, counts),
    ...tickParts(axis, barsBottom + 18, labels),
    ...candidateDateParts(dateMarks, barsTop - 4, DATE_ROW, barsBottom),
    ...windowParts(axis, since, until, plotTop, barsBottom),
    // The bars last of the plot, so no band or line covers a finding.
    ...barParts(axis, counts, byDay, labels),
    baseline,
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${num(height)}" data-bars-bottom="${counts.bottom}" data-bar-unit="${counts.unit}" role="img" aria-label="${escapeHtml(labels.summary.timeline)}" font-family="system-ui, sans-serif" font-size="${FONT}" fill="#667085">`,
    ...parts.map((part) => `  ${part}`),
    '</svg>',
  ].join('\n');
  const window = windowParts(axis, since, until, 0, 0).length > 0;
  return { svg, undated, shows: { phases: phaseMarks.length > 0, window, candidateDates: dateMarks.length > 0 } };
}
