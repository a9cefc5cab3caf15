// The parsed value of a Facebook or Instagram JSON file with the mojibake repaired, computed once per document.
import type { JsonDocument } from './document.js';
import { repairMetaStrings } from './mojibake.js';

const repaired = new WeakMap<JsonDocument, unknown>();

export function metaValue(document: JsonDocument): unknown {
  if (!repaired.has(document)) repaired.set(document, repairMetaStrings(document.value));
  return repaired.get(document);
}
