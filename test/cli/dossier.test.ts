// asn-audit dossier through the built CLI: the demo's most-flagged person to HTML and, with Debian's chromium, to
// an A4 PDF whose pages are counted (about one page per three acts at most).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/schemas/report-schema.js';
import { runCli } from '../helpers/cli.js';

const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];
const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-dossier-'));
const reportPath = join(dir, 'report.json');
let person: Report['persons'][number];
let acts = 0;

beforeAll(() => {
  expect(runCli(['scan', ...DEMO, '-o', reportPath]).code).toBe(1);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  person = [...report.persons].sort(
    (a, b) => b.acts.length - a.acts.length || b.findings.length - a.findings.length,
  )[0]!;
  acts = person.acts.length;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asn-audit dossier', () => {
  it('writes the person’s acts, legal basis, sources and chain of custody as HTML, Indonesian by default', () => {
    const out = join(dir, 'dossier.html');
    const run = runCli(['dossier', reportPath, '--nip', person.nip, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(acts).toBeGreaterThan(5);
    expect(html.match(/<section class="act /g)).toHaveLength(acts);
    expect(html).toContain('Rantai penguasaan bukti');
    const sha = createHash('sha256').update(readFileSync(reportPath)).digest('hex');
    expect(html).toContain(sha);
    for (const f of person.findings) expect(html).toContain(f.fingerprint);
    expect(html).toContain('belum ditinjau');
    expect(html).not.toContain('<script');
    const en = runCli(['dossier', reportPath, '--nip', person.nip, '--lang', 'en', '-o', '-']);
    expect(en.stdout).toContain('Chain of custody');
    expect(en.stdout).toContain('quoted from the report, in Indonesian');
    expect(en.stderr).toContain('was scanned with --lang id');
  });

  it('is in the report’s language unless --lang says otherwise', () => {
    const enReport = join(dir, 'report-en.json');
    expect(runCli(['scan', ...DEMO, '--lang', 'en', '-o', enReport]).code).toBe(1);
    const en = runCli(['dossier', enReport, '--nip', person.nip, '-o', '-']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('<html lang="en">');
    expect(en.stdout).toContain('<h2>Timeline of acts</h2>');
    expect(en.stdout).not.toContain('quoted from the report');
    expect(en.stderr).not.toContain('note:');
    const id = runCli(['dossier', enReport, '--nip', person.nip, '--lang', 'id', '-o', '-']);
    expect(id.stdout).toContain('<html lang="id">');
    expect(id.stdout).toContain('<h2>Linimasa tindakan</h2>');
    expect(id.stdout).toContain('dikutip dari laporan, dalam bahasa Inggris');
  });

  it('names a missing NIP or a wrong extension, exit 2', () => {
    const missing = runCli(['dossier', reportPath, '--nip', '199901012020011001', '-o', join(dir, 'x.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no person with NIP 199901012020011001');
    const ext = runCli(['dossier', reportPath, '--nip', person.nip, '-o', join(dir, 'x.doc')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('expected a file ending in .html or .pdf');
  });

  it('says clearly when no Chromium is there for a PDF', () => {
    const run = runCli(['dossier', reportPath, '--nip', person.nip, '-o', join(dir, 'x.pdf')], {
      env: { PATH: '/nonexistent' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no Chromium found');
    expect(run.stderr).toContain('apt-get install chromium');
  });

  it.skipIf(!existsSync(CHROMIUM))('prints an A4 PDF of at most one page per three acts', () => {
    const out = join(dir, 'dossier.pdf');
    const run = runCli(['dossier', reportPath, '--nip', person.nip, '-o', out], {
      env: { ASN_AUDIT_CHROMIUM: CHROMIUM },
    });
    expect(run.code, run.stderr).toBe(0);
    const pdf = readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(Math.ceil(acts / 3));
    for (const box of pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []) expect(box).toMatch(/\[0 0 59[45]\.\d+ 841\.\d+\]/);
  });
});
