// `platforms: [...]`: the activity happened on one of these platforms (`offline` is a field report).
import { z } from 'zod';
import { PLATFORMS, type Platform } from '../../shared/types.js';
import { GENERIC_EXPLAIN, type ConditionKind } from './kind.js';

export type PlatformsCondition = { platforms: Platform[] };

export const platformsKind: ConditionKind<PlatformsCondition> = {
  schema: () => z.strictObject({ platforms: z.array(z.enum(PLATFORMS)).min(1) }),
  compile: (c) => {
    const platforms = new Set<string>(c.platforms);
    return (view) => platforms.has(view.activity.platform);
  },
  concernsCandidate: () => false,
  explain: GENERIC_EXPLAIN,
  doc: { syntax: '`platforms: [...]`', trueWhen: 'the activity happened on one of these platforms' },
};
