// Adds or updates entries of a decisions file in place, so that its order, comments and formatting stay as they
// were and a review shows up in `git diff` as the lines it changed.
import { isMap, isSeq, YAMLSeq, type YAMLMap } from 'yaml';
import type { Decision, DecisionsFile } from '../load/decisions.js';

const FIELDS = ['status', 'reviewer', 'reason', 'date'] as const;

/**
 * Each decision replaces the fields of its fingerprint's entry, or is inserted before the first entry whose
 * fingerprint sorts after it (a sorted file stays sorted; an unsorted one keeps its order). Returns the new text.
 */
export function applyDecisions(file: DecisionsFile, updates: readonly Decision[]): string {
  const { doc } = file;
  if (!isSeq(doc.contents)) {
    // An empty file (perhaps with comments): they stay before the list.
    doc.contents = new YAMLSeq(doc.schema) as never;
  }
  const seq = doc.contents as unknown as YAMLSeq<YAMLMap>;
  for (const update of updates) {
    const existing = seq.items.find((item) => isMap(item) && item.get('fingerprint') === update.fingerprint);
    if (existing) {
      for (const field of FIELDS) existing.set(field, update[field]);
      continue;
    }
    const node = doc.createNode({
      fingerprint: update.fingerprint,
      status: update.status,
      reviewer: update.reviewer,
      reason: update.reason,
      date: update.date,
    }) as YAMLMap;
    // A flow list (`[ {...} ]`, as JSON is) gets flow entries; a block list block entries.
    if (seq.flow) node.flow = true;
    const at = seq.items.findIndex((item) => isMap(item) && String(item.get('fingerprint')) > update.fingerprint);
    if (at === -1) seq.items.push(node);
    else seq.items.splice(at, 0, node);
  }
  if (file.json) return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
  return doc.toString({ lineWidth: 0 });
}
