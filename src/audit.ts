// The scan, stage by stage: load → normalise → evaluate rules → aggregate per person → report.
import { buildReport, ScanResult } from './aggregate/build-report.js';
import { loadBaseline, type Suppression } from './load/baseline.js';
import { loadDecisions } from './load/decisions.js';
import type { Report } from './schemas/report-schema.js';
import { intakeActivity } from './load/intake.js';
import { loadElection } from './load/election.js';
import { loadRoster } from './load/roster.js';
import { parseDateBoundary } from './normalize/timestamp.js';
import type { TextModel } from './rules/activity-view.js';
import { compileRules, type CompiledRule } from './rules/compile.js';
import { ActivityView } from './rules/activity-view.js';
import { evaluate, type Evaluation } from './rules/evaluate.js';
import { EvaluationTrace } from './rules/trace.js';
import { textModelOf } from './rules/text-model.js';
import { loadRulePack } from './rules/rule-pack.js';
import { AuditError } from './shared/errors.js';
import type { Activity, Election, Lang, Person, Roster } from './shared/types.js';

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
  baseline?: string;
  /** A decisions file (`review add` writes it): each reviewed finding gets its decision, see aggregate/review-state. */
  decisions?: string;
  version: string;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Called every few thousand rows, for a progress line on a terminal. */
  onProgress?: (rowsRead: number) => void;
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
  const load = intakeActivity(options.activity, {
    hints: {
      ...(options.nip ? { nip: options.nip.replace(/\D/g, '') } : {}),
      rosterNips: new Set(roster.byNip.keys()),
      roster,
    },
    timeZone: election.timeZone,
    stdin: options.stdin,
  });
  for await (const item of load.items) {
    result.counts.rowsRead++;
    if (options.onProgress && result.counts.rowsRead % 10000 === 0) options.onProgress(result.counts.rowsRead);
    if (item.kind === 'rejected') {
      if (options.strict) throw strictStop(item.rejection);
      result.reject(item.rejection);
      continue;
    }
    scanActivity(item.activity, { roster, election, rules, text, window, result });
  }
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
  stdin: AsyncIterable<Uint8Array | string>;
}

export type RowExplanation =
  | { kind: 'rejected'; file: string; line: number; reason: string }
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
  const load = intakeActivity([options.file], {
    hints: {
      ...(options.nip ? { nip: options.nip.replace(/\D/g, '') } : {}),
      rosterNips: new Set(roster.byNip.keys()),
      roster,
    },
    timeZone: election.timeZone,
    stdin: options.stdin,
  });
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

interface ScanContext {
  roster: Roster;
  election: Election;
  rules: CompiledRule[];
  text: TextModel;
  window: { from: number; to: number };
  result: ScanResult;
}

function scanActivity(activity: Activity, ctx: ScanContext): void {
  const person = attribute(activity, ctx.roster);
  if (!person) {
    ctx.result.unmatchedAccount(activity);
    return;
  }
  ctx.result.counts.rowsEvaluated++;
  const at = activity.timestamp === null ? null : Date.parse(activity.timestamp);
  if (at !== null && (at < ctx.window.from || at > ctx.window.to)) {
    ctx.result.counts.rowsOutsideWindow++;
    return;
  }
  const view = new ActivityView(activity, ctx.election, ctx.text);
  const { matches, cancelled } = evaluate(view, ctx.rules);
  for (const match of matches) ctx.result.add(person, activity, match);
  for (const cancellation of cancelled) ctx.result.cancel(activity, cancellation);
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

function strictStop(rejection: { file: string; line: number; reason: string }): AuditError {
  return new AuditError({
    file: rejection.file,
    line: rejection.line,
    message: `${rejection.reason} (--strict stops at the first bad row)`,
  });
}

function skippedStop(skipped: { path: string; reason: string }[], strict: boolean): AuditError {
  return new AuditError(
    skipped.map((s) => ({ file: s.path, message: `not read: ${s.reason}` })),
    `${strict ? '--strict' : '--fail-on-skipped'} stops when an input is skipped: move or fix these files, or run without it to have them listed in the report`,
  );
}
