// Exit-2 errors as one JSON object on stderr: --error-format json, or --format json|ndjson (schema asn-audit/error@1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorFormatOf } from '../../src/cli/main.js';
import { errorDocumentSchema } from '../../src/schemas/error-schema.js';
import { type CliRun, runCli } from '../helpers/cli.js';

const ELECTION = ['--election', 'fixtures/demo/election.yaml'];
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-error-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const badRoster = join(dir, 'roster.csv');
writeFileSync(
  badRoster,
  'nip,name,agency,position,instagram\n199003152015031002,Andi,Dinas,Guru,@andi\n12345,Budi,Dinas,Guru,@budi\n',
);
const SCAN_BAD_ROSTER = ['scan', 'fixtures/demo/activity.csv', '--roster', badRoster, ...ELECTION];

/** The last stderr line parsed and checked against the zod schema the published error.schema.json comes from. */
function errorOf(run: CliRun) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  return errorDocumentSchema.parse(JSON.parse(lines.at(-1)!));
}

describe('--format json: a located input error', () => {
  test('file, line, field and message of the bad roster row, as the text message gives them', () => {
    const run = runCli([...SCAN_BAD_ROSTER, '--format', 'json']);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(errorOf(run)).toEqual({
      schema: 'asn-audit/error@1',
      exit_code: 2,
      kind: 'input',
      problems: [
        { file: badRoster, line: 3, field: 'nip', message: 'invalid NIP "12345": expected 18 digits; found 5' },
      ],
      hint: null,
    });
    const text = runCli(SCAN_BAD_ROSTER);
    expect(text.stderr).toBe(`asn-audit: ${badRoster}:3 nip: invalid NIP "12345": expected 18 digits; found 5\n`);
  });

  test('the hint travels with the problem', () => {
    const parquet = join(dir, 'a.parquet');
    writeFileSync(parquet, Buffer.from('PAR1\x00\x01\x02\x03\x15\x00PAR1', 'latin1'));
    const error = errorOf(
      runCli(['scan', parquet, '--roster', 'fixtures/demo/roster.csv', ...ELECTION, '--format=ndjson']),
    );
    expect(error.problems[0]).toMatchObject({ file: parquet, line: null, field: null });
    expect(error.problems[0]!.message).toContain('Apache Parquet');
    expect(error.hint).toContain('duckdb');
  });
});

describe('--error-format', () => {
  test('json: a usage error names the option, with no commander text beside it', () => {
    const error = errorOf(runCli(['scan', 'fixtures/demo/activity.csv', ...ELECTION, '--error-format', 'json']));
    expect(error.kind).toBe('usage');
    expect(error.problems).toEqual([
      { file: null, line: null, field: '--roster', message: "required option '--roster <file>' not specified" },
    ]);
    const unknown = errorOf(runCli(['--error-format=json', ...SCAN_BAD_ROSTER, '--bogus']));
    expect(unknown.problems[0]!.field).toBe('--bogus');
  });

  test('text wins over --format json; an error of the config file is JSON too', () => {
    const text = runCli([...SCAN_BAD_ROSTER, '--format', 'json', '--error-format', 'text']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^asn-audit: .*roster\.csv:3 nip: invalid NIP/);
    const config = errorOf(
      runCli(['scan', 'fixtures/demo/activity.csv', '--config', join(dir, 'none.yaml'), '--format', 'json']),
    );
    expect(config.problems[0]!.file).toContain('none.yaml');
  });

  test('an invalid value is a usage error; a successful run prints nothing on stderr', () => {
    const run = runCli(['scan', '--error-format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
    const ok = runCli([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      'fixtures/demo/roster.csv',
      ...ELECTION,
      '--format',
      'json',
    ]);
    expect(ok.code).toBe(1);
    expect(ok.stderr).toBe('');
  });
});

test('errorFormatOf: the explicit flag first, then --format json or ndjson, and nothing after --', () => {
  expect(errorFormatOf(['scan', 'a.csv'])).toBe('text');
  expect(errorFormatOf(['scan', '--format', 'json'])).toBe('json');
  expect(errorFormatOf(['scan', '--format=ndjson'])).toBe('json');
  expect(errorFormatOf(['scan', '--format', 'markdown'])).toBe('text');
  expect(errorFormatOf(['scan', '--format', 'json', '--error-format', 'text'])).toBe('text');
  expect(errorFormatOf(['--error-format', 'json', 'scan'])).toBe('json');
  expect(errorFormatOf(['scan', '--', '--format', 'json'])).toBe('text');
});
