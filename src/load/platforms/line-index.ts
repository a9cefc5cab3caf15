// Turns character offsets in a file's text into 1-based line numbers, for row provenance.

export class LineIndex {
  /** Offsets of every `\n` in the text, ascending. */
  private readonly newlines: number[] = [];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.newlines.push(at);
  }

  /** The 1-based line holding the character at `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.newlines[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}
