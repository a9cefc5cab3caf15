// End to end: platform data downloads (folders and .zip) scanned by the built CLI, owners resolved from --nip or the path.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { xManifest, xTweets } from '../attribution/x-archive-fixture.js';
import { expectGolden, runCli, sanitize } from '../helpers/cli.js';

const CONTEXT = ['--roster', 'fixtures/demo/roster.csv', '--election', 'fixtures/demo/election.yaml'];
const BUDI = '197803142003121005';

interface Summary {
  rows_read: number;
  rows_evaluated: number;
  rows_rejected: number;
  rows_unmatched: number;
}

describe('platform data downloads', () => {
  it('scans an Instagram download folder for the person named by --nip', () => {
    const run = runCli(['scan', 'fixtures/exports/instagram', '--nip', BUDI, ...CONTEXT, '--format', 'json']);
    expect(run.code).toBe(1);
    expectGolden(sanitize(run.stdout), 'fixtures/cli/expected/instagram-download.report.json');
    const report = JSON.parse(run.stdout) as { summary: Summary; persons: { nip: string }[] };
    const s = report.summary;
    expect(s.rows_read).toBe(s.rows_evaluated + s.rows_rejected + s.rows_unmatched);
    expect(report.persons.map((p) => p.nip)).toEqual([BUDI]);
  });

  it('reads the same download as a .zip, with the same fingerprints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-zip-'));
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync('fixtures/exports/instagram'))
      files[`your_instagram_activity/${name}`] = readFileSync(join('fixtures/exports/instagram', name));
    const zip = join(dir, 'instagram-download.zip');
    writeFileSync(zip, zipSync(files));
    const fromFolder = JSON.parse(
      runCli(['scan', 'fixtures/exports/instagram', '--nip', BUDI, ...CONTEXT, '--format', 'json']).stdout,
    ) as { persons: { findings: { fingerprint: string }[] }[] };
    const fromZip = JSON.parse(
      runCli(['scan', zip, '--nip', BUDI, ...CONTEXT, '--format', 'json']).stdout,
    ) as typeof fromFolder;
    const prints = (r: typeof fromFolder) => r.persons.flatMap((p) => p.findings.map((f) => f.fingerprint)).sort();
    expect(prints(fromZip)).toEqual(prints(fromFolder));
    expect(prints(fromZip).length).toBeGreaterThan(0);
  });

  it('takes the owner from a folder named by the NIP', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-nip-'));
    mkdirSync(join(dir, BUDI));
    cpSync('fixtures/exports/instagram', join(dir, BUDI, 'instagram'), { recursive: true });
    const run = runCli(['scan', dir, ...CONTEXT, '--format', 'json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { persons: { nip: string }[] }).persons.map((p) => p.nip)).toEqual([BUDI]);
  });

  it('stops with exit 2 when it cannot tell whose download it is', () => {
    const run = runCli(['scan', 'fixtures/exports/instagram', ...CONTEXT]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'asn-audit: fixtures/exports/instagram/following.json: cannot tell whose data download this is\nhint: pass --nip NIP, or put the download in a folder named by the NIP of its owner\n',
    );
  });
});

describe('a folder of mixed files', () => {
  it('reads the activity, lists every other file with its reason, and does not stop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-folder-'));
    cpSync('fixtures/demo/activity.csv', join(dir, 'activity.csv'));
    writeFileSync(join(dir, 'README.txt'), 'catatan analis\n');
    writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'rekap.xlsx'), Buffer.from('PK\x03\x04 not really a spreadsheet'));
    const run = runCli(['scan', dir, ...CONTEXT, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'asn-audit: note: 3 file(s) in folders or downloads could not be read; the report lists them with the reason\n',
    );
    const report = JSON.parse(run.stdout) as {
      summary: Summary;
      skipped_inputs: { path: string; reason: string }[];
      not_activity: { path: string; files: number; reason: string }[];
    };
    expect(report.skipped_inputs.map((s) => [s.path.slice(dir.length + 1), s.reason])).toEqual([
      [
        'README.txt',
        'missing required columns "platform", "timestamp", "type", "account" or "nip" (header has: catatan_analis)',
      ],
      ['other.csv', 'missing required columns "platform", "timestamp", "type", "account" or "nip" (header has: a, b)'],
      // A workbook is read; one that cannot be is skipped with why, and --fail-on-skipped stops on it.
      [
        'rekap.xlsx',
        'this workbook cannot be opened: not a readable zip archive (End of central directory record signature not found. Either not a zip file, or file is truncated.)',
      ],
    ]);
    expect(report.not_activity).toEqual([]);
    expect(report.summary.rows_read).toBe(302);
  });
});

describe('several downloads in one folder', () => {
  const HENDRA = '198708082011011009';
  const ANDREAS = '199107162016031005';
  const write = (root: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
  };

  it("puts each download's tweets on the person its own manifest names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-two-x-'));
    write(dir, {
      'andreas/data/manifest.js': xManifest('andreas_wjy'),
      'andreas/data/tweets.js': xTweets('Ayo coblos nomor 3! #JakartaMenyala', '1840000000000000001'),
      'hendra/data/manifest.js': xManifest('hendra_smj'),
      'hendra/data/tweets.js': xTweets('Pilih nomor 1 #RIDO', '1840000000000000002'),
    });
    const run = runCli(['scan', dir, ...CONTEXT, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      persons: { nip: string; findings: { activity: { text: string } }[] }[];
    };
    const texts = Object.fromEntries(report.persons.map((p) => [p.nip, p.findings.map((f) => f.activity.text)]));
    expect(Object.keys(texts).sort()).toEqual([HENDRA, ANDREAS].sort());
    expect(texts[ANDREAS]?.every((t) => t.includes('nomor 3'))).toBe(true);
    expect(texts[HENDRA]?.every((t) => t.includes('nomor 1'))).toBe(true);
  });

  it('refuses a download whose manifest names another roster person than its NIP folder, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-x-nip-'));
    write(dir, {
      [`${HENDRA}/data/manifest.js`]: xManifest('andreas_wjy'),
      [`${HENDRA}/data/tweets.js`]: xTweets('Ayo coblos nomor 3! #JakartaMenyala'),
    });
    const run = runCli(['scan', dir, ...CONTEXT, '--format', 'json', '--error-format', 'text']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `which the roster gives to Andreas Wijaya (NIP ${ANDREAS}), but the folder "${HENDRA}" names Hendra Simanjuntak (NIP ${HENDRA})`,
    );
    const withNip = runCli(['scan', join(dir, HENDRA), '--nip', HENDRA, ...CONTEXT]);
    expect(withNip.code).toBe(2);
    expect(withNip.stderr).toContain('but --nip names Hendra Simanjuntak');
  });
});
