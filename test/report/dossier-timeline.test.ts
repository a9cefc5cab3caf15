// The dossier's timeline on the demo: the election's phases at full scale (campaign shaded), a long stretch before
// them compressed, years on the axis when the acts span two years, every dated act marked where its day is.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actGroupsOf, type ActGroup } from '../../src/aggregate/acts.js';
import { runScan } from '../../src/audit.js';
import { dossierTimeline, type DossierTimeline } from '../../src/report/dossier-timeline.js';
import { formatDossier } from '../../src/report/format-dossier.js';
import type { Report, ReportPerson } from '../../src/schemas/report-schema.js';
import { uiLabels } from '../../src/shared/labels/index.js';
import { BUNDLED_RULES } from '../../src/shared/version.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LABELS = { d: uiLabels('id').dossier, monthsShort: uiLabels('id').monthsShort };
let report: Report;

beforeAll(async () => {
  ({ report } = await runScan({
    activity: [resolve(ROOT, 'fixtures/demo/activity.csv')],
    roster: resolve(ROOT, 'fixtures/demo/roster.csv'),
    election: resolve(ROOT, 'fixtures/demo/election.yaml'),
    rules: [BUNDLED_RULES],
    lang: 'id',
    strict: false,
    version: 'test',
    stdin: (async function* () {})(),
  }));
});

const personNamed = (name: string): ReportPerson => report.persons.find((p) => p.name === name)!;
const timelineOf = (person: ReportPerson): DossierTimeline =>
  dossierTimeline(actGroupsOf(person), report.election, LABELS)!;
const years = (t: DossierTimeline) => [...new Set(t.ticks.flatMap((tick) => tick.text.match(/\b\d{4}\b/g) ?? []))];
const width = (s: { x1: number; x2: number }) => s.x2 - s.x1;

describe('dossier timeline', () => {
  it('compresses a long stretch before the phases, keeps the phases at full scale, names both years', () => {
    // Bambang Sutrisno's acts run from February 2023 to October 2024; the phases from August to December 2024.
    const t = timelineOf(personNamed('Bambang Sutrisno'));
    expect(t.focus).toEqual({ from: '2024-08-27', to: '2024-12-16' });
    const [before, main] = t.segments;
    expect(t.segments).toHaveLength(2);
    expect(before!.compressed).toBe(true);
    expect(main!.compressed).toBe(false);
    // The stretch before has several times the days of the phases, yet less than a third of their width.
    expect(before!.last - before!.first).toBeGreaterThan(4 * (main!.last - main!.first));
    expect(width(before!)).toBeLessThan(width(main!) / 3);
    expect(years(t)).toEqual(['2023', '2024']);
    const early = t.marks.find((m) => m.day.startsWith('2023'))!;
    expect(early.x).toBeGreaterThanOrEqual(before!.x1);
    expect(early.x).toBeLessThanOrEqual(before!.x2);
    expect(t.svg).toContain('dipadatkan');
  });

  it('marks every dated act in time order, the campaign acts inside the shaded campaign band', () => {
    const person = personNamed('Ahmad Fauzi');
    const groups = actGroupsOf(person);
    const t = timelineOf(person);
    expect(t.marks).toHaveLength(groups.length);
    expect(t.svg.match(/class="act-mark"/g)).toHaveLength(groups.length);
    const byDay = [...t.marks].sort((a, b) => a.day.localeCompare(b.day) || a.act - b.act);
    for (const [a, b] of byDay.slice(1).map((m, i) => [byDay[i]!, m] as const)) expect(b.x).toBeGreaterThanOrEqual(a.x);
    const campaign = t.bands.filter((b) => b.campaign);
    expect(campaign.map((b) => b.id)).toEqual(['kampanye']);
    const inCampaign = t.marks.filter((m) => m.day >= '2024-09-25' && m.day <= '2024-11-23');
    expect(inCampaign.length).toBeGreaterThan(3);
    for (const m of inCampaign) {
      expect(m.x).toBeGreaterThan(campaign[0]!.x1);
      expect(m.x).toBeLessThan(campaign[0]!.x2);
    }
    // Five days before the phases are drawn to scale, not compressed; the year is named once.
    expect(t.segments.map((s) => s.compressed)).toEqual([false]);
    expect(t.ticks[0]!.text).toBe('22 Agu 2024');
    expect(years(t)).toEqual(['2024']);
    expect(t.ticks.filter((tick) => /\d{4}/.test(tick.text))).toHaveLength(1);
  });

  it('compresses a long stretch after the phases, and names the later year', () => {
    const person = personNamed('Nurul Aini');
    const [first, ...rest] = actGroupsOf(person);
    const late: ActGroup = { ...first!, act: { ...first!.act, timestamp: '2025-06-30T03:00:00.000Z' } };
    const t = dossierTimeline([late, ...rest], report.election, LABELS)!;
    expect(t.segments.map((s) => s.compressed)).toEqual([false, true]);
    expect(years(t)).toEqual(['2024', '2025']);
    const lateMark = t.marks.find((m) => m.act === 1)!;
    expect(lateMark.day).toBe('2025-06-30');
    expect(lateMark.x).toBeGreaterThan(t.segments[1]!.x1);
  });

  it('counts undated acts under the chart, and draws no chart when no act has a date', () => {
    const groups = actGroupsOf(personNamed('Nurul Aini'));
    const undated = groups.map((g) => ({ ...g, act: { ...g.act, timestamp: null } }));
    expect(dossierTimeline(undated, report.election, LABELS)).toBeNull();
    const t = dossierTimeline([undated[0]!, ...groups.slice(1)], report.election, LABELS)!;
    expect(t.undated).toBe(1);
    expect(t.marks).toHaveLength(groups.length - 1);
  });

  it('is in the dossier, in Indonesian by default and in English with lang en', () => {
    const person = personNamed('Bambang Sutrisno');
    const options = { source: { file: 'report.json', sha256: 'a'.repeat(64) }, toolVersion: 'test' };
    const id = formatDossier(report, person, { ...options, lang: 'id' });
    const en = formatDossier(report, person, { ...options, lang: 'en' });
    expect(id).toContain('<h2>Linimasa tindakan</h2>');
    expect(id).toContain('masa kampanye diarsir jingga; waktu di luarnya dipadatkan');
    expect(id).toContain('>Feb 2023</text>');
    expect(id).toContain('>Agu 2024</text>');
    expect(en).toContain('<h2>Timeline of acts</h2>');
    expect(en).toContain('the campaign period shaded orange; time outside them compressed');
    expect(en).toContain('>Aug 2024</text>');
    expect(en).not.toContain('dipadatkan');
  });
});
