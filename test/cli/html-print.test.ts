// The HTML report printed on A4 through Debian's chromium: compact enough that a panel can read the demo's findings on
// paper (it took 125 pages for 142 findings before the print styles were made compact).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printPdf } from '../../src/cli/pdf-print.js';
import type { Report } from '../../src/schemas/report-schema.js';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];

describe('the HTML report on paper', () => {
  it.skipIf(!hasChromium)(
    hasChromium
      ? 'prints the demo on A4 pages holding two findings or more each'
      : `prints on A4 (skipped: ${CHROMIUM} not found; apt-get install chromium)`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'asn-audit-html-print-'));
      const html = join(dir, 'report.html');
      const json = join(dir, 'report.json');
      expect(runCli(['scan', ...DEMO, '-o', html, '-o', json]).code).toBe(1);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      const findings = report.persons.reduce((n, p) => n + p.findings.length, 0);
      const pdf = (await printPdf(readFileSync(html, 'utf8'), CHROMIUM, 'report.pdf')).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(findings).toBeGreaterThan(100);
      expect(pages.length).toBeGreaterThan(10);
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(findings / 2));
      for (const box of pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [])
        expect(box).toMatch(/\[0 0 59[45]\.\d+ 841\.\d+\]/);
    },
    120_000,
  );
});
