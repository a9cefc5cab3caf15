// What every user-facing word of asn-audit is, per language: the labels the reports, the dossier, the time-check
// sentences and the commands print. labels/id.ts and labels/en.ts hold the words; a missing one is a compile error.
import type {
  ActivityType,
  Basis,
  Category,
  Confidence,
  ExampleProblem,
  RejectionCode,
  RejectionParams,
  Lang,
  ReviewStatus,
  Sanction,
  Severity,
  Stance,
} from '../types.js';

export interface UiLabels {
  reportTitle: string;
  category: Record<Category, string>;
  /** Short column headers for the terminal table; `categoryLegend` explains them. */
  categoryShort: Record<Category, string>;
  categoryLegend: string;
  severity: Record<Severity, string>;
  basis: Record<Basis, string>;
  sanction: Record<Sanction, string>;
  confidence: Record<Confidence, string>;
  /** Which way a finding leans toward its candidate. */
  stance: Record<Stance, string>;
  activityType: Record<ActivityType, string>;
  /** Month abbreviations, January first, for chart axes. */
  monthsShort: readonly string[];
  field: {
    nip: string;
    name: string;
    agency: string;
    position: string;
    severity: string;
    highestSeverity: string;
    category: string;
    rule: string;
    candidate: string;
    stance: string;
    time: string;
    platform: string;
    account: string;
    target: string;
    text: string;
    targetText: string;
    evidence: string;
    timeEvidence: string;
    phase: string;
    source: string;
    link: string;
    basis: string;
    sanction: string;
    references: string;
    confidence: string;
    status: string;
    findings: string;
    persons: string;
    personsFlagged: string;
    suppressed: string;
    count: string;
    reason: string;
    reviewer: string;
    rows: string;
    /** Before a roster handle one typo away from an unmatched account: a hint, not a match. */
    nearestHandle: string;
    file: string;
    line: string;
    fingerprint: string;
  };
  summary: {
    heading: string;
    rowsRead: string;
    rowsEvaluated: string;
    rowsRejected: string;
    rowsUnmatched: string;
    rowsOutsideWindow: string;
    window: string;
    windowOpen: string;
    byAgency: string;
    byCategory: string;
    bySeverity: string;
    timeline: string;
    /** Under the chart: the zone the days are counted in. */
    timelineNote: (zone: string) => string;
    /** Under the chart when it has candidate-date lines: what they mark. */
    candidateDatesNote: string;
    /** Legend entries for what the chart draws besides the bars. */
    timelineKey: { phases: string; window: string; candidateDates: string };
    /** The grey part of the bars: acts with no open finding. */
    timelineClosed: string;
    /** Short labels of the candidate-date lines (one line per date, however many pairs share it). */
    candidateSince: string;
    candidateDesignated: string;
    undated: (n: number) => string;
    inputs: string;
    rules: (files: number, rules: number) => string;
  };
  status: {
    active: string;
    /** Not open any more: decided (confirmed, dismissed, escalated) or suppressed by the baseline. */
    closed: string;
    suppressed: string;
    suppressedBecause: (reason: string) => string;
    unreviewed: string;
    /** A reviewer's decision (the decisions file), as the report shows it beside the finding. */
    review: Record<ReviewStatus, string>;
    reviewedBecause: (status: string, reason: string) => string;
  };
  /** Acts: one activity row with findings; a panel judges acts, one act may break several rules. */
  acts: {
    column: string;
    /** `Tindakan 2 · baris activity.csv:63 · 3 dasar`: the act's heading above its findings. */
    heading: (index: number, source: string, grounds: number) => string;
    /** The summary's count of acts beside the findings. */
    count: (acts: number, findings: number) => string;
    /** With a baseline or decisions: persons and acts nobody has decided yet are listed first. */
    openFirstNote: string;
  };
  section: {
    flaggedPersons: string;
    findingsPerPerson: string;
    rosterGaps: string;
    rosterGapsNote: string;
    unmatchedAccounts: string;
    rejectedRows: string;
    rejectedByReason: string;
    unreadColumns: string;
    staleSuppressions: string;
    staleDecisions: string;
    byCandidate: string;
    skippedInputs: string;
    notActivity: string;
    provenance: string;
  };
  noFindings: string;
  /** When every finding was reviewed (suppressed by a baseline): not the same as no findings. */
  allSuppressed: (count: number) => string;
  noPersonFindings: string;
  filterPlaceholder: string;
  /** The HTML report's review controls and filters (shown only when its script runs). */
  triage: {
    all: { agency: string; category: string; severity: string; candidate: string; status: string };
    noCandidate: string;
    open: string;
    reviewer: string;
    reason: string;
    /** Button words: the decision a click records. */
    decide: { confirmed: string; dismissed: string; needs_evidence: string };
    clear: string;
    download: string;
    needReviewer: string;
    needReason: string;
    /** With `{shown}`, `{total}` and `{decided}` filled in by the page. */
    counts: string;
    decidedHere: string;
    note: string;
    notSaved: string;
    staleLeftOut: (n: number) => string;
  };
  more: (n: number) => string;
  leadDisclaimer: string;
  junit: {
    passed: string;
    unmonitored: string;
    failure: (active: number, suppressed: number) => string;
    /** The one test case that stands for every person of the roster without findings. */
    clean: (persons: number) => string;
  };
  /** The sanction with its legal source, as the report's `legal.sanction_label` gives it. */
  sanctionLabel: Record<Sanction, string>;
  /** The sentence of evidence.time, from the time check; `when` gives local time with the zone, `candidate` its label. */
  timeCheck: {
    undated: string;
    noCandidate: (at: string) => string;
    bakalCalon: (at: string, candidate: string, since: string) => string;
    calon: (at: string, candidate: string, designated: string) => string;
  };
  /** `asn-audit validate`: the line of each file. */
  validate: {
    ok: string;
    fail: string;
    kind: Record<'roster' | 'election' | 'activity' | 'rules', string>;
    roster: (persons: number, withoutAccounts: number) => string;
    election: (candidates: number, phases: number, accounts: number) => string;
    rules: (rules: number) => string;
    activity: (rows: number) => string;
    notRead: (files: number) => string;
    skipped: string;
    moreRejected: (more: number, rejected: number, rows: number) => string;
    notReadProblem: (reason: string) => string;
    /** Before the list of an activity file's columns that no canonical column or alias names. */
    columnsNotRead: string;
  };
  /** The suppression reason of a finding a baseline report lists without one of its own. */
  baselineReason: (path: string) => string;
  /** `asn-audit rules list`. */
  rulesList: {
    total: (rules: number, files: number) => string;
  };
  /** Why a row is rejected, per code (the report's `rejected[].reason`; shared/types.ts RejectionParams). */
  rejection: { [C in RejectionCode]: (params: RejectionParams[C]) => string };
  /** Added to the reason of a record that spans several lines. */
  recordSpans: (first: number, last: number) => string;
  /** `asn-audit rules test`: why an example fails, and the closing count. */
  rulesTest: {
    problem: (problem: ExampleProblem) => string;
    summary: (rules: number, examples: number, passed: number, failed: number) => string;
  };
  dossier: DossierLabels;
  /** `asn-audit explain REPORT FINGERPRINT`. */
  explain: ExplainLabels;
  /** `asn-audit explain --row`. */
  explainRow: ExplainRowLabels;
}

/** Why the rule's conditions are not shown, or why they may not be the ones that matched. */
export type RulesNote =
  | { kind: 'not_in_pack'; files: number }
  | { kind: 'pack_differs' }
  | { kind: 'pack_unreadable'; problems: string };

export interface ExplainLabels {
  heading: string;
  person: string;
  why: string;
  matched: string;
  noMatched: string;
  time: string;
  phase: string;
  noPhase: string;
  noCandidate: string;
  legal: string;
  skbRow: (row: string) => string;
  activity: string;
  tree: string;
  treeLegend: string;
  lead: string;
  note: (note: RulesNote, rule: string) => string;
}

/** What explain --row says of one rule and candidate. */
export type Outcome = 'finding' | 'cancelled_by_exception' | 'contradicted' | 'merged' | 'no_match' | 'before_since';

export interface ExplainRowLabels {
  row: string;
  rejected: string;
  text: string;
  normalised: string;
  roots: string;
  hashtags: string;
  person: string;
  noPerson: {
    nip_not_in_roster: (p: { nip: string; roster: string }) => string;
    account_not_in_roster: (p: { platform: string; account: string; roster: string }) => string;
    no_account: () => string;
  };
  summary: (findings: number, cancelled: number, applied: number, skipped: number, type: string) => string;
  noFinding: string;
  rule: string;
  outcome: Record<Outcome, string>;
  noCandidate: string;
  stance: string;
  evidence: string;
  time: string;
  conditions: string;
  exceptions: string;
  unless: string;
  qualifier: string;
  legend: string;
  notEvaluated: string;
  found: string;
  stillHolds: string;
  noLonger: string;
  vetoes: string;
  cancelledBy: (kind: string, condition: string, matched: string) => string;
  contradictedBy: (rule: string) => string;
  mergedInto: (rule: string) => string;
  notApplicable: string;
}

export interface DossierLabels {
  title: string;
  disclaimer: string;
  /** When the report was scanned in the other language: its own words are quoted as they are. */
  reportLanguage: (reportLang: Lang) => string;
  identity: string;
  election: string;
  timezone: string;
  overview: (acts: number, findings: number, open: number) => string;
  candidates: string;
  candidateColumns: { ballot: string; pair: string; since: string; designated: string };
  acts: (n: number) => string;
  act: (index: number) => string;
  timeline: string;
  /** Over a stretch of the axis drawn shorter than its days. */
  timelineCompressed: string;
  /** Under the timeline: which days are at full scale, and whether a stretch outside them is compressed. */
  timelineNote: (from: string, to: string, shown: { compressed: boolean; campaign: boolean }) => string;
  undatedActs: (n: number) => string;
  undated: string;
  target: string;
  event: string;
  tags: string;
  link: string;
  source: string;
  inputUnknown: string;
  /** The act's day against a candidate's dates. */
  timing: string;
  sinceWord: string;
  designatedWord: string;
  days: (n: number) => string;
  sameDay: string;
  beforeSince: string;
  asProspective: string;
  afterDesignated: string;
  notDesignated: string;
  groundsColumns: { finding: string; evidence: string; law: string; review: string };
  unreviewed: string;
  baseline: (reason: string) => string;
  custody: string;
  custodyNote: string;
  custodyRows: {
    report: string;
    schema: string;
    madeBy: string;
    dossierBy: string;
    rules: string;
    election: string;
    roster: string;
    inputs: string;
  };
  noFindings: string;
}
