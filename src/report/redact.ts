// `--redact`: replaces the NIPs, names and handles of roster persons everywhere in a report with keyed pseudonyms.
import { compareCodeUnits } from '../shared/compare.js';
import { createHmac } from 'node:crypto';
import type { Report } from '../schemas/report-schema.js';

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

function withoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** How each kind of value may be written in text, file paths and URLs. */
function patternFor(kind: Kind, normalised: string): string {
  if (kind === 'nip') return `(?<!\\d)${[...normalised].map(escapeRegExp).join('[\\s.\\-]?')}(?!\\d)`;
  if (kind === 'name') {
    const words = normalised.split(' ').map(escapeRegExp);
    return `(?<![\\p{L}\\p{N}])${words.join('(?:[\\s_.+\\-]|%20)+')}(?![\\p{L}\\p{N}])`;
  }
  return `(?<![\\p{L}\\p{N}_])${escapeRegExp(normalised)}(?![\\p{L}\\p{N}_])`;
}

interface Target {
  pattern: string;
  replacement: string;
  length: number;
}

function targetsOf(subjects: readonly RedactionSubject[], key: string): Target[] {
  const targets = new Map<string, Target>();
  const add = (kind: Kind, value: string): void => {
    const normalised = normalise(kind, value);
    if (normalised === '') return;
    const replacement = pseudonym(kind, value, key);
    // "Dédé Suhérman" is often typed "Dede Suherman": the spelling without accents gets the same pseudonym.
    for (const spelling of new Set([normalised, withoutAccents(normalised)])) {
      const pattern = patternFor(kind, spelling);
      if (!targets.has(pattern)) targets.set(pattern, { pattern, replacement, length: spelling.length });
    }
  };
  for (const subject of subjects) {
    add('nip', subject.nip);
    add('name', subject.name);
    for (const handle of subject.handles) add('handle', handle);
  }
  // Longest first, so `budi.santoso88` is replaced whole before a shorter `budi` could take part of it.
  return [...targets.values()].sort((a, b) => b.length - a.length || compareCodeUnits(a.pattern, b.pattern));
}

function redactorOf(targets: readonly Target[]): (text: string) => string {
  if (targets.length === 0) return (text) => text;
  // One pass over each string: a pseudonym already written is never matched again.
  const combined = new RegExp(targets.map((t) => `(${t.pattern})`).join('|'), 'giu');
  return (text) =>
    text.replace(combined, (...args: unknown[]) => {
      const groups = args.slice(1, targets.length + 1);
      const index = groups.findIndex((group) => group !== undefined);
      return targets[index]?.replacement ?? String(args[0]);
    });
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
  return keyIds(redactValue(report, redactorOf(targetsOf(subjects, key))) as Report, key);
}
