// End to end: with --redact, no NIP, name or handle of the roster appears in any output format.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];
const EXTENSIONS = ['json', 'ndjson', 'csv', 'md', 'html', 'xml', 'txt'];

/** Every NIP (both spellings), name and handle of the demo roster, lower-cased. */
function rosterSecrets(): string[] {
  const rows = parse(readFileSync('fixtures/demo/roster.csv'), { columns: true }) as Record<string, string>[];
  const secrets = new Set<string>();
  for (const row of rows) {
    const nip = row.nip!.replace(/\D/g, '');
    secrets.add(nip);
    secrets.add(`${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);
    secrets.add(row.name!.toLowerCase());
    for (const platform of ['facebook', 'instagram', 'x', 'tiktok']) {
      for (const handle of (row[platform] ?? '').split(';')) {
        const h = handle.trim().replace(/^@/, '').replace(/\/$/, '').split('/').pop()!.replace(/^@/, '').toLowerCase();
        if (h) secrets.add(h);
      }
    }
  }
  return [...secrets];
}

describe('--redact', () => {
  it('leaves no roster NIP, name or handle in any format, and keeps pseudonyms stable for one key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-redact-'));
    const outputs = EXTENSIONS.map((ext) => join(dir, `report.${ext}`));
    const run = runCli([
      'scan',
      ...DEMO,
      '--redact',
      '--redact-key',
      'kunci-uji',
      ...outputs.flatMap((o) => ['-o', o]),
    ]);
    expect(run.code).toBe(1);
    const secrets = rosterSecrets();
    expect(secrets.length).toBeGreaterThan(60);
    // The check can fail: without --redact the same outputs are full of these values.
    const plain = runCli(['scan', ...DEMO, '--format', 'csv']).stdout.toLowerCase();
    expect(secrets.filter((s) => plain.includes(s)).length).toBeGreaterThan(30);
    for (const output of outputs) {
      const text = readFileSync(output, 'utf8').toLowerCase();
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${output}`).toBe(false);
    }
    const again = runCli(['scan', ...DEMO, '--redact', '--redact-key', 'kunci-uji', '--format', 'json']);
    expect(again.stdout).toBe(readFileSync(outputs[0]!, 'utf8'));
    const otherKey = runCli(['scan', ...DEMO, '--redact', '--redact-key', 'kunci-lain', '--format', 'json']);
    expect(otherKey.stdout).not.toBe(again.stdout);
  });

  it('refuses to run without a key', () => {
    const run = runCli(['scan', ...DEMO, '--redact']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--redact: needs a key');
  });
});
