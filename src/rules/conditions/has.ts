// `has: field`: the activity has this field filled in.
import { z } from 'zod';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

const HAS_FIELDS = ['text', 'target_text', 'target_account', 'timestamp'] as const;

export type HasCondition = { has: (typeof HAS_FIELDS)[number] };

export const hasKind: ConditionKind<HasCondition> = {
  schema: () => z.strictObject({ has: z.enum(HAS_FIELDS) }),
  compile: (c) => {
    const field = c.has;
    return (view) => {
      const a = view.activity;
      if (field === 'text') return a.text !== '';
      if (field === 'target_text') return a.targetText !== '';
      if (field === 'target_account') return a.targetAccount !== null;
      return a.timestamp !== null;
    };
  },
  concernsCandidate: () => false,
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`has: text\\|target_text\\|target_account\\|timestamp`', trueWhen: 'the field is present' },
};
