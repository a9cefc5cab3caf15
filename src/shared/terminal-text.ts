// Text from files people write, made safe to print on a terminal: the one place that decides which characters are
// shown escaped. The sinks use it (src/cli/io.ts for stderr and the text commands' stdout, the table and Markdown
// formatters), so no message or line needs to remember it.

/**
 * Characters a terminal acts on or that display as nothing, so that text shows other than it is stored:
 * C0 and C1 controls and DEL (ESC starts the sequences that set the window title, OSC 0, or write the clipboard,
 * OSC 52; CR returns over what was printed), the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), every other format character (\p{Cf}: zero-width space
 * and joiners U+200B–U+200D, word joiner U+2060, U+FEFF, soft hyphen U+00AD, tags …), the line and paragraph
 * separators, and the fillers that look like nothing (combining grapheme joiner U+034F, Hangul fillers, Mongolian
 * vowel separator). Line feed and tab are layout, not disguise, and are kept (oneLine folds them).
 * Exceptions, so that emoji still show as emoji: a zero-width joiner between two pictographs (👩‍💻), and the tag
 * characters of a flag after U+1F3F4 (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
 */
const UNSAFE =
  /(?!(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic}))(?!(?<=\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0020}-\u{E007F}])(?:[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u115F\u1160\u2028\u2029\u3164\uFFA0\p{Cf}]|\u034F)/gu;

function codePointHex(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase();
}

/**
 * `text` with every unsafe character (UNSAFE) written visibly as `\u{XXXX}`: `\x1b]52;c;…\x07` prints as
 * `\u{1B}]52;c;…\u{7}`, a right-to-left override as `\u{202E}`. Line feeds and tabs are kept.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${codePointHex(char)}}`);
}

/** Controls but line feed, tab and carriage return, and the bidi controls: what reorders or acts even in markup. */
const CONTROLS_AND_BIDI =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * For HTML and XML text: controls and bidi controls written as terminalText writes them (a right-to-left override
 * would reorder the rest of a table cell; ESC acts when the file is printed with `cat`). Zero-width characters,
 * inert in a page, stay as written there.
 */
export function controlsShown(text: string): string {
  return text.replace(CONTROLS_AND_BIDI, (char) => `\\u{${codePointHex(char)}}`);
}

const LINE_BREAKS = /\r\n|[\t\n\r\u000B\u000C\u0085\u2028\u2029]/g;

/** One line: line breaks and tabs as spaces, the rest as terminalText shows it (a value quoted in a line). */
export function oneLine(text: string): string {
  return terminalText(text.replace(LINE_BREAKS, ' '));
}

/**
 * One line with the unsafe characters dropped rather than shown: for a CSV cell, which Excel shows as a cell and a
 * terminal (`cat report.csv`) prints as it is; the JSON report keeps the text as read.
 */
export function plainLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(UNSAFE, '');
}

/**
 * JSON text with the unsafe characters written as JSON escapes (`\u202e`, surrogate pairs above U+FFFF): the same
 * value for a JSON reader, and nothing a terminal acts on (JSON.stringify leaves C1 controls, DEL, bidi and
 * zero-width characters as they are). For JSON that goes to stderr, which is a terminal.
 */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE, (char) =>
    [...Array.from({ length: char.length }, (_, i) => char.charCodeAt(i))]
      .map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`)
      .join(''),
  );
}
