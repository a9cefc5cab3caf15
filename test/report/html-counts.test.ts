// The HTML report's numbers follow the decisions made in the browser: the page's own script, run on the demo report
// in a DOM (happy-dom), recounts cards, tables, bars, badges and person headers after clicks; the numbers it shows
// then equal what the report of a rescan with the same decisions prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { localDay } from '../../src/shared/local-time.js';
import type { Report } from '../../src/schemas/report-schema.js';
import { demoReport as demoReportIn } from '../helpers/demo-report.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-html-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoReport = (decisions?: string) => demoReportIn('en', decisions);

type Page = Window['document'];

/** The report's HTML in a DOM, without running its script. */
function load(html: string): { window: Window; document: Page; script: string } {
  const window = new Window({ url: 'file:///report.html' });
  window.document.write(html);
  const script = html.match(/<script>([\s\S]*)<\/script>/)?.[1];
  expect(script).toBeDefined();
  return { window, document: window.document, script: script! };
}

/** Runs the page's own inline script against the DOM, as a browser would on load. */
function runScript(page: { window: Window; document: Page; script: string }): void {
  new Function('window', 'document', page.script)(page.window, page.document);
}

/**
 * Every counted element as what it counts (a person by name: the rescan orders persons differently) and what it
 * shows: text, hidden, width, badge class. Several elements can count the same thing (a person's open findings are
 * in the table and in the person's header), so values are listed per key.
 */
function countsOf(document: Page): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const el of document.querySelectorAll('[data-count]')) {
    const person = el.getAttribute('data-of-person');
    const name = person === null ? '' : (document.getElementById(person)?.querySelector('h3')?.textContent ?? '?');
    const key = [...el.attributes]
      .filter((a) => a.name.startsWith('data-') && a.name !== 'data-of-person')
      .map((a) => `${a.name}=${a.value}`)
      .concat(name === '' ? [] : [`person=${name}`])
      .join(' ');
    const shown = [
      el.hasAttribute('hidden') ? 'hidden' : 'shown',
      el.getAttribute('data-bar-max') === null ? '' : `width:${(el as unknown as HTMLElement).style.width}`,
      el.getAttribute('data-count') === 'highest' ? `class:${el.className}` : '',
      el.getAttribute('data-show') === null && el.getAttribute('data-bar-max') === null ? el.textContent : '',
    ].join('|');
    (out[key] ??= []).push(shown);
  }
  for (const values of Object.values(out)) values.sort();
  return out;
}

/** The timeline's bars as day and stack → height, and the tooltip, which names the count. */
function barsOf(document: Page): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rect of document.querySelectorAll('g.day-bars rect[data-stack]')) {
    const day = rect.parentElement!.getAttribute('data-day');
    out[`${day} ${rect.getAttribute('data-stack')}`] =
      `y=${rect.getAttribute('y')} height=${rect.getAttribute('height')} ${rect.querySelector('title')!.textContent}`;
  }
  return out;
}

function decide(document: Page, fingerprint: string, status: string, reason: string): void {
  const li = document.querySelector(`li.finding[data-fp="${fingerprint}"]`)!;
  (li.querySelector('input.triage-reason') as unknown as HTMLInputElement).value = reason;
  (li.querySelector(`button[data-set="${status}"]`) as unknown as HTMLButtonElement).click();
}

let report: Report;
let html: string;

beforeAll(async () => {
  report = await demoReport();
  html = formatters.html(report, { lang: 'en', color: false });
});

describe('HTML report counts', () => {
  it('the script recounts every number to what the page was written with', () => {
    const page = load(html);
    const written = countsOf(page.document);
    expect(Object.keys(written).length).toBeGreaterThan(50);
    const bars = barsOf(page.document);
    expect(Object.keys(bars).length).toBeGreaterThan(100);
    runScript(page);
    expect(page.document.getElementById('triage')!.hasAttribute('hidden')).toBe(false);
    expect(countsOf(page.document)).toEqual(written);
    expect(barsOf(page.document)).toEqual(bars);
  });

  it('follow decisions made in the browser, as a rescan with those decisions counts them', async () => {
    // Two of the persons with fewest findings (each click recounts the whole page, which a DOM in Node does slowly).
    const [second, first] = report.persons.filter((p) => p.findings.length > 1).slice(-2);
    // All of the first person's findings dismissed; the second person's most severe one confirmed, one other
    // marked needs_evidence (still open).
    const decisions = [
      ...first!.findings.map((f) => ({ fingerprint: f.fingerprint, status: 'dismissed' })),
      { fingerprint: second!.findings[0]!.fingerprint, status: 'confirmed' },
      { fingerprint: second!.findings[1]!.fingerprint, status: 'needs_evidence' },
    ];
    const page = load(html);
    runScript(page);
    const before = countsOf(page.document);
    const barsBefore = barsOf(page.document);
    (page.document.getElementById('reviewer') as unknown as HTMLInputElement).value = 'Rina (BKD)';
    for (const d of decisions) decide(page.document, d.fingerprint, d.status, 'checked');
    const inBrowser = countsOf(page.document);
    const barsInBrowser = barsOf(page.document);
    expect(inBrowser).not.toEqual(before);

    const file = join(dir, 'decisions.yaml');
    writeFileSync(
      file,
      decisions
        .map(
          (d) => `- { fingerprint: "${d.fingerprint}", status: ${d.status}, reviewer: R, reason: x, date: 2024-11-02 }`,
        )
        .join('\n'),
    );
    const rescan = formatters.html(await demoReport(file), { lang: 'en', color: false });
    expect(inBrowser).toEqual(countsOf(load(rescan).document));
    expect(barsInBrowser).toEqual(barsOf(load(rescan).document));

    // The first person's acts, all dismissed, moved to the closed stack of their days; only the two persons' days
    // changed.
    const decidedDays = new Set(
      [first!, second!].flatMap((p) => p.findings.map((f) => localDay(f.activity.timestamp, report.election.timezone))),
    );
    const changed = Object.keys(barsBefore).filter((key) => barsBefore[key] !== barsInBrowser[key]);
    expect(changed.filter((key) => key.endsWith(' closed')).length).toBeGreaterThan(0);
    for (const key of changed) expect(decidedDays.has(key.split(' ')[0]!), key).toBe(true);
    const closedHeight = (bars: Record<string, string>) =>
      Object.entries(bars)
        .filter(([key]) => key.endsWith(' closed'))
        .reduce((sum, [, v]) => sum + Number(/height=([\d.]+)/.exec(v)![1]), 0);
    expect(closedHeight(barsInBrowser)).toBeGreaterThan(closedHeight(barsBefore));

    // The first person is no longer flagged: the row is hidden, the flagged-persons card one lower.
    const flaggedCard = (counts: Record<string, string[]>) => counts['data-count=persons data-state=open']![0];
    expect(flaggedCard(before)).toBe(`shown|||${report.summary.persons_flagged}`);
    expect(flaggedCard(inBrowser)).toBe(`shown|||${report.summary.persons_flagged - 1}`);
    expect(inBrowser[`data-count=persons data-state=open data-show=nonzero person=${first!.name}`]).toEqual([
      'hidden|||',
    ]);
  });

  it('clearing the decisions made in the browser brings the written numbers back', () => {
    const page = load(html);
    const written = countsOf(page.document);
    runScript(page);
    (page.document.getElementById('reviewer') as unknown as HTMLInputElement).value = 'Rina (BKD)';
    const fingerprint = report.persons.find((p) => p.findings.length > 0)!.findings[0]!.fingerprint;
    decide(page.document, fingerprint, 'dismissed', 'not about the election');
    expect(countsOf(page.document)).not.toEqual(written);
    const li = page.document.querySelector(`li.finding[data-fp="${fingerprint}"]`)!;
    (li.querySelector('button.triage-clear') as unknown as HTMLButtonElement).click();
    expect(countsOf(page.document)).toEqual(written);
    expect(barsOf(page.document)).toEqual(barsOf(load(html).document));
  });
});
