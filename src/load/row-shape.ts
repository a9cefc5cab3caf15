// Row objects of one fixed shape per column list: V8 keeps them as fast-property objects, where a row built key by
// key on Object.create(null) is a dictionary, slower to read and larger.

export type RowMaker = (values: readonly string[]) => Record<string, string>;

/**
 * The prototype of every row has no prototype itself, so that a column named `constructor`, `toString` or
 * `__proto__` is an own field like any other and no row inherits a key (as with Object.create(null)).
 */
export function rowMakerOf(columns: readonly string[]): RowMaker {
  // Column names enter the generated constructor only as JSON string literals. A name given twice (blank header
  // cells) keeps its first place and its last value, as assigning key by key does.
  const body = columns.map((name, c) => `this[${JSON.stringify(name)}] = f[${c}];`).join('\n');
  const Row = new Function('f', body) as unknown as new (f: readonly string[]) => Record<string, string>;
  Row.prototype = Object.create(null);
  return (values) => new Row(values);
}

/** Makers by column list, for records that name their own columns (NDJSON, JSON): a few shapes, seen again and again. */
export class RowShapes {
  private readonly makers = new Map<string, RowMaker>();

  /** At most this many shapes are compiled; rows of further shapes are built key by key. */
  static readonly LIMIT = 256;

  row(columns: readonly string[], values: readonly string[]): Record<string, string> {
    const signature = columns.join('\u0000');
    let make = this.makers.get(signature);
    if (make === undefined) {
      if (this.makers.size >= RowShapes.LIMIT) return keyByKey(columns, values);
      make = rowMakerOf(columns);
      this.makers.set(signature, make);
    }
    return make(values);
  }
}

function keyByKey(columns: readonly string[], values: readonly string[]): Record<string, string> {
  const row: Record<string, string> = Object.create(null);
  for (let c = 0; c < columns.length; c++) row[columns[c]!] = values[c]!;
  return row;
}
