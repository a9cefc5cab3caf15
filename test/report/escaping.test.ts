// Hostile text in a report (formula, HTML, Markdown, control characters) stays inert text in every document format.
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { escapeMarkdown, escapeXml } from '../../src/report/markup-escape.js';
import { loadReport } from './fixture.js';

const options = { lang: 'id', color: false } as const;

describe('markdown', () => {
  const out = formatters.markdown(loadReport(), options);

  it('keeps every findings-table row at its column count (pipes in user text are escaped)', () => {
    const rows = out.split('\n').filter((line) => line.startsWith('| ') && /\| (aktif|disupresi)/.test(line));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(13);
  });

  it('renders no raw HTML, no user link and no heading from user text', () => {
    expect(out).not.toMatch(/(?<!\\)<(script|img)/);
    expect(out).not.toContain('[klik](');
    expect(out).toContain('\\[klik\\]\\(https\\://evil.example/\\)');
    expect(out).not.toMatch(/^# judul/m);
    expect(out).not.toContain('javascript:alert(1))');
  });

  it('links only web URLs', () => {
    const links = [...out.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
  });

  it('shows control and invisible characters escaped, and makes no link of an address holding them', () => {
    const report = loadReport();
    const finding = report.persons[0]!.findings[0]!;
    finding.activity.text = 'coblos\u001b]52;c;eA==\u0007 no\u200b 1\u202e';
    finding.activity.url = 'https://www.instagram.com/p/\u001b]0;x\u0007/';
    const md = formatters.markdown(report, options);
    expect(md).toContain(String.raw`coblos\u{1B}\]52;c;eA==\u{7} no\u{200B} 1\u{202E}`);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202e]/);
    expect(md).not.toMatch(/\]\(<https:\/\/www\.instagram\.com\/p\/%1B/);
  });

  it.each([
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['mail a@b.co', 'mail a\\@b.co'],
    ['see www.x.id', 'see www\\.x.id'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('html', () => {
  const out = formatters.html(loadReport(), options);

  it('has the content security policy and no external resource', () => {
    // The script is allowed by its hash only (test/report/html-review.test.ts checks the hash).
    expect(out).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; form-action 'none'">/,
    );
    expect(out).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(out).not.toMatch(/<[^>]*\bsrc=/i);
    expect(out).not.toMatch(/url\(/i);
  });

  it('escapes user text and keeps one script: the review controls', () => {
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows controls and bidi controls of user text escaped, in the page and in the JUnit file', () => {
    const report = loadReport();
    report.persons[0]!.name = 'Budi\u001b]0;pwned\u0007 \u202eSantoso\u009b';
    report.persons[0]!.findings[0]!.activity.text = 'coblos\u2066 no 1\u200f';
    const html = formatters.html(report, options);
    expect(html).toContain(String.raw`Budi\u{1B}]0;pwned\u{7} \u{202E}Santoso\u{9B}`);
    expect(html).toContain(String.raw`coblos\u{2066} no 1\u{200F}`);
    expect(html).not.toMatch(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/,
    );
    const junit = formatters.junit(report, options);
    expect(junit).toContain(String.raw`\u{202E}Santoso\u{9B}`);
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('makes anchors only of web URLs and in-page references', () => {
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs).toContain('https://www.facebook.com/groups/relawanpramdoel/posts/123?comment_id=9&amp;ref=sitirahma');
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#person-\d+$)/);
  });
});

describe('junit', () => {
  it('drops characters XML 1.0 forbids and escapes markup', () => {
    expect(escapeXml('a\u0001b\u0008c\uFFFEd\uD800e <&>')).toBe('abcde &lt;&amp;&gt;');
    const report = loadReport();
    report.persons[0]!.findings[0]!.activity.text = 'bell\u0007 and lone \uDC00 surrogate ]]> end';
    const out = formatters.junit(report, options);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/u);
    expect(out).toContain('bell and lone  surrogate ]]&gt; end');
  });

  it('fails flagged persons and passes a person whose findings are all suppressed', () => {
    const out = formatters.junit(loadReport(), options);
    expect(out).toContain('tests="5" failures="2"');
    const agus = out.slice(out.indexOf('Agus Pratama'), out.indexOf('Dewi Lestari'));
    expect(agus).not.toContain('<failure');
    expect(agus).toContain('<system-out>');
    const budi = out.slice(out.indexOf('Budi Santoso'), out.indexOf('Siti Rahmawati'));
    expect(budi).toContain('<failure message="2 temuan aktif, 1 disupresi" type="high">');
    expect(budi).not.toContain('follow-campaign-account, 0c7e1b92f4a6d358');
  });
});
