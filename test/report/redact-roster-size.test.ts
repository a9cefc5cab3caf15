// A national roster: 20,000 persons redact in one linear pass (one regular expression per person overflowed at 2,000).
import { describe, expect, it } from 'vitest';
import { pseudonym, type RedactionSubject, redactReport } from '../../src/report/redact.js';
import { loadReport } from './fixture.js';

const KEY = 'kunci-nasional';
const SYLLABLES = ['ba', 'di', 'su', 'ri', 'ma', 'to', 'ne', 'ka', 'lu', 'wi', 'ha', 'jo', 'pe', 'ra', 'so', 'ti'];

/** A unique two-word name for each index: 16^4 first names × 16^2 family names, no name a prefix of another. */
function nameOf(i: number): string {
  const s = (n: number) => SYLLABLES[n % 16]!;
  const first = s(i) + s(i >> 4) + s(i >> 8) + s(i >> 12);
  return `${first[0]!.toUpperCase()}${first.slice(1)} ${`${s(i >> 3)}${s(i >> 7)}no`.replace(/^./, (c) => c.toUpperCase())}`;
}

function rosterOf(size: number): RedactionSubject[] {
  return Array.from({ length: size }, (_, i) => ({
    nip: `19${String(800000 + i).padStart(6, '0')}2015051${String(i % 1000).padStart(3, '0')}`,
    name: nameOf(i),
    handles: [`${nameOf(i).toLowerCase().replace(' ', '.')}${i}`],
  }));
}

const grouped = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

describe('a 20,000-person roster', () => {
  const roster = rosterOf(20_000);
  const report = loadReport();
  report.summary.roster_gaps = roster.map((p) => ({ nip: p.nip, name: p.name, agency: 'Dinas Pendidikan' }));
  report.persons[0]!.findings[0]!.activity.text = roster
    .map((p) => `${p.name.toUpperCase()} (NIP ${grouped(p.nip)}) @${p.handles[0]}`)
    .join('; ');
  const redacted = redactReport(report, roster, KEY);

  it('starts from a roster of unique names, NIPs and handles', () => {
    expect(new Set(roster.map((p) => p.name)).size).toBe(20_000);
    expect(new Set(roster.map((p) => p.nip)).size).toBe(20_000);
  });

  it('replaces every person in the listed fields with the pseudonyms of their values', () => {
    expect(redacted.summary.roster_gaps).toEqual(
      roster.map((p) => ({
        nip: pseudonym('nip', p.nip, KEY),
        name: pseudonym('name', p.name, KEY),
        agency: 'Dinas Pendidikan',
      })),
    );
  });

  it('replaces every mention inside a text, and only the mentions', () => {
    const expected = roster
      .map(
        (p) =>
          `${pseudonym('name', p.name, KEY)} (NIP ${pseudonym('nip', p.nip, KEY)}) @${pseudonym('handle', p.handles[0]!, KEY)}`,
      )
      .join('; ');
    expect(redacted.persons[0]!.findings[0]!.activity.text).toBe(expected);
  });
});
