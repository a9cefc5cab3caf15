import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseLabelledSet } from '../../tools/eval/labelled-set.js';
import { ACTIVITY_TYPES, CATEGORIES } from '../../src/shared/types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'fixtures/eval/holdout.csv';
const HEADER =
  'id,platform,account,nip,timestamp,type,text,target_account,target_text,url,event,location,tags,expected,note';

describe('fixtures/eval/holdout.csv: the held-out set meets its brief', () => {
  const csv = readFileSync(resolve(ROOT, FILE), 'utf8');
  const records = parse(csv, { columns: true }) as Record<string, string>[];
  const rows = parseLabelledSet(csv, FILE);
  const roster = parse(readFileSync(resolve(ROOT, 'fixtures/eval/roster.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];

  it('has 200 rows ho001…ho200 under the labelled-set header, one line each with LF endings', () => {
    expect(csv.split('\n')[0]).toBe(HEADER);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 200 }, (_, i) => `ho${String(i + 1).padStart(3, '0')}`));
    expect(csv.includes('\r')).toBe(false);
    expect(csv.trimEnd().split('\n')).toHaveLength(rows.length + 1);
  });

  it('is about 40% traps, with at least 10 positives in every category', () => {
    const traps = rows.filter((r) => r.expected.size === 0).length;
    expect(traps / rows.length).toBeGreaterThanOrEqual(0.35);
    expect(traps / rows.length).toBeLessThanOrEqual(0.45);
    for (const category of CATEGORIES)
      expect(rows.filter((r) => r.expected.has(category)).length, category).toBeGreaterThanOrEqual(10);
  });

  it('uses every activity type, the social platforms, WhatsApp and field reports', () => {
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(ACTIVITY_TYPES));
    expect(new Set(records.map((r) => r.platform))).toEqual(
      new Set(['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'offline']),
    );
  });

  it('belongs to roster persons: a declared handle on that platform, or the NIP', () => {
    const nips = new Set(roster.map((p) => p.nip));
    for (const record of records) {
      const platform = record.platform ?? '';
      const handles = new Set(roster.map((p) => p[platform]).filter(Boolean));
      const known = (record.account && handles.has(record.account)) || nips.has(record.nip);
      expect(known, `${record.id} ${platform} ${record.account}`).toBe(true);
    }
  });

  it('dates most rows inside 2024-08-20 … 2024-11-26 and mixes the three timestamp shapes', () => {
    const day = (t: string) => new Date(/[Z+]/.test(t.slice(10)) ? t : `${t.replace(' ', 'T')}:00+07:00`).getTime();
    const inside = records.filter((r) => {
      const time = day(r.timestamp ?? '');
      return time >= Date.parse('2024-08-20T00:00:00+07:00') && time < Date.parse('2024-11-27T00:00:00+07:00');
    });
    expect(inside.length / records.length).toBeGreaterThanOrEqual(0.85);
    const stamps = records.map((r) => r.timestamp ?? '');
    expect(stamps.some((t) => /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(t))).toBe(true);
    expect(stamps.some((t) => t.endsWith('+07:00'))).toBe(true);
    expect(stamps.some((t) => t.endsWith('Z'))).toBe(true);
  });

  it('writes evasions as the real characters', () => {
    const texts = records.map((r) => r.text ?? '');
    expect(texts.some((t) => t.includes('\u200b'))).toBe(true);
    expect(texts.some((t) => t.includes('\ufe0f\u20e3'))).toBe(true);
    expect(texts.some((t) => /\d\u20e3/.test(t))).toBe(true);
    expect(texts.some((t) => /[\uff41-\uff5a]/.test(t))).toBe(true);
    expect(texts.some((t) => /[\u{1d400}-\u{1d7ff}]/u.test(t))).toBe(true);
  });
});
