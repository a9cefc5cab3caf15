// `all: [...]`: every nested condition holds.
import { z } from 'zod';
import type { Condition } from './index.js';
import { narrowestGate } from '../gate.js';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

export type AllCondition = { all: Condition[] };

export const allKind: ConditionKind<AllCondition> = {
  schema: (condition) => z.strictObject({ all: z.array(condition).min(1) }),
  compile: (c, ctx) => {
    const parts = c.all.map(ctx.compile);
    return (view, evidence) => {
      const before = evidence.length;
      if (parts.every((p) => p(view, evidence))) return true;
      // A part that held before another failed made nothing: its evidence goes.
      evidence.length = before;
      return false;
    };
  },
  concernsCandidate: (c, tree) => c.all.some(tree.concernsCandidate),
  timeBound: (c, tree) => c.all.some(tree.timeBound),
  // Every part is needed, so the words of any one part are: the narrowest skips most.
  gate: (c, ctx) => narrowestGate(c.all.map(ctx.gate)),
  // The types every part allows: the first part that restricts them is enough when the others do not, and sets intersect.
  activityTypes: (c, tree) => {
    let types: ReadonlySet<string> | null = null;
    for (const part of c.all) {
      const allowed = tree.activityTypes(part);
      if (!allowed) continue;
      const before: ReadonlySet<string> | null = types;
      types = before ? new Set([...before].filter((t: string) => allowed.has(t))) : allowed;
    }
    return types;
  },
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`all: [...]`', trueWhen: 'every nested condition holds' },
};
