// The words of `asn-audit explain`: one finding, why it was raised, in Indonesian or English plain text.
import { Document, isScalar, isSeq, visit } from 'yaml';
import { type Condition, explainEvidence } from '../rules/conditions/index.js';
import type { Rule } from '../rules/rule-schema.js';
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { describeTimeFromReport, fillMessage } from '../aggregate/wording.js';
import { candidateLabel } from '../shared/candidate-label.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { type RulesNote, uiLabels } from '../shared/labels/index.js';
import type { Lang } from '../shared/types.js';

/** The rule as the pack defines it, when the pack could be read: its own titles and its condition tree. */
export interface RuleSource {
  file: string;
  rule: Rule;
}

export type { RulesNote };

export interface Explanation {
  finding: Finding;
  person: ReportPerson;
  /** null: no rule pack was read, or the pack has no rule with this id (`rulesNote` then says so). */
  rule: RuleSource | null;
  rulesNote: RulesNote | null;
  lang: Lang;
  /** The report's election block: candidates and time zone, to say the time check in `lang`. */
  election: Report['election'];
}

export function explainText({ finding, person, rule, rulesNote, lang, election }: Explanation): string {
  const ui = uiLabels(lang);
  const w = ui.explain;
  const f = finding;
  const a = f.activity;
  const lines: string[] = [];
  const line = (label: string, value: string) => lines.push(`  ${label}: ${value}`);

  lines.push(`${w.heading} ${f.fingerprint}${f.suppressed ? ` [${ui.status.suppressed.toUpperCase()}]` : ''}`);
  lines.push(
    `${w.person}: ${person.name} (${ui.field.nip} ${person.nip})${[person.position, person.agency]
      .filter(Boolean)
      .map((s) => `, ${s}`)
      .join('')}`,
  );
  lines.push('', w.why);
  line(ui.field.rule, `${f.rule}: ${rule ? rule.rule.title[lang] : f.title}`);
  line(ui.field.category, labelled(ui.category[f.category], f.category));
  line(ui.field.severity, `${ui.severity[f.severity]} · ${ui.field.confidence}: ${ui.confidence[f.confidence]}`);
  line(ui.field.candidate, f.candidate ?? w.noCandidate);
  if (f.stance !== null) line(ui.field.stance, ui.stance[f.stance]);
  lines.push(`  ${w.matched}:`);
  if (f.evidence.matched.length === 0) lines.push(`    ${w.noMatched}`);
  for (const m of f.evidence.matched) lines.push(`    - ${explainEvidence(m, lang)}`);
  line(w.time, describeTimeFromReport(f, election, lang) ?? f.evidence.time);
  line(w.phase, f.evidence.phase ?? w.noPhase);
  lines.push(`  ${messageIn(f, rule, election, lang)}`);

  lines.push('', w.legal);
  line(ui.field.basis, `${ui.basis[f.basis]} (${f.basis}), ${w.skbRow(f.legal.skb)}`);
  line(ui.field.sanction, ui.sanctionLabel[f.legal.sanction]);
  lines.push(`  ${ui.field.references}:`, ...f.legal.refs.map((ref) => `    - ${ref}`));

  lines.push('', w.activity);
  line(ui.field.source, `${a.source.file}:${a.source.line}`);
  const when =
    a.timestamp === null
      ? '—'
      : `${formatLocalDateTime(a.timestamp, election.timezone)} ${zoneName(election.timezone)} (${a.timestamp})`;
  line(
    ui.field.platform,
    `${a.platform}${a.account ? `, @${a.account}` : ''}, ${labelled(ui.activityType[a.type], a.type)}, ${when}`,
  );
  if (a.target_account) line(ui.field.target, a.target_account);
  if (a.url) line(ui.field.link, a.url);
  for (const [label, text] of [
    [ui.field.text, a.text],
    [ui.field.targetText, a.target_text],
    ['event', a.event],
  ] as const) {
    if (text) lines.push(`  ${label}:`, quote(text));
  }
  if (a.tags.length > 0) line('tags', a.tags.join('; '));
  if (f.suppression)
    line(ui.field.status, `${ui.status.suppressedBecause(f.suppression.reason)}${suppressionBy(f.suppression)}`);

  if (rule) lines.push('', `${w.tree} (${rule.file}):`, indent(conditionYaml(rule.rule)), `  ${w.treeLegend}`);
  if (rulesNote) lines.push('', w.note(rulesNote, f.rule));
  lines.push('', w.lead);
  return `${lines.join('\n')}\n`;
}

/** The label, and the code the files use when it reads differently. */
function labelled(label: string, code: string): string {
  return label === code ? code : `${label} (${code})`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `    > ${l}`)
    .join('\n');
}

function suppressionBy(s: NonNullable<Finding['suppression']>): string {
  const by = [s.reviewer, s.date].filter(Boolean).join(', ');
  return by ? ` (${by})` : '';
}

/** `when` and, if any, `unless` and `qualifiers` of the rule, as the YAML a rule author writes. */
function conditionYaml(rule: Rule): string {
  const tree: { when: Condition; unless?: Condition[]; qualifiers?: Condition[] } = { when: rule.when };
  if (rule.unless.length > 0) tree.unless = rule.unless;
  if (rule.qualifiers.length > 0) tree.qualifiers = rule.qualifiers;
  const doc = new Document(tree);
  // Lists of terms read best on one line, `[a, b]`, as rule authors write them; nesting stays in blocks.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item) || (isSeq(item) && item.items.every(isScalar))))
        node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The finding's message in the explain language, rebuilt from the rule when the pack has it; else the report's own. */
function messageIn(f: Finding, rule: RuleSource | null, election: Report['election'], lang: Lang): string {
  if (!rule) return f.message;
  const c = election.candidates.find((x) => x.id === f.candidate);
  return fillMessage(rule.rule.message[lang], {
    candidate: c ? candidateLabel(c, 'in_sentence') : (f.candidate ?? ''),
    target: f.activity.target_account ? `@${f.activity.target_account}` : '',
    matched: f.evidence.matched.map((m) => m.value).join(', '),
    event: f.activity.event,
  });
}
