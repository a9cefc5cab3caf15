// Property test of attribution through the whole scan: random rows naming roster persons by NIP, by handle or by
// profile address — written plainly or decorated the ways exports and hostile inputs write them — go into one scan,
// and no finding lands on a person other than the one a reference attribution, written here independently of the
// loaders, gives the row. A row the reference gives to no one (wrong host, link page, look-alike letters, NIP and
// account of two persons) has no finding at all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcRuns } from '../helpers/fc-runs.js';
import { runMain } from '../faults/in-process.js';
import { DEMO_ELECTION, DEMO_ROSTER } from '../faults/in-process.js';

type Platform = 'facebook' | 'instagram' | 'x' | 'tiktok';

/** Persons of fixtures/demo/roster.csv with their accounts as the roster writes them, lower-cased. */
const PERSONS: { nip: string; accounts: Partial<Record<Platform, string>> }[] = [
  {
    nip: '197803142003121005',
    accounts: { facebook: 'budi.santoso.7821', instagram: 'budisantoso_smansa14', tiktok: 'pakbudi_ngajar' },
  },
  { nip: '198507222010012012', accounts: { facebook: 'siti.rahmawati.85', instagram: 'sitirahma_dinkes' } },
  {
    nip: '198708082011011009',
    accounts: { facebook: 'hendra.simanjuntak', instagram: 'hendrasmjtk', x: 'hendra_smj' },
  },
  { nip: '198902172014032006', accounts: { instagram: 'rinamarlina.id', tiktok: 'rinamrln' } },
  { nip: '199107162016031005', accounts: { instagram: 'andreaswijaya_', x: 'andreas_wjy' } },
];
const PLATFORMS: Platform[] = ['facebook', 'instagram', 'x', 'tiktok'];
const HOSTS: Record<Platform, string[]> = {
  facebook: ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  instagram: ['instagram.com', 'www.instagram.com', 'm.instagram.com'],
  x: ['x.com', 'twitter.com', 'mobile.twitter.com', 'www.x.com'],
  tiktok: ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'],
};

/** The reference: who owns `handle` on `platform` in the roster, by exact (lower-case) equality only. */
function ownerOf(platform: Platform, handle: string): string | null {
  return PERSONS.find((p) => p.accounts[platform] === handle)?.nip ?? null;
}

/**
 * How a row writes an account: the text, and what the reference makes of it. `on` is the platform whose account the
 * writing names: the host's for an address, the row's for a bare handle; `refused` marks writings that name no account at all, so the row is
 * rejected whatever else it says.
 */
type Writing = (handle: string, pick: number) => { text: string; on: Platform | 'row'; refused: boolean };
const CYRILLIC: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043E', c: '\u0441' };
const WRITINGS: Writing[] = [
  (h) => ({ text: h, on: 'row', refused: false }),
  (h) => ({ text: `@${h}`, on: 'row', refused: false }),
  (h) => ({ text: h.toUpperCase(), on: 'row', refused: false }),
  // A zero-width space prints like the handle without it: refused with the code point, never matched.
  (h) => ({ text: `${h.slice(0, 2)}\u200B${h.slice(2)}`, on: 'row', refused: true }),
  // Percent-encoded in an address (`/%40%73iti`): decoded, so it names the handle it spells on that host's platform.
  (h, pick) => {
    const on = PLATFORMS[pick % PLATFORMS.length]!;
    const encoded = `%${h.charCodeAt(0).toString(16).toUpperCase()}${h.slice(1)}`;
    return { text: `https://${HOSTS[on][0]!}/%40${encoded}`, on, refused: false };
  },
  // An address on some platform's host (the account's own, or another's): it names that platform's account.
  (h, pick) => {
    const on = PLATFORMS[pick % PLATFORMS.length]!;
    const host = HOSTS[on][Math.floor(pick / PLATFORMS.length) % HOSTS[on].length]!;
    const path = on === 'tiktok' ? `@${h}` : h;
    return { text: pick % 2 === 0 ? `https://${host}/${path}/` : `${host}/${path}`, on, refused: false };
  },
  (h) => ({ text: `https://linktr.ee/${h}`, on: 'row', refused: true }),
  (h) => ({ text: `bit.ly/${h}`, on: 'row', refused: true }),
  (h) => {
    const text = h.replace(/[aeoc]/, (c) => CYRILLIC[c]!);
    return { text, on: 'row', refused: text !== h };
  },
  (h) => ({
    text: [...h].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join(''),
    on: 'row',
    refused: true,
  }),
];

const accountRow = fc
  .record({
    person: fc.nat(PERSONS.length - 1),
    pick: fc.nat(),
    writing: fc.nat(WRITINGS.length - 1),
    // Sometimes the row's platform is not the account's: the same handle then names whoever has it there, if anyone.
    rowPlatform: fc.option(fc.constantFrom(...PLATFORMS), { freq: 4 }),
    nip: fc.constantFrom('none', 'same', 'other'),
  })
  .map(({ person, pick, writing, rowPlatform, nip }) => {
    const owner = PERSONS[person]!;
    const own = Object.entries(owner.accounts) as [Platform, string][];
    const [platform, handle] = own[pick % own.length]!;
    const row = rowPlatform ?? platform;
    const { text, on, refused } = WRITINGS[writing]!(handle, pick);
    const rowNip = nip === 'none' ? '' : nip === 'same' ? owner.nip : PERSONS[(person + 1) % PERSONS.length]!.nip;
    // Reference: an address on another platform's host than the row's names no account of the row's platform.
    const rejected = refused || (on !== 'row' && on !== row);
    const named = rejected ? null : ownerOf(row, handle);
    // A NIP alone names its person; with an account of the roster, both must name the same person, or no one.
    let expected: string | null;
    if (rejected) expected = null;
    else if (rowNip === '') expected = named;
    else expected = named === null || named === rowNip ? rowNip : null;
    return { platform: row, account: text, nip: rowNip, expected };
  });

const nipOnlyRow = fc.constantFrom(...PERSONS).map((p) => ({
  platform: 'offline' as const,
  account: '',
  nip: p.nip,
  expected: p.nip as string | null,
}));

const rows = fc.array(fc.oneof({ weight: 6, arbitrary: accountRow }, { weight: 1, arbitrary: nipOnlyRow }), {
  minLength: 1,
  maxLength: 25,
});

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-prop-attribution-'));
const TEXT = 'Ayo coblos no 3! Dukung Pramono #JakartaMenyala';

interface Report {
  persons: { nip: string; findings: { activity: { source: { line: number } } }[] }[];
  summary: { rows_read: number };
}

describe('attribution', () => {
  it('never gives a finding to a person other than the one the reference gives the row', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (generated) => {
        const path = join(dir, 'activity.csv');
        const lines = generated.map((r) => `${r.platform},${r.account},${r.nip},2024-10-03 19:15,post,${TEXT}`);
        writeFileSync(path, `platform,account,nip,timestamp,type,text\n${lines.join('\n')}\n`);
        const run = await runMain([
          'scan',
          path,
          '--roster',
          DEMO_ROSTER,
          '--election',
          DEMO_ELECTION,
          '--format',
          'json',
        ]);
        expect(run.code, run.stderr).not.toBe(2);
        const report = JSON.parse(run.stdout) as Report;
        expect(report.summary.rows_read).toBe(generated.length);
        for (const person of report.persons)
          for (const finding of person.findings) {
            const row = generated[finding.activity.source.line - 2]!;
            expect({ ...row, got: person.nip }).toEqual({ ...row, got: row.expected });
          }
      }),
      { numRuns: fcRuns(100) },
    );
  });
});
