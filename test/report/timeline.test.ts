// The HTML timeline's layout: the axis covers phases, window and findings; phase and date labels never collide; candidate labels.
import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../src/report/chart-layout.js';
import { timelineChart } from '../../src/report/html-timeline.js';
import { candidateLabelFor } from '../../src/report/report-view.js';
import { uiLabels } from '../../src/shared/labels/index.js';
import { loadReport } from './fixture.js';

const labels = uiLabels('id');

function chart(report = loadReport()): string {
  const result = timelineChart(report, labels);
  if (result === null) throw new Error('no chart');
  return result.svg;
}

describe('timeline chart', () => {
  it('draws one band per phase, in date order, with the phase name escaped', () => {
    const report = loadReport();
    report.election.phases.push({ id: 'rekap', name: 'Rekap <b>&</b> "hasil"', from: '2024-11-28', to: '2024-11-30' });
    const svg = chart(report);
    expect([...svg.matchAll(/<g class="phase" data-phase="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'pendaftaran',
      'kampanye',
      'masa_tenang',
      'pemungutan',
      'rekap',
    ]);
    expect(svg).toContain('>Rekap &lt;b&gt;&amp;&lt;/b&gt; &quot;hasil&quot;</text>');
    expect(svg).not.toContain('<b>');
  });

  const ticks = (svg: string) => [...svg.matchAll(/<text class="tick"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]!);
  const bandWidth = (svg: string, phase: string) =>
    Number(
      new RegExp(
        `data-phase="${phase}"><title>[^<]*</title><rect class="phase-band" x="[^"]+" y="[^"]+" width="([^"]+)"`,
      ).exec(svg)![1],
    );

  it('names the year on the first axis label and wherever it changes, and only there', () => {
    const report = loadReport();
    report.window = { since: null, until: null };
    report.election.phases.push({ id: 'rekap', name: 'Rekapitulasi', from: '2024-12-20', to: '2025-01-20' });
    const labels = ticks(chart(report));
    expect(labels.filter((d) => /\d{4}$/.test(d))).toHaveLength(2);
    expect(labels[0]).toMatch(/ 2024$/);
    const turn = labels.findIndex((d) => d.endsWith(' 2025'));
    expect(labels[turn]).toBe('Jan 2025');
    expect(labels.slice(turn + 1).every((d) => /^[A-Z][a-z]+$/.test(d))).toBe(true);
  });

  it('starts the axis at the first phase when it lies before the window and the findings', () => {
    const report = loadReport();
    report.window = { since: null, until: null };
    report.election.phases[0] = { id: 'pendaftaran', name: 'Pendaftaran', from: '2024-07-01', to: '2024-07-03' };
    expect(ticks(chart(report))[0]).toBe('Jul 2024');
  });

  it('keeps the phases at full scale and compresses a long stretch of findings before them', () => {
    const report = loadReport();
    report.window = { since: null, until: null };
    const plain = chart(report);
    expect(plain).not.toContain('class="compressed"');
    // One finding a year and a half before the phases: drawn to scale, it would squeeze the campaign to a fifth.
    report.persons[0]!.findings[0]!.activity.timestamp = '2023-02-10T03:00:00.000Z';
    const svg = chart(report);
    expect(svg.match(/<rect class="compressed"/g)).toHaveLength(1);
    expect(svg).toContain('>dipadatkan</text>');
    expect(svg).toContain('class="axis-break"');
    expect(ticks(svg).slice(0, 2)).toEqual(['Feb 2023', 'Agu 2024']);
    const plot = 960 - 44 - 16;
    expect(bandWidth(svg, 'kampanye')).toBeGreaterThan(0.4 * plot);
    expect(bandWidth(svg, 'kampanye')).toBeGreaterThan(0.75 * bandWidth(plain, 'kampanye'));
    // The old finding's bar is there, inside the compressed stretch.
    const compressed = /<rect class="compressed" x="([^"]+)" y="[^"]+" width="([^"]+)"/.exec(svg)!;
    const [x1, w] = [Number(compressed[1]), Number(compressed[2])];
    const bar = /<rect data-stack="high" x="([^"]+)"[^>]*><title>2023-02-10: 1 /.exec(svg)!;
    expect(Number(bar[1])).toBeGreaterThanOrEqual(x1);
    expect(Number(bar[1])).toBeLessThanOrEqual(x1 + w);
  });

  it('compresses a long stretch after the phases, and names the later year', () => {
    const report = loadReport();
    report.window = { since: null, until: null };
    report.persons[0]!.findings[0]!.activity.timestamp = '2025-09-10T03:00:00.000Z';
    const svg = chart(report);
    expect(svg.match(/<rect class="compressed"/g)).toHaveLength(1);
    expect(ticks(svg).at(-1)).toBe('Sep 2025');
  });

  it('groups candidates that share a date into one labelled line and names only the pairs when not all share it', () => {
    const svg = chart();
    expect(svg.match(/<g class="candidate-date">/g)).toHaveLength(2);
    expect(svg).toContain('>penetapan</text>');
    expect(svg).toContain('>bakal calon 01, 03</text>');
    // The dharma-kun pair became a prospective candidate before the chart starts: no line for it.
    expect(svg).not.toContain('bakal calon 02');
  });

  it('draws the chart from the phases alone when nothing else is dated', () => {
    const report = loadReport();
    report.persons = [];
    report.window = { since: null, until: null };
    expect(chart(report)).toContain('data-phase="kampanye"');
    report.election.phases = [];
    report.election.candidates = [];
    expect(timelineChart(report, labels)).toBeNull();
  });
});

describe('assignLanes', () => {
  it('keeps texts apart and lets a column pass only under lanes where nothing covers it', () => {
    const items = [
      { column: { start: 0, end: 500 }, text: { start: 4, end: 120 } },
      { column: { start: 500, end: 520 }, text: { start: 380, end: 496 } },
      { column: { start: 520, end: 530 }, text: { start: 400, end: 516 } },
    ];
    expect(assignLanes(items, 4)).toEqual([
      { lane: 0, connected: true },
      { lane: 1, connected: true },
      { lane: 2, connected: true },
    ]);
  });

  it('places a text beside its column on a lane of its own rather than over a later column', () => {
    const items = [
      { column: { start: 0, end: 20 }, text: { start: 24, end: 200 } },
      { column: { start: 100, end: 110 }, text: { start: 114, end: 150 } },
    ];
    const [first, second] = assignLanes(items, 4);
    expect(second).toEqual({ lane: 0, connected: true });
    expect(first).toEqual({ lane: 1, connected: true });
  });
});

describe('candidateLabelFor', () => {
  const { candidates } = loadReport().election;

  it('shows the ballot number in two digits and the names joined by an en dash', () => {
    expect(candidateLabelFor('rido', candidates)).toBe('01 Ridwan Kamil–Suswono');
    expect(candidateLabelFor('pramono-rano', candidates)).toBe('03 Pramono Anung–Rano Karno');
  });

  it('falls back to the id for a candidate the election does not list, and leaves out a missing number', () => {
    expect(candidateLabelFor('unknown-pair', candidates)).toBe('unknown-pair');
    expect(
      candidateLabelFor('x', [
        { id: 'x', number: null, names: ['Calon Perseorangan'], since: '2024-05-01', designated: null },
      ]),
    ).toBe('Calon Perseorangan');
  });
});
