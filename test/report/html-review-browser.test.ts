// The reviewer's loop through the HTML report in a real browser (Debian's chromium): scan the demo with the built
// CLI, decide in the page, download the decisions, rescan with them, and see the statuses and the exit code change.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecisions } from '../../src/load/decisions.js';
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
const REVIEWER = 'Rina "BKD" #2';

const findingsOf = (report: Report) => report.persons.flatMap((p) => p.findings);
const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'HTML review in headless chromium'
    : `HTML review in headless chromium (skipped: ${CHROMIUM} not found)`,
  () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'asn-audit-triage-'));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
    });

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function download(page: Page, name: string): Promise<string> {
      const target = join(dir, name);
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      expect(file.suggestedFilename()).toBe('decisions.yaml');
      await file.saveAs(target);
      return target;
    }

    /** The timeline's bars, day and stack → y and height, as the page shows them now. */
    const barsOf = (page: Page) =>
      page
        .locator('g.day-bars rect[data-stack]')
        .evaluateAll((rects) =>
          rects.map(
            (r) =>
              `${r.parentElement!.getAttribute('data-day')} ${r.getAttribute('data-stack')} ${r.getAttribute('y')} ${r.getAttribute('height')}`,
          ),
        );

    async function decide(page: Page, fingerprint: string, status: string, reason: string): Promise<void> {
      const item = page.locator(`li.finding[data-fp="${fingerprint}"]`);
      await item.locator('input.triage-reason').fill(reason);
      await item.locator(`button[data-set="${status}"]`).click();
    }

    it('decides in the page, downloads the file scan --decisions reads, and the rescan shows it', async () => {
      const jsonPath = join(dir, 'report.json');
      const htmlPath = join(dir, 'report.html');
      const first = runCli(['scan', ...DEMO, '--fail-on', 'high', '-o', jsonPath, '-o', htmlPath]);
      expect(first.code, first.stderr).toBe(1);
      const findings = findingsOf(readReport(jsonPath));
      const high = findings.filter((f) => f.severity === 'high').map((f) => f.fingerprint);
      expect(high.length).toBeGreaterThan(10);

      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      const url = pathToFileURL(htmlPath).href;
      await page.goto(url, { waitUntil: 'load' });
      const barsAsScanned = await barsOf(page);
      await expect(page.locator('#triage').isVisible()).resolves.toBe(true);
      await expect(page.locator('#triage-counts').innerText()).resolves.toBe(
        `${findings.length} dari ${findings.length} temuan ditampilkan · 0 keputusan di peramban ini`,
      );

      // Nothing is recorded without a reviewer and a reason.
      const [firstHigh, secondHigh, ...restHigh] = high as [string, string, ...string[]];
      const item = page.locator(`li.finding[data-fp="${firstHigh}"]`);
      await item.locator('button[data-set="confirmed"]').click();
      await expect(item.locator('.triage-say').innerText()).resolves.toBe('Isi nama peninjau dulu.');
      await page.fill('#reviewer', REVIEWER);
      await item.locator('button[data-set="confirmed"]').click();
      await expect(item.locator('.triage-say').innerText()).resolves.toBe('Isi alasan keputusan dulu.');
      await expect(item.locator('.triage-badge').isVisible()).resolves.toBe(false);

      // Filter to the high findings and decide each of them: one confirmed, one needs evidence, the rest dismissed.
      await page.selectOption('#f-severity', 'high');
      const shown = await page
        .locator('li.finding:visible')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-fp')));
      expect([...shown].sort()).toEqual([...high].sort());
      await decide(page, firstHigh, 'confirmed', 'Unggahan asli, tangkapan layar diarsipkan');
      await decide(page, secondHigh, 'needs_evidence', 'Minta tautan asli: "akun kedua?"');
      for (const fp of restHigh) await decide(page, fp, 'dismissed', 'Bukan akun yang bersangkutan');
      await expect(item.locator('.triage-badge').innerText()).resolves.toMatch(/^dikonfirmasi · Rina "BKD" #2 · /);

      // Kept in the browser: a reload shows the decisions again; the open filter hides the closed ones.
      await page.reload({ waitUntil: 'load' });
      await expect(page.locator('#reviewer').inputValue()).resolves.toBe(REVIEWER);
      await expect(item.locator('.triage-badge').innerText()).resolves.toContain('dikonfirmasi');
      await expect(page.locator('#triage-counts').innerText()).resolves.toContain(`${high.length} keputusan`);
      await page.selectOption('#f-status', 'open');
      const open = await page.locator('li.finding:visible').count();
      expect(open).toBe(findings.length - high.length + 1);
      await page.selectOption('#f-status', '');

      // The download is the decisions file: valid by its schema, one entry per decision.
      const decisionsPath = await download(page, 'decisions-1.yaml');
      const decisions = (await loadDecisions(decisionsPath)).decisions;
      expect(decisions.size).toBe(high.length);
      expect(decisions.get(firstHigh)).toMatchObject({ status: 'confirmed', reviewer: REVIEWER });
      expect(decisions.get(secondHigh)?.reason).toBe('Minta tautan asli: "akun kedua?"');
      expect([...decisions.keys()]).toEqual([...decisions.keys()].sort());

      // Rescan: statuses shown, and the one still needing evidence keeps the run failing at high.
      const rescanHtml = join(dir, 'rescan.html');
      const second = runCli([
        ...['scan', ...DEMO, '--fail-on', 'high', '--decisions', decisionsPath],
        ...['-o', jsonPath, '-o', rescanHtml],
      ]);
      expect(second.code, second.stderr).toBe(1);
      // The timeline's bars in the page follow its decisions: they are those of the rescan (opened in a browser
      // that holds no decisions), not those of the first scan.
      const rescanPage = await browser.newPage();
      await rescanPage.goto(pathToFileURL(rescanHtml).href, { waitUntil: 'load' });
      const barsInPage = await barsOf(page);
      expect(barsInPage).not.toEqual(barsAsScanned);
      expect(barsInPage).toEqual(await barsOf(rescanPage));
      await rescanPage.close();
      const rescanned = new Map(findingsOf(readReport(jsonPath)).map((f) => [f.fingerprint, f]));
      expect(rescanned.get(firstHigh)?.review).toMatchObject({ status: 'confirmed', reviewer: REVIEWER });
      expect(rescanned.get(secondHigh)?.review?.status).toBe('needs_evidence');
      expect(rescanned.get(restHigh[0]!)?.review?.status).toBe('dismissed');

      // The evidence arrives: the reviewer dismisses it too, downloads again, and the run passes at high.
      await decide(page, secondHigh, 'dismissed', 'Tautan asli menunjukkan akun lain');
      const third = runCli([
        'scan',
        ...DEMO,
        '--fail-on',
        'high',
        '--decisions',
        await download(page, 'decisions-2.yaml'),
        '-o',
        jsonPath,
      ]);
      expect(third.code, third.stderr).toBe(0);
      expect(readReport(jsonPath).summary.by_review).toMatchObject({ confirmed: 1, dismissed: high.length - 1 });

      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await context.close();
    });

    it('shows the decisions of a rescanned report, and undo returns to them', async () => {
      const jsonPath = join(dir, 'plain.json');
      expect(runCli(['scan', ...DEMO, '-o', jsonPath]).code).toBe(1);
      const fp = findingsOf(readReport(jsonPath))[0]!.fingerprint;
      const decisionsPath = join(dir, 'by-cli.yaml');
      const reason = 'Sudah diklarifikasi <langsung>';
      const add = ['review', 'add', '--decisions', decisionsPath, '--status', 'dismissed', '--reason', reason];
      expect(runCli([...add, '--reviewer', 'Rina', '--date', '2024-11-02', fp]).code).toBe(0);
      const decision = (await loadDecisions(decisionsPath)).decisions.get(fp)!;
      const htmlPath = join(dir, 'rescanned.html');
      const run = runCli(['scan', ...DEMO, '--lang', 'en', '--decisions', decisionsPath, '-o', htmlPath]);
      expect(run.code, run.stderr).toBe(1);
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
      const item = page.locator(`li.finding[data-fp="${fp}"]`);
      const status = 'dismissed';
      await expect(item.locator('.triage-badge').innerText()).resolves.toContain(status);
      await expect(item.locator('input.triage-reason').inputValue()).resolves.toBe(decision.reason);
      await page.fill('#reviewer', 'Second reviewer');
      await decide(page, fp, 'needs_evidence', 'reopened');
      await expect(item.locator('.triage-badge').innerText()).resolves.toContain('needs evidence');
      await item.locator('button.triage-clear').click();
      await expect(item.locator('.triage-badge').innerText()).resolves.toContain(status);
      await expect(item.locator('input.triage-reason').inputValue()).resolves.toBe(decision.reason);
      // The download holds the report's decisions even when none was made in this browser.
      const again = (await loadDecisions(await download(page, 'decisions-3.yaml'))).decisions;
      expect(again.get(fp)).toEqual(decision);
      await context.close();
    });
  },
);
