// Columns of an activity file that no stage reads, with the column a misnamed one most likely meant.
import { ACTIVITY_HEADER_ALIASES } from '../normalize/activity.js';

/** The canonical activity columns (SPEC "Activity input"); any other column is kept on the row and read by no one. */
export const ACTIVITY_COLUMNS = [
  'id',
  'platform',
  'account',
  'nip',
  'timestamp',
  'type',
  'text',
  'target_account',
  'target_text',
  'url',
  'event',
  'location',
  'tags',
] as const;

const KNOWN: ReadonlySet<string> = new Set(ACTIVITY_COLUMNS);

/** Words of column names, in Indonesian or English, as the canonical word they stand for (a Map: `constructor` is a word). */
const WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    akun: 'account',
    handle: 'account',
    user: 'account',
    username: 'account',
    pengguna: 'account',
    teks: 'text',
    isi: 'text',
    konten: 'text',
    content: 'text',
    tujuan: 'target',
    sasaran: 'target',
    waktu: 'timestamp',
    tanggal: 'timestamp',
    date: 'timestamp',
    time: 'timestamp',
    jenis: 'type',
    tipe: 'type',
    tautan: 'url',
    link: 'url',
    lokasi: 'location',
    acara: 'event',
    label: 'tags',
    tag: 'tags',
  }),
);

export interface UnknownColumn {
  /** The column as the header or record key names it, after case and spaces are folded (`akun_target`). */
  column: string;
  /** The canonical column it most likely meant, or null when none is close. */
  suggestion: string | null;
}

/** The column a name not read most likely meant: the same words in another order or language, or a typo away. */
export function suggestColumn(name: string): string | null {
  const words = (n: string) =>
    n
      .split('_')
      .filter((w) => w !== '')
      .map((w) => WORDS.get(w) ?? w)
      .sort()
      .join('_');
  const asWords = words(name);
  const sameWords = ACTIVITY_COLUMNS.find((c) => words(c) === asWords);
  if (sameWords) return sameWords;
  let best: { column: string; distance: number } | null = null;
  for (const [spelling, column] of [
    ...ACTIVITY_COLUMNS.map((c) => [c, c] as const),
    ...Object.entries(ACTIVITY_HEADER_ALIASES),
  ]) {
    const distance = editDistance(name, spelling);
    // A typo: one edit in a short name, two in a longer one. More would suggest unrelated columns (`note` → `nip`).
    if (distance <= (spelling.length >= 7 ? 2 : 1) && (best === null || distance < best.distance))
      best = { column, distance };
  }
  return best?.column ?? null;
}

/** Collects, per file, the columns of its rows that are not read, each once and in the order first seen. */
export class UnknownColumns {
  private readonly byFile = new Map<string, Map<string, UnknownColumn>>();

  note(file: string, fields: Record<string, string>): void {
    let columns: Map<string, UnknownColumn> | undefined;
    for (const key in fields) {
      if (KNOWN.has(key) || key === '') continue;
      columns ??= this.byFile.get(file) ?? this.byFile.set(file, new Map()).get(file)!;
      if (columns.has(key)) continue;
      const suggestion = suggestColumn(key);
      // A file that has the column already did not misname it: `text2` beside `text` is another column.
      columns.set(key, { column: key, suggestion: suggestion !== null && !(suggestion in fields) ? suggestion : null });
    }
  }

  list(): { file: string; columns: UnknownColumn[] }[] {
    return [...this.byFile].map(([file, columns]) => ({ file, columns: [...columns.values()] }));
  }
}

/** `"akun_target" (did you mean "target_account"?), "catatan"`: the columns of one file for a message. */
export function describeUnknownColumns(columns: UnknownColumn[]): string {
  return columns
    .map((c) => (c.suggestion ? `"${c.column}" (did you mean "${c.suggestion}"?)` : `"${c.column}"`))
    .join(', ');
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
