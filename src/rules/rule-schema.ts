// The rule language: rules are data (YAML), validated here; nothing in a rule file can run code.
import { z } from 'zod';
import { ACTIVITY_TYPES, CATEGORIES, PLATFORMS, SANCTIONS, SEVERITIES } from '../shared/types.js';

const bilingual = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });

/**
 * A term is a literal word or phrase (matched on word boundaries in normalised text), a reference to
 * the election file (`$candidate.names`, `$candidate.aliases`, `$candidate.number`, `$candidate.numbers`,
 * `$candidate.hashtags`, `$candidate.slogans`, `$candidate.accounts`, `$candidate.parties`, `$parties.names`),
 * or a named vocabulary list of the rule pack (`@vote_verbs`).
 */
const term = z.string().min(1);
export const CANDIDATE_REFS = [
  'names',
  'aliases',
  'number',
  'padded_number',
  'numbers',
  'hashtags',
  'slogans',
  'accounts',
  'parties',
  'id',
] as const;
export const TEXT_FIELDS = ['text', 'target_text', 'event', 'location', 'any'] as const;
export const TARGET_KINDS = ['candidate_account', 'campaign_account', 'campaign_group'] as const;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { terms: string[]; in?: (typeof TEXT_FIELDS)[number] }
  | { near: [string[], string[]]; within: number; in?: (typeof TEXT_FIELDS)[number] }
  | { tags: string[] }
  | { hashtags: string[]; in?: (typeof TEXT_FIELDS)[number] }
  | { target: (typeof TARGET_KINDS)[number][] }
  | { types: (typeof ACTIVITY_TYPES)[number][] }
  | { platforms: (typeof PLATFORMS)[number][] }
  | { phases: string[] }
  | { other_candidates: number; in?: (typeof TEXT_FIELDS)[number] }
  | { has: 'text' | 'target_text' | 'target_account' | 'timestamp' };

const inField = z.enum(TEXT_FIELDS).optional();

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ terms: z.array(term).min(1), in: inField }),
    z.strictObject({
      near: z.tuple([z.array(term).min(1), z.array(term).min(1)]),
      within: z.number().int().min(0).max(50),
      in: inField,
    }),
    z.strictObject({ tags: z.array(term).min(1) }),
    z.strictObject({ hashtags: z.array(term).min(1), in: inField }),
    z.strictObject({ target: z.array(z.enum(TARGET_KINDS)).min(1) }),
    z.strictObject({ types: z.array(z.enum(ACTIVITY_TYPES)).min(1) }),
    z.strictObject({ platforms: z.array(z.enum(PLATFORMS)).min(1) }),
    z.strictObject({ phases: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ other_candidates: z.number().int().min(1), in: inField }),
    z.strictObject({ has: z.enum(['text', 'target_text', 'target_account', 'timestamp']) }),
  ]),
);

const legalTrack = z.strictObject({
  /** Row of SKB 2/2022 Lampiran II, e.g. KE4 or DS6. */
  skb: z.string().min(1),
  sanction: z.enum(SANCTIONS),
  refs: z.array(z.string().min(1)).min(1),
});

/** An example activity: only the fields that matter; the rest take the defaults of `rules test`. */
export const exampleSchema = z.strictObject({
  note: z.string().optional(),
  platform: z.enum([...PLATFORMS, 'twitter']).optional(),
  type: z.string().optional(),
  timestamp: z.string().optional(),
  text: z.string().optional(),
  target_account: z.string().optional(),
  target_text: z.string().optional(),
  event: z.string().optional(),
  location: z.string().optional(),
  tags: z.string().optional(),
  /** The candidate the finding must concern (match examples only). */
  candidate: z.string().optional(),
});

export const ruleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    category: z.enum(CATEGORIES),
    basis: z.enum(['kode_etik', 'disiplin', 'by_status']),
    severity: z.enum(SEVERITIES),
    /** high: the person's own words or a dated act on a candidate's own account; lower for indirect signals. */
    confidence: z.enum(['high', 'medium', 'low']).default('high'),
    title: bilingual,
    message: bilingual,
    legal: z.strictObject({ kode_etik: legalTrack.optional(), disiplin: legalTrack.optional() }),
    when: conditionSchema,
    unless: z.array(conditionSchema).default([]),
    examples: z.strictObject({ match: z.array(exampleSchema).min(1), no_match: z.array(exampleSchema).min(1) }),
  })
  .superRefine((rule, ctx) => {
    const needs = rule.basis === 'by_status' ? (['kode_etik', 'disiplin'] as const) : [rule.basis];
    for (const track of needs) {
      if (!rule.legal[track])
        ctx.addIssue({ code: 'custom', path: ['legal', track], message: `basis "${rule.basis}" needs legal.${track}` });
    }
  });

export const ruleFileSchema = z.strictObject({
  /** Named term lists, usable in any rule of the pack as `@name`. */
  vocabulary: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(term).min(1)).default({}),
  rules: z.array(ruleSchema).default([]),
});

export type Rule = z.infer<typeof ruleSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleExample = z.infer<typeof exampleSchema>;
