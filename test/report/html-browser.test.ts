// The HTML report in a real browser (Debian's chromium, never a downloaded one): visible content, no network.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { loadReport } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOT_DIR = join(process.cwd(), 'test-output');

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'HTML report in headless chromium'
    : `HTML report in headless chromium (skipped: ${CHROMIUM} not found)`,
  () => {
    let browser: Browser;
    let fileUrl: string;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'asn-audit-html-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, formatters.html(loadReport(), { lang: 'id', color: false }));
      fileUrl = pathToFileURL(file).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('shows the summary, a person’s findings and the timeline chart, without any network request or script error', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (request) => {
        if (request.url() !== fileUrl) requests.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(fileUrl, { waitUntil: 'load' });

      await expect(page.locator('#summary').isVisible()).resolves.toBe(true);
      await expect(page.locator('#summary').innerText()).resolves.toContain('Ringkasan');
      const budi = page.locator('article.person', { hasText: 'Budi Santoso' });
      await expect(budi.isVisible()).resolves.toBe(true);
      await expect(budi.innerText()).resolves.toContain('Ajakan memilih calon dalam unggahan sendiri');
      await expect(budi.innerText()).resolves.toContain('SKB DS2');
      const chart = page.locator('#timeline svg');
      await expect(chart.isVisible()).resolves.toBe(true);
      expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(100);
      await expect(page.locator('#timeline svg rect').count()).resolves.toBeGreaterThan(3);
      // One labelled band per election phase, drawn the height of the plot, and the candidates' dates grouped.
      const phases = page.locator('#timeline svg g.phase');
      await expect(phases.count()).resolves.toBe(4);
      await expect(phases.locator('text').allTextContents()).resolves.toEqual([
        'Pendaftaran pasangan calon',
        'Masa kampanye',
        'Masa tenang',
        'Pemungutan suara',
      ]);
      for (const band of await phases.locator('rect.phase-band').all()) {
        const box = await band.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(3);
        expect(box?.height ?? 0).toBeGreaterThan(100);
      }
      await expect(page.locator('#timeline svg g.candidate-date text').allTextContents()).resolves.toEqual([
        'bakal calon 01, 03',
        'penetapan',
      ]);
      const labelBoxes = await page
        .locator('#timeline svg g.phase text, #timeline svg g.candidate-date text')
        .evaluateAll((nodes) =>
          nodes.map((node) => {
            const r = node.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        );
      for (const [i, a] of labelBoxes.entries()) {
        for (const b of labelBoxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `labels overlap: ${JSON.stringify([a, b])}`).toBe(true);
        }
      }

      // The hostile texts of the fixture are shown as text and never run or become links.
      await expect(page.locator('article.person', { hasText: 'Siti Rahmawati' }).innerText()).resolves.toContain(
        "<script>alert('x')</script>",
      );
      await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
      await expect(page.locator('a[href="https://evil.example/"]').count()).resolves.toBe(0);
      await expect(page.locator('img').count()).resolves.toBe(0);

      // The filter box works when scripts run.
      await page.fill('#filter', 'rahmawati');
      await expect(budi.isVisible()).resolves.toBe(false);
      await page.fill('#filter', '');
      await expect(budi.isVisible()).resolves.toBe(true);

      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-print.png'), fullPage: true });

      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it('is complete without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(fileUrl, { waitUntil: 'load' });
      await expect(page.locator('article.person').count()).resolves.toBe(3);
      await expect(page.locator('article.person', { hasText: 'Agus Pratama' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('.filter').isVisible()).resolves.toBe(false);
      await context.close();
    });

    it('parses the JUnit XML as well-formed XML, hostile characters included', async () => {
      const report = loadReport();
      report.persons[0]!.findings[0]!.activity.text = 'bell\u0007, lone \uDC00, ]]> and <![CDATA[';
      const xml = formatters.junit(report, { lang: 'id', color: false });
      const page = await browser.newPage();
      const result = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          cases: doc.querySelectorAll('testcase').length,
          failures: doc.querySelectorAll('failure').length,
        };
      }, xml);
      expect(result).toEqual({ error: null, cases: 5, failures: 2 });
      await page.close();
    });
  },
);
