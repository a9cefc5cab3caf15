// Runs the built CLI (bin/asn-audit) as a user would, and compares outputs with golden files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'bin/asn-audit');

/** `--roster` and `--election` of the bundled demo, for scans of inputs a test writes itself. */
export const DEMO_CONTEXT = ['--roster', 'fixtures/demo/roster.csv', '--election', 'fixtures/demo/election.yaml'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {},
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Replaces what changes between machines and releases (the tool version) by a placeholder. */
export function sanitize(text: string): string {
  return text.replace(/"version": "[^"]+"/g, '"version": "<version>"');
}

/**
 * The rule pack's sha256 in a JSON report (`"rules": { "files": […], "sha256": "…" }`) as a placeholder: any edit
 * to a rule file, even a comment, changes it, and the rule examples (test/rules/examples.test.ts) are what checks
 * the rules. Other sha256 (inputs, election, roster) stay: they are of fixtures the test itself names.
 */
export function maskRulesSha256(text: string): string {
  return text.replace(/("rules": \{[^{}]*?"sha256": ")[0-9a-f]{64}"/g, '$1<rules sha256>"');
}

/** Compares with the golden file (both with the rules' sha256 masked); `UPDATE_GOLDEN=1 npm test` rewrites it instead. */
export function expectGolden(actual: string, goldenPath: string): void {
  const path = resolve(ROOT, goldenPath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, maskRulesSha256(actual));
    return;
  }
  expect(existsSync(path), `missing golden file ${goldenPath} (create it with UPDATE_GOLDEN=1)`).toBe(true);
  expect(maskRulesSha256(actual)).toBe(maskRulesSha256(readFileSync(path, 'utf8')));
}
