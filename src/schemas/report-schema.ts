// The JSON report, schema `asn-audit/report@1`: the contract other tools read. Also the source of its JSON Schema.
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  BASES,
  CATEGORIES,
  CONFIDENCES,
  PLATFORMS,
  REJECTION_CODES,
  REVIEW_STATUSES,
  SANCTIONS,
  SEVERITIES,
  STANCES,
} from '../shared/types.js';

/**
 * How the act's time was checked against the candidate's dates, as data (the sentence in `time` is made from it):
 * `calon` after designation (disiplin), `bakal_calon` between the prospective-candidate date and designation (kode
 * etik), `undated` when the export has no time, `no_candidate` for rules about no candidate. Times are UTC ISO 8601.
 */
export const timeCheckSchema = z.strictObject({
  kind: z.enum(['undated', 'no_candidate', 'bakal_calon', 'calon']),
  /** When the act happened; null when undated. */
  at: z.string().nullable(),
  /** bakal_calon: when the candidate became a prospective candidate. */
  since: z.string().nullable(),
  /** calon: when KPU designated the candidate. */
  designated: z.string().nullable(),
});
export type TimeCheckRecord = z.infer<typeof timeCheckSchema>;

const countsBy = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const findingSchema = z.strictObject({
  fingerprint: z.string(),
  rule: z.string(),
  category: z.enum(CATEGORIES),
  basis: z.enum(BASES),
  severity: z.enum(SEVERITIES),
  candidate: z.string().nullable(),
  /** Whether the act supports the candidate or campaigns against them; null for rules that take no stance. */
  stance: z.enum(STANCES).nullable(),
  title: z.string(),
  message: z.string(),
  legal: z.strictObject({
    skb: z.string(),
    sanction: z.enum(SANCTIONS),
    sanction_label: z.string(),
    refs: z.array(z.string()),
  }),
  activity: z.strictObject({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    account: z.string().nullable(),
    type: z.enum(ACTIVITY_TYPES),
    timestamp: z.string().nullable(),
    url: z.string(),
    text: z.string(),
    target_account: z.string().nullable(),
    target_text: z.string(),
    event: z.string(),
    tags: z.array(z.string()),
    source: z.strictObject({ file: z.string(), line: z.number().int() }),
  }),
  evidence: z.strictObject({
    /** The terms, accounts, tags or types that satisfied the rule, each with the field it was found in. */
    matched: z.array(z.strictObject({ condition: z.string(), field: z.string(), value: z.string() })),
    /** How the time of the act was established and checked against the candidate's dates and the phases. */
    time: z.string(),
    /** The same check as data. Reports written before it existed have no such key; it reads as null. */
    time_check: timeCheckSchema.nullable().default(null),
    phase: z.string().nullable(),
  }),
  confidence: z.enum(CONFIDENCES),
  suppressed: z.boolean(),
  suppression: z
    .strictObject({ reason: z.string(), reviewer: z.string().nullable(), date: z.string().nullable() })
    .nullable(),
  /**
   * The reviewer's decision from `--decisions`, or null when nobody has decided. Reports written before decisions
   * existed have no such key; it reads as null.
   */
  review: z
    .strictObject({ status: z.enum(REVIEW_STATUSES), reviewer: z.string(), reason: z.string(), date: z.string() })
    .nullable()
    .default(null),
});

/** A line of `--format ndjson`: one finding with its person's nip, name and agency in front. */
export const ndjsonLineSchema = z.strictObject({
  nip: z.string(),
  name: z.string(),
  agency: z.string(),
  ...findingSchema.shape,
});

/** One act (one activity row) of a person with findings: a panel judges acts, an act may break several rules. */
export const actSchema = z.strictObject({
  activity: z.string(),
  source: z.strictObject({ file: z.string(), line: z.number().int() }),
  timestamp: z.string().nullable(),
  highest_severity: z.enum(SEVERITIES),
  /** The act's findings, in the person's finding order. */
  fingerprints: z.array(z.string()),
  /** Whether any of its findings is still open (unreviewed, or needs_evidence). */
  open: z.boolean(),
});

/** A row of `summary.by_agency` / `summary.by_candidate`: counted over every finding, reviewed or not. */
const groupCounts = {
  persons: z.number().int(),
  acts: z.number().int(),
  findings: z.number().int(),
  /** Findings still open (not suppressed by the baseline, not closed by a decision). */
  open: z.number().int(),
  highest_severity: z.enum(SEVERITIES),
};

export const personSchema = z.strictObject({
  nip: z.string(),
  name: z.string(),
  agency: z.string(),
  position: z.string(),
  findings: z.array(findingSchema),
  /** The person's acts; reports written before acts existed have none listed (formats derive them from findings). */
  acts: z.array(actSchema).default([]),
});

export const reportSchema = z.strictObject({
  schema: z.literal('asn-audit/report@1'),
  tool: z.strictObject({ name: z.literal('asn-audit'), version: z.string() }),
  lang: z.enum(['id', 'en']),
  inputs: z.array(
    z.strictObject({
      path: z.string(),
      format: z.string(),
      encoding: z.string().nullable(),
      sha256: z.string(),
      rows: z.number().int(),
    }),
  ),
  rules: z.strictObject({ files: z.array(z.string()), sha256: z.string(), count: z.number().int() }),
  election: z.strictObject({
    name: z.string(),
    file: z.string(),
    sha256: z.string(),
    timezone: z.string(),
    /** The phases as local calendar days (inclusive), for timelines and phase names. */
    phases: z.array(z.strictObject({ id: z.string(), name: z.string(), from: z.string(), to: z.string() })),
    /** Who a finding's `candidate` id is: ballot number, names, and the dates that decide kode etik or disiplin. */
    candidates: z.array(
      z.strictObject({
        id: z.string(),
        number: z.number().int().nullable(),
        names: z.array(z.string()),
        since: z.string(),
        designated: z.string().nullable(),
      }),
    ),
  }),
  roster: z.strictObject({ file: z.string(), sha256: z.string(), persons: z.number().int() }),
  window: z.strictObject({ since: z.string().nullable(), until: z.string().nullable() }),
  summary: z.strictObject({
    rows_read: z.number().int(),
    rows_evaluated: z.number().int(),
    rows_rejected: z.number().int(),
    /** Rows whose fields are all empty (Excel's `;;;;`): skipped, not rejected, and not in rows_read. */
    rows_blank: z.number().int().default(0),
    /** The rejected rows per kind of reason (quoted values and numbers as "…" and #), most first; they sum to rows_rejected. */
    rejected_by_reason: z.array(z.strictObject({ reason: z.string(), rows: z.number().int() })).default([]),
    rows_unmatched: z.number().int(),
    rows_outside_window: z.number().int(),
    persons: z.number().int(),
    persons_flagged: z.number().int(),
    findings: z.number().int(),
    /** Activity rows with at least one finding (one act can break several rules). */
    acts: z.number().int().default(0),
    /** Findings a rule would have raised but an exception or a stronger contrary finding cancelled (listed below). */
    findings_cancelled: z.number().int(),
    suppressed: z.number().int(),
    by_category: countsBy(CATEGORIES),
    by_severity: countsBy(SEVERITIES),
    roster_gaps: z.array(z.strictObject({ nip: z.string(), name: z.string(), agency: z.string() })),
    stale_suppressions: z.array(z.strictObject({ fingerprint: z.string(), reason: z.string() })),
    /** Findings per review status; `unreviewed` has no decision (a baseline's suppression is not a decision). */
    by_review: z
      .strictObject({
        unreviewed: z.number().int(),
        confirmed: z.number().int(),
        dismissed: z.number().int(),
        needs_evidence: z.number().int(),
        escalated: z.number().int(),
      })
      .default({ unreviewed: 0, confirmed: 0, dismissed: 0, needs_evidence: 0, escalated: 0 }),
    /** Decisions of `--decisions` whose fingerprint no finding of this run has (the act is gone, or changed). */
    stale_decisions: z
      .array(
        z.strictObject({
          fingerprint: z.string(),
          status: z.enum(REVIEW_STATUSES),
          reviewer: z.string(),
          date: z.string(),
        }),
      )
      .default([]),
    by_agency: z.array(z.strictObject({ agency: z.string(), ...groupCounts })).default([]),
    /** Per candidate concerned; `candidate` null gathers the findings that concern no candidate (party membership). */
    by_candidate: z.array(z.strictObject({ candidate: z.string().nullable(), ...groupCounts })).default([]),
  }),
  persons: z.array(personSchema),
  /** Files inside folders and .zip downloads that could not be read (they might hold activity), with the reason. */
  skipped_inputs: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  /** Files that are not activity (photos, videos, other platform data), counted per folder or archive and reason. */
  not_activity: z.array(z.strictObject({ path: z.string(), files: z.number().int(), reason: z.string() })),
  /** Per activity file, the columns no stage read (a misnamed `akun_target`), with the column it most likely meant. */
  unread_columns: z
    .array(
      z.strictObject({
        file: z.string(),
        columns: z.array(z.strictObject({ column: z.string(), suggestion: z.string().nullable() })),
      }),
    )
    .default([]),
  unmatched_accounts: z.array(
    z.strictObject({
      platform: z.string(),
      account: z.string(),
      rows: z.number().int(),
      /** A roster handle on the same platform one typo away: a hint for the reviewer, never a match. */
      nearest: z.string().nullable().default(null),
    }),
  ),
  /**
   * The first REJECTED_LISTED rejected rows in reading order; `summary.rows_rejected` counts them all. `code` names
   * the reason for programs and stays the same in every language; `reason` is its sentence in the report's language.
   */
  rejected: z.array(
    z.strictObject({ file: z.string(), line: z.number().int(), code: z.enum(REJECTION_CODES), reason: z.string() }),
  ),
  /**
   * The cancelled findings (the first CANCELLED_LISTED of them): the row, the rule and candidate, and what cancelled
   * it: the exception with the words it matched, or the rule of the stronger finding of the opposite stance.
   */
  cancelled_findings: z.array(
    z.strictObject({
      file: z.string(),
      line: z.number().int(),
      rule: z.string(),
      candidate: z.string().nullable(),
      stance: z.enum(STANCES).nullable(),
      exception: z.string().nullable(),
      contradicted_by: z.string().nullable(),
    }),
  ),
});

/**
 * How many rejected rows the report lists; `summary.rows_rejected` counts them all. Millions of bad rows (a wrong
 * file, a broken export) would otherwise grow the list, and the report, past what memory holds.
 */
export const REJECTED_LISTED = 1000;

/** How many cancelled findings the report lists; `summary.findings_cancelled` counts them all. */
export const CANCELLED_LISTED = 1000;

export type Report = z.infer<typeof reportSchema>;
export type ReportPerson = z.infer<typeof personSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type NdjsonLine = z.infer<typeof ndjsonLineSchema>;
export type Act = z.infer<typeof actSchema>;
