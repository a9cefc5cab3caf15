// The rule language: rules are data (YAML), validated here; nothing in a rule file can run code.
import { z } from 'zod';
import { BASES, CATEGORIES, CONFIDENCES, PLATFORMS, SANCTIONS, SEVERITIES, STANCES } from '../shared/types.js';
import { conditionSchema } from './conditions/index.js';

export { conditionSchema, type Condition } from './conditions/index.js';
import { term } from './conditions/text-fields.js';

const bilingual = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });

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
    basis: z.enum([...BASES, 'by_status']),
    severity: z.enum(SEVERITIES),
    /** For rules about one candidate: whether a finding says the act supports them or campaigns against them. */
    stance: z.enum(STANCES).optional(),
    /** high: the person's own words or a dated act on a candidate's own account; lower for indirect signals. */
    confidence: z.enum(CONFIDENCES).default('high'),
    title: bilingual,
    message: bilingual,
    legal: z.strictObject({ kode_etik: legalTrack.optional(), disiplin: legalTrack.optional() }),
    when: conditionSchema,
    /** Exceptions: any that holds cancels the finding (news that names every pair, official duty, a former member). */
    unless: z.array(conditionSchema).default([]),
    /**
     * Exceptions that qualify instead of vetoing: a civic or neutrality phrase ("jangan golput"), a number that is an
     * address ("RW 02"). One cancels the finding only when, with its words taken out, the rule no longer holds.
     */
    qualifiers: z.array(conditionSchema).default([]),
    examples: z.strictObject({ match: z.array(exampleSchema).min(1), no_match: z.array(exampleSchema).min(1) }),
  })
  .superRefine((rule, ctx) => {
    const needs = rule.basis === 'by_status' ? BASES : [rule.basis];
    for (const track of needs) {
      if (!rule.legal[track])
        ctx.addIssue({ code: 'custom', path: ['legal', track], message: `basis "${rule.basis}" needs legal.${track}` });
    }
  });

/**
 * A weighted word list learned from labelled posts (tools/lexicon): each word's weight toward "partisan" and toward
 * "support" (positive) or "against" (negative). Stored as data so that a panel can read every weight that decided.
 * A score is the sum of the weights of the words found, nothing else: the learner's intercept is the base rate of
 * its corpus (tweets collected because they were political), which does not carry over to a civil servant's feed.
 */
export const lexiconSchema = z.strictObject({
  about: z.string().min(1),
  /** word → [partisan weight, stance weight]. */
  terms: z.record(z.string().regex(/^[a-z][a-z0-9]*$/), z.tuple([z.number(), z.number()])),
});

export const ruleFileSchema = z.strictObject({
  /** Named term lists, usable in any rule of the pack as `@name`. */
  vocabulary: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(term).min(1)).default({}),
  /** Named weighted lexicons, read by the `lexicon` condition. */
  lexicons: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), lexiconSchema).default({}),
  rules: z.array(ruleSchema).default([]),
});

export type Rule = z.infer<typeof ruleSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
export type RuleExample = z.infer<typeof exampleSchema>;
