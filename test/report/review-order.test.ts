// With a decisions file, the table, Markdown and HTML reports list the persons and acts nobody has decided yet
// first, then those still open (needs_evidence), then the decided ones; report order within each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actGroupsOf } from '../../src/aggregate/acts.js';
import { formatters } from '../../src/report/index.js';
import { flaggedPersons, personsWithFindings } from '../../src/report/report-view.js';
import type { Report, ReportPerson } from '../../src/schemas/report-schema.js';
import { demoReport as demoReportIn } from '../helpers/demo-report.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-review-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoReport = (decisions?: string) => demoReportIn('en', decisions);

function decisionsFile(name: string, entries: { fingerprints: string[]; status: string }[]): string {
  const path = join(dir, name);
  const lines = entries.flatMap(({ fingerprints, status }) =>
    fingerprints.map(
      (fp) => `- { fingerprint: "${fp}", status: ${status}, reviewer: Rina, reason: checked, date: 2024-11-02 }`,
    ),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const nips = (persons: readonly ReportPerson[]) => persons.map((p) => p.nip);
const fingerprintsOf = (person: ReportPerson) => person.findings.map((f) => f.fingerprint);
/** Where each person's name first appears in a rendered report: the order the reader meets them. */
const orderIn = (text: string, persons: readonly ReportPerson[]) =>
  [...persons].sort((a, b) => text.indexOf(a.name) - text.indexOf(b.name)).map((p) => p.nip);

let before: Report;
let first: ReportPerson;
let second: ReportPerson;
let others: string[];
let after: Report;

beforeAll(async () => {
  before = await demoReport();
  [first, second] = personsWithFindings(before) as [ReportPerson, ReportPerson];
  others = nips(personsWithFindings(before)).slice(2);
  // The first person all decided; the second all decided but one finding, which needs evidence.
  const [asked, ...rest] = fingerprintsOf(second);
  after = await demoReport(
    decisionsFile('persons.yaml', [
      { fingerprints: fingerprintsOf(first), status: 'dismissed' },
      { fingerprints: rest, status: 'confirmed' },
      { fingerprints: [asked!], status: 'needs_evidence' },
    ]),
  );
});

describe('persons with new acts first', () => {
  it('puts the new first, then the still open, then the decided; report order within each', () => {
    expect(nips(personsWithFindings(after))).toEqual([...others, second.nip, first.nip]);
    // The decided person is no longer flagged; the one needing evidence still is, after the new ones.
    expect(nips(flaggedPersons(after))).toEqual([...others, second.nip]);
  });

  it.each(['table', 'markdown', 'html'] as const)('%s lists the persons in that order', (format) => {
    const text = formatters[format](after, { lang: 'en', color: false, width: 200 });
    const detail = text.slice(text.indexOf('Persons and acts not yet reviewed (new) are listed first.'));
    expect(detail.length).toBeLessThan(text.length);
    expect(orderIn(detail, personsWithFindings(after))).toEqual([...others, second.nip, first.nip]);
    const plain = formatters[format](before, { lang: 'en', color: false, width: 200 });
    expect(plain).not.toContain('not yet reviewed (new)');
  });
});

describe('acts: new first within a person', () => {
  it('moves a decided act after the undecided ones, keeping their order', async () => {
    const person = before.persons.find((p) => actGroupsOf(p).length >= 3)!;
    const [decided, ...undecided] = actGroupsOf(person);
    const report = await demoReport(
      decisionsFile('acts.yaml', [{ fingerprints: decided!.act.fingerprints, status: 'dismissed' }]),
    );
    const rescanned = report.persons.find((p) => p.nip === person.nip)!;
    const sources = (groups: ReturnType<typeof actGroupsOf>) =>
      groups.map((g) => `${g.act.source.file}:${g.act.source.line}`);
    expect(sources(actGroupsOf(rescanned, true))).toEqual(sources([...undecided, decided!]));
    expect(sources(actGroupsOf(rescanned))).toEqual(sources(actGroupsOf(person)));
  });
});
