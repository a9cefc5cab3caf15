// What the Facebook and Instagram readers share: the parsed value of a Meta JSON file with the mojibake repaired
// (computed once per document), and the reading of one list of items, each at its own line.
import type { JsonDocument } from './document.js';
import { repairMetaStrings } from './mojibake.js';
import { isRecord, type JsonRecord } from './records.js';
import type { ActivityFields, RowCollector } from './rows.js';

/** One item of a list as an activity, or why it is not one (the collector warns with it). */
export type ItemReader = (item: JsonRecord) => ActivityFields | string;

const repaired = new WeakMap<JsonDocument, unknown>();

export function metaValue(document: JsonDocument): unknown {
  if (!repaired.has(document)) repaired.set(document, repairMetaStrings(document.value));
  return repaired.get(document);
}

/** Each item of `items` (found at `path` in the document) read with `readItem`, at its own line. */
export function readItems(
  document: JsonDocument,
  rows: RowCollector,
  items: readonly unknown[],
  path: string[],
  readItem: ItemReader,
): void {
  rows.each(
    items,
    (index) => document.lines().lineOf([...path, index]),
    (item, line) => {
      const activity = isRecord(item) ? readItem(item) : 'not a record';
      if (typeof activity === 'string') rows.warn(line, activity);
      else rows.add(line, activity);
    },
  );
}
