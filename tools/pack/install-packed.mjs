#!/usr/bin/env node
// Packs asn-audit as `npm publish` would, installs the tarball into a scratch folder as a user's project would, and
// runs the installed CLI: --help, rules list, rules test and the demo scan. Used by .ci/run and test/package/.
//
//   node tools/pack/install-packed.mjs [--dir DIR] [--ignore-scripts] [--keep]
//
// --ignore-scripts packs the dist/ already built (no prepack build: a test must not empty dist/ under other tests).
// The install is offline: the scratch project gets a lockfile made from ours (runtime entries only), so `npm ci
// --offline` takes every dependency from the npm cache that our own `npm ci` filled. Prints the scratch folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? resolve(args[dirArg + 1]) : mkdtempSync(join(tmpdir(), 'asn-audit-packed-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

mkdirSync(dir, { recursive: true });
const packed = JSON.parse(
  execFileSync(
    npm,
    ['pack', '--json', '--pack-destination', dir, ...(flag('--ignore-scripts') ? ['--ignore-scripts'] : [])],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ),
);
const tarball = packed[0].filename;
const shipped = packed[0].files.map((f) => f.path);
for (const unwanted of ['dist-tools/', 'tools/', 'test/', 'src/', 'dist/eval/', 'dist/bench/'])
  if (shipped.some((p) => p.startsWith(unwanted))) fail(`the tarball ships dev tooling: ${unwanted}`);

const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
const spec = `file:${tarball}`;
const packages = {
  '': { name: 'scratch', dependencies: { 'asn-audit': spec } },
  'node_modules/asn-audit': {
    version: project.version,
    resolved: spec,
    license: project.license,
    dependencies: project.dependencies,
    bin: project.bin,
    engines: project.engines,
  },
};
for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
writeFileSync(
  join(dir, 'package.json'),
  `${JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies: { 'asn-audit': spec } }, null, 2)}\n`,
);
writeFileSync(
  join(dir, 'package-lock.json'),
  `${JSON.stringify({ name: 'scratch', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
);
execFileSync(npm, ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd: dir,
  stdio: ['ignore', 2, 2],
});

// The installed CLI, run from the scratch folder (not from this clone): only what was packed is there.
const bin = join(dir, 'node_modules/.bin/asn-audit');
const demo = join(dir, 'node_modules/asn-audit/fixtures/demo');
const checks = [
  { args: ['--help'], code: 0, expect: /Usage: asn-audit/ },
  { args: ['rules', 'list'], code: 0, expect: /\d+ aturan dalam \d+ berkas/ },
  { args: ['rules', 'test'], code: 0, expect: / 0 gagal/ },
  {
    args: [
      'scan',
      join(demo, 'activity.csv'),
      '--roster',
      join(demo, 'roster.csv'),
      '--election',
      join(demo, 'election.yaml'),
    ],
    code: 1, // the demo has findings
    expect: /Baris ditolak \(7\)/,
  },
];
for (const check of checks) {
  const run = spawnSync(bin, check.args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== check.code || !check.expect.test(run.stdout))
    fail(
      `asn-audit ${check.args.join(' ')} exited ${run.status} (expected ${check.code})\n${run.stdout}\n${run.stderr}`,
    );
  console.error(`install-packed: ok  asn-audit ${check.args.slice(0, 2).join(' ')} (exit ${run.status})`);
}
console.log(dir);
if (!flag('--keep') && dirArg < 0) rmSync(dir, { recursive: true, force: true });

function fail(message) {
  console.error(`install-packed: ${message}`);
  process.exit(1);
}
