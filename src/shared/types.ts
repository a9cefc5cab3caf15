// Domain types shared by every stage of the pipeline: load → normalise → evaluate → aggregate → report.

export const PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp', 'offline'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ACTIVITY_TYPES = [
  'post',
  'comment',
  'share',
  'reaction',
  'follow',
  'join_group',
  'attendance',
  'banner',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const CATEGORIES = [
  'endorsement_post',
  'candidate_reaction',
  'candidate_comment',
  'campaign_share',
  'campaign_follow',
  'partisan_photo',
  'banner',
  'event_attendance',
  'party_membership',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lowest first: every order of severities (sorting, --fail-on, the highest of a person) is this one. */
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Highest first: the order in which reports list severities to a reader. */
export const SEVERITIES_HIGHEST_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

/** A severity's place in SEVERITIES: `severityRank(a) - severityRank(b)` is negative when `a` is the lower. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Lowest first, as SEVERITIES: how certain a rule is that its match means what it says. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A confidence's place in CONFIDENCES: `confidenceRank(a) - confidenceRank(b)` is negative when `a` is the lower. */
export function confidenceRank(confidence: Confidence): number {
  return CONFIDENCES.indexOf(confidence);
}

/** The two legal tracks of a finding: the code of ethics (PP 42/2004) and discipline (PP 94/2021). */
export const BASES = ['kode_etik', 'disiplin'] as const;
export type Basis = (typeof BASES)[number];

/** Which way an act leans toward the candidate it concerns: for them, or against them (negative campaigning). */
export const STANCES = ['support', 'against'] as const;
export type Stance = (typeof STANCES)[number];

/** The sanctions of PP 42/2004 and PP 94/2021 a neutrality breach can carry (domain.md §3). */
export const SANCTIONS = ['sanksi_moral', 'hukuman_disiplin_sedang', 'hukuman_disiplin_berat', 'ptdh'] as const;
export type Sanction = (typeof SANCTIONS)[number];
/** What a reviewer decided about a finding (the decisions file); `needs_evidence` leaves it open. */
export const REVIEW_STATUSES = ['confirmed', 'dismissed', 'needs_evidence', 'escalated'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** Statuses that leave a finding open: it still counts toward `--fail-on` and `review list`. */
export const OPEN_STATUSES: ReadonlySet<ReviewStatus> = new Set(['needs_evidence']);

export type Lang = 'id' | 'en';
export type Bilingual = Record<Lang, string>;

/** Where a row came from: the file as named on the command line (or inside a .zip) and its 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/**
 * One input row before validation: canonical column names (lower-case) to raw string values.
 * Platform parsers produce these too, so that every source goes through the same validation.
 */
export interface RawRow {
  source: SourceRef;
  fields: Record<string, string>;
  /** Platform exports without a time for some activities (X likes, follows) set this: the row is kept, undated. */
  undatedAllowed?: boolean;
}

/**
 * Why a rule example fails `rules test`, as data: the labels of each language word it (labels `rulesTest.problem`).
 * Candidates are ids; `-` stands for a match without a candidate.
 */
export type ExampleProblem =
  | { code: 'not_an_activity'; reason: RejectionReason }
  | { code: 'matched_but_must_not'; candidates: string[]; evidence: string[] }
  | { code: 'did_not_match' }
  | { code: 'wrong_candidate'; got: string[]; expected: string };

/**
 * Why a row is rejected: a stable machine code (the report's `rejected[].code`) and what its sentence needs. The
 * labels of each language word every code (labels `rejection`); a code without words is a compile error. `detail`
 * is text another part wrote (a parser's message, a field's own check), kept as it came.
 */
export interface RejectionParams {
  unclosed_quote: Record<never, never>;
  quote_past_limit: { mib: number };
  malformed_quoting: { detail: string };
  invalid_utf8: { offset: number };
  unreadable_record: { detail: string };
  field_count: { expected: number; found: number };
  not_json: { detail: string };
  /** The JSON type found: null, array, string, number or boolean. */
  not_an_object: { found: string };
  ambiguous_keys: { first: string; second: string; means: string };
  nip_as_number: { key: string; read: string };
  number_too_large: { key: string; read: string };
  repeated_key: { key: string; againOnLine: number };
  nested_too_deep: { levels: number; atLine: number };
  field_too_long: { field: string; chars: number; limit: number };
  nul_byte: { field: string };
  missing_platform: Record<never, never>;
  unknown_platform: { value: string };
  missing_type: Record<never, never>;
  unknown_type: { value: string };
  bad_account: { field: 'account' | 'target_account'; detail: string };
  no_person_reference: Record<never, never>;
  nip_not_18_digits: { value: string };
  missing_timestamp: Record<never, never>;
  bad_timestamp: { detail: string };
  /** Dated more than a year after the election's last phase ends (`timestamp` in the election's zone). */
  timestamp_after_election: { timestamp: string; lastPhase: string; lastPhaseEnd: string };
  damaged_text: { field: string };
  /** The account is one roster person's, the row's NIP another's (a name is null when the NIP is not in the roster). */
  owners_disagree: {
    account: string;
    accountNip: string;
    accountName: string | null;
    rowNip: string;
    rowName: string | null;
  };
  platform_record: { detail: string };
  /** A spreadsheet cell right of the header's last column, by column letters. */
  cell_beyond_header: { column: string; lastColumn: string };
  /** An identifier typed into a spreadsheet as a number: Excel keeps only 15 significant digits. */
  sheet_number_lost_digits: { field: string; read: string };
}
export type RejectionCode = keyof RejectionParams;
/** Every code, for the report schema; `satisfies` and the check below keep it equal to RejectionParams. */
export const REJECTION_CODES = [
  'unclosed_quote',
  'quote_past_limit',
  'malformed_quoting',
  'invalid_utf8',
  'unreadable_record',
  'field_count',
  'not_json',
  'not_an_object',
  'ambiguous_keys',
  'nip_as_number',
  'number_too_large',
  'repeated_key',
  'nested_too_deep',
  'field_too_long',
  'nul_byte',
  'missing_platform',
  'unknown_platform',
  'missing_type',
  'unknown_type',
  'bad_account',
  'no_person_reference',
  'nip_not_18_digits',
  'missing_timestamp',
  'bad_timestamp',
  'timestamp_after_election',
  'damaged_text',
  'owners_disagree',
  'platform_record',
  'cell_beyond_header',
  'sheet_number_lost_digits',
] as const satisfies readonly RejectionCode[];
const everyRejectionCode: Exclude<RejectionCode, (typeof REJECTION_CODES)[number]> extends never ? true : never = true;
void everyRejectionCode;
export type RejectionReason = { [C in RejectionCode]: { code: C } & RejectionParams[C] }[RejectionCode];

/** A row that could not be used, with the reason; it is counted and listed, never dropped. */
export interface Rejection {
  file: string;
  line: number;
  /** The last line of a record that spans several. */
  endLine?: number;
  reason: RejectionReason;
}

/** A validated, normalised activity: what the rules see. */
export interface Activity {
  id: string;
  platform: Platform;
  /** Handle of the acting ASN, lower-case, without `@`; null when only the NIP is known. */
  account: string | null;
  nip: string | null;
  /** UTC instant, ISO 8601 with `Z`; null for undated platform records. */
  timestamp: string | null;
  type: ActivityType;
  text: string;
  targetAccount: string | null;
  targetText: string;
  url: string;
  event: string;
  location: string;
  tags: string[];
  source: SourceRef;
}

export interface Account {
  platform: Platform;
  handle: string;
}

export interface Person {
  nip: string;
  name: string;
  agency: string;
  position: string;
  accounts: Account[];
  /** PNS or PPPK, read from the NIP's structure. */
  kind: 'pns' | 'pppk';
  source: SourceRef;
}

/** The election file, prepared for the rule engine: dates as instants (ms), account lookups. */
export interface Phase {
  id: string;
  name: string;
  from: number;
  to: number;
}

export interface Candidate {
  id: string;
  number: number | null;
  names: string[];
  aliases: string[];
  /** Campaign hashtags of the candidate's camp: using one supports them. */
  hashtags: string[];
  /** Hashtags of campaigns against the candidate (`#2019GantiPresiden`): using one attacks them. */
  hashtagsAgainst: string[];
  /** Names people give the candidate or their camp, each with the stance its use implies (`Wowo`: against). */
  nicknames: { name: string; stance: Stance }[];
  slogans: string[];
  parties: string[];
  /** `platform:handle` of the candidate's own accounts. */
  accounts: string[];
  since: number;
  designated: number | null;
  sinceText: string;
  designatedText: string | null;
}

/** Whose an account of the election file is: the candidate's own, a campaign team's, or a campaign group. */
export const TARGET_KINDS = ['candidate_account', 'campaign_account', 'campaign_group'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type AccountOwner = { candidate: string; kind: TargetKind };

export interface Election {
  file: string;
  sha256: string;
  name: string;
  timeZone: string;
  phases: Phase[];
  candidates: Candidate[];
  parties: { name: string; number: number | null; aliases: string[] }[];
  /** Words that make a number or a slogan a reference to this election (its day, its name): `27 november`, `pilgub dki`. */
  context: string[];
  /** `platform:handle` → whose account it is. */
  accounts: Map<string, AccountOwner>;
}

/** The roster, indexed for attribution. */
export interface Roster {
  /** The path as given. */
  file: string;
  /** Hex SHA-256 of the file's bytes, for the report's `inputs`. */
  sha256: string;
  persons: Person[];
  /** `${platform}:${handle}` → person NIP */
  byAccount: Map<string, string>;
  byNip: Map<string, Person>;
}
