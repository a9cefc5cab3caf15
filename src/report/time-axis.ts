// The time axis both timelines draw on (the HTML report's findings per day, the dossier's acts): the focus, the
// election's phases with the campaign period, at full scale; a stretch before or after it compressed when it is long,
// so that a few old acts do not squeeze the campaign into a sliver; month labels that name the year.
import { dayNumber, dayString, labelWidth } from './chart-layout.js';

/** A stretch outside the focus longer than this share of the focus's length is compressed, not drawn to scale. */
const COMPRESS_OVER = 0.25;
/** The width a compressed stretch gets, as a share of the plot, however long it is. */
const COMPRESSED_SHARE = 0.18;
/** Phases whose id says they are the campaign: the timelines draw them darker than the other phases. */
export const CAMPAIGN_PHASE_IDS: ReadonlySet<string> = new Set(['kampanye', 'campaign']);

/** One part of the axis: days `first`…`last` (inclusive) drawn between `x1` and `x2`. */
export interface AxisSegment {
  first: number;
  last: number;
  x1: number;
  x2: number;
  compressed: boolean;
}

/** Days `first`…`last` between `left` and `right`, in one full-scale segment and at most one compressed one each side. */
export interface DayAxis {
  first: number;
  last: number;
  left: number;
  right: number;
  segments: AxisSegment[];
  /** Where a day's slot lies (a day off the axis is drawn at the nearest end). */
  slot: (day: number) => { x1: number; x2: number };
}

export interface TickLabel {
  x: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/** The days the axis keeps at full scale: from the first phase to the last, else all of `otherDays`; null when none. */
export function focusDays(
  phases: readonly { from: string; to: string }[],
  otherDays: readonly number[],
): [number, number] | null {
  const phaseDays = phases.flatMap((p) => [dayNumber(p.from), dayNumber(p.to)]).filter(Number.isFinite);
  const days = phaseDays.length > 0 ? phaseDays : otherDays;
  return days.length === 0 ? null : [Math.min(...days), Math.max(...days)];
}

/**
 * The axis over `days` (and the focus), between `left` and `right`: the focus at full scale, the days before or after
 * it at full scale too unless that stretch is long, and then compressed into a fixed share of the plot, `gap` apart.
 */
export function dayAxis(
  focus: readonly [number, number],
  days: readonly number[],
  view: { left: number; right: number; gap: number },
): DayAxis {
  const [focusFirst, focusLast] = focus;
  const first = Math.min(focusFirst, ...days);
  const last = Math.max(focusLast, ...days);
  const focusLength = focusLast - focusFirst + 1;
  const before = focusFirst - first > COMPRESS_OVER * focusLength;
  const after = last - focusLast > COMPRESS_OVER * focusLength;
  const compressedWidth = (view.right - view.left) * COMPRESSED_SHARE;
  let x = view.left;
  const segments: AxisSegment[] = [];
  if (before) {
    segments.push({ first, last: focusFirst - 1, x1: x, x2: x + compressedWidth, compressed: true });
    x += compressedWidth + view.gap;
  }
  const mainFirst = before ? focusFirst : first;
  const mainLast = after ? focusLast : last;
  const mainRight = after ? view.right - compressedWidth - view.gap : view.right;
  segments.push({ first: mainFirst, last: mainLast, x1: x, x2: mainRight, compressed: false });
  if (after)
    segments.push({ first: focusLast + 1, last, x1: view.right - compressedWidth, x2: view.right, compressed: true });
  const slot = (day: number) => {
    const segment =
      segments.find((s) => day >= s.first && day <= s.last) ?? (day < first ? segments[0]! : segments.at(-1)!);
    const width = (segment.x2 - segment.x1) / (segment.last - segment.first + 1);
    const index = Math.min(Math.max(day, segment.first), segment.last) - segment.first;
    return { x1: segment.x1 + index * width, x2: segment.x1 + (index + 1) * width };
  };
  return { first, last, left: view.left, right: view.right, segments, slot };
}

function monthName(day: string, months: readonly string[], withYear: boolean): string {
  const month = months[Number(day.slice(5, 7)) - 1] ?? '';
  return withYear ? `${month} ${day.slice(0, 4)}` : month;
}

/**
 * Month starts in the full-scale part, the months at the ends of a compressed stretch. The year is written on the first
 * label and wherever it changes, so an axis over two years names both. Labels that would touch an earlier one (at
 * `fontSize`) are left out.
 */
export function tickLabels(axis: DayAxis, months: readonly string[], fontSize: number): TickLabel[] {
  const candidates: (TickLabel & { year: string })[] = [];
  for (const segment of axis.segments) {
    if (segment.compressed) {
      for (const [day, anchor] of [
        [segment.first, 'start'],
        [segment.last, 'end'],
      ] as const) {
        const d = dayString(day);
        // Month and year only, so that both ends fit the short stretch (each mark's tooltip has its day).
        const x = anchor === 'start' ? segment.x1 : segment.x2;
        candidates.push({ x, anchor, year: d.slice(0, 4), text: monthName(d, months, true) });
      }
      continue;
    }
    for (let day = segment.first; day <= segment.last; day++) {
      const d = dayString(day);
      if (!d.endsWith('-01') && day !== segment.first) continue;
      const text = d.endsWith('-01')
        ? monthName(d, months, false)
        : `${Number(d.slice(8, 10))} ${monthName(d, months, false)}`;
      const anchor = day === segment.first ? 'start' : 'middle';
      candidates.push({ x: axis.slot(day).x1, anchor, year: d.slice(0, 4), text });
    }
  }
  const placed: TickLabel[] = [];
  let lastYear = '';
  let rightEdge = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    const text = c.year !== lastYear && !c.text.endsWith(c.year) ? `${c.text} ${c.year}` : c.text;
    const width = labelWidth(text, fontSize);
    const start = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - width : c.x - width / 2;
    if (start < rightEdge + 6) continue;
    placed.push({ x: c.x, text, anchor: c.anchor });
    rightEdge = start + width;
    lastYear = c.year;
  }
  return placed;
}
