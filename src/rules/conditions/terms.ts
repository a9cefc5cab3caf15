// `terms: [...]`: one of the terms occurs, on word boundaries, in the normalised text of a field.
import { z } from 'zod';
import { termsGate } from '../gate.js';
import type { ConditionKind } from './kind.js';
import { wordsEvidence } from './text-evidence.js';
import { fieldsOf, inField, term, type InChoice } from './text-fields.js';

export type TermsCondition = { terms: string[]; in?: InChoice };

export const termsKind: ConditionKind<TermsCondition> = {
  schema: () => z.strictObject({ terms: z.array(term).min(1), in: inField }),
  compile: (c, ctx) => {
    const matcher = ctx.matcher(c.terms);
    const fields = fieldsOf(c.in);
    return (view, evidence) => {
      for (const field of fields) {
        const hit = matcher.first(view.tokens(field), view.roots(field));
        if (hit) {
          evidence.push(wordsEvidence(view, 'terms', field, [hit]));
          return true;
        }
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => c.terms.some(tree.refers),
  gate: (c, ctx) => termsGate([ctx.matcher(c.terms)], fieldsOf(c.in)),
  explain: {
    id: (e) => `kata/frasa "${e.value}" ditemukan di kolom ${e.field}`,
    en: (e) => `the term "${e.value}" was found in the ${e.field} column`,
  },
  doc: {
    syntax: '`terms: [...]`, `in: text\\|target_text\\|event\\|location\\|any`',
    trueWhen: 'one of the terms occurs, on word boundaries, in the normalised text',
  },
};
