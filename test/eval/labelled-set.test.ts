import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeRow, parseLabelledSet } from '../../tools/eval/labelled-set.js';
import { checkNip } from '../../src/normalize/nip.js';
import { ACTIVITY_TYPES, CATEGORIES } from '../../src/shared/types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HEADER =
  'id,platform,account,nip,timestamp,type,text,target_account,target_text,url,event,location,tags,expected,note';

describe('parseLabelledSet', () => {
  it('reads expected categories and a display text for every row', () => {
    const csv = [
      HEADER,
      'a1,x,budi,,2024-10-01 10:00,post,"coblos 3, ya",,,,,,,endorsement_post,call',
      'a2,instagram,budi,,2024-10-01 10:00,reaction,,ridwankamil,Jakarta Baru,,,,,candidate_reaction; ,like',
      'a3,offline,,198503122010011001,2024-10-01,attendance,,,,,Kampanye akbar,GBK,,,duty',
    ].join('\n');
    const rows = parseLabelledSet(csv, 'set.csv');
    expect(rows.map((r) => [r.id, [...r.expected]])).toEqual([
      ['a1', ['endorsement_post']],
      ['a2', ['candidate_reaction']],
      ['a3', []],
    ]);
    expect(rows.map((r) => r.display)).toEqual([
      'coblos 3, ya',
      '[reaction @ridwankamil] Jakarta Baru',
      '[attendance Kampanye akbar]',
    ]);
  });

  it('collects every bad label and duplicate id, with its line', () => {
    const csv = [
      HEADER,
      'a1,x,b,,2024-10-01,post,t,,,,,,,endorsment_post,',
      'a1,x,b,,2024-10-01,post,t,,,,,,,,',
      ',x,b,,2024-10-01,post,t,,,,,,,,',
    ].join('\n');
    expect(() => parseLabelledSet(csv, 'set.csv')).toThrow(
      /set\.csv:2 expected: unknown category "endorsment_post".*\nset\.csv:3 id: duplicate id a1\nset\.csv:4 id: every labelled row needs an id/s,
    );
  });

  it('shows a comment with the text it answers', () => {
    expect(
      describeRow({ type: 'comment', text: 'mantap', target_account: 'ridwankamil', target_text: 'Kampanye hari ini' }),
    ).toBe('mantap [comment @ridwankamil: Kampanye hari ini]');
  });
});

describe('fixtures/eval: the labelled set meets its coverage brief', () => {
  const csv = readFileSync(resolve(ROOT, 'fixtures/eval/activity.csv'), 'utf8');
  const records = parse(csv, { columns: true }) as Record<string, string>[];
  const rows = parseLabelledSet(csv, 'fixtures/eval/activity.csv');
  const roster = parse(readFileSync(resolve(ROOT, 'fixtures/eval/roster.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];

  it('has at least 330 rows, a third of them traps, and 20 positives per category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(330);
    expect(rows.filter((r) => r.expected.size === 0).length * 3).toBeGreaterThanOrEqual(rows.length);
    for (const category of CATEGORIES)
      expect(rows.filter((r) => r.expected.has(category)).length, category).toBeGreaterThanOrEqual(20);
  });

  it('uses every activity type and the four social platforms', () => {
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(ACTIVITY_TYPES));
    const platforms = new Set(records.map((r) => r.platform));
    for (const p of ['facebook', 'instagram', 'x', 'tiktok', 'offline']) expect(platforms).toContain(p);
  });

  it('writes evasions as the real characters', () => {
    const texts = records.map((r) => r.text ?? '');
    expect(texts.some((t) => t.includes('\u200b'))).toBe(true);
    expect(texts.some((t) => t.includes('\u20e3'))).toBe(true);
    expect(texts.some((t) => /[\uff41-\uff5a]/.test(t))).toBe(true);
  });

  it('has a valid roster, and every row belongs to a roster person', () => {
    expect(roster.length).toBeGreaterThanOrEqual(10);
    for (const person of roster)
      expect(checkNip(person.nip ?? '', new Date('2025-01-01')), person.name).toMatchObject({ ok: true });
    const nips = new Set(roster.map((p) => p.nip));
    for (const record of records) {
      const platform = record.platform ?? '';
      const handles = new Set(roster.map((p) => p[platform]).filter(Boolean));
      const known = (record.account && handles.has(record.account)) || nips.has(record.nip);
      expect(known, `${record.id} ${platform} ${record.account}`).toBe(true);
    }
  });

  it('keeps each row on one line with LF endings', () => {
    expect(csv.includes('\r')).toBe(false);
    expect(csv.trimEnd().split('\n')).toHaveLength(rows.length + 1);
  });
});
