// Redaction: no NIP, name or handle of a roster person survives in any format; pseudonyms follow the key.
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/schemas/report-schema.js';
import { FORMATS, formatters, redactReport } from '../../src/report/index.js';
import { pseudonym } from '../../src/report/redact.js';
import { FIXTURE_SUBJECTS, loadReport } from './fixture.js';

const KEY = 'kunci-rahasia-uji';

/** Every spelling of the subjects' identities that must not survive: raw, grouped NIPs, handles without `@`. */
function forbiddenStrings(): string[] {
  const values: string[] = [];
  for (const subject of FIXTURE_SUBJECTS) {
    const nip = subject.nip;
    values.push(nip, `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`, subject.name);
    for (const handle of subject.handles) values.push(handle.replace(/^@/, '').replace(/^.*\//, ''));
  }
  return values;
}

describe('redactReport', () => {
  const redacted = redactReport(loadReport(), FIXTURE_SUBJECTS, KEY);

  it('keeps a valid report and leaves the input untouched', () => {
    expect(() => reportSchema.parse(redacted)).not.toThrow();
    expect(loadReport().persons[0]!.name).toBe('Budi Santoso');
  });

  it('starts from a fixture that has identities in evidence text, URLs and file paths', () => {
    const raw = loadReport();
    expect(raw.persons[1]!.findings[0]!.activity.text).toContain('@budi.santoso88');
    expect(raw.persons[1]!.findings[0]!.activity.url).toContain('ref=sitirahma');
    expect(raw.persons[0]!.findings[1]!.activity.source.file).toContain('198609262015051001');
    expect(raw.persons[0]!.findings[0]!.message).toContain('Budi Santoso');
  });

  it.each(FORMATS)('leaves no NIP, name or handle in the %s output', (format) => {
    for (const lang of ['id', 'en'] as const) {
      const out = formatters[format](redacted, { lang, color: false }).toLowerCase();
      for (const value of forbiddenStrings())
        expect(out, `${format}/${lang} still contains ${value}`).not.toContain(value.toLowerCase());
    }
  });

  it('replaces identities inside evidence text, URLs and file paths, and keeps other text', () => {
    const siti = redacted.persons[1]!;
    const comment = siti.findings[0]!.activity;
    expect(comment.text).toMatch(/^=cmd\|' \/C calc'!A0 \| \*mantap\* _Mas Pram_ \| @anon_[0-9a-f]{10} ikut yuk$/);
    expect(comment.url).toMatch(/ref=anon_[0-9a-f]{10}$/);
    expect(comment.url).toContain('/groups/relawanpramdoel/');
    const like = redacted.persons[0]!.findings[1]!.activity;
    expect(like.source.file).toMatch(/^aktivitas\/NIP-[0-9A-F]{12}\/twitter-2024-11-30\.zip/);
    expect(like.target_account).toBe('ridwankamil');
    expect(redacted.persons[0]!.findings[0]!.message).toMatch(/^Unggahan ASN-[0-9A-F]{8} mengajak/);
  });

  it('leaves the vocabulary alone even when a handle collides with it', () => {
    const subjects = [{ nip: '198609262015051001', name: 'Budi Santoso', handles: ['post', 'instagram', 'kampanye'] }];
    const out = redactReport(loadReport(), subjects, KEY);
    expect(() => reportSchema.parse(out)).not.toThrow();
    expect(out.persons[0]!.findings[0]!.activity.type).toBe('post');
    expect(out.persons[0]!.findings[0]!.activity.platform).toBe('instagram');
    expect(out.persons[0]!.findings[0]!.evidence.phase).toBe('kampanye');
  });

  it('gives the same pseudonyms for the same key and different ones for another key', () => {
    const again = redactReport(loadReport(), FIXTURE_SUBJECTS, KEY);
    const other = redactReport(loadReport(), FIXTURE_SUBJECTS, 'another-key');
    expect(JSON.stringify(again)).toBe(JSON.stringify(redacted));
    for (let i = 0; i < redacted.persons.length; i++) {
      expect(other.persons[i]!.nip).not.toBe(redacted.persons[i]!.nip);
      expect(other.persons[i]!.name).not.toBe(redacted.persons[i]!.name);
    }
    expect(other.persons[0]!.findings[0]!.activity.account).not.toBe(
      redacted.persons[0]!.findings[0]!.activity.account,
    );
  });

  it('gives a person the same pseudonym however the value is written', () => {
    const report = loadReport();
    report.persons[0]!.findings[0]!.activity.text =
      'NIP 19860926 201505 1 001, BUDI  SANTOSO, @Budi.Santoso88, budi_santoso';
    const out = redactReport(report, FIXTURE_SUBJECTS, KEY);
    const { nip, name } = out.persons[0]!;
    const handle = out.persons[0]!.findings[0]!.activity.account!;
    expect(out.persons[0]!.findings[0]!.activity.text).toBe(`NIP ${nip}, ${name}, @${handle}, ${name}`);
  });
});

describe('ids under --redact', () => {
  const raw = loadReport();
  const redacted = redactReport(raw, FIXTURE_SUBJECTS, KEY);
  const fingerprintsOf = (report: typeof raw) => [
    ...report.persons.flatMap((p) => [
      ...p.findings.map((f) => f.fingerprint),
      ...p.acts.flatMap((a) => a.fingerprints),
    ]),
    ...report.summary.stale_suppressions.map((s) => s.fingerprint),
  ];

  it('keys every fingerprint, keeping its length and which findings an act holds', () => {
    const before = fingerprintsOf(raw);
    const after = fingerprintsOf(redacted);
    expect(after).toHaveLength(before.length);
    for (const [i, fp] of after.entries()) {
      expect(fp).not.toBe(before[i]);
      expect(fp).toHaveLength(before[i]!.length);
    }
    for (const person of redacted.persons) {
      const own = new Set(person.findings.map((f) => f.fingerprint));
      for (const act of person.acts) for (const fp of act.fingerprints) expect(own.has(fp)).toBe(true);
    }
    const otherKey = fingerprintsOf(redactReport(raw, FIXTURE_SUBJECTS, 'another-key'));
    expect(otherKey.filter((fp, i) => fp === after[i])).toEqual([]);
  });

  it('keys activity ids and input hashes, keeps the rules and election hashes, and removes positions', () => {
    const ids = (report: typeof raw) => report.persons.flatMap((p) => p.findings.map((f) => f.activity.id));
    expect(ids(redacted).filter((id) => ids(raw).includes(id))).toEqual([]);
    for (const person of redacted.persons) for (const act of person.acts) expect(ids(redacted)).toContain(act.activity);
    expect(redacted.inputs.map((i) => i.sha256).filter((h) => raw.inputs.some((r) => r.sha256 === h))).toEqual([]);
    expect(redacted.rules.sha256).toBe(raw.rules.sha256);
    expect(redacted.election.sha256).toBe(raw.election.sha256);
    expect(new Set(redacted.persons.map((p) => p.position))).toEqual(new Set(['[disamarkan]']));
  });
});

describe('where a roster value ends', () => {
  const subjects = [{ nip: '198609262015051001', name: "Nur'aini Budi", handles: ['budi.s'] }];
  const redactText = (text: string) => {
    const report = loadReport();
    report.persons[0]!.findings[0]!.activity.text = text;
    return redactReport(report, subjects, KEY).persons[0]!.findings[0]!.activity.text;
  };
  const nip = pseudonym('nip', subjects[0]!.nip, KEY);
  const name = pseudonym('name', subjects[0]!.name, KEY);
  const handle = pseudonym('handle', 'budi.s', KEY);

  it('replaces a NIP next to other numbers but not inside a longer one', () => {
    expect(redactText('no 7 198609262015051001 2')).toBe(`no 7 ${nip} 2`);
    expect(redactText('9198609262015051001 1986092620150510012')).toBe('9198609262015051001 1986092620150510012');
  });

  it('replaces a name across URL spaces and apostrophes, not a part of a longer word', () => {
    expect(redactText('q=nur%27aini%20budi&x=Nur aini_Budi')).toBe(`q=${name}&x=${name}`);
    expect(redactText("/u/Nur'aini%20Budi/ NUR AINI BUDIMAN")).toBe(`/u/${name}/ NUR AINI BUDIMAN`);
  });

  it('replaces a handle whole, not inside a longer handle', () => {
    expect(redactText('@Budi.S, budi.s. xbudi.s budi.s_2')).toBe(`@${handle}, ${handle}. xbudi.s budi.s_2`);
  });
});

describe('names typed without their accents', () => {
  it('get the same pseudonym as the roster spelling', () => {
    const report = loadReport();
    report.persons[0]!.findings[0]!.activity.text = 'Saya DÉDÉ SUHÉRMAN (Dede Suherman), ditulis juga dede suherman';
    const out = JSON.stringify(
      redactReport(report, [{ nip: '198609262015051001', name: 'Dédé Suhérman', handles: [] }], 'kunci'),
    );
    expect(out.toLowerCase()).not.toContain('dede');
    expect(out.toLowerCase()).not.toContain('dédé');
    expect(new Set(out.match(/ASN-[0-9A-F]{8}/g)).size).toBe(1);
  });
});
