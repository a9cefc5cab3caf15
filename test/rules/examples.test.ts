// Every example of the bundled rule pack is a named test, checked by the same function as `asn-audit rules test`:
// a broken example fails as `<rule id> no_match[5] "<text>"`.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadElection } from '../../src/load/election.js';
import { exampleCases, exampleName } from '../../src/rules/examples.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { uiLabels } from '../../src/shared/labels/index.js';
import { BUNDLED_RULES, PACKAGE_ROOT } from '../../src/shared/version.js';

// The bundled examples name the DKI 2024 candidates: they are written for the demo election, as `rules test` runs them.
const election = await loadElection(resolve(PACKAGE_ROOT, 'fixtures/demo/election.yaml'));
const { rules, cases } = exampleCases(await loadRulePack([BUNDLED_RULES]), election);

describe('rule examples of the bundled pack', () => {
  it('every rule has examples of both kinds, and every example is a test below', () => {
    expect(rules).toBeGreaterThan(0);
    const kinds = new Map<string, Set<string>>();
    for (const c of cases) kinds.set(c.rule, (kinds.get(c.rule) ?? new Set()).add(c.kind));
    expect(kinds.size).toBe(rules);
    for (const [rule, seen] of kinds) expect([...seen].sort(), rule).toEqual(['match', 'no_match']);
    expect(new Set(cases.map(exampleName)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(exampleName(c), () => {
      const problem = c.check();
      if (problem !== null)
        expect.fail(
          `${c.file}: ${exampleName(c)}${c.example.note ? ` (${c.example.note})` : ''}: ${uiLabels('en').rulesTest.problem(problem)}`,
        );
    });
  }
});
