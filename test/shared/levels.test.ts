// Severity and confidence each have one order (shared/types.ts), lowest first, that ranks, schemas and reports follow.
import { describe, expect, it } from 'vitest';
import { ruleSchema } from '../../src/rules/rule-schema.js';
import { findingSchema } from '../../src/schemas/report-schema.js';
import {
  CONFIDENCES,
  confidenceRank,
  SEVERITIES,
  SEVERITIES_HIGHEST_FIRST,
  severityRank,
} from '../../src/shared/types.js';

describe('one order per level', () => {
  it('ranks low below medium below high, for severity and for confidence', () => {
    expect(['high', 'low', 'medium'].sort((a, b) => severityRank(a as never) - severityRank(b as never))).toEqual([
      'low',
      'medium',
      'high',
    ]);
    expect(['medium', 'high', 'low'].sort((a, b) => confidenceRank(a as never) - confidenceRank(b as never))).toEqual([
      'low',
      'medium',
      'high',
    ]);
    expect(SEVERITIES_HIGHEST_FIRST).toEqual(['high', 'medium', 'low']);
  });

  it('is the order the rule and report schemas accept', () => {
    expect(findingSchema.shape.severity.options).toEqual([...SEVERITIES]);
    expect(findingSchema.shape.confidence.options).toEqual([...CONFIDENCES]);
    expect(
      ruleSchema.safeParse({ confidence: 'certain' }).error?.issues.find((i) => i.path[0] === 'confidence'),
    ).toMatchObject({
      message: 'Invalid option: expected one of "low"|"medium"|"high"',
    });
  });
});
