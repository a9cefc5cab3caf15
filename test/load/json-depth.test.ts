// A record nested thousands of levels deep is rejected alone, located, instead of ending the run with a stack overflow.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_DEPTH, recordFaults } from '../../src/load/json-duplicate-keys.js';
import { readJsonArray, readNdjson } from '../../src/load/json-records.js';
import { loadRoster } from '../../src/load/roster.js';
import { ACTIVITY_HEADER_ALIASES } from '../../src/normalize/activity.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';
import { reasonIn } from '../../src/shared/labels/reason.js';
import { UI_LABELS } from '../../src/shared/labels/index.js';

const GOOD = JSON.stringify({
  platform: 'x',
  account: 'hendra_smj',
  timestamp: '2024-10-03 19:15',
  type: 'post',
  text: 'coblos 01 RIDO',
});
/** A record whose `text` holds arrays nested so that the record has `levels` levels, itself included. */
const nested = (levels: number) => `{"platform": "x", "text": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

const summary = (items: LoadedItem[]) =>
  items.map((i) => (i.kind === 'rejected' ? [i.rejection.line, reasonIn(UI_LABELS.en, i.rejection.reason)] : i.kind));

async function ndjsonItems(text: string): Promise<LoadedItem[]> {
  const items: LoadedItem[] = [];
  for await (const item of readNdjson(
    (async function* () {
      yield text;
    })(),
    'a.ndjson',
    ACTIVITY_HEADER_ALIASES,
  ))
    items.push(item);
  return items;
}

describe('records nested too deep', () => {
  it('counts levels per record, the limit itself allowed', () => {
    expect(recordFaults(nested(MAX_RECORD_DEPTH)).tooDeep).toEqual([]);
    expect(recordFaults(nested(MAX_RECORD_DEPTH + 1)).tooDeep).toEqual([{ element: -1, line: 1 }]);
    // In an array, the array is not a level of its records; only the deep one is named, once.
    const text = `[${nested(MAX_RECORD_DEPTH)},\n${nested(MAX_RECORD_DEPTH + 5)}]`;
    expect(recordFaults(text).tooDeep).toEqual([{ element: 1, line: 2 }]);
  });

  it('rejects one NDJSON line 100,000 levels deep and reads the others', async () => {
    const items = await ndjsonItems(`${GOOD}\n${nested(100_000)}\n${GOOD}\n`);
    expect(summary(items)).toEqual([
      'row',
      [
        2,
        `objects and arrays are nested deeper than ${MAX_RECORD_DEPTH} levels (past the limit on line 2): not an activity record`,
      ],
      'row',
    ]);
  });

  it('rejects the deep element of a JSON array at its line', () => {
    const items = [
      ...readJsonArray(`[\n${GOOD},\n${nested(100_000)},\n${GOOD}\n]\n`, 'a.json', ACTIVITY_HEADER_ALIASES),
    ];
    expect(items.map((i) => i.kind)).toEqual(['row', 'rejected', 'row']);
    expect(items[1]).toMatchObject({ rejection: { line: 3, reason: { code: 'nested_too_deep', levels: 64 } } });
  });

  it('names the deep person of a JSON roster instead of crashing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-deep-roster-')), 'roster.json');
    writeFileSync(file, `[\n{"nip": "197803142003121005", "name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n]\n`);
    await expect(loadRoster(file)).rejects.toThrow(
      `${file}:2 [0]: objects and arrays are nested deeper than ${MAX_RECORD_DEPTH} levels: expected a person object`,
    );
  });
});
