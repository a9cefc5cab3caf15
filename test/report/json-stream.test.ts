// The JSON and NDJSON reports are written in pieces; joined, the pieces must be the very bytes the whole-report
// serialisation gives (schema parse, then one JSON.stringify), on the fixture, on the demo and on a large report.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coalesce, writeFileAtomic } from '../../src/cli/write-atomic.js';
import { formatChunks } from '../../src/report/index.js';
import { jsonChunks } from '../../src/report/format-json.js';
import { ndjsonLines } from '../../src/report/format-ndjson.js';
import { findingSchema, reportSchema, type Report } from '../../src/schemas/report-schema.js';
import { loadReport } from './fixture.js';
import { demoReport as demoReportIn } from '../helpers/demo-report.js';

/** What the formatters wrote before they streamed: the whole report parsed, then stringified at once. */
const wholeJson = (report: Report) => `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;
const wholeNdjson = (report: Report) =>
  report.persons
    .flatMap((p) =>
      p.findings.map(
        (f) => `${JSON.stringify({ nip: p.nip, name: p.name, agency: p.agency, ...findingSchema.parse(f) })}\n`,
      ),
    )
    .join('');

const demoReport = () => demoReportIn('id');

/** The demo's persons repeated with new NIPs and awkward text: quotes, line breaks, U+2028, astral characters. */
function largeReport(base: Report, copies: number): Report {
  const awkward = ['"quoted"\n\tline\r\nbreak', 'sep\u2028para\u2029', '😀 \\ backslash', '', 'ä\u0000nul'];
  const persons = Array.from({ length: copies }, (_, copy) =>
    base.persons.map((person, index) => ({
      ...person,
      nip: `${copy}`.padStart(9, '0') + person.nip.slice(9),
      name: `${person.name} ${awkward[(copy + index) % awkward.length]}`,
      findings: person.findings.map((finding, n) => ({
        ...finding,
        message: `${finding.message}${awkward[(copy + n) % awkward.length]}`,
        activity: { ...finding.activity, tags: n % 2 === 0 ? [] : finding.activity.tags },
      })),
    })),
  ).flat();
  return { ...base, persons };
}

describe('streamed JSON report', () => {
  it('is the whole-report serialisation, byte for byte, on the format fixture', () => {
    const report = loadReport();
    expect([...jsonChunks(report)].join('')).toBe(wholeJson(report));
  });

  it('is the whole-report serialisation on the demo scan, in more pieces than persons', async () => {
    const report = await demoReport();
    expect(report.persons.length).toBeGreaterThan(1);
    const chunks = [...jsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(report.persons.length);
    expect(chunks.join('')).toBe(wholeJson(report));
    expect([...ndjsonLines(report)].join('')).toBe(wholeNdjson(report));
  });

  it('is the whole-report serialisation on a large report with awkward text', async () => {
    const report = largeReport(await demoReport(), 20);
    expect(report.persons.length).toBeGreaterThan(300);
    const streamed = [...jsonChunks(report)].join('');
    expect(streamed).toBe(wholeJson(report));
    expect([...ndjsonLines(report)].join('')).toBe(wholeNdjson(report));
  });

  it('writes an empty persons list as [] and fills schema defaults as parsing does', () => {
    const report = loadReport();
    report.persons = [];
    expect([...jsonChunks(report)].join('')).toBe(wholeJson(report));
    expect([...jsonChunks(report)].join('')).toContain('"persons": [],');
  });

  it('refuses what the schema refuses: an unknown key, a finding of the wrong shape', () => {
    const extra = { ...loadReport(), surprise: 1 } as Report;
    expect(() => [...jsonChunks(extra)]).toThrow(/surprise/);
    const bad = loadReport();
    (bad.persons[0]!.findings[0] as { severity: string }).severity = 'extreme';
    expect(() => [...jsonChunks(bad)]).toThrow();
    expect(() => [...ndjsonLines(bad)]).toThrow();
  });

  it('joins, for every other format, into exactly one piece', () => {
    expect([...formatChunks('csv', loadReport(), { lang: 'id', color: false })]).toHaveLength(1);
  });
});

describe('writing pieces', () => {
  it('coalesces small pieces into bounded ones without changing a character', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`);
    const out = [...coalesce(pieces, 100)];
    expect(out.join('')).toBe(pieces.join(''));
    expect(out.length).toBeGreaterThan(20);
    for (const piece of out.slice(0, -1)) expect(piece.length).toBeLessThan(100 + 5);
  });

  it('writes a streamed report atomically, and leaves nothing when producing a piece fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-stream-'));
    const report = loadReport();
    await writeFileAtomic(join(dir, 'r.json'), jsonChunks(report));
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(wholeJson(report));
    const failing = (function* () {
      yield 'x'.repeat(3 << 20);
      throw new Error('formatter broke');
    })();
    await expect(writeFileAtomic(join(dir, 'broken.json'), failing)).rejects.toThrow('formatter broke');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});
