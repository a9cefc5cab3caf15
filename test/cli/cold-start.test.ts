// Cold start: `--version` and `--help` load commander and main only; a command's modules load when it runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-cold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A module-resolution hook that logs every module the CLI loads (module.register, Node 20.6+).
writeFileSync(
  join(dir, 'hook.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOADED_LOG, result.url + '\\n');
  return result;
}
`,
);
writeFileSync(
  join(dir, 'register.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`,
);

let runs = 0;
/** The project's files the CLI loaded for these arguments, relative to the project (node: built-ins left out). */
function loaded(args: string[]): string[] {
  const log = join(dir, `loaded-${runs++}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LOADED_LOG: log },
  });
  expect(run.status, run.stderr).toBe(0);
  return [
    ...new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => url.startsWith('file:'))
        .map((url) => relative(ROOT, fileURLToPath(url))),
    ),
  ].sort();
}

describe('what a start loads', () => {
  test('--version and --help: commander, main and its few helpers, no pipeline and no other dependency', () => {
    for (const args of [['--version'], ['--help']]) {
      const files = loaded(args);
      expect(files).toContain('dist/cli/main.js');
      expect(files.filter((f) => f.startsWith('node_modules/') && !f.startsWith('node_modules/commander/'))).toEqual(
        [],
      );
      expect(files.filter((f) => /^dist\/(load|rules|report|aggregate|normalize|schemas)\//.test(f))).toEqual([]);
      expect(files.filter((f) => /-command\.js$/.test(f))).toEqual([]);
      expect(files.length).toBeLessThanOrEqual(12);
    }
  });

  test('a command loads its own module only', () => {
    const files = loaded(['schema', 'roster']);
    expect(files).toContain('dist/cli/schema-command.js');
    expect(files.filter((f) => /-command\.js$/.test(f))).toEqual(['dist/cli/schema-command.js']);
    expect(loaded(['help', 'rules'])).toContain('dist/cli/rules-command.js');
  });
});

test('the help lists every command with the usage and description its own help gives', () => {
  const top = runCli(['--help']).stdout;
  const listed = [
    ...top
      .split('Commands:\n')[1]!
      .split('\n\n')[0]!
      .matchAll(/^ {2}(\S+)(.*?) {2,}(\S.*)$/gm),
  ];
  expect(listed.map((m) => m[1])).toEqual([
    'scan',
    'rules',
    'validate',
    'explain',
    'review',
    'dossier',
    'merge',
    'schema',
    'init',
    'help',
  ]);
  for (const [, name, usage, description] of listed.filter((m) => m[1] !== 'help')) {
    const own = runCli([name!, '--help']).stdout;
    expect(own.replace(/\s+/g, ' ')).toContain(` ${description} `); // its own help wraps the description
    // Its own usage always says [options] (for --help); the listing says it only for commands with options.
    const ownUsage = /^Usage: asn-audit (.*)$/m.exec(own)?.[1]?.replace(' [options]', '');
    if (name !== 'rules') expect(ownUsage).toBe(`${name}${usage}`.replace(' [options]', ''));
  }
});

const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
test.skipIf(!hasCompileCache)('the compile cache is filled where Node has one (Node 22.1+; skipped on older)', () => {
  const cache = join(dir, 'compile-cache');
  runCli(['--version'], { env: { NODE_COMPILE_CACHE: cache } });
  expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
});
