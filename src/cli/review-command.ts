// `asn-audit review add|list`: record reviewers' decisions in the decisions file, and see what is still open.
import { describeIssue } from '../schemas/zod-problems.js';
import { oneLine } from '../shared/terminal-text.js';
import { textStdout } from './io.js';
import { compareCodeUnits } from '../shared/compare.js';
import { type Command, Option } from 'commander';
import { loadDecisions, REVIEW_STATUSES, type Decision, type ReviewStatus } from '../load/decisions.js';
import { decisionSchema } from '../load/decisions.js';
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { AuditError, type Problem } from '../shared/errors.js';
import { uiLabels } from '../shared/labels/index.js';
import type { Lang } from '../shared/types.js';
import type { CommandContext } from './command-context.js';
import { applyDecisions } from './decisions-edit.js';
import { readReport } from './explain-command.js';
import { writeFileAtomic } from './write-atomic.js';

interface AddFlags {
  decisions: string;
  status: ReviewStatus;
  reason: string;
  reviewer: string;
  date?: string;
}

interface ListFlags {
  decisions?: string;
  format: 'text' | 'json';
  lang: Lang;
}

export function registerReview(program: Command, ctx: CommandContext): void {
  const review = program
    .command('review')
    .description('record reviewers’ decisions on findings (the file scan --decisions reads), and list what is open');
  review
    .command('add')
    .description('add or update decisions for findings, keeping the file’s order and comments')
    .argument('<fingerprint...>', 'fingerprints of the findings decided (as the report lists them)')
    .requiredOption('--decisions <file>', 'the decisions file (YAML or JSON; created when missing)')
    .addOption(new Option('--status <status>', 'the decision').choices(REVIEW_STATUSES).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why: what the reviewer saw or needs')
    .requiredOption('--reviewer <name>', 'who decided')
    .option('--date <YYYY-MM-DD>', 'the day of the decision (default: today, UTC)')
    .action(async (fingerprints: string[], flags: AddFlags) => {
      const file = await loadDecisions(flags.decisions, { missingIsEmpty: true });
      const date = flags.date ?? new Date().toISOString().slice(0, 10);
      const updates = validUpdates(fingerprints, { ...flags, date });
      const text = applyDecisions(file, updates);
      await writeFileAtomic(flags.decisions, text);
      const added = updates.filter((u) => !file.decisions.has(u.fingerprint)).length;
      ctx.io.stderr(
        `asn-audit: ${flags.decisions}: ${added} ${added === 1 ? 'decision' : 'decisions'} added, ${updates.length - added} updated (${flags.status})\n`,
      );
    });
  review
    .command('list')
    .description('list the open findings of a JSON report (unreviewed, or needs_evidence) and stale decisions')
    .argument('<report>', 'a JSON report (scan --format json)')
    .option('--decisions <file>', 'the decisions file to read the decisions from (default: those in the report)')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the list').choices(['id', 'en']).default('id'))
    .action(async (reportPath: string, flags: ListFlags) => {
      const report = await readReport(reportPath);
      const decisions = flags.decisions ? (await loadDecisions(flags.decisions)).decisions : null;
      const list = openList(report, decisions);
      if (flags.format === 'json') ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else textStdout(ctx.io)(openListText(list, flags.lang, reportPath));
    });
}

/** One decision per fingerprint, each checked as the decisions file is; every bad argument named at once. */
function validUpdates(fingerprints: string[], flags: AddFlags & { date: string }): Decision[] {
  const problems: Problem[] = [];
  const updates = new Map<string, Decision>();
  for (const raw of fingerprints) {
    const parsed = decisionSchema.safeParse({
      fingerprint: raw.trim().toLowerCase(),
      status: flags.status,
      reviewer: flags.reviewer,
      reason: flags.reason,
      date: flags.date,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        problems.push({
          field: key === 'fingerprint' ? `<fingerprint> ${raw}` : `--${key}`,
          message: describeIssue(issue),
        });
      }
      continue;
    }
    updates.set(parsed.data.fingerprint, parsed.data);
  }
  // --reason or --date wrong for one is wrong for all: say it once.
  const unique = [...new Map(problems.map((p) => [`${p.field}\u0000${p.message}`, p])).values()];
  if (unique.length > 0) throw new AuditError(unique);
  return [...updates.values()];
}

type OpenState = 'unreviewed' | 'needs_evidence';
type ClosedState = 'confirmed' | 'dismissed' | 'escalated' | 'suppressed';
const CLOSED_STATES: readonly ClosedState[] = ['confirmed', 'dismissed', 'escalated', 'suppressed'];

interface OpenList {
  open: {
    fingerprint: string;
    state: OpenState;
    severity: Finding['severity'];
    rule: string;
    nip: string;
    name: string;
    source: string;
    reason: string | null;
  }[];
  /** Every finding once: open (unreviewed, needs_evidence) or closed by a decision or by the baseline (suppressed). */
  counts: Record<OpenState | ClosedState, number>;
  stale: { fingerprint: string; status: ReviewStatus; reviewer: string; date: string }[];
}

/**
 * What is open in the report when the decisions are applied: the file's decisions when given (they may be newer
 * than the report), else the report's own `review`. A finding the report's baseline suppressed stays closed.
 */
function openList(report: Report, decisions: ReadonlyMap<string, Decision> | null): OpenList {
  const counts = { unreviewed: 0, needs_evidence: 0, confirmed: 0, dismissed: 0, escalated: 0, suppressed: 0 };
  const list: OpenList = { open: [], counts, stale: [] };
  const seen = new Set<string>();
  for (const person of report.persons)
    for (const finding of person.findings) {
      seen.add(finding.fingerprint);
      const state = stateOf(finding, decisions);
      list.counts[state]++;
      if (state === 'unreviewed' || state === 'needs_evidence')
        list.open.push(openEntry(person, finding, state, decisions));
    }
  if (decisions)
    list.stale = [...decisions.values()]
      .filter((d) => !seen.has(d.fingerprint))
      .map((d) => ({ fingerprint: d.fingerprint, status: d.status, reviewer: d.reviewer, date: d.date }))
      .sort((a, b) => compareCodeUnits(a.fingerprint, b.fingerprint));
  else list.stale = report.summary.stale_decisions ?? [];
  return list;
}

function stateOf(finding: Finding, decisions: ReadonlyMap<string, Decision> | null): OpenState | ClosedState {
  const fromReport = finding.review ?? null;
  const status = decisions ? (decisions.get(finding.fingerprint)?.status ?? null) : (fromReport?.status ?? null);
  if (status !== null) return status;
  // Suppressed without a decision of the report: the baseline closed it.
  return finding.suppressed && fromReport === null ? 'suppressed' : 'unreviewed';
}

function openEntry(
  person: ReportPerson,
  finding: Finding,
  state: OpenState,
  decisions: ReadonlyMap<string, Decision> | null,
): OpenList['open'][number] {
  const reason =
    state === 'needs_evidence' ? (decisions?.get(finding.fingerprint)?.reason ?? finding.review?.reason ?? null) : null;
  return {
    fingerprint: finding.fingerprint,
    state,
    severity: finding.severity,
    rule: finding.rule,
    nip: person.nip,
    name: person.name,
    source: `${finding.activity.source.file}:${finding.activity.source.line}`,
    reason,
  };
}

const TEXT = {
  id: {
    open: (n: number, total: number, u: number, e: number) =>
      `Temuan terbuka: ${n} dari ${total} (belum ditinjau ${u}, perlu bukti ${e})`,
    closed: (n: number, parts: string) => `ditutup ${n}${parts === '' ? '' : ` (${parts})`}`,
    none: 'Tidak ada temuan terbuka.',
    stale: (n: number) => `Keputusan usang (sidik jarinya tidak ada di laporan): ${n}`,
  },
  en: {
    open: (n: number, total: number, u: number, e: number) =>
      `Open findings: ${n} of ${total} (unreviewed ${u}, needs evidence ${e})`,
    closed: (n: number, parts: string) => `closed ${n}${parts === '' ? '' : ` (${parts})`}`,
    none: 'No open findings.',
    stale: (n: number) => `Stale decisions (fingerprint not in the report): ${n}`,
  },
} as const;

/** The words of the report's labels, so that the list and the report name a state alike. */
function stateName(state: OpenState | ClosedState, lang: Lang): string {
  const { status } = uiLabels(lang);
  return state === 'suppressed' ? status.suppressed : state === 'unreviewed' ? status.unreviewed : status.review[state];
}

function openListText(list: OpenList, lang: Lang, reportPath: string): string {
  const t = TEXT[lang];
  const { unreviewed, needs_evidence } = list.counts;
  const closed = CLOSED_STATES.reduce((sum, state) => sum + list.counts[state], 0);
  // needs_evidence is a decision that keeps the finding open: it is counted among the open ones, never as closed.
  const closedParts = CLOSED_STATES.filter((state) => list.counts[state] > 0)
    .map((state) => `${stateName(state, lang)} ${list.counts[state]}`)
    .join(', ');
  const total = unreviewed + needs_evidence + closed;
  const lines = [
    `${reportPath}: ${t.open(list.open.length, total, unreviewed, needs_evidence)}; ${t.closed(closed, closedParts)}`,
  ];
  if (list.open.length === 0) lines.push(t.none);
  for (const entry of list.open) {
    const why = entry.reason === null ? '' : ` — ${oneLine(entry.reason)}`;
    lines.push(
      `  ${entry.fingerprint}  ${entry.severity.padEnd(6)} ${stateName(entry.state, lang).padEnd(15)} ${entry.rule}  ${entry.nip} ${oneLine(entry.name)}  ${entry.source}${why}`,
    );
  }
  if (list.stale.length > 0) {
    lines.push('', t.stale(list.stale.length));
    for (const d of list.stale) lines.push(`  ${d.fingerprint}  ${d.status} (${oneLine(d.reviewer)}, ${d.date})`);
  }
  return `${lines.join('\n')}\n`;
}
