// Hostile input: prototype keys stay data, rule files cannot run code, and every output format defuses what the text carries.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ELECTION, DEMO_ROSTER, FAULTS, ROOT, runMain, scanJson } from './in-process.js';

const fault = (name: string) => join(FAULTS, name);
const DEMO_ACTIVITY = join(ROOT, 'fixtures/demo/activity.csv');

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('__proto__, constructor and prototype keys never reach object prototypes', () => {
  afterEach(expectPrototypesClean);

  it('in a JSON activity file they are ignored columns, and a row cannot borrow fields through them', async () => {
    const { run, report } = await scanJson([fault('proto-keys.json')]);
    // Named as the columns they are, not read as fields.
    expect(run.stderr).toBe(
      `asn-audit: note: ${fault('proto-keys.json')} has columns that are not read: "__proto__", "constructor", "prototype" (the columns read are id, platform, account, nip, timestamp, type, text, target_account, target_text, url, event, location, tags)\n`,
    );
    // p1 is read with its own fields (the "type: banner" under __proto__ is not its type); p2 has no fields of its own.
    expect(report!.summary).toMatchObject({ rows_read: 2, rows_evaluated: 1, rows_rejected: 1 });
    expect(report!.rejected).toEqual([
      { file: fault('proto-keys.json'), line: 4, code: 'missing_platform', reason: 'missing platform' },
    ]);
    expect(report!.persons.flatMap((p) => p.findings.map((f) => [f.activity.id, f.category]))).toEqual([
      ['p1', 'endorsement_post'],
    ]);
  });

  it('in a JSON roster', async () => {
    const { run, report } = await scanJson(
      [DEMO_ACTIVITY],
      ['--roster', fault('roster-proto.json'), '--election', DEMO_ELECTION],
    );
    expect(run.code).not.toBe(2);
    expect(report!.persons.map((p) => p.nip)).toEqual(['197803142003121005']);
  });

  it('in a YAML election file: an unknown key, reported by name', async () => {
    const file = fault('election-proto.yaml');
    const { run } = await scanJson([DEMO_ACTIVITY], ['--roster', DEMO_ROSTER, '--election', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2 (top level): unknown key "__proto__"`);
    expect(run.stderr).toContain(`${file}:4 candidates[0]: unknown key "constructor"`);
  });
});

describe('rules cannot run code', () => {
  it('a !!js/function tag is an error at its line, not a function', async () => {
    const file = fault('rule-code.yaml');
    const { run } = await scanJson([fault('injection.csv')], ['--rules', file]);
    expect(run.code).toBe(2); // not 42: nothing called process.exit(42)
    expect(run.stderr).toMatch(
      new RegExp(`^asn-audit: ${file}:10: not valid YAML/JSON: Unresolved tag: tag:yaml.org,2002:js/function`),
    );
  });

  it('template keys naming Object members are not filled from the prototype', async () => {
    const { run, report } = await scanJson([fault('injection.csv')], ['--rules', fault('rule-template-keys.yaml')]);
    expect(run.code).toBe(1);
    const messages = report!.persons.flatMap((p) =>
      p.findings.map((f) => (f as unknown as { message: string; title: string }).message),
    );
    expect(messages).toHaveLength(4);
    for (const message of messages) {
      expect(message).not.toContain('[native code]');
      expect(message).not.toContain('[object Object]');
    }
  });
});

describe('outputs neutralise formulas and markup from activity text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-injection-'));
  const outputs = { csv: join(dir, 'r.csv'), md: join(dir, 'r.md'), html: join(dir, 'r.html') };

  it('writes all three formats', async () => {
    const run = await runMain([
      'scan',
      fault('injection.csv'),
      '--roster',
      DEMO_ROSTER,
      '--election',
      DEMO_ELECTION,
      '-o',
      outputs.csv,
      '-o',
      outputs.md,
      '-o',
      outputs.html,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('CSV: no cell starts with = + - @ (a quote in front makes it text)', () => {
    const csv = readFileSync(outputs.csv, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/""`);
    expect(csv).toContain(`'+cmd|' /C calc'!A0`);
    // Any cell, quoted or not, at the start of a line or after a separator.
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
  });

  it('Markdown: no live links, images, tags or table breaks from the text', () => {
    const md = readFileSync(outputs.md, 'utf8');
    expect(md).toContain('coblos nomor 3 Pramono');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](javascript:');
    expect(md).not.toContain('![x](');
    expect(md).not.toContain('<!--');
    const lines = md.split('\n');
    // The act's heading names the row too; the table row is the one that starts with a pipe.
    const row = lines.findIndex((line) => line.startsWith('|') && line.includes('injection.csv:4'));
    expect(row).toBeGreaterThan(1);
    // The text's own pipes are escaped, so the row has as many cells as the header of its table.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const separator = lines.slice(0, row).findLastIndex((line) => /^\|( ?-+ ?\|)+$/.test(line));
    expect(separator).toBeGreaterThan(0);
    expect(cells(lines[row]!)).toBe(cells(lines[separator - 1]!));
  });

  it('HTML: everything from the text is escaped', () => {
    const html = readFileSync(outputs.html, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
