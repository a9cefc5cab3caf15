// The HTML report's review markup, without a browser: the CSP allows exactly the one inline script, which holds
// no report data, and every finding carries what the controls and filters read.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { loadReport } from './fixture.js';

const render = (report = loadReport(), lang: 'id' | 'en' = 'id') => formatters.html(report, { lang, color: false });

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

function cspOf(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
}

describe('HTML review controls', () => {
  it('allows the one inline script by its sha256 and nothing else', () => {
    const html = render();
    const scripts = scriptsOf(html);
    expect(scripts).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64');
    const csp = cspOf(html);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
  });

  it('keeps the script free of report data: the same text for another report and language', () => {
    const other = loadReport();
    other.persons = other.persons.slice(1);
    other.election.name = 'Pemilu Lain';
    expect(scriptsOf(render(other, 'en'))).toEqual(scriptsOf(render()));
  });

  it('gives every finding its fingerprint, filter values and hidden controls', () => {
    const report = loadReport();
    const html = render(report);
    const findings = report.persons.flatMap((p) => p.findings);
    const items = [...html.matchAll(/<li class="finding[^"]*" data-fp="([0-9a-f]+)" data-category="([a-z_]+)"/g)];
    expect(items.map((m) => m[1]).sort()).toEqual(findings.map((f) => f.fingerprint).sort());
    expect(html.match(/<div class="triage" hidden>/g)).toHaveLength(findings.length);
    expect(html).toContain('<div id="triage" class="filter triage-bar" hidden');
    // Candidates in ballot order in the filter.
    const candidateOptions = /<select id="f-candidate"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? '';
    expect([...candidateOptions.matchAll(/value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '',
      'rido',
      'dharma-kun',
      'pramono-rano',
    ]);
  });

  it('keys the browser state to the data the report was made from', () => {
    const keyOf = (html: string) => /data-report-key="([0-9a-f]+)"/.exec(html)?.[1];
    const report = loadReport();
    const changed = loadReport();
    changed.inputs[0]!.sha256 = '0'.repeat(64);
    expect(keyOf(render(report))).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(render(changed))).not.toBe(keyOf(render(report)));
    expect(keyOf(render(loadReport(), 'en'))).toBe(keyOf(render(report)));
  });

  it('carries a decision already in the report into the page, so the download keeps it', () => {
    const report = loadReport();
    const finding = report.persons[0]!.findings[0]!;
    finding.review = { status: 'dismissed', reviewer: 'Rina "BKD"', reason: 'akun <palsu>', date: '2024-11-02' };
    const html = render(report);
    expect(html).toContain(
      `data-fp="${finding.fingerprint}" data-category="${finding.category}" data-severity="${finding.severity}"`,
    );
    expect(html).toContain(
      'data-review-status="dismissed" data-review-reviewer="Rina &quot;BKD&quot;" data-review-reason="akun &lt;palsu&gt;" data-review-date="2024-11-02"',
    );
  });
});
