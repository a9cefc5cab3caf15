// An attacker holds the demo roster and a redacted report (no key): can they tell who is who? They hash every NIP
// and name, alone and with every value the report shows, the way the fingerprint is made too, and look for the
// digests among the report's values; and they search every format for the roster's values as written.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/schemas/report-schema.js';
import { runCli } from '../helpers/cli.js';

const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];
const FORMATS = {
  json: 'json',
  ndjson: 'ndjson',
  csv: 'csv',
  markdown: 'md',
  html: 'html',
  junit: 'xml',
  table: 'txt',
};
const ROSTER = parse(readFileSync('fixtures/demo/roster.csv'), { columns: true }) as Record<string, string>[];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmacEmptyKey = (text: string) => createHmac('sha256', '').update(text).digest('hex');

/** Every string of a JSON value, and every run of 8+ hex digits inside one (`NIP-3FA29C1B7D0E`), lower-cased. */
function visibleValues(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    into.add(value.toLowerCase());
    for (const hex of value.match(/[0-9a-f]{8,}/gi) ?? []) into.add(hex.toLowerCase());
  } else if (Array.isArray(value)) for (const item of value) visibleValues(item, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) visibleValues(v, into);
  return into;
}

/** The digests an attacker computes: each secret alone, and with each value in the ways ids are commonly made. */
function* guesses(secrets: readonly string[], values: readonly string[]): Generator<string> {
  for (const secret of secrets) {
    yield secret;
    for (const value of values) {
      yield secret + value;
      yield value + secret;
      yield `${secret}\u0000${value}`;
      yield JSON.stringify([secret, value]);
    }
  }
}

/** The fingerprint's own recipe (src/aggregate/fingerprint.ts) from what a finding shows, for a guessed NIP. */
function fingerprintRecipe(nip: string, f: Report['persons'][number]['findings'][number]): string {
  const squeeze = (t: string) => t.replace(/\s+/g, ' ').trim();
  const a = f.activity;
  return JSON.stringify([
    f.rule,
    f.candidate ?? '',
    a.platform,
    nip,
    a.type,
    a.target_account ?? '',
    a.timestamp ?? '',
    squeeze(a.text),
    squeeze(a.target_text),
    squeeze(a.event),
  ]);
}

/** Whether a digest, or any prefix of it as long as some value (ids are truncated digests), is a value of the report. */
function matcherOf(values: Set<string>): (digest: string) => boolean {
  const lengths = [...new Set([...values].filter((v) => /^[0-9a-f]{8,64}$/.test(v)).map((v) => v.length))];
  return (digest) => lengths.some((length) => values.has(digest.slice(0, length)));
}

const nipOf = (row: Record<string, string>) => row.nip!.replace(/\D/g, '');

describe('an attacker with the roster and a redacted report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-attacker-'));
  const outputs = Object.fromEntries(
    Object.entries(FORMATS).map(([format, ext]) => [format, join(dir, `report.${ext}`)]),
  );
  let redacted: Report;
  let plain: Report;

  beforeAll(() => {
    const run = runCli([
      'scan',
      ...DEMO,
      '--redact',
      '--redact-key',
      'kunci-uji',
      ...Object.values(outputs).flatMap((o) => ['-o', o]),
    ]);
    expect(run.code).toBe(1);
    redacted = JSON.parse(readFileSync(outputs.json!, 'utf8')) as Report;
    plain = JSON.parse(runCli(['scan', ...DEMO, '--format', 'json']).stdout) as Report;
  });

  it('rebuilds the fingerprints of an unredacted report from the NIPs (the attack works)', () => {
    const findings = plain.persons.flatMap((p) => p.findings.map((f) => ({ nip: p.nip, f })));
    const rebuilt = findings.filter(({ nip, f }) => sha256(fingerprintRecipe(nip, f)).startsWith(f.fingerprint));
    expect(rebuilt.length).toBeGreaterThan(findings.length / 2);
  });

  it('finds no hash of a NIP or name, alone or with a shown value, among the redacted report values', () => {
    const values = visibleValues(redacted);
    const isValue = matcherOf(values);
    const findings = redacted.persons.flatMap((p) => p.findings);
    const shown = [...visibleValues(findings)];
    expect(findings.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const row of ROSTER) {
      const secrets = [nipOf(row), row.nip!, row.name!, row.name!.toLowerCase()];
      for (const guess of guesses(secrets, shown))
        if (isValue(sha256(guess)) || isValue(hmacEmptyKey(guess))) hits.push(`${row.name}: ${guess}`);
      for (const f of findings) {
        const recipe = fingerprintRecipe(nipOf(row), f);
        if (isValue(sha256(recipe)) || isValue(hmacEmptyKey(recipe)))
          hits.push(`${row.name}: fingerprint of ${f.rule}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it.each(Object.keys(FORMATS))('finds no NIP, name, handle or position of the roster in the %s output', (format) => {
    const text = readFileSync(outputs[format]!, 'utf8').toLowerCase();
    const secrets = new Set<string>();
    for (const row of ROSTER) {
      const nip = nipOf(row);
      for (const value of [
        nip,
        row.nip!,
        `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`,
      ])
        secrets.add(value);
      secrets.add(row.name!.toLowerCase());
      for (const platform of ['facebook', 'instagram', 'x', 'tiktok'])
        for (const handle of (row[platform] ?? '').split(';')) {
          const h = handle.trim().replace(/\/$/, '').split('/').pop()!.replace(/^@/, '').toLowerCase();
          if (h) secrets.add(h);
        }
    }
    expect(secrets.size).toBeGreaterThan(90);
    expect([...secrets].filter((s) => text.includes(s))).toEqual([]);
    // A position such as `Camat` is part of the word `Kecamatan` in agencies and posts, and `Lurah` of a look-alike
    // account that is no roster person's (`lurah.cempakaputih.timur`): as a word of its own it is absent.
    const asWord = (value: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}_.])${value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(?![\\p{L}\\p{N}_.])`, 'u');
    const positions = ROSTER.map((row) => row.position!.toLowerCase());
    expect(positions.filter((position) => asWord(position).test(text))).toEqual([]);
  });
});
