// Golden-file tests: every registered formatter renders the shared fixture report byte for byte as stored.
// After a deliberate change of output, regenerate the expected files with
//   UPDATE_GOLDEN=1 npx vitest run test/report/formats.test.ts
// and review the diff before committing; without the switch the test only compares.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/schemas/report-schema.js';
import { FORMAT_EXTENSIONS, FORMATS, formatForPath, formatters, type FormatName } from '../../src/report/index.js';
import { FORMAT_FIXTURES, loadReport } from './fixture.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(fileName: string, actual: string): void {
  const path = join(FORMAT_FIXTURES, fileName);
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `missing golden file ${fileName} (create it with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('fixture report', () => {
  it('is a valid asn-audit/report@1', () => {
    expect(() => reportSchema.parse(loadReport())).not.toThrow();
  });
});

describe.each(FORMATS)('format %s', (format: FormatName) => {
  const render = (lang: 'id' | 'en' = 'id') => formatters[format](loadReport(), { lang, color: false });

  it('matches its golden file', () => {
    expectGolden(`expected.${format}${FORMAT_EXTENSIONS[format]}`, render());
  });

  it('is deterministic and does not change the report', () => {
    const report = loadReport();
    const before = JSON.stringify(report);
    const first = formatters[format](report, { lang: 'id', color: false });
    expect(formatters[format](loadReport(), { lang: 'id', color: false })).toBe(first);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('writes no ANSI escape codes with color off', () => {
    expect(render()).not.toMatch(/\u001b/);
    expect(render('en')).not.toMatch(/\u001b/);
  });

  it('renders a report with no person, finding, window or list without failing', () => {
    const report = loadReport();
    report.persons = [];
    report.rejected = [];
    report.unmatched_accounts = [];
    report.window = { since: null, until: null };
    report.summary = { ...report.summary, roster_gaps: [], stale_suppressions: [] };
    const out = formatters[format](report, { lang: 'en', color: false });
    if (format === 'ndjson') expect(out).toBe('');
    else expect(out.length).toBeGreaterThan(0);
    if (format === 'csv') expect(out.split('\r\n')).toHaveLength(2);
  });

  it('is found again from its own file extension', () => {
    expect(formatForPath(`out/report${FORMAT_EXTENSIONS[format]}`)).toBe(format);
  });
});

describe('table', () => {
  it('matches the English golden file', () => {
    expectGolden('expected.table.en.txt', formatters.table(loadReport(), { lang: 'en', color: false }));
  });

  it('colours severities when color is on', () => {
    expect(formatters.table(loadReport(), { lang: 'id', color: true })).toMatch(/\u001b\[/);
  });

  it.each([120, 100, 80])('keeps the person table within a %i-column terminal', (width) => {
    const out = formatters.table(loadReport(), { lang: 'id', color: false, width });
    const tableLines = out.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tableLines.length).toBeGreaterThan(3);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(width);
    expect(out).toContain('Siti Rahmawati');
  });

  it('says so in one line when there is no finding', () => {
    const report = loadReport();
    report.persons = report.persons.map((person) => ({ ...person, findings: [] }));
    const out = formatters.table(report, { lang: 'en', color: false });
    expect(out).toContain('\nNo findings (leads): no activity matched the neutrality rules.\n');
    expect(out).not.toContain('┌');
  });

  it('lists the first 20 rejected rows and counts the rest', () => {
    const report = loadReport();
    report.rejected = Array.from({ length: 27 }, (_, i) => ({
      file: 'a.csv',
      line: i + 2,
      code: 'field_count' as const,
      reason: `bad row ${i + 2}`,
    }));
    report.summary.rows_rejected = 27;
    const out = formatters.table(report, { lang: 'id', color: false });
    expect(out).toContain('a.csv:21: bad row 21');
    expect(out).not.toContain('a.csv:22: bad row 22');
    expect(out).toContain('… 7 lagi');
  });

  it('shows terminal escape sequences of user text escaped, even with color on', () => {
    const report = loadReport();
    report.persons[0]!.name = 'Budi\u001b[2J\u001b]0;pwned\u0007 \u202eSantoso\u200b';
    const plain = formatters.table(report, { lang: 'id', color: false });
    expect(plain).toContain(String.raw`Budi\u{1B}[2J\u{1B}]0;pwned\u{7} \u{202E}Santoso\u{200B}`);
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\u200b]/);
    // With colour, the only escape sequences are chalk's own colours (ESC [ … m).
    const coloured = formatters.table(report, { lang: 'id', color: true });
    expect(coloured).toContain(String.raw`Budi\u{1B}[2J\u{1B}]0;pwned\u{7}`);
    expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\u200b]/);
  });
});

describe('formatForPath', () => {
  it.each([
    ['report.JSON', 'json'],
    ['dir.v2/findings.jsonl', 'ndjson'],
    ['memo.markdown', 'markdown'],
    ['junit.xml', 'junit'],
    ['out.txt', 'table'],
    ['report.pdf', null],
    ['no-extension', null],
    ['dir.json/file', null],
  ] as const)('%s → %s', (path, expected) => {
    expect(formatForPath(path)).toBe(expected);
  });
});

describe('ndjson', () => {
  it('writes one finding a line with its person and nothing else', () => {
    const lines = formatters.ndjson(loadReport(), { lang: 'id', color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first).slice(0, 5)).toEqual(['nip', 'name', 'agency', 'fingerprint', 'rule']);
    expect(first).toMatchObject({ nip: '198609262015051001', name: 'Budi Santoso', fingerprint: 'a3f9c2e17b4d8e01' });
  });
});

describe('json', () => {
  it('orders keys as the schema lists them, whatever order the report was built in', () => {
    const report = loadReport();
    const shuffled = Object.fromEntries(Object.entries(report).reverse()) as typeof report;
    expect(formatters.json(shuffled, { lang: 'id', color: false })).toBe(
      formatters.json(report, { lang: 'id', color: false }),
    );
    expect(JSON.parse(formatters.json(report, { lang: 'id', color: false }))).toEqual(report);
  });
});

describe('time headings name the election zone', () => {
  // A WITA or WIT time under a "(WIB)" heading reads one or two hours off.
  const inZone = (timezone: string) => {
    const report = loadReport();
    return { ...report, election: { ...report.election, timezone } };
  };
  it.each([
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
  ])('%s: Markdown and JUnit say %s', (timezone, zone) => {
    for (const format of ['markdown', 'junit'] as const) {
      const out = formatters[format](inZone(timezone), { lang: 'id', color: false });
      expect(out, format).toContain(`Waktu (${zone})`);
      expect(out, format).not.toContain('(WIB)');
    }
    expect(formatters.markdown(inZone(timezone), { lang: 'en', color: false })).toContain(`Time (${zone})`);
  });
});
