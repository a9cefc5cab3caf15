// `phases: [...]`: the act falls in one of these phases of the election file.
import { z } from 'zod';
import type { ConditionKind } from './kind.js';

export type PhasesCondition = { phases: string[] };

export const phasesKind: ConditionKind<PhasesCondition> = {
  schema: () => z.strictObject({ phases: z.array(z.string().min(1)).min(1) }),
  compile: (c) => {
    const wanted = new Set(c.phases);
    return (view, evidence) => {
      const phase = view.phases.find((p) => wanted.has(p));
      if (phase) evidence.push({ condition: 'phases', field: 'timestamp', value: phase });
      return phase !== undefined;
    };
  },
  concernsCandidate: () => false,
  timeBound: () => true,
  explain: { id: (e) => `dilakukan pada tahapan ${e.value}`, en: (e) => `done during the ${e.value} phase` },
  doc: { syntax: '`phases: [...]`', trueWhen: 'the act falls in one of these phases of the election file' },
};
