// `hashtags: [...]`: the text carries one of these hashtags written as such (`#PramDoel`), a deliberate campaign marker.
import { z } from 'zod';
import { hashtagKey } from '../activity-view.js';
import { hashtagsGate } from '../gate.js';
import { expandTerms } from '../references.js';
import { type CompileContext, GENERIC_EXPLAIN, type ConditionKind } from './kind.js';
import { fieldsOf, inField, term, type InChoice } from './text-fields.js';

export type HashtagsCondition = { hashtags: string[]; in?: InChoice };

export const hashtagsKind: ConditionKind<HashtagsCondition> = {
  schema: () => z.strictObject({ hashtags: z.array(term).min(1), in: inField }),
  compile: (c, ctx) => {
    const wanted = wantedTags(c, ctx);
    const fields = fieldsOf(c.in);
    return (view, evidence) => {
      for (const field of fields) {
        for (const tag of view.hashtags(field)) {
          if (wanted.has(tag)) {
            evidence.push({ condition: 'hashtags', field, value: `#${tag}` });
            return true;
          }
        }
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => c.hashtags.some(tree.refers),
  gate: (c, ctx) => hashtagsGate(wantedTags(c, ctx), fieldsOf(c.in)),
  explain: GENERIC_EXPLAIN,
  doc: {
    syntax: '`hashtags: [...]`, `in: …`',
    trueWhen: 'the text carries one of these hashtags written as a hashtag (case and `_` ignored)',
  },
};

function wantedTags(c: HashtagsCondition, ctx: CompileContext): Set<string> {
  return new Set(expandTerms(c.hashtags, ctx.election, ctx.vocabulary, ctx.candidate).map(hashtagKey));
}
