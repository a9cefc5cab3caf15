// The package as a user gets it: `npm pack`, the tarball installed into a scratch project, the installed CLI run there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

let scratch = '';
let installLog = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'asn-audit-pack-test-'));
  // --ignore-scripts: pack the dist/ `npm test` built; prepack's build would empty dist/ under the other tests.
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'tools/pack/install-packed.mjs'), '--ignore-scripts', '--dir', scratch],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  installLog = `${run.stdout}\n${run.stderr}`;
  expect(run.status, installLog).toBe(0);
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const installed = () => join(scratch, 'node_modules/asn-audit');
const runInstalled = (args: string[]) =>
  spawnSync(join(scratch, 'node_modules/.bin/asn-audit'), args, {
    cwd: scratch,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });

describe('the packed tarball, installed', () => {
  test('--help, rules list, rules test and the demo scan ran from the scratch project', () => {
    for (const step of ['--help', 'rules list', 'rules test', 'scan'])
      expect(installLog).toContain(`ok  asn-audit ${step}`);
  });

  test('ships the licence, the demo and the schemas, and no dev tooling or sources', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(installed(), 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const list = spawnSync('find', ['.', '-type', 'f'], { cwd: installed(), encoding: 'utf8' }).stdout.split('\n');
    expect(list).toContain('./fixtures/demo/election.yaml');
    expect(list).toContain('./schemas/report.schema.json');
    expect(list.filter((f) => /^\.\/(src|test|tools|dist-tools|dist\/eval|dist\/bench)\//.test(f))).toEqual([]);
    expect(list.filter((f) => f.startsWith('./fixtures/') && !f.startsWith('./fixtures/demo/'))).toEqual([]);
  });

  test('init names the installed schemas relative to the files it writes into the project', () => {
    const run = runInstalled(['init', 'starter']);
    expect(run.status, run.stderr).toBe(0);
    for (const [name, kind] of [
      ['asn-audit.config.yaml', 'config'],
      ['election.yaml', 'election'],
    ] as const) {
      const first = readFileSync(join(scratch, 'starter', name), 'utf8').split('\n')[0];
      const reference = `../node_modules/asn-audit/schemas/${kind}.schema.json`;
      expect(first).toBe(`# yaml-language-server: $schema=${reference}`);
      expect(existsSync(resolve(scratch, 'starter', reference))).toBe(true);
    }
  });

  test('rules list and rules test take --election, read from wherever the user keeps it', () => {
    const election = join(installed(), 'fixtures/demo/election.yaml');
    const list = runInstalled(['rules', 'list', '--election', election]);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/\n\d+ aturan dalam \d+ berkas\n$/);
    const examples = runInstalled(['rules', 'test', '--election', election]);
    expect(examples.status).toBe(0);
    expect(examples.stdout).toMatch(/ 0 gagal\n$/);
  });
});

describe("the packed package, imported by a user's program", () => {
  // The README's program, as a user would paste it: type-checked against the installed declarations, then run.
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const program = /## As a library\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const tsc = (files: string[]) => {
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [resolve(ROOT, 'node_modules/@types')],
        },
        files,
      }),
    );
    return spawnSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', scratch], {
      cwd: scratch,
      encoding: 'utf8',
    });
  };

  test('the README program type-checks against the shipped .d.ts and scans the demo', () => {
    expect(program).toContain("from 'asn-audit'");
    writeFileSync(join(scratch, 'app.ts'), program);
    const check = tsc(['app.ts']);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    const run = spawnSync(process.execPath, [join(scratch, 'app.js')], { cwd: scratch, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^# /);
    expect(run.stdout).toMatch(/\n\d+ persons with findings\n$/);
    const persons = Number(/(\d+) persons with findings/.exec(run.stdout)?.[1]);
    expect(persons).toBeGreaterThan(0);
  });

  test('the types are real: CLI flag names and wrong types do not compile', () => {
    writeFileSync(
      join(scratch, 'wrong.ts'),
      `import { runScan, formatReport } from 'asn-audit';
const outcome = await runScan({ activity: ['a.csv'], roster: 'r.csv', election: 'e.yaml', lang: 'en' });
formatReport(outcome.report, 'pdf');
const n: string = outcome.report.summary.rows_read;
`,
    );
    const check = tsc(['wrong.ts']);
    expect(check.status).not.toBe(0);
    expect(check.stdout).toMatch(/wrong\.ts\(2,.*'lang' does not exist/);
    expect(check.stdout).toMatch(/wrong\.ts\(3,.*"pdf"/);
    expect(check.stdout).toMatch(/wrong\.ts\(4,.*number.*string/);
  });

  test('bad input throws an AuditError naming the file', async () => {
    writeFileSync(
      join(scratch, 'bad.mjs'),
      `import { runScan, AuditError } from 'asn-audit';
try { await runScan({ activity: [], roster: 'missing-roster.csv', election: 'missing.yaml' }); }
catch (e) { console.log(e instanceof AuditError, JSON.stringify(e.problems[0])); }
`,
    );
    const run = spawnSync(process.execPath, [join(scratch, 'bad.mjs')], { cwd: scratch, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^true .*missing/);
  });
});

test('rules list --election reads the given election (a missing one is exit 2, naming it)', () => {
  const run = runCli(['rules', 'list', '--election', 'no/such-election.yaml']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('no/such-election.yaml');
});
