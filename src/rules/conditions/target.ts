// `target: [...]`: the act was aimed at an account of the candidate (their own, a campaign account or a campaign group).
import { z } from 'zod';
import { TARGET_KINDS, type TargetKind } from '../../shared/types.js';
import type { ConditionKind } from './kind.js';

export type TargetCondition = { target: TargetKind[] };

export const targetKind: ConditionKind<TargetCondition> = {
  schema: () => z.strictObject({ target: z.array(z.enum(TARGET_KINDS)).min(1) }),
  compile: (c, ctx) => {
    const kinds = new Set(c.target);
    const candidateId = ctx.candidate?.id ?? null;
    return (view, evidence) => {
      const owner = view.targetOwner;
      if (!owner || !kinds.has(owner.kind) || (candidateId !== null && owner.candidate !== candidateId)) return false;
      evidence.push({
        condition: 'target',
        field: 'target_account',
        value: `${view.activity.platform}:${view.activity.targetAccount} (${owner.kind}, ${owner.candidate})`,
      });
      return true;
    };
  },
  // Whose account it is decides the candidate, so a rule with a target condition is bound per candidate.
  concernsCandidate: () => true,
  explain: {
    id: (e) => `tindakan ditujukan ke akun ${e.value}`,
    en: (e) => `the act was aimed at the account ${e.value}`,
  },
  doc: {
    syntax: '`target: [candidate_account, campaign_account, campaign_group]`',
    trueWhen: 'the action was aimed at such an account of the candidate',
  },
};
