// `not: {...}`: the nested condition does not hold.
import { z } from 'zod';
import type { Condition } from './index.js';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

export type NotCondition = { not: Condition };

export const notKind: ConditionKind<NotCondition> = {
  schema: (condition) => z.strictObject({ not: condition }),
  compile: (c, ctx) => {
    const inner = ctx.compile(c.not);
    // Evidence gathered inside a negation is not evidence for the finding.
    return (view) => !inner(view, []);
  },
  concernsCandidate: (c, tree) => tree.concernsCandidate(c.not),
  // "Not in the campaign" holds at some times only, as "in the campaign" does.
  timeBound: (c, tree) => tree.timeBound(c.not),
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`not: {...}`', trueWhen: 'the nested condition does not hold' },
};
