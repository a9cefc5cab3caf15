// The dossier's timeline: one person's acts as numbered marks on the shared time axis (time-axis.ts), which keeps the
// election's phases (the campaign period) at full scale and compresses a long stretch before or after them.
import type { ActGroup } from '../aggregate/acts.js';
import type { Report } from '../schemas/report-schema.js';
import type { DossierLabels } from '../shared/labels/index.js';
import { localDay } from '../shared/local-time.js';
import type { Severity } from '../shared/types.js';
import { dayNumber, dayString, labelWidth, num } from './chart-layout.js';
import { STACK_COLORS } from './html-timeline.js';
import { escapeHtml as h } from './markup-escape.js';
import { type AxisSegment, CAMPAIGN_PHASE_IDS, dayAxis, focusDays, type TickLabel, tickLabels } from './time-axis.js';

const VIEW = { width: 700, left: 16, right: 684 };
const BREAK_GAP = 12;
const PLOT_TOP = 16;
const MARK_R = 6;
const LANE = 14;
const MAX_LANES = 5;
const FONT = 9;

export interface ActMark {
  /** The act's number in the dossier (1-based, as its heading says). */
  act: number;
  day: string;
  x: number;
  lane: number;
  severity: Severity;
}

export interface PhaseBand {
  id: string;
  name: string;
  x1: number;
  x2: number;
  campaign: boolean;
}

export interface DossierTimeline {
  segments: AxisSegment[];
  marks: ActMark[];
  bands: PhaseBand[];
  ticks: TickLabel[];
  /** Acts without a date: not on the axis, counted under it. */
  undated: number;
  /** The full-scale stretch: the election's phases (or the acts' days when the election lists none). */
  focus: { from: string; to: string };
  svg: string;
}

/** Marks left to right, each in the lowest lane where it clears the marks before it (the last lane takes the rest). */
function placeMarks(marks: Omit<ActMark, 'lane'>[]): ActMark[] {
  const laneEnds: number[] = [];
  return [...marks]
    .sort((a, b) => a.x - b.x || a.act - b.act)
    .map((mark) => {
      let lane = laneEnds.findIndex((end) => mark.x - end >= 2 * MARK_R + 1);
      if (lane === -1) lane = Math.min(laneEnds.length, MAX_LANES - 1);
      laneEnds[lane] = mark.x;
      return { ...mark, lane };
    });
}

/** Null when no act has a date: there is nothing to place on an axis. */
export function dossierTimeline(
  groups: readonly ActGroup[],
  election: Report['election'],
  labels: { d: DossierLabels; monthsShort: readonly string[] },
): DossierTimeline | null {
  const dated = groups.flatMap((group, i) => {
    const day = localDay(group.act.timestamp, election.timezone);
    return day === null ? [] : [{ act: i + 1, day, n: dayNumber(day), severity: group.act.highest_severity }];
  });
  if (dated.length === 0) return null;
  const actDays = dated.map((a) => a.n);
  const [focusFirst, focusLast] = focusDays(election.phases, actDays)!;
  const axis = dayAxis([focusFirst, focusLast], actDays, { left: VIEW.left, right: VIEW.right, gap: BREAK_GAP });
  const { segments } = axis;
  // A mark sits in the middle of its day's slot.
  const middle = (n: number) => {
    const slot = axis.slot(n);
    return (slot.x1 + slot.x2) / 2;
  };
  const marks = placeMarks(dated.map((a) => ({ act: a.act, day: a.day, x: middle(a.n), severity: a.severity })));
  const bands = election.phases.map((p) => ({
    id: p.id,
    name: p.name,
    x1: axis.slot(dayNumber(p.from)).x1,
    x2: axis.slot(dayNumber(p.to)).x2,
    campaign: CAMPAIGN_PHASE_IDS.has(p.id),
  }));
  const ticks = tickLabels(axis, labels.monthsShort, FONT);
  const lanes = Math.max(1, ...marks.map((m) => m.lane + 1));
  const plotBottom = PLOT_TOP + lanes * LANE + 6;
  const focus = { from: dayString(focusFirst), to: dayString(focusLast) };
  const svg = renderSvg({ segments, marks, bands, ticks, plotBottom, labels: labels.d });
  return { segments, marks, bands, ticks, undated: groups.length - dated.length, focus, svg };
}

function renderSvg(t: {
  segments: AxisSegment[];
  marks: ActMark[];
  bands: PhaseBand[];
  ticks: TickLabel[];
  plotBottom: number;
  labels: DossierLabels;
}): string {
  const parts: string[] = [];
  const height = t.plotBottom + 16;
  for (const s of t.segments.filter((segment) => segment.compressed)) {
    parts.push(
      `<rect class="compressed" x="${num(s.x1)}" y="${PLOT_TOP}" width="${num(s.x2 - s.x1)}" height="${num(t.plotBottom - PLOT_TOP)}" fill="#f2f4f7"/>`,
      `<text x="${num((s.x1 + s.x2) / 2)}" y="${PLOT_TOP - 4}" text-anchor="middle" font-style="italic">${h(t.labels.timelineCompressed)}</text>`,
    );
  }
  for (const band of t.bands) {
    const fill = band.campaign ? '#fde9c9' : '#e9effa';
    parts.push(
      `<rect class="phase${band.campaign ? ' campaign' : ''}" x="${num(band.x1)}" y="${PLOT_TOP}" width="${num(Math.max(1, band.x2 - band.x1))}" height="${num(t.plotBottom - PLOT_TOP)}" fill="${fill}"><title>${h(band.name)}</title></rect>`,
    );
    if (labelWidth(band.name, FONT) + 4 <= band.x2 - band.x1)
      parts.push(`<text x="${num(band.x1 + 2)}" y="${PLOT_TOP - 4}">${h(band.name)}</text>`);
  }
  parts.push(
    `<line x1="${VIEW.left}" x2="${VIEW.right}" y1="${num(t.plotBottom)}" y2="${num(t.plotBottom)}" stroke="#98a2b3"/>`,
  );
  // A break mark between a compressed stretch and the full-scale part.
  for (const [a, b] of t.segments.slice(1).map((s, i) => [t.segments[i]!, s] as const)) {
    const x = (a.x2 + b.x1) / 2;
    parts.push(
      `<path d="M${num(x - 4)} ${num(t.plotBottom + 4)} L${num(x)} ${num(t.plotBottom - 4)} M${num(x)} ${num(t.plotBottom + 4)} L${num(x + 4)} ${num(t.plotBottom - 4)}" stroke="#475467"/>`,
    );
  }
  for (const tick of t.ticks)
    parts.push(
      `<text class="tick" x="${num(tick.x)}" y="${num(t.plotBottom + 12)}" text-anchor="${tick.anchor}">${h(tick.text)}</text>`,
    );
  for (const m of t.marks) {
    const cy = num(t.plotBottom - 6 - MARK_R - m.lane * LANE);
    parts.push(
      `<g class="act-mark"><circle cx="${num(m.x)}" cy="${cy}" r="${MARK_R}" fill="${STACK_COLORS[m.severity]}"><title>${h(`${t.labels.act(m.act)} · ${m.day}`)}</title></circle><text x="${num(m.x)}" y="${num(Number(cy) + 3)}" text-anchor="middle" fill="#fff" font-size="8" font-weight="700">${m.act}</text></g>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW.width} ${num(height)}" role="img" aria-label="${h(t.labels.timeline)}" font-family="system-ui, sans-serif" font-size="${FONT}" fill="#475467">`,
    ...parts.map((p) => `  ${p}`),
    '</svg>',
  ].join('\n');
}
