// Geometry of the timelines: calendar days as numbers, label widths and label lanes (the axis is in time-axis.ts).

export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

export function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Two decimals are plenty for a 960-unit view box and keep the markup (and the golden files) short. */
export const num = (n: number): string => (Math.round(n * 100) / 100).toString();

/**
 * The width a label takes at `fontSize` in a system sans-serif, estimated generously (no fonts are measured:
 * the page is rendered by whatever browser opens it), so labels that are kept apart never touch.
 */
export function labelWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.58;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * A mark and its label: the label's text sits in one lane, the mark's column (a band's header bar, a date
 * line) runs from that lane down through every lane below it to the plot.
 */
export interface LaneItem {
  column: Span;
  text: Span;
}

export interface LanePlace {
  lane: number;
  /** False when no lane let the column pass under earlier texts: it then stays in its own lane. */
  connected: boolean;
}

/**
 * Texts inside their own column block nobody, so they are placed first (in the order given); texts beside
 * their column could cover later columns, so they go last, each from the side its text points away from.
 */
function placementOrder(items: readonly LaneItem[]): number[] {
  const indexes = items.map((_, i) => i);
  const inside = indexes.filter(
    (i) => items[i]!.text.start >= items[i]!.column.start && items[i]!.text.end <= items[i]!.column.end,
  );
  const leftward = indexes.filter((i) => !inside.includes(i) && items[i]!.text.end <= items[i]!.column.start);
  const rightward = indexes.filter((i) => !inside.includes(i) && !leftward.includes(i)).reverse();
  return [...inside, ...leftward, ...rightward];
}

/**
 * Gives each item the lowest lane where its text is clear of everything already there and its column is clear
 * of the texts in that lane and the lanes below. Columns may touch each other: adjacent phases share an edge.
 */
export function assignLanes(items: readonly LaneItem[], gap: number): LanePlace[] {
  const lanes: { span: Span; isColumn: boolean }[][] = [];
  const clear = (lane: number, span: Span, isColumn: boolean): boolean =>
    (lanes[lane] ?? []).every((other) => {
      const margin = isColumn && other.isColumn ? 0 : gap;
      return span.end + margin <= other.span.start || other.span.end + margin <= span.start;
    });
  const columnClear = (lane: number, column: Span): boolean =>
    Array.from({ length: lane + 1 }, (_, below) => below).every((below) => clear(below, column, true));
  const places = new Array<LanePlace>(items.length);
  for (const i of placementOrder(items)) {
    const { column, text } = items[i]!;
    const textLanes = Array.from({ length: lanes.length + 1 }, (_, lane) => lane).filter(
      (lane) => clear(lane, text, false) && clear(lane, column, true),
    );
    const connectedLane = textLanes.find((lane) => columnClear(lane, column));
    const lane = connectedLane ?? textLanes[0] ?? lanes.length;
    for (let below = connectedLane === undefined ? lane : 0; below <= lane; below++)
      (lanes[below] ??= []).push({ span: column, isColumn: true });
    lanes[lane]!.push({ span: text, isColumn: false });
    places[i] = { lane, connected: connectedLane !== undefined };
  }
  return places;
}
