// `asn-audit schema`: the printed JSON Schemas, the committed copies in schemas/, and the recursive condition tree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SCHEMA_KINDS } from '../../src/cli/json-schemas.js';
import { conditionSchema } from '../../src/rules/rule-schema.js';
import { ROOT, runCli } from '../helpers/cli.js';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

function printed(kind: string): JsonSchema {
  const run = runCli(['schema', kind]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as JsonSchema;
}

describe('schema', () => {
  it.each(SCHEMA_KINDS)('schemas/%s.schema.json is what `schema` prints now', (kind) => {
    const run = runCli(['schema', kind]);
    expect(run.code, run.stderr).toBe(0);
    const committed = readFileSync(resolve(ROOT, `schemas/${kind}.schema.json`), 'utf8');
    expect(
      run.stdout === committed,
      `schemas/${kind}.schema.json is out of date: run \`npm run schemas\` to regenerate`,
    ).toBe(true);
  });

  it('describes the recursive condition tree once, in $defs, referring to itself', () => {
    const schema = printed('rules');
    const condition = schema.$defs?.condition;
    const kinds = (conditionSchema as unknown as z.ZodLazy<z.ZodUnion>).unwrap().options.length;
    expect(condition?.anyOf).toHaveLength(kinds);
    const byKey = Object.fromEntries(condition!.anyOf!.map((alt) => [Object.keys(alt.properties!)[0], alt]));
    expect(byKey.all?.properties?.all?.items?.$ref).toBe('#/$defs/condition');
    expect(byKey.not?.properties?.not?.$ref).toBe('#/$defs/condition');
    expect(byKey.terms?.additionalProperties).toBe(false);
    const rule = schema.properties?.rules?.items;
    expect(rule?.properties?.when?.$ref).toBe('#/$defs/condition');
    expect(rule?.properties?.unless?.items?.$ref).toBe('#/$defs/condition');
  });

  it('describes the demo election: every key it uses is a property, nothing else is allowed', () => {
    const schema = printed('election');
    const demo = parseYaml(readFileSync(resolve(ROOT, 'fixtures/demo/election.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(schema.additionalProperties).toBe(false);
    for (const key of Object.keys(demo)) expect(schema.properties, key).toHaveProperty(key);
    expect(schema.required).toEqual(['name', 'candidates']);
    const candidate = schema.properties?.candidates?.items;
    expect(candidate?.required).toEqual(['id', 'names', 'since']);
  });

  it('describes the report as the tool writes it: every field of a real report is required', () => {
    const schema = printed('report');
    const report = JSON.parse(readFileSync(resolve(ROOT, 'fixtures/format/report.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect([...(schema.required ?? [])].sort()).toEqual(Object.keys(report).sort());
    expect(schema.properties?.schema).toMatchObject({ const: 'asn-audit/report@1' });
  });

  it('describes the JSON roster with the columns loadRoster reads, NIP as an 18-digit string', () => {
    const schema = printed('roster');
    expect(schema.type).toBe('array');
    expect(schema.items?.required).toEqual(['nip', 'name']);
    const nip = new RegExp((schema.items!.properties!.nip as { pattern: string }).pattern);
    expect(nip.test('19780314 200312 1 005')).toBe(true);
    expect(nip.test('198507222010012012')).toBe(true);
    expect(nip.test('1985072220100120')).toBe(false);
  });

  it('refuses an unknown kind with exit 2', () => {
    const run = runCli(['schema', 'activity']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('report, rules, election, roster');
  });
});
