// User text made safe for one-line display: no line breaks, no control or bidi-override characters, bounded length.

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/**
 * C0/C1 controls (ESC starts terminal escape sequences that could recolour or rewrite the screen) and the
 * bidirectional overrides that can make text display in a different order than it is stored.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Marks where the author broke the line, so a flattened quote still shows its shape. */
export const LINE_BREAK_MARK = ' ⏎ ';

export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

export function flattenText(text: string): string {
  return stripUnsafeCharacters(text.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, ' '));
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
