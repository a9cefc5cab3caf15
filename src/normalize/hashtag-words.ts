// An all-lower-case hashtag split into the words it is made of (`#tusukprabowosandi` → `tusuk prabowo sandi`),
// by the words the rules and the election file know. Camel case and digits are split earlier (text-markup.ts).

const MIN_UNKNOWN = 3;

/**
 * The words of `body` (lower-case letters and digits), or null when it does not read as known words. Chosen to
 * cover most of the tag with known words, then with the fewest pieces; a stretch of at least three letters no
 * list knows may stand between them (`tusuk` before a candidate's name), but known words must cover two thirds.
 */
export function segmentHashtag(body: string, known: ReadonlySet<string>, longest: number): string[] | null {
  const n = body.length;
  // best[i]: the best split of body[0, i): known characters covered, pieces, and where its last piece starts.
  const best: { covered: number; pieces: number; from: number; known: boolean }[] = [
    { covered: 0, pieces: 0, from: -1, known: true },
  ];
  for (let end = 1; end <= n; end++) {
    let choice: (typeof best)[number] | null = null;
    for (let start = Math.max(0, end - Math.max(longest, 24)); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const piece = body.slice(start, end);
      const isKnown = known.has(piece) || /^[0-9]+$/.test(piece);
      if (!isKnown && (piece.length < MIN_UNKNOWN || !before.known)) continue;
      const covered = before.covered + (isKnown ? piece.length : 0);
      const pieces = before.pieces + 1;
      if (!choice || covered > choice.covered || (covered === choice.covered && pieces < choice.pieces)) {
        choice = { covered, pieces, from: start, known: isKnown };
      }
    }
    if (choice) best[end] = choice;
  }
  const last = best[n];
  if (!last || last.pieces < 2 || last.covered * 3 < n * 2) return null;
  const words: string[] = [];
  for (let end = n; end > 0; end = best[end]!.from) words.unshift(body.slice(best[end]!.from, end));
  return words;
}
