// A misnamed column leaves every row without its value and no error: the report itself names the columns that
// were not read (JSON field, a line in the other formats), not only stderr, so a reader of the report sees it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ELECTION, DEMO_ROSTER, runMain } from './in-process.js';

function fixture(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-unread-')), 'activity.csv');
  writeFileSync(
    file,
    'platform;account;timestamp;type;akun_target;teks_target;catatan\n' +
      'x;hendra_smj;2024-10-03 19:15;like;pramonoanung;Ayo coblos;dicek\n',
  );
  return file;
}

const args = (file: string, format: string) => [
  'scan',
  file,
  '--roster',
  DEMO_ROSTER,
  '--election',
  DEMO_ELECTION,
  '--lang',
  'en',
  '--format',
  format,
];

describe('columns not read, in the report', () => {
  it('JSON: unread_columns names the file, each column and the one it most likely meant', async () => {
    const file = fixture();
    const run = await runMain(args(file, 'json'));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).unread_columns).toEqual([
      {
        file,
        columns: [
          { column: 'akun_target', suggestion: 'target_account' },
          { column: 'teks_target', suggestion: 'target_text' },
          { column: 'catatan', suggestion: null },
        ],
      },
    ]);
    expect(run.stderr).toContain('has columns that are not read: "akun_target" (did you mean "target_account"?)');
  });

  it('table and Markdown: a line per file', async () => {
    const file = fixture();
    const line = `${file}: "akun_target" (did you mean "target_account"?), "teks_target" (did you mean "target_text"?), "catatan"`;
    const table = await runMain(args(file, 'table'));
    expect(table.stdout).toContain(`Columns not read (1)\n  ${line}\n`);
    const markdown = await runMain(args(file, 'markdown'));
    expect(markdown.stdout).toContain('## Columns not read (1)\n');
    expect(markdown.stdout).toContain('did you mean "target\\_account"?');
    const html = await runMain(args(file, 'html'));
    expect(html.stdout).toContain('<h2>Columns not read (1)</h2>');
  });

  it('a file whose columns are all read adds nothing', async () => {
    const run = await runMain(args(join(import.meta.dirname, '../../fixtures/demo/activity.csv'), 'json'));
    expect(JSON.parse(run.stdout).unread_columns).toEqual([]);
  });
});
