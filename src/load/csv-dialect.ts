// Guesses a CSV file's separator and maps its header names (any case, common aliases) to canonical columns.

export type Delimiter = ',' | ';' | '\t';

/** The separator that splits the header line into the most fields, ignoring separators inside quotes. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Excel's first line `sep=X` (X one character), which names the file's separator; Excel writes and honours it. */
export interface SeparatorLine {
  delimiter: string;
  /** Characters of the line with its line break (and a BOM before it), to skip before the header. */
  length: number;
}

/** The `sep=` line at the start of `text`, or null. The text must reach past the first line break. */
export function separatorLine(text: string): SeparatorLine | null {
  const m = /^\uFEFF?sep=([^\r\n"])(?:\r\n|\r|\n)/i.exec(text);
  return m ? { delimiter: m[1]!, length: m[0].length } : null;
}

/** Header normalisation: trimmed, lower-case, spaces and dashes as underscores. */
export function headerKey(name: string): string {
  return name
    .trim()
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Maps header names to canonical column names through an alias table; unknown headers are kept as they are. */
export function canonicalHeaders(names: string[], aliases: Readonly<Record<string, string>>): string[] {
  return names.map((name) => canonicalColumn(headerKey(name), aliases));
}

/**
 * The canonical column an already folded header key stands for. Own keys only: `constructor` or `__proto__` as a
 * column name would otherwise read the alias table's prototype and become "function Object() …".
 */
export function canonicalColumn(key: string, aliases: Readonly<Record<string, string>>): string {
  return Object.hasOwn(aliases, key) ? aliases[key]! : key;
}

/** Header names that occur twice after canonicalisation (e.g. `Text` and `caption`): ambiguous, so an error. */
export function duplicateHeaders(canonical: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const h of canonical) {
    if (h === '') continue;
    if (seen.has(h)) dups.add(h);
    seen.add(h);
  }
  return [...dups];
}
