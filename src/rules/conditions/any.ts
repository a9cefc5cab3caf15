// `any: [...]`: at least one nested condition holds (the first that does gives the evidence).
import { z } from 'zod';
import type { Condition } from './index.js';
import { unionGate } from '../gate.js';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

export type AnyCondition = { any: Condition[] };

export const anyKind: ConditionKind<AnyCondition> = {
  schema: (condition) => z.strictObject({ any: z.array(condition).min(1) }),
  compile: (c, ctx) => {
    const parts = c.any.map(ctx.compile);
    return (view, evidence) => {
      const before = evidence.length;
      for (const part of parts) {
        if (part(view, evidence)) return true;
        // A branch that failed half-way leaves no evidence behind.
        evidence.length = before;
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => c.any.some(tree.concernsCandidate),
  timeBound: (c, tree) => c.any.some(tree.timeBound),
  // Any branch will do, so any of their words; a branch that needs none opens the gate.
  gate: (c, ctx) => unionGate(c.any.map(ctx.gate)),
  // Restricted only when every branch is: then the union of theirs.
  activityTypes: (c, tree) => {
    const types = new Set<string>();
    for (const part of c.any) {
      const allowed = tree.activityTypes(part);
      if (!allowed) return null;
      for (const t of allowed) types.add(t);
    }
    return types;
  },
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`any: [...]`', trueWhen: 'at least one nested condition holds' },
};
