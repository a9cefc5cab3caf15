// The published JSON Schemas (schemas/*.schema.json) accept what the tool really writes and reads, checked by ajv.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv as AjvDraft07 } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INIT_TEMPLATES } from '../../src/cli/init-templates/index.js';
import { SCHEMA_KINDS } from '../../src/cli/json-schemas.js';
import { DEMO_CONTEXT, ROOT, runCli } from '../helpers/cli.js';

// strictRequired is off: zod writes a record over enum keys as propertyNames plus required, which is valid.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const ids: Record<string, string> = {};
for (const kind of SCHEMA_KINDS) {
  const schema = JSON.parse(readFileSync(resolve(ROOT, `schemas/${kind}.schema.json`), 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  ids[kind] = schema.$id;
}

/** The ajv errors of `data` against the schema at `ref` (an `$id`, with a fragment for a definition); [] when valid. */
function errorsOf(ref: string, data: unknown): string[] {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));

describe('schema $id', () => {
  it('is the kind and contract version, the same for the report and error as their `schema` field', () => {
    for (const kind of SCHEMA_KINDS) expect(ids[kind]).toBe(`urn:asn-audit:${kind}@1`);
    const report = readJson('fixtures/format/report.json') as { schema: string };
    expect(ids.report).toBe(`urn:${report.schema.replace('/', ':')}`);
  });
});

describe('report schema', () => {
  const goldens = [
    'fixtures/format/report.json',
    'fixtures/format/expected.json.json',
    ...readdirSync(resolve(ROOT, 'fixtures/cli/expected'))
      .filter((name) => name.endsWith('.report.json'))
      .map((name) => `fixtures/cli/expected/${name}`),
  ];

  it.each(goldens)('accepts the golden report %s', (path) => {
    expect(errorsOf(ids.report!, readJson(path))).toEqual([]);
  });

  it('accepts each line of the demo scan in NDJSON as $defs/ndjson_line, and its finding as $defs/finding', () => {
    const run = runCli(['scan', 'fixtures/demo/activity.csv', ...DEMO_CONTEXT, '--format', 'ndjson']);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const [index, text] of lines.entries()) {
      const line = JSON.parse(text) as Record<string, unknown>;
      expect(errorsOf(`${ids.report}#/$defs/ndjson_line`, line), `line ${index + 1}`).toEqual([]);
      const { nip, name, agency, ...finding } = line;
      expect(errorsOf(`${ids.report}#/$defs/finding`, finding), `line ${index + 1}`).toEqual([]);
    }
  });

  it('refuses an NDJSON line that lost its person, or a finding with a field it does not have', () => {
    const run = runCli(['scan', 'fixtures/demo/activity.csv', ...DEMO_CONTEXT, '--format', 'ndjson']);
    const { nip, ...line } = JSON.parse(run.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(errorsOf(`${ids.report}#/$defs/ndjson_line`, line)).toEqual([" must have required property 'nip'"]);
    expect(errorsOf(`${ids.report}#/$defs/finding`, { ...line, nip })).toContain(
      ' must NOT have additional properties',
    );
  });
});

describe('input schemas', () => {
  const yaml = (path: string): unknown => parseYaml(readFileSync(resolve(ROOT, path), 'utf8'));

  it.each(readdirSync(resolve(ROOT, 'rules')).filter((name) => name.endsWith('.yaml')))(
    'the rules schema accepts the bundled rules/%s',
    (name) => {
      expect(errorsOf(ids.rules!, yaml(`rules/${name}`))).toEqual([]);
      // The editor's schema line, relative to the file, names the rules schema.
      const first = readFileSync(resolve(ROOT, 'rules', name), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../schemas/rules.schema.json');
    },
  );

  it('the election schema accepts the demo election and refuses one without candidates', () => {
    const demo = yaml('fixtures/demo/election.yaml') as Record<string, unknown>;
    expect(errorsOf(ids.election!, demo)).toEqual([]);
    const { candidates, ...withoutCandidates } = demo;
    expect(errorsOf(ids.election!, withoutCandidates)).toEqual([" must have required property 'candidates'"]);
  });

  it('the config schema accepts the config init writes with every option uncommented, and refuses a typo', () => {
    const template = INIT_TEMPLATES.find((t) => t.name === 'asn-audit.config.yaml')!.content;
    // The commented options are `# key: value  # comment` lines; uncommenting shows each is a valid setting.
    const everyOption = template.replace(/^# (?=[a-z_]+: )/gm, '');
    expect(Object.keys(parseYaml(everyOption) as object).length).toBeGreaterThan(15);
    expect(errorsOf(ids.config!, parseYaml(everyOption))).toEqual([]);
    expect(errorsOf(ids.config!, { fail_on: 'low', failOn: 'low' })).toEqual([' must NOT have additional properties']);
  });

  it('the error schema accepts the error a bad option gives with --error-format json', () => {
    const args = ['scan', 'fixtures/demo/activity.csv', ...DEMO_CONTEXT, '--fail-on', 'never'];
    const run = runCli([...args, '--error-format', 'json']);
    expect(run.code).toBe(2);
    expect(errorsOf(ids.error!, JSON.parse(run.stderr.trimEnd().split('\n').at(-1)!))).toEqual([]);
  });
});

describe('in an editor', () => {
  // The YAML language server (VS Code, Neovim, …) validates with draft-07 rules whatever `$schema` says, so a
  // draft-07 ajv stands in for it: the schema lines init writes and the rule files carry must give no false errors.
  const draft07 = new AjvDraft07({ strict: false, validateSchema: false, allErrors: true });
  for (const kind of SCHEMA_KINDS) {
    const { $schema, ...schema } = readJson(`schemas/${kind}.schema.json`) as Record<string, unknown>;
    draft07.addSchema(schema);
  }
  const errors = (kind: string, data: unknown) => {
    const validate = draft07.getSchema(ids[kind]!)!;
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it.each(readdirSync(resolve(ROOT, 'rules')).filter((name) => name.endsWith('.yaml')))(
    'a draft-07 validator accepts rules/%s (tuples are not closed with items: false)',
    (name) => {
      expect(errors('rules', parseYaml(readFileSync(resolve(ROOT, 'rules', name), 'utf8')))).toEqual([]);
    },
  );

  it('a draft-07 validator accepts the election and config files init writes', () => {
    for (const [name, kind] of [
      ['election.yaml', 'election'],
      ['asn-audit.config.yaml', 'config'],
    ] as const) {
      const template = INIT_TEMPLATES.find((t) => t.name === name)!;
      expect(template.schema).toBe(kind);
      expect(errors(kind, parseYaml(template.content))).toEqual([]);
    }
  });
});
