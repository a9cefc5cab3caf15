// `asn-audit explain --row FILE:LINE`: why one input row was (not) flagged, from the trace the evaluation recorded
// (src/rules/trace.ts). The trace becomes one data structure (`--format json`), and the text is written from it.
import type { NoPerson, RowExplanation } from '../audit.js';
import { describeTime, timeCheckRecord } from '../aggregate/wording.js';
import { candidateLabel } from '../shared/candidate-label.js';
import { type Condition, type Evidence, keyOf } from '../rules/conditions/index.js';
import type { TextField } from '../rules/activity-view.js';
import { TEXT_FIELDS } from '../rules/activity-view.js';
import type { BindingTrace, ExceptionTrace, TraceNode } from '../rules/trace.js';
import { tokenize } from '../normalize/text.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { type Outcome, rejectionText, uiLabels } from '../shared/labels/index.js';
import type { Category, Lang, Stance } from '../shared/types.js';

export interface RowData {
  row: {
    file: string;
    line: number;
    id: string | null;
    platform: string | null;
    type: string | null;
    account: string | null;
    nip: string | null;
    /** UTC, as in the report; `local_time` in the election's time zone. */
    timestamp: string | null;
    local_time: string | null;
    text: string;
    target_account: string | null;
    target_text: string;
    event: string;
    location: string;
    tags: string[];
  };
  /** Why the row was rejected (then nothing else was done with it), or null. */
  rejected: string | null;
  /** Each non-empty text field as the rules read it. */
  normalised: NormalisedField[];
  person: { nip: string; name: string; agency: string; position: string } | null;
  no_person: NoPerson | null;
  findings: { rule: string; candidate: string | null; stance: Stance | null }[];
  cancelled: { rule: string; candidate: string | null; stance: Stance | null; by: string }[];
  /** Rules not evaluated because the act's type is not one they look at. */
  rules_not_applicable: string[];
  rules: RuleData[];
}

export interface NormalisedField {
  field: TextField;
  tokens: string[];
  /** Affixed tokens read as their root (`mendukung` → `dukung`). */
  roots: { token: string; root: string }[];
  /** Hashtags written as such, with the words they were split into. */
  hashtags: { tag: string; words: string[] }[];
}

export interface RuleData {
  rule: string;
  file: string;
  category: Category;
  stance: Stance | null;
  bindings: BindingData[];
}

export type { Outcome };

export interface BindingData {
  candidate: string | null;
  candidate_name: string | null;
  outcome: Outcome;
  matched: boolean;
  stance: Stance | null;
  time: string | null;
  evidence: { condition: string; field: string; value: string }[];
  /** The exception that cancelled the finding: an `unless` vetoes, a qualifier cancels when nothing is left without its words. */
  cancelled_by: { kind: 'unless' | 'qualifier'; condition: string; matched: string } | null;
  contradicted_by: string | null;
  merged_into: string | null;
  when: NodeData | null;
  exceptions: ExceptionData[];
}

export interface NodeData {
  condition: string;
  /** true / false as evaluated; null: not evaluated (an earlier part of `all` failed, or of `any` held). */
  held: boolean | null;
  found: { field: string; value: string; stance?: Stance }[];
  children: NodeData[];
}

export interface ExceptionData {
  kind: 'unless' | 'qualifier';
  condition: string;
  held: boolean;
  found: { field: string; value: string }[];
  /** For a qualifier that held: the rule still held with its words taken out, so it did not cancel. */
  still_holds: boolean | null;
  cancelled: boolean;
  tree: NodeData | null;
}

export function rowData(explanation: RowExplanation, lang: Lang): RowData {
  if (explanation.kind === 'rejected') {
    return {
      row: { ...emptyRow(), file: explanation.file, line: explanation.line },
      rejected: rejectionText(lang, explanation),
      normalised: [],
      person: null,
      no_person: null,
      findings: [],
      cancelled: [],
      rules_not_applicable: [],
      rules: [],
    };
  }
  const { activity: a, election, view, evaluation, trace } = explanation;
  const tz = election.timeZone;
  const person = explanation.person;
  return {
    row: {
      file: explanation.file,
      line: explanation.line,
      id: a.id,
      platform: a.platform,
      type: a.type,
      account: a.account,
      nip: a.nip,
      timestamp: a.timestamp,
      local_time: a.timestamp === null ? null : `${formatLocalDateTime(a.timestamp, tz)} ${zoneName(tz)}`,
      text: a.text,
      target_account: a.targetAccount,
      target_text: a.targetText,
      event: a.event,
      location: a.location,
      tags: [...a.tags],
    },
    rejected: null,
    normalised: TEXT_FIELDS.filter((f) => view.tokens(f).length > 0).map((field) => {
      const tokens = view.tokens(field);
      const roots = view.roots(field);
      return {
        field,
        tokens,
        roots: tokens.flatMap((token, i) => (roots[i] === undefined ? [] : [{ token, root: roots[i]! }])),
        hashtags: writtenHashtags(fieldText(a, field)).map((tag) => ({
          tag,
          words: tokenize(tag, view.text.hashtagWords),
        })),
      };
    }),
    person: person ? { nip: person.nip, name: person.name, agency: person.agency, position: person.position } : null,
    no_person: explanation.noPerson,
    findings: evaluation.matches.map((m) => ({
      rule: m.rule.rule.id,
      candidate: m.candidate?.id ?? null,
      stance: m.stance,
    })),
    cancelled: evaluation.cancelled.map(({ match: m, reason }) => ({
      rule: m.rule.rule.id,
      candidate: m.candidate?.id ?? null,
      stance: m.stance,
      by: reason.kind === 'contradicted' ? reason.by : `${reason.condition}: ${reason.matched}`,
    })),
    rules_not_applicable: trace.skipped.map((r) => r.rule.id),
    rules: trace.rules.map((r) => ({
      rule: r.rule.rule.id,
      file: r.rule.file,
      category: r.rule.rule.category,
      stance: r.rule.rule.stance ?? null,
      bindings: r.bindings.map((b) => bindingData(b, tz, lang)),
    })),
  };
}

function emptyRow(): RowData['row'] {
  return {
    file: '',
    line: 0,
    id: null,
    platform: null,
    type: null,
    account: null,
    nip: null,
    timestamp: null,
    local_time: null,
    text: '',
    target_account: null,
    target_text: '',
    event: '',
    location: '',
    tags: [],
  };
}

function fieldText(a: { text: string; targetText: string; event: string; location: string }, field: TextField): string {
  return field === 'text' ? a.text : field === 'target_text' ? a.targetText : field === 'event' ? a.event : a.location;
}

/** The hashtags of a text as written, first occurrence of each, in order. */
function writtenHashtags(raw: string): string[] {
  const tags: string[] = [];
  for (const m of raw.normalize('NFKC').matchAll(/[#\uFF03]([\p{L}\p{N}_]+)/gu))
    if (!tags.includes(`#${m[1]}`)) tags.push(`#${m[1]}`);
  return tags;
}

function bindingData(b: BindingTrace, tz: string, lang: Lang): BindingData {
  const o = b.outcome;
  const match = o.kind === 'finding' || o.kind === 'merged' || o.kind === 'cancelled' ? o.match : null;
  const exceptions = b.exceptions.map(exceptionData);
  const cancelling =
    o.kind === 'cancelled' && o.reason.kind === 'exception' ? exceptions.find((e) => e.cancelled) : null;
  return {
    candidate: b.candidate?.id ?? null,
    candidate_name: b.candidate ? candidateLabel(b.candidate, 'in_sentence') : null,
    outcome:
      o.kind === 'cancelled' ? (o.reason.kind === 'contradicted' ? 'contradicted' : 'cancelled_by_exception') : o.kind,
    matched: match !== null,
    stance: match?.stance ?? null,
    time: b.time === null ? null : describeTime(timeCheckRecord(b.time), b.candidate, tz, lang),
    evidence: (match?.evidence ?? []).map((e) => ({ condition: e.condition, field: e.field, value: e.value })),
    cancelled_by:
      o.kind === 'cancelled' && o.reason.kind === 'exception'
        ? {
            kind: cancelling?.kind ?? 'unless',
            condition: cancelling?.condition ?? o.reason.condition,
            matched: o.reason.matched,
          }
        : null,
    contradicted_by: o.kind === 'cancelled' && o.reason.kind === 'contradicted' ? o.reason.by : null,
    merged_into: o.kind === 'merged' ? o.into : null,
    when: b.when ? nodeData(b.when.condition, b.when) : null,
    exceptions,
  };
}

function exceptionData(e: ExceptionTrace): ExceptionData {
  return {
    kind: e.kind,
    condition: describeCondition(e.condition),
    held: e.held,
    found: (e.node?.evidence ?? []).map(found),
    still_holds: e.stillHolds ?? null,
    // An unless cancels whenever it holds; a qualifier unless the rule still held without its words.
    cancelled: e.held && e.stillHolds !== true,
    tree: e.node && e.node.children.length > 0 ? nodeData(e.condition, e.node) : null,
  };
}

const found = (e: Evidence) => ({ field: e.field, value: e.value, ...(e.stance ? { stance: e.stance } : {}) });

/** The condition tree as written, with what the trace recorded for each part (or null: not evaluated). */
function nodeData(condition: Condition, node: TraceNode | null): NodeData {
  const parts = nestedOf(condition);
  const children = parts.map((part) => nodeData(part, node?.children.find((c) => c.condition === part) ?? null));
  return {
    condition: describeCondition(condition),
    held: node ? node.held : null,
    // A combinator's evidence is its parts': shown once, on the leaves.
    found: parts.length > 0 || !node ? [] : node.evidence.map(found),
    children,
  };
}

function nestedOf(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  if ('not' in condition) return [condition.not];
  return [];
}

/** A condition as written in the rule file, on one line: `terms: [@civic_neutral]`, `all`, `not`. */
export function describeCondition(condition: Condition): string {
  const key = keyOf(condition);
  if (key === 'all' || key === 'any' || key === 'not') return key;
  const entries = Object.entries(condition as Record<string, unknown>);
  const head = entries.find(([k]) => k === key)!;
  const rest = entries.filter(([k]) => k !== key);
  return [head, ...rest].map(([k, v]) => `${k}: ${flow(v)}`).join(', ');
}

function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return String(value);
}

// ---- text ----------------------------------------------------------------------------------------------------------

export function rowText(data: RowData, lang: Lang): string {
  const w = uiLabels(lang).explainRow;
  const ui = uiLabels(lang);
  const out: string[] = [];
  const r = data.row;
  const quote = (s: string) => `"${s.replace(/\r?\n/g, ' ⏎ ')}"`;
  if (data.rejected !== null) {
    out.push(`${w.row} ${r.file}:${r.line}`, `${w.rejected}: ${data.rejected}`);
    return `${out.join('\n')}\n`;
  }
  const type = r.type ? (ui.activityType[r.type as keyof typeof ui.activityType] ?? r.type) : '';
  const who = r.account ? `@${r.account}` : r.nip ? `NIP ${r.nip}` : '';
  out.push(
    `${w.row} ${r.file}:${r.line}${r.id ? ` (${r.id})` : ''} · ${[r.platform, type, who, r.local_time].filter(Boolean).join(' · ')}`,
  );
  if (r.text) out.push(`${w.text}: ${quote(r.text)}`);
  if (r.target_account) out.push(`${ui.field.target}: @${r.target_account}`);
  if (r.target_text) out.push(`${ui.field.targetText}: ${quote(r.target_text)}`);
  if (r.event) out.push(`event: ${quote(r.event)}`);
  if (r.location) out.push(`location: ${quote(r.location)}`);
  if (r.tags.length > 0) out.push(`tags: ${r.tags.join('; ')}`);
  for (const n of data.normalised) {
    out.push(`${w.normalised} (${n.field}): ${n.tokens.join(' ')}`);
    if (n.roots.length > 0) out.push(`  ${w.roots}: ${n.roots.map((x) => `${x.token} → ${x.root}`).join(', ')}`);
    if (n.hashtags.length > 0)
      out.push(`  ${w.hashtags}: ${n.hashtags.map((h) => `${h.tag} → ${h.words.join(' ')}`).join(', ')}`);
  }
  const p = data.person;
  out.push(
    `${w.person}: ${p ? `${p.name} · ${p.nip} · ${p.agency} · ${p.position}` : data.no_person ? noPersonText(data.no_person, lang) : ''}`,
  );
  out.push(
    w.summary(data.findings.length, data.cancelled.length, data.rules.length, data.rules_not_applicable.length, type),
  );
  if (data.rules.length > 0) out.push(w.legend);
  for (const rule of data.rules) {
    out.push('');
    out.push(
      `${w.rule} ${rule.rule} (${rule.file}) · ${ui.category[rule.category]}${rule.stance ? ` · ${w.stance}: ${ui.stance[rule.stance]}` : ''}`,
    );
    for (const b of rule.bindings) bindingText(b, lang, out);
  }
  if (data.rules_not_applicable.length > 0) {
    out.push('', `${w.notApplicable} (${type}): ${data.rules_not_applicable.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function noPersonText(p: NoPerson, lang: Lang): string {
  const w = uiLabels(lang).explainRow.noPerson;
  if (p.kind === 'nip_not_in_roster') return w.nip_not_in_roster(p);
  if (p.kind === 'account_not_in_roster') return w.account_not_in_roster(p);
  return w.no_account();
}

function bindingText(b: BindingData, lang: Lang, out: string[]): void {
  const w = uiLabels(lang).explainRow;
  const ui = uiLabels(lang);
  const stance = b.stance ? `, ${w.stance}: ${ui.stance[b.stance]}` : '';
  out.push(`  ${b.candidate_name ?? w.noCandidate}: ${w.outcome[b.outcome]}${stance}`);
  if (b.outcome === 'before_since') {
    return;
  }
  if (b.matched && b.time) out.push(`    ${w.time}: ${b.time}`);
  if (b.evidence.length > 0)
    out.push(`    ${w.evidence}: ${b.evidence.map((e) => `${e.field}: "${e.value}"`).join('; ')}`);
  if (b.cancelled_by)
    out.push(
      `    → ${w.cancelledBy(b.cancelled_by.kind === 'unless' ? w.unless : w.qualifier, b.cancelled_by.condition, b.cancelled_by.matched)}`,
    );
  if (b.contradicted_by) out.push(`    → ${w.contradictedBy(b.contradicted_by)}`);
  if (b.merged_into) out.push(`    → ${w.mergedInto(b.merged_into)}`);
  if (b.when) {
    out.push(`    ${w.conditions}:`);
    nodeText(b.when, 3, lang, out);
  }
  if (b.exceptions.length > 0) {
    out.push(`    ${w.exceptions}:`);
    for (const e of b.exceptions) {
      const found = e.found.length > 0 ? ` — ${w.found}: ${e.found.map((f) => `"${f.value}"`).join(', ')}` : '';
      const effect = !e.held
        ? ''
        : e.kind === 'unless'
          ? ` → ${w.vetoes}`
          : e.still_holds === true
            ? ` → ${w.stillHolds}`
            : ` → ${w.noLonger}`;
      out.push(
        `      ${mark(e.held)} ${e.kind === 'unless' ? w.unless : w.qualifier}: ${e.condition}${found}${effect}`,
      );
      if (e.tree) for (const child of e.tree.children) nodeText(child, 4, lang, out);
    }
  }
}

function mark(held: boolean | null): string {
  return held === null ? '·' : held ? '✓' : '✗';
}

function nodeText(node: NodeData, depth: number, lang: Lang, out: string[]): void {
  const w = uiLabels(lang).explainRow;
  const found =
    node.found.length > 0 ? ` — ${w.found}: ${node.found.map((f) => `${f.field}: "${f.value}"`).join('; ')}` : '';
  out.push(
    `${'  '.repeat(depth)}${mark(node.held)} ${node.condition}${node.held === null ? ` (${w.notEvaluated})` : ''}${found}`,
  );
  if (node.held === null) return;
  for (const child of node.children) nodeText(child, depth + 1, lang, out);
}
