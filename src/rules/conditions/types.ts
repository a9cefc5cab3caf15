// `types: [...]`: the activity is of one of these types.
import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType } from '../../shared/types.js';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

export type TypesCondition = { types: ActivityType[] };

export const typesKind: ConditionKind<TypesCondition> = {
  schema: () => z.strictObject({ types: z.array(z.enum(ACTIVITY_TYPES)).min(1) }),
  compile: (c) => {
    const types = new Set<string>(c.types);
    return (view) => types.has(view.activity.type);
  },
  concernsCandidate: () => false,
  activityTypes: (c) => new Set(c.types),
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`types: [...]`', trueWhen: 'the activity has one of these types' },
};
