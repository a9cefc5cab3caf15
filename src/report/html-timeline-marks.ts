// What the HTML timeline draws behind the bars: the election's phases as labelled bands and the candidates' dates as lines.
import type { Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { assignLanes, dayNumber, dayString, labelWidth, num, type LanePlace, type Span } from './chart-layout.js';
import { escapeHtml as h } from './markup-escape.js';
import type { DayAxis } from './time-axis.js';
import { candidateLabelFor, type ReportCandidate } from './report-view.js';

type Phase = Report['election']['phases'][number];

/** Two tints of one hue taken in turn, so adjacent phases differ; both light enough for the bars and text on top. */
const PHASE_TINTS = [
  { band: '#e9effa', head: '#c8d6ef' },
  { band: '#f3f6fc', head: '#dce4f4' },
] as const;
export const PHASE_KEY_COLOR = PHASE_TINTS[0].head;
export const CANDIDATE_DATE_COLOR = '#6941c6';
const PHASE_FONT = 11;
const DATE_FONT = 10;
const LABEL_PAD = 4;

interface PlacedLabel extends LanePlace {
  x: number;
  anchor: 'start' | 'end';
}

export interface PhaseMark {
  phase: Phase;
  /** The band's left and right edge on the day axis (clipped to it). */
  x1: number;
  x2: number;
  tint: (typeof PHASE_TINTS)[number];
  label: PlacedLabel;
}

/**
 * The name goes inside the phase's header bar when it fits, else just after it, else just before it (a
 * one-day phase near the end of the axis); overlapping names move up a lane.
 */
export function layoutPhases(phases: readonly Phase[], axis: DayAxis): PhaseMark[] {
  const shown = phases
    .map((phase) => ({ phase, from: dayNumber(phase.from), to: dayNumber(phase.to) }))
    .filter(({ from, to }) => to >= axis.first && from <= axis.last)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const placed = shown.map(({ phase, from, to }, i) => {
    const x1 = axis.slot(Math.max(from, axis.first)).x1;
    const x2 = axis.slot(Math.min(to, axis.last)).x2;
    const width = labelWidth(phase.name, PHASE_FONT);
    let label: Omit<PlacedLabel, keyof LanePlace> = { x: x1 + LABEL_PAD, anchor: 'start' };
    if (width + 2 * LABEL_PAD > x2 - x1) {
      if (x2 + LABEL_PAD + width <= axis.right) label = { x: x2 + LABEL_PAD, anchor: 'start' };
      else if (x1 - LABEL_PAD - width >= 0) label = { x: x1 - LABEL_PAD, anchor: 'end' };
    }
    const span: Span =
      label.anchor === 'start' ? { start: label.x, end: label.x + width } : { start: label.x - width, end: label.x };
    return { phase, x1, x2, tint: PHASE_TINTS[i % PHASE_TINTS.length]!, label, span };
  });
  const lanes = assignLanes(
    placed.map((p) => ({ column: { start: p.x1, end: p.x2 }, text: p.span })),
    LABEL_PAD,
  );
  return placed.map(({ phase, x1, x2, tint, label }, i) => ({
    phase,
    x1,
    x2,
    tint,
    label: { ...label, ...(lanes[i] ?? { lane: 0, connected: true }) },
  }));
}

export interface PhaseGeometry {
  /** The y of the top of lane 0 of the header, the lane nearest the plot; higher lanes sit above it. */
  headerLane0: number;
  laneHeight: number;
  plotTop: number;
  plotBottom: number;
}

/** One `<g class="phase">` each: the band over the plot, and above it a header bar up to the lane of its name. */
export function phaseParts(marks: readonly PhaseMark[], geometry: PhaseGeometry): string[] {
  const barHeight = geometry.laneHeight - 2;
  return marks.map(({ phase, x1, x2, tint, label }) => {
    // Half a unit off each side leaves a white hairline between adjacent phases, visible in grey print too.
    const bandX = num(x1 + 0.5);
    const bandW = num(Math.max(1, x2 - x1 - 1));
    const laneTop = geometry.headerLane0 - label.lane * geometry.laneHeight;
    const title = `${phase.name}: ${phase.from} – ${phase.to}`;
    return [
      `<g class="phase" data-phase="${h(phase.id)}"><title>${h(title)}</title>`,
      `<rect class="phase-band" x="${bandX}" y="${num(geometry.plotTop)}" width="${bandW}" height="${num(geometry.plotBottom - geometry.plotTop)}" fill="${tint.band}"/>`,
      `<rect x="${bandX}" y="${num(laneTop)}" width="${bandW}" height="${num(label.connected ? geometry.plotTop - laneTop : barHeight)}" fill="${tint.head}"/>`,
      `<text x="${num(label.x)}" y="${num(laneTop + barHeight - 3.5)}" text-anchor="${label.anchor}" fill="#344054">${h(phase.name)}</text>`,
      '</g>',
    ].join('');
  });
}

export interface CandidateDateMark {
  x: number;
  text: string;
  title: string;
  label: PlacedLabel;
}

type DateKind = 'since' | 'designated';

/** `01` for the ballot number, the id when the pair has none yet. */
function shortName(candidate: ReportCandidate): string {
  return candidate.number === null ? candidate.id : String(candidate.number).padStart(2, '0');
}

/**
 * One line per distinct date and kind: pairs usually become prospective candidates, and are designated, on
 * the same day, and three lines with three labels on one spot would be unreadable. The label names the
 * pairs by ballot number only when not every pair shares the date; the tooltip names them all.
 */
export function layoutCandidateDates(
  candidates: readonly ReportCandidate[],
  axis: DayAxis,
  labels: UiLabels,
): CandidateDateMark[] {
  const groups = new Map<string, { day: number; kind: DateKind; pairs: ReportCandidate[] }>();
  for (const candidate of candidates) {
    for (const [kind, date] of [
      ['since', candidate.since],
      ['designated', candidate.designated],
    ] as const) {
      if (date === null) continue;
      const day = dayNumber(date);
      if (!Number.isFinite(day) || day < axis.first || day > axis.last) continue;
      const key = `${day} ${kind}`;
      const group = groups.get(key) ?? { day, kind, pairs: [] };
      group.pairs.push(candidate);
      groups.set(key, group);
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'since' ? -1 : 1),
  );
  const placed = sorted.map(({ day, kind, pairs }) => {
    const name = kind === 'since' ? labels.summary.candidateSince : labels.summary.candidateDesignated;
    const text = pairs.length === candidates.length ? name : `${name} ${pairs.map(shortName).join(', ')}`;
    const title = `${name} ${dayString(day)}: ${pairs.map((c) => candidateLabelFor(c.id, candidates)).join('; ')}`;
    const x = axis.slot(day).x1;
    const width = labelWidth(text, DATE_FONT);
    const fitsRight = x + 3 + width <= axis.right;
    const label = fitsRight ? { x: x + 3, anchor: 'start' as const } : { x: x - 3, anchor: 'end' as const };
    const span = fitsRight ? { start: x + 3, end: x + 3 + width } : { start: x - 3 - width, end: x - 3 };
    return { x, text, title, label, span };
  });
  const lanes = assignLanes(
    placed.map((p) => ({ column: { start: p.x - 1, end: p.x + 1 }, text: p.span })),
    LABEL_PAD,
  );
  return placed.map(({ x, text, title, label }, i) => ({
    x,
    text,
    title,
    label: { ...label, ...(lanes[i] ?? { lane: 0, connected: true }) },
  }));
}

/** Dotted lines from their label down to the axis; lane 0 is the row just above the bars, higher lanes above it. */
export function candidateDateParts(
  marks: readonly CandidateDateMark[],
  rowsBottom: number,
  rowHeight: number,
  plotBottom: number,
): string[] {
  return marks.map(({ x, text, title, label }) => {
    const baseline = rowsBottom - label.lane * rowHeight - 3;
    return [
      `<g class="candidate-date"><title>${h(title)}</title>`,
      `<line x1="${num(x)}" x2="${num(x)}" y1="${num(baseline - rowHeight + 4)}" y2="${num(plotBottom)}" stroke="${CANDIDATE_DATE_COLOR}" stroke-width="1" stroke-dasharray="1.5 2"/>`,
      `<text x="${num(label.x)}" y="${num(baseline)}" text-anchor="${label.anchor}" font-size="${DATE_FONT}" fill="${CANDIDATE_DATE_COLOR}">${h(text)}</text>`,
      '</g>',
    ].join('');
  });
}
