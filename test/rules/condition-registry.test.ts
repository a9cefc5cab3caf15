// The condition registry is the one definition of each kind: the schema, explain's words and the README table follow it.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  CONDITION_KINDS,
  conditionSchema,
  conditionTable,
  explainEvidence,
  keyOf,
} from '../../src/rules/conditions/index.js';

const README = resolve(import.meta.dirname, '../../README.md');
const BLOCK = /(<!-- conditions:[^\n]*-->\n)([\s\S]*?)(\n<!-- \/conditions -->)/;

describe('condition registry', () => {
  test('the README table is the one the registry generates', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toMatch(BLOCK);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(README, readme.replace(BLOCK, `$1${conditionTable()}$3`));
    else expect(BLOCK.exec(readme)![2]).toBe(conditionTable());
  });

  test('the rule schema accepts exactly one kind per registry entry', () => {
    const union = (conditionSchema as unknown as z.ZodLazy<z.ZodUnion>).unwrap();
    expect(union.options).toHaveLength(Object.keys(CONDITION_KINDS).length);
    expect(conditionSchema.safeParse({ terms: ['coblos'] }).success).toBe(true);
    expect(conditionSchema.safeParse({ regex: 'coblos.*' }).success).toBe(false);
    expect(conditionSchema.safeParse({ terms: ['a'], types: ['post'] }).success).toBe(false);
  });

  test('a condition is known by its key', () => {
    expect(keyOf({ near: [['a'], ['b']], within: 2 })).toBe('near');
    expect(keyOf({ not: { has: 'text' } })).toBe('not');
  });

  test.each(['id', 'en'] as const)('explain words every kind in %s, and an unknown kind generically', (lang) => {
    for (const key of Object.keys(CONDITION_KINDS)) {
      expect(explainEvidence({ condition: key, field: 'text', value: 'coblos' }, lang)).toContain('coblos');
    }
    expect(explainEvidence({ condition: 'future_kind', field: 'text', value: 'x' }, lang)).toContain('future_kind');
  });
});
