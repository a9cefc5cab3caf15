// The learned opinion lexicon is evidence a panel reads: it may weigh only words that can carry an opinion.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FUNCTION_WORDS, TOPIC_WORDS } from '../../tools/lexicon/function-words.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('rules/opinion-lexicon.yaml', () => {
  const file = parse(readFileSync(resolve(ROOT, 'rules/opinion-lexicon.yaml'), 'utf8')) as {
    lexicons: { opinion: { terms: Record<string, [number, number]> } };
  };
  const words = Object.keys(file.lexicons.opinion.terms);

  it('weighs hundreds of words', () => {
    expect(words.length).toBeGreaterThan(200);
  });

  it('gives no weight to a function word ("saja", "yang", "tidak")', () => {
    expect(words.filter((w) => FUNCTION_WORDS.has(w))).toEqual([]);
    for (const w of ['saja', 'yang', 'tidak', 'dan']) expect(FUNCTION_WORDS.has(w), w).toBe(true);
  });

  it('gives no weight to a topic word ("gaji", "ekonomi", "pajak"): what a post is about is not how it leans', () => {
    expect(words.filter((w) => TOPIC_WORDS.has(w))).toEqual([]);
    for (const w of ['gaji', 'ekonomi', 'pajak']) expect(TOPIC_WORDS.has(w), w).toBe(true);
  });
});
