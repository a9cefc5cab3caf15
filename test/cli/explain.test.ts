// `asn-audit explain`: a finding of a JSON report in plain words, found by a fingerprint prefix, with the rule's conditions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden, ROOT, runCli } from '../helpers/cli.js';

const REPORT = 'fixtures/format/report.json';
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A one-rule pack whose id is that of the fixture report's first finding, so its condition tree can be shown.
const rulesFile = join(dir, 'rules.yaml');
writeFileSync(
  rulesFile,
  `rules:
  - id: endorsement-vote-call
    category: endorsement_post
    basis: by_status
    severity: high
    title: { id: Ajakan memilih calon, en: Call to vote for a candidate }
    message: { id: "Mengajak memilih {candidate}.", en: "Calls to vote for {candidate}." }
    legal:
      kode_etik: { skb: KE2, sanction: sanksi_moral, refs: ["SKB 2/2022 Lampiran II KE2"] }
      disiplin: { skb: DS2, sanction: hukuman_disiplin_berat, refs: ["SKB 2/2022 Lampiran II DS2"] }
    when:
      all:
        - types: [post, comment]
        - near: [[coblos, pilih], [$candidate.number, $candidate.aliases]]
          within: 3
    unless:
      - terms: [jangan golput]
    examples:
      match: [{ text: "Ayo coblos no 1", candidate: rido }]
      no_match: [{ text: "Jangan golput ya" }]
`,
);

const explain = (...args: string[]) => {
  const run = runCli(['explain', ...args]);
  return { ...run, stdout: run.stdout.replaceAll(dir, '<tmp>') };
};

function reportWith(change: (report: { persons: { findings: Record<string, unknown>[] }[] }) => void): string {
  const report = JSON.parse(readFileSync(resolve(ROOT, REPORT), 'utf8'));
  change(report);
  const path = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(report));
  return path;
}

describe('explain', () => {
  it('explains a finding in Indonesian by a 6-character prefix, with the rule conditions as YAML', () => {
    const run = explain(REPORT, 'a3f9c2', '--rules', rulesFile);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectGolden(run.stdout, 'fixtures/cli/expected/explain.id.txt');
  });

  it('explains in English with --lang en', () => {
    const run = explain(REPORT, 'A3F9C2E17B4D8E01', '--lang', 'en', '--rules', rulesFile);
    expect(run.code, run.stderr).toBe(0);
    expectGolden(run.stdout, 'fixtures/cli/expected/explain.en.txt');
  });

  it('shows a suppressed finding with its reason, and says when the rule is not in the pack', () => {
    const run = explain(REPORT, '0c7e1b92', '--rules', rulesFile, '--lang', 'en');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Finding 0c7e1b92f4a6d358 [SUPPRESSED]');
    expect(run.stdout).toContain(
      'SUPPRESSED: Mengikuti sejak 2019 sebagai akun komunitas; sudah diklarifikasi (Inspektorat, 2024-10-20)',
    );
    expect(run.stdout).toContain('Rule "follow-campaign-account" is not in the rule pack (1 files read)');
    expect(run.stdout).not.toContain('Rule conditions');
  });

  it('reads a report written before reviews and acts existed (no review, acts, by_agency keys)', () => {
    const path = reportWith((report) => {
      const r = report as unknown as {
        persons: { acts?: unknown; findings: Record<string, unknown>[] }[];
        summary: Record<string, unknown>;
      };
      for (const key of ['acts', 'by_review', 'stale_decisions', 'by_agency', 'by_candidate']) delete r.summary[key];
      for (const person of r.persons) {
        delete person.acts;
        for (const finding of person.findings) delete finding.review;
      }
    });
    const run = explain(path, 'a3f9c2', '--rules', rulesFile);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses a prefix shorter than 6 characters', () => {
    const run = explain(REPORT, 'a3f9c');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"a3f9c" is too short: give at least 6 characters');
  });

  it('names the report and counts its findings when no fingerprint matches', () => {
    const run = explain(REPORT, 'ffffff');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${REPORT}: no finding has a fingerprint starting with "ffffff" (the report has 6 findings)`,
    );
  });

  it('names every finding an ambiguous prefix matches', () => {
    const path = reportWith((report) => {
      report.persons[0]!.findings[1]!.fingerprint = 'a3f9c2ffffffffff';
    });
    const run = explain(path, 'a3f9c2');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '"a3f9c2" is the start of 2 fingerprints: a3f9c2e17b4d8e01 endorsement-vote-call (198609262015051001), a3f9c2ffffffffff',
    );
    expect(explain(path, 'a3f9c2e', '--rules', rulesFile).code).toBe(0);
  });

  it('validates the report with the report schema and names the wrong fields', () => {
    const path = reportWith((report) => {
      delete report.persons[0]!.findings[0]!.rule;
      report.persons[0]!.findings[0]!.severity = 'critical';
    });
    const run = explain(path, 'a3f9c2');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('persons[0].findings[0].rule: required field is missing');
    expect(run.stderr).toContain('persons[0].findings[0].severity: expected one of "low", "medium", "high"');
  });

  it('says so when the file is not JSON, or not there', () => {
    const notJson = join(dir, 'report.txt');
    writeFileSync(notJson, 'NIP,Nama\n');
    expect(explain(notJson, 'a3f9c2').stderr).toContain(
      'not valid JSON (expected a report written by scan --format json)',
    );
    const missing = explain(join(dir, 'missing.json'), 'a3f9c2');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.json: report not found');
  });

  it('explains a finding of a fresh scan with the bundled pack, which is the one the report names', () => {
    const reportPath = join(dir, 'demo.json');
    const scan = runCli([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      'fixtures/demo/roster.csv',
      '--election',
      'fixtures/demo/election.yaml',
      '-o',
      reportPath,
    ]);
    expect(scan.code, scan.stderr).toBe(1);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      persons: { findings: { fingerprint: string; rule: string; activity: { text: string } }[] }[];
    };
    const finding = report.persons.flatMap((p) => p.findings).find((f) => f.activity.text !== '')!;
    const run = explain(reportPath, finding.fingerprint.slice(0, 10), '--lang', 'en');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Rule: ${finding.rule}: `);
    expect(run.stdout).toContain(`    > ${finding.activity.text.split('\n')[0]}`);
    expect(run.stdout).toMatch(/Rule conditions \(asn-audit\/rules\/[a-z-]+\.yaml\):\n {2}when:\n/);
    expect(run.stdout).not.toContain('Note: the rule pack read is not the one');
  });

  it('fails with exit 2 when --rules cannot be read', () => {
    const run = explain(REPORT, 'a3f9c2', '--rules', join(dir, 'no-such-rules'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rule file or folder not found');
  });
});
