// The scan, stage by stage: load → normalise → evaluate rules → aggregate per person → report.
import { availableParallelism } from 'node:os';
import { buildReport } from './aggregate/build-report.js';
import { ScanResult } from './aggregate/collect-findings.js';
import { loadBaseline, type Suppression } from './load/baseline.js';
import { loadDecisions } from './load/decisions.js';
import type { Report } from './schemas/report-schema.js';
import { type IntakeOptions, intakeActivity, latestActTime } from './load/intake.js';
import { loadElection } from './load/election.js';
import { loadRoster } from './load/roster.js';
import { checkRosterAgainstElection } from './load/roster-election.js';
import { parseDateBoundary } from './normalize/timestamp.js';
import type { TextModel } from './rules/activity-view.js';
import { compileRules, type CompiledRule } from './rules/compile.js';
import { ActivityView } from './rules/activity-view.js';
import { evaluate, type Evaluation } from './rules/evaluate.js';
import { type CompactEvaluation, EvaluationPool, expandEvaluation, workersAvailable } from './rules/evaluate-pool.js';
import { EvaluationTrace } from './rules/trace.js';
import { textModelOf } from './rules/text-model.js';
import { loadRulePack } from './rules/rule-pack.js';
import { AuditError } from './shared/errors.js';
import type { Activity, Election, Lang, Person, Rejection, Roster } from './shared/types.js';
import { rejectionText } from './shared/labels/index.js';
import type { ReadMeter } from './load/read-meter.js';

export interface ScanOptions {
  activity: string[];
  roster: string;
  election: string;
  rules: string[];
  since?: string;
  until?: string;
  lang: Lang;
  strict: boolean;
  /** Exit 2 when any input in a folder or download was skipped (also under `strict`). */
  failOnSkipped?: boolean;
  nip?: string;
  /** The sheet read from each .xlsx workbook; default: the first. */
  sheet?: string;
  baseline?: string;
  /** A decisions file (`review add` writes it): each reviewed finding gets its decision, see aggregate/review-state. */
  decisions?: string;
  version: string;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Called every few thousand rows, for a progress line on a terminal. */
  onProgress?: (rowsRead: number) => void;
  /** Counts the activity bytes read, for the share and ETA of that line. */
  meter?: ReadMeter;
  /**
   * Threads that evaluate rules: 1 evaluates on the main thread; more start that many workers. Unset, a scan uses
   * one worker per core once it has more than a few thousand rows to evaluate (a small scan does not pay for them).
   */
  jobs?: number;
  /** Called with every rejected row (the report keeps only the first): a promise when the caller must be waited for. */
  onRejected?: (rejection: Rejection) => Promise<void> | undefined;
}

export interface ScanOutcome {
  report: Report;
  /** The roster's persons: `--redact` needs every name and handle, not only the flagged ones. */
  persons: Person[];
}

export async function runScan(options: ScanOptions): Promise<ScanOutcome> {
  // 1. Load what the scan is checked against: election, roster, rules, baseline.
  const { election, roster, pack, rules, text } = await loadChecks(options);
  const suppressions: Map<string, Suppression> = options.baseline
    ? await loadBaseline(options.baseline, options.lang)
    : new Map();
  const decisions = options.decisions ? (await loadDecisions(options.decisions)).decisions : new Map();
  const review = { baseline: suppressions, decisions };
  const window = scanWindow(options.since, options.until, election);
  if (options.nip && !roster.byNip.has(options.nip.replace(/\D/g, '')))
    throw new AuditError({ field: '--nip', message: `NIP ${options.nip} is not in the roster ${roster.file}` });

  // 2. Stream the activity: every row ends as rejected, unmatched or evaluated.
  const result = new ScanResult(election, options.lang, review);
  const load = intakeActivity(options.activity, intakeOptions(options, roster, election));
  const evaluator = new OrderedEvaluator(options, { election, rules, text, result });
  try {
    for await (const item of load.items) {
      result.counts.rowsRead++;
      if (options.onProgress && result.counts.rowsRead % 10000 === 0) options.onProgress(result.counts.rowsRead);
      if (item.kind === 'rejected') {
        if (options.strict) throw strictStop(item.rejection, options.lang);
        result.reject(item.rejection);
        const written = options.onRejected?.(item.rejection);
        if (written) await written;
        continue;
      }
      const admitted = admit(item.activity, { roster, window, result });
      if (admitted) await evaluator.push(admitted);
    }
    await evaluator.finish();
  } finally {
    await evaluator.close();
  }
  result.counts.rowsBlank = load.inputs.reduce((n, input) => n + (input.blankRows ?? 0), 0);
  if ((options.strict || options.failOnSkipped) && load.skipped.length > 0)
    throw skippedStop(load.skipped, options.strict);

  // 3. Aggregate per person and assemble the report.
  const report = buildReport(result, {
    version: options.version,
    lang: options.lang,
    inputs: load.inputs.map((i) => ({
      path: i.path,
      format: i.format,
      encoding: i.encoding,
      sha256: i.sha256,
      rows: i.rows,
    })),
    skippedInputs: load.skipped,
    notActivity: load.notActivity,
    unreadColumns: load.unknownColumns.list(),
    rules: { files: pack.files, sha256: pack.sha256, count: pack.rules.length },
    election,
    roster,
    window: { since: options.since ?? null, until: options.until ?? null },
    review,
  });
  return { report, persons: roster.persons };
}

/** What every row is checked against: the election, the roster and the rule pack compiled for the election. */
async function loadChecks(options: { election: string; roster: string; rules: string[] }) {
  const election = await loadElection(options.election);
  const roster = await loadRoster(options.roster);
  checkRosterAgainstElection(roster, election);
  const pack = await loadRulePack(options.rules);
  const rules = compileRules(pack, election);
  const text = textModelOf(pack, election);
  return { election, roster, pack, rules, text };
}

export interface RowExplainOptions {
  /** The activity file and the line its row starts on, as a report's `source` names them. */
  file: string;
  line: number;
  roster: string;
  election: string;
  rules: string[];
  nip?: string;
  sheet?: string;
  stdin: AsyncIterable<Uint8Array | string>;
}

export type RowExplanation =
  | ({ kind: 'rejected' } & Rejection)
  | {
      kind: 'evaluated';
      file: string;
      line: number;
      activity: Activity;
      election: Election;
      person: Person | null;
      /** Why the row has no person, when it has none (then the scan counts it as unmatched and reports nothing). */
      noPerson: NoPerson | null;
      view: ActivityView;
      evaluation: Evaluation;
      trace: EvaluationTrace;
    };

export type NoPerson =
  | { kind: 'nip_not_in_roster'; nip: string; roster: string }
  | { kind: 'account_not_in_roster'; platform: string; account: string; roster: string }
  | { kind: 'no_account' };

/**
 * `explain --row`: one row read, normalised, attributed and evaluated as the scan does it (the same loaders and the
 * same evaluation), with the evaluation's trace. A line on which no row starts is an error naming the file.
 */
export async function explainRow(options: RowExplainOptions): Promise<RowExplanation> {
  const { election, roster, rules, text } = await loadChecks(options);
  const load = intakeActivity([options.file], intakeOptions(options, roster, election));
  const lines: number[] = [];
  for await (const item of load.items) {
    const source = item.kind === 'rejected' ? item.rejection : item.activity.source;
    lines.push(source.line);
    if (source.line !== options.line) continue;
    if (item.kind === 'rejected') return { kind: 'rejected', ...item.rejection };
    const activity = item.activity;
    const person = attribute(activity, roster);
    const view = new ActivityView(activity, election, text);
    const trace = new EvaluationTrace();
    const evaluation = evaluate(view, rules, trace);
    return {
      kind: 'evaluated',
      file: source.file,
      line: source.line,
      activity,
      election,
      person,
      noPerson: person ? null : noPersonReason(activity, roster),
      view,
      evaluation,
      trace,
    };
  }
  const range = lines.length === 0 ? 'it has no rows' : `its rows start on lines ${lines[0]}–${lines.at(-1)}`;
  throw new AuditError({
    file: options.file,
    line: options.line,
    message: `no activity row starts on line ${options.line} (${range})`,
  });
}

/** How scan and explain --row read activity: owners of downloads from --nip and the roster, times in the election's zone. */
function intakeOptions(
  options: { nip?: string; sheet?: string; stdin: AsyncIterable<Uint8Array | string>; meter?: ReadMeter },
  roster: Roster,
  election: Election,
): IntakeOptions {
  const latest = latestActTime(election);
  return {
    hints: {
      ...(options.nip ? { nip: options.nip.replace(/\D/g, '') } : {}),
      rosterNips: roster.byNip,
      roster,
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    },
    timeZone: election.timeZone,
    ...(latest ? { latest } : {}),
    stdin: options.stdin,
    ...(options.meter ? { meter: options.meter } : {}),
  };
}

function noPersonReason(activity: Activity, roster: Roster): NoPerson {
  if (activity.nip) return { kind: 'nip_not_in_roster', nip: activity.nip, roster: roster.file };
  if (activity.account)
    return {
      kind: 'account_not_in_roster',
      platform: activity.platform,
      account: activity.account,
      roster: roster.file,
    };
  return { kind: 'no_account' };
}

/**
 * The person a row is evaluated for, or null when it has none in the roster (counted as unmatched). A row outside
 * the `--since`/`--until` window is counted as such and evaluated by the rules that apply at any time only: the
 * window narrows the election's time, and party membership is a breach whenever it is shown.
 */
function admit(
  activity: Activity,
  ctx: { roster: Roster; window: { from: number; to: number }; result: ScanResult },
): Admitted | null {
  const person = attribute(activity, ctx.roster);
  if (!person) {
    ctx.result.unmatchedAccount(activity);
    return null;
  }
  ctx.result.counts.rowsEvaluated++;
  const at = activity.timestamp === null ? null : Date.parse(activity.timestamp);
  const outside = at !== null && (at < ctx.window.from || at > ctx.window.to);
  if (outside) ctx.result.counts.rowsOutsideWindow++;
  return { person, activity, anyTimeOnly: outside };
}

/** Rows evaluated on the main thread before an unset `jobs` starts workers: below it, starting them costs more. */
const ROWS_BEFORE_WORKERS = 5_000;
const BATCH_ROWS = 500;

interface Admitted {
  person: Person;
  activity: Activity;
  /** Outside `--since`/`--until`: only the rules that apply at any time are run. */
  anyTimeOnly: boolean;
}

/**
 * Evaluates admitted rows on the main thread or on workers, and records their findings in the order the rows were
 * read either way: batches are sent in turn and their results applied strictly in the order they were sent.
 */
class OrderedEvaluator {
  private readonly jobs: number;
  private pool: EvaluationPool | null = null;
  private inline = 0;
  private batch: Admitted[] = [];
  private readonly inFlight: { rows: Admitted[]; done: Promise<CompactEvaluation[]> }[] = [];

  constructor(
    private readonly options: Pick<ScanOptions, 'jobs' | 'election' | 'rules'>,
    private readonly ctx: { election: Election; rules: CompiledRule[]; text: TextModel; result: ScanResult },
  ) {
    this.jobs = options.jobs ?? (workersAvailable ? availableParallelism() : 1);
  }

  async push(admitted: Admitted): Promise<void> {
    if (this.jobs <= 1 || (this.options.jobs === undefined && this.inline < ROWS_BEFORE_WORKERS)) {
      this.inline++;
      const { person, activity, anyTimeOnly } = admitted;
      const view = new ActivityView(activity, this.ctx.election, this.ctx.text);
      this.record(person, activity, evaluate(view, this.ctx.rules, undefined, { anyTimeOnly }));
      return;
    }
    this.batch.push(admitted);
    if (this.batch.length >= BATCH_ROWS) await this.send();
  }

  async finish(): Promise<void> {
    if (this.batch.length > 0) await this.send();
    while (this.inFlight.length > 0) await this.applyOldest();
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private async send(): Promise<void> {
    this.pool ??= await EvaluationPool.start(
      this.jobs,
      { election: this.options.election, rules: this.options.rules },
      this.ctx.rules.length,
    );
    const rows = this.batch;
    this.batch = [];
    this.inFlight.push({
      rows,
      done: this.pool.evaluate(
        rows.map((r) => r.activity),
        rows.map((r) => r.anyTimeOnly),
      ),
    });
    // Two batches per worker keep every worker busy while the main thread reads on, with memory bounded.
    while (this.inFlight.length > 2 * this.jobs) await this.applyOldest();
  }

  private async applyOldest(): Promise<void> {
    const oldest = this.inFlight.shift()!;
    const evaluations = await oldest.done;
    oldest.rows.forEach(({ person, activity }, i) => {
      this.record(person, activity, expandEvaluation(evaluations[i]!, this.ctx.rules, this.ctx.election));
    });
  }

  private record(person: Person, activity: Activity, { matches, cancelled }: Evaluation): void {
    for (const match of matches) this.ctx.result.add(person, activity, match);
    for (const cancellation of cancelled) this.ctx.result.cancel(activity, cancellation);
  }
}

/** The person an activity belongs to: by NIP when the row names one, else by the platform handle. */
function attribute(activity: Activity, roster: Roster): Person | null {
  if (activity.nip) return roster.byNip.get(activity.nip) ?? null;
  if (!activity.account) return null;
  const nip = roster.byAccount.get(`${activity.platform}:${activity.account}`);
  return nip ? (roster.byNip.get(nip) ?? null) : null;
}

/** `--since`/`--until` as instants: a date, a date-time, or a phase id of the election file (its start or end). */
function scanWindow(
  since: string | undefined,
  until: string | undefined,
  election: Election,
): { from: number; to: number } {
  const bound = (value: string | undefined, flag: string, end: boolean): number => {
    if (value === undefined) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const phase = election.phases.find((p) => p.id === value);
    if (phase) return end ? phase.to : phase.from;
    const ms = parseDateBoundary(value, election.timeZone, end);
    if (ms === null) {
      const phases = election.phases.map((p) => p.id).join(', ');
      const looksLikeDate = /^\d{4}-\d{1,2}-\d{1,2}/.test(value) || /^\d{1,2}\/\d{1,2}\/\d{4}/.test(value);
      throw new AuditError({
        field: flag,
        message: looksLikeDate
          ? `"${value}" is not a real calendar date`
          : `"${value}" is neither a date (YYYY-MM-DD) nor a phase id of the election file (${phases || 'it has no phases'})`,
      });
    }
    return ms;
  };
  const from = bound(since, '--since', false);
  const to = bound(until, '--until', true);
  if (to < from)
    throw new AuditError({ field: '--until', message: `the window ends (${until}) before it starts (${since})` });
  return { from, to };
}

function strictStop(rejection: Rejection, lang: Lang): AuditError {
  return new AuditError({
    file: rejection.file,
    line: rejection.line,
    message: `${rejectionText(lang, rejection)} (--strict stops at the first bad row)`,
  });
}

function skippedStop(skipped: { path: string; reason: string }[], strict: boolean): AuditError {
  return new AuditError(
    skipped.map((s) => ({ file: s.path, message: `not read: ${s.reason}` })),
    `${strict ? '--strict' : '--fail-on-skipped'} stops when an input is skipped: move or fix these files, or run without it to have them listed in the report`,
  );
}
