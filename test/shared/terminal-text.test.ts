// terminalText: the one decision of which characters a terminal is shown escaped.
import { describe, expect, it } from 'vitest';
import { oneLine, plainLine, terminalJson, terminalText } from '../../src/shared/terminal-text.js';

describe('terminalText', () => {
  it.each([
    ['OSC 52 (clipboard)', '\u001b]52;c;cGF5bG9hZA==\u0007', String.raw`\u{1B}]52;c;cGF5bG9hZA==\u{7}`],
    ['OSC 0 (title), ST-terminated', '\u001b]0;pwned\u001b\\', `${String.raw`\u{1B}]0;pwned\u{1B}`}\\`],
    ['CSI clear screen', '\u001b[2J', String.raw`\u{1B}[2J`],
    ['carriage return', 'ok\rfake', String.raw`ok\u{D}fake`],
    ['NUL, DEL and the C1 CSI', '\u0000\u007f\u009b', String.raw`\u{0}\u{7F}\u{9B}`],
    [
      'bidi override and isolates',
      '\u202eabc\u2066\u2069\u061c\u200e\u200f',
      String.raw`\u{202E}abc\u{2066}\u{2069}\u{61C}\u{200E}\u{200F}`,
    ],
    [
      'zero-width and invisible',
      'a\u200bb\u200cc\u2060d\ufeffe\u00adf\u034fg\u3164',
      String.raw`a\u{200B}b\u{200C}c\u{2060}d\u{FEFF}e\u{AD}f\u{34F}g\u{3164}`,
    ],
    ['line and paragraph separators', 'a\u2028b\u2029', String.raw`a\u{2028}b\u{2029}`],
    ['a tag character outside a flag', 'x\u{E0041}', String.raw`x\u{E0041}`],
  ])('escapes %s', (_name, text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it('keeps line feeds, tabs, letters of every script and emoji, including joined ones and flags', () => {
    const text = 'Siti Rahmawati\tДмитрий 李 ✌️\n👩‍💻 🏳️‍🌈 👩🏽‍💻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ❤️‍🔥';
    expect(terminalText(text)).toBe(text);
  });

  it('escapes a zero-width joiner between letters, where it only hides', () => {
    expect(terminalText('ab\u200dcd')).toBe(String.raw`ab\u{200D}cd`);
  });

  it('is idempotent: escaped text is ASCII and escapes to itself', () => {
    const once = terminalText('\u001b]0;x\u0007\u202e');
    expect(terminalText(once)).toBe(once);
  });
});

describe('oneLine and plainLine', () => {
  it('oneLine folds line breaks and tabs to spaces and escapes the rest', () => {
    expect(oneLine('a\r\nb\tc\u2028d\u001b')).toBe(String.raw`a b c d\u{1B}`);
  });

  it('plainLine drops what terminalText escapes', () => {
    expect(plainLine('Ayo\u001b]52;c;eA==\u0007 coblos\r\nno\u202e 1\u200b')).toBe('Ayo]52;c;eA== coblos no 1');
    expect(plainLine('👩‍💻 ok')).toBe('👩‍💻 ok');
  });
});

describe('terminalJson', () => {
  it('writes unsafe characters as JSON escapes, so the line reads back to the same value', () => {
    const value = { message: 'x\u001b]0;t\u0007\u009b\u202e\u200b\u{E0041}' };
    const json = terminalJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u200b]/u);
    expect(json).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
    expect(JSON.parse(json)).toEqual(value);
  });
});
