// Every user-facing word exists in both languages (shared/labels/id.ts and en.ts), none is left empty, and the
// languages do differ: a word copied untranslated from the other module shows here.
import { describe, expect, it } from 'vitest';
import { UI_LABELS } from '../../src/shared/labels/index.js';

/** Leaf paths of a label tree; a function counts as one leaf. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    for (const [key, child] of Object.entries(value))
      for (const [p, v] of leaves(child, `${path}.${key}`)) out.set(p, v);
  else out.set(path, value);
  return out;
}

describe('labels per language', () => {
  const id = leaves(UI_LABELS.id);
  const en = leaves(UI_LABELS.en);

  it('have the same words in Indonesian and English, none empty', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    const empty = [...id, ...en].filter(([, v]) => v === '' || (Array.isArray(v) && v.length === 0)).map(([p]) => p);
    expect(empty).toEqual([]);
  });

  it('are translated: the sentences and headings differ between the languages', () => {
    const same = [...id]
      .filter(([path, v]) => typeof v === 'string' && v.includes(' ') && en.get(path) === v)
      .map(([path]) => path);
    expect(same).toEqual([]);
    expect(UI_LABELS.id.validate.roster(3, 1)).toBe('3 orang, 1 tanpa akun');
    expect(UI_LABELS.en.validate.roster(3, 1)).toBe('3 persons, 1 without accounts');
  });
});
