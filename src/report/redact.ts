// `--redact`: replaces the NIPs, names and handles of roster persons everywhere in a report with keyed pseudonyms.
import { compareCodeUnits } from '../shared/compare.js';
import { createHmac } from 'node:crypto';
import type { Report } from '../schemas/report-schema.js';
import { RosterMatcher, type Spelling } from './redact-matcher.js';

export interface RedactionSubject {
  nip: string;
  name: string;
  handles: string[];
}

type Kind = 'nip' | 'name' | 'handle';

/**
 * Fields that hold vocabulary of the tool or the election, never personal data: left alone so that the
 * report stays valid (a handle such as `post` must not rewrite an activity type) and its hashes stay checkable.
 */
const STRUCTURAL_KEYS = new Set([
  'schema',
  'tool',
  'lang',
  'format',
  'encoding',
  'sha256',
  'window',
  'fingerprint',
  'rule',
  'category',
  'basis',
  'severity',
  'candidate',
  'legal',
  'platform',
  'type',
  'confidence',
  'condition',
  'field',
  'phase',
  'by_category',
  'by_severity',
]);

const PREFIX: Record<Kind, (hex: string) => string> = {
  nip: (hex) => `NIP-${hex.slice(0, 12).toUpperCase()}`,
  name: (hex) => `ASN-${hex.slice(0, 8).toUpperCase()}`,
  handle: (hex) => `anon_${hex.slice(0, 10)}`,
};

function normalise(kind: Kind, value: string): string {
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (kind === 'nip') return text.replace(/\D/g, '');
  if (kind === 'name') return text.replace(/\s+/g, ' ');
  // Handles arrive as `@name`, `name` or a profile URL: the last path segment is the handle.
  const path = text.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return (path.includes('/') ? path.slice(path.lastIndexOf('/') + 1) : path).replace(/^@+/, '');
}

/** HMAC keeps pseudonyms stable for one key (so runs can be compared) and unguessable without it. */
export function pseudonym(kind: Kind, value: string, key: string): string {
  const hex = createHmac('sha256', key)
    .update(`${kind}\u0000${normalise(kind, value)}`)
    .digest('hex');
  return PREFIX[kind](hex);
}

/** Every person's NIP, name and handles with their pseudonyms, in roster order. */
function* spellingsOf(subjects: readonly RedactionSubject[], key: string): Generator<Spelling> {
  for (const subject of subjects) {
    const values: [Kind, string][] = [
      ['nip', subject.nip],
      ['name', subject.name],
      ...subject.handles.map((h): [Kind, string] => ['handle', h]),
    ];
    for (const [kind, value] of values)
      yield { kind, value: normalise(kind, value), replacement: pseudonym(kind, value, key) };
  }
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, STRUCTURAL_KEYS.has(k) ? v : redactValue(v, redact)]),
    );
  }
  return value;
}

/**
 * An id keyed under the redaction key, as long as the id it replaces (a fingerprint stays 24 hex digits). The ids
 * are unkeyed hashes over the NIP and the act, or platform ids: whoever holds the roster could recompute or look
 * them up; keyed, only the key holder can.
 */
function keyedId(kind: 'fingerprint' | 'activity' | 'sha256', value: string, key: string): string {
  const hex = createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex');
  if (kind === 'activity') return `act-${hex.slice(0, 16)}`;
  return hex.slice(0, Math.max(8, Math.min(value.length, hex.length)));
}

/** What stands for a removed position, in the report's language: a job title and agency single out one person. */
const POSITION_REDACTED = { id: '[disamarkan]', en: '[redacted]' } as const;

/** Replaces every id that could be hashed or looked up back to a person: fingerprints, activity ids, input hashes. */
function keyIds(report: Report, key: string): Report {
  const fp = (value: string) => keyedId('fingerprint', value, key);
  const byFingerprint = <T extends { fingerprint: string }>(list: T[]) =>
    list
      .map((e) => ({ ...e, fingerprint: fp(e.fingerprint) }))
      .sort((a, b) => compareCodeUnits(a.fingerprint, b.fingerprint));
  return {
    ...report,
    // An activity file's hash names a file of one person (aktivitas/<NIP>/…): keyed, it can no longer be matched.
    inputs: report.inputs.map((input) => ({ ...input, sha256: keyedId('sha256', input.sha256, key) })),
    summary: {
      ...report.summary,
      stale_suppressions: byFingerprint(report.summary.stale_suppressions),
      stale_decisions: byFingerprint(report.summary.stale_decisions ?? []),
    },
    // A roster handle one typo from a visible account would give the pseudonymised person's handle away, typo and all.
    unmatched_accounts: report.unmatched_accounts.map((account) => ({ ...account, nearest: null })),
    persons: report.persons.map((person) => ({
      ...person,
      position: POSITION_REDACTED[report.lang],
      findings: person.findings.map((finding) => ({
        ...finding,
        fingerprint: fp(finding.fingerprint),
        activity: { ...finding.activity, id: keyedId('activity', finding.activity.id, key) },
      })),
      acts: (person.acts ?? []).map((act) => ({
        ...act,
        activity: keyedId('activity', act.activity, key),
        fingerprints: act.fingerprints.map(fp),
      })),
    })),
  };
}

/** Pseudonymise NIP, names and handles everywhere in the report (also inside evidence text, target texts and URLs):
 *  keyed HMAC-SHA256 of the normalised value, so the same person gets the same pseudonym across runs with the same key.
 *  Fingerprints, activity ids and input hashes are keyed under the same key, and positions removed. */
export function redactReport(report: Report, subjects: RedactionSubject[], key: string): Report {
  const matcher = new RosterMatcher(spellingsOf(subjects, key));
  return keyIds(redactValue(report, (text) => matcher.redact(text)) as Report, key);
}
