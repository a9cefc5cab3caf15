// User text made safe for one-line display: no line breaks, unsafe characters shown escaped, bounded length.
import { terminalText } from '../shared/terminal-text.js';

const LINE_BREAKS = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;

/** Marks where the author broke the line, so a flattened quote still shows its shape. */
export const LINE_BREAK_MARK = ' ⏎ ';

/** One line, with the author's line breaks marked and tabs as spaces; nothing else changed (Markdown escapes next). */
export function flattenLines(text: string): string {
  return text.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, ' ');
}

/** One line for the terminal: flattenLines, and controls, bidi and invisible characters escaped (terminalText). */
export function flattenText(text: string): string {
  return terminalText(flattenLines(text));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cut to at most `max` user-perceived characters (never inside an emoji), ending with `…` when cut. */
export function truncateText(text: string, max: number): string {
  // Segment only what can be shown: a grapheme is at most a few dozen code units, and segmenting a 10 MB text
  // whole is slow enough to hang the report.
  const clusters: string[] = [];
  for (const { segment } of graphemes.segment(text.length > (max + 1) * 32 ? text.slice(0, (max + 1) * 32) : text)) {
    clusters.push(segment);
    if (clusters.length > max) break;
  }
  if (clusters.length <= max) return text;
  return `${clusters
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}
