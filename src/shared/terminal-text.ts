// Text from files people write, made safe to print on a terminal.

/** No line breaks or control characters (an escape sequence could set the title or write the clipboard). */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
