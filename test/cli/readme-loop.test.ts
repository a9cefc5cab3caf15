// The README's worked reviewer loop, run as written: each `$` command of the block under the reviewer-loop marker in
// a scratch folder that sees the clone's fixtures/ and bin/, its output compared line for line with the README's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MARKER = '<!-- reviewer-loop: run line by line by test/cli/readme-loop.test.ts -->';

interface Step {
  command: string;
  output: string;
}

/** The session after the marker: `$ ` starts a command (a line ending in `\` continues it), the rest is output. */
function sessionSteps(readme: string): Step[] {
  const at = readme.indexOf(MARKER);
  expect(at, 'the README has the reviewer-loop marker').toBeGreaterThan(-1);
  const block = /```console\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
  const steps: Step[] = [];
  let continued = false;
  for (const line of block.split('\n').slice(0, -1)) {
    const step = steps.at(-1);
    if (continued && step) step.command += `\n${line}`;
    else if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: '' });
    else if (step) step.output += `${line}\n`;
    continued = line.endsWith('\\');
  }
  return steps;
}

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-readme-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README reviewer loop', () => {
  it('runs on the demo and prints what the README shows', () => {
    symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
    symlinkSync(join(ROOT, 'bin'), join(dir, 'bin'));
    const steps = sessionSteps(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(steps.map((s) => s.command.split(' ').slice(0, 4).join(' '))).toEqual([
      'node bin/asn-audit scan fixtures/demo/activity.csv',
      'node bin/asn-audit review list',
      'node bin/asn-audit review list',
      'node bin/asn-audit review add',
      'node bin/asn-audit review add',
      'head -5 decisions.yaml',
      'node bin/asn-audit scan fixtures/demo/activity.csv',
      'node bin/asn-audit review list',
      'node bin/asn-audit scan fixtures/demo/activity.csv',
    ]);
    for (const step of steps) {
      // Standard error with standard output, as a terminal shows them; no colour, whatever the environment says.
      const output = execFileSync('bash', ['-c', `( ${step.command} ) 2>&1 || true`], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      expect(output, step.command).toBe(step.output);
    }
  });
});
