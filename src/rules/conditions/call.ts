// `call`: a call to vote for the candidate ("coblos 03", "03 pilihanku"), or against them when the call is
// negated ("jangan pilih 03", Sundanese "ulah milih 03", Javanese "ojo milih 03"). Each mention of the candidate
// takes the nearest call word, preferring one before it, and never one that another candidate's mention stands
// between: in "jangan pilih 02, pilih 01" the first "pilih" belongs to 02 and is negated, the second to 01.
// A contrast word between the call and the mention turns the call around: in "pilih pemimpin yang jujur, bukan
// seperti Jokowi" the call is against Jokowi, and in "pilih 02 daripada 01" against 01.
import { z } from 'zod';
import { STANCES, type Stance } from '../../shared/types.js';
import type { ActivityView, TextField } from '../activity-view.js';
import { candidateTerms, mentionTerms } from '../references.js';
import { TermMatcher, type TermHit } from '../term-matcher.js';
import { narrowestGate, termsGate } from '../gate.js';
import type { ConditionKind } from './kind.js';
import { hitWords } from './text-evidence.js';
import { fieldsOf, inField, term, type InChoice } from './text-fields.js';

export type CallCondition = {
  call: [cues: string[], targets: string[]];
  within: number;
  negations: string[];
  contrasts?: string[];
  /** Phrases that tell of someone else's choice ("yang anda dukung", "yang pilih"): their cue words are no call. */
  descriptions?: string[];
  stance: Stance;
  in?: InChoice;
};

export const callKind: ConditionKind<CallCondition> = {
  schema: () =>
    z.strictObject({
      call: z.tuple([z.array(term).min(1), z.array(term).min(1)]),
      within: z.number().int().min(0).max(50),
      negations: z.array(term).min(1),
      contrasts: z.array(term).min(1).optional(),
      descriptions: z.array(term).min(1).optional(),
      stance: z.enum(STANCES),
      in: inField,
    }),
  compile: (c, ctx) => {
    const cues = ctx.matcher(c.call[0]);
    const targets = ctx.matcher(c.call[1]);
    const negations = ctx.matcher(c.negations);
    const contrasts = c.contrasts ? ctx.matcher(c.contrasts) : null;
    const descriptions = c.descriptions ? ctx.matcher(c.descriptions) : null;
    const others = new TermMatcher(
      ctx.election.candidates
        .filter((o) => o.id !== ctx.candidate?.id)
        .flatMap((o) => [...mentionTerms(o), ...candidateTerms(o, 'number')]),
    );
    const fields = fieldsOf(c.in);
    return (view, evidence) => {
      for (const field of fields) {
        const found = findCall(
          view,
          field,
          { cues, targets, negations, contrasts, descriptions, others },
          c.within,
          c.stance,
        );
        if (found) {
          const [cue, target, turn] = found;
          const hits = [turn, cue, target].filter((h): h is TermHit => h !== null).sort((a, b) => a.start - b.start);
          evidence.push({
            condition: 'call',
            field,
            value: hits.map((h) => hitWords(view, field, h)).join(' … '),
            spans: hits.map((h) => ({ field, start: h.start, end: h.end })),
            stance: c.stance,
          });
          return true;
        }
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => [...c.call[0], ...c.call[1]].some(tree.refers),
  // A cue and a mention of the candidate are both needed, so either list's words are.
  gate: (c, ctx) => narrowestGate(c.call.map((terms) => termsGate([ctx.matcher(terms)], fieldsOf(c.in)))),
  explain: {
    id: (e) =>
      e.stance === 'against'
        ? `ajakan untuk tidak memilih: "${e.value.replaceAll(' … ', ' ')}" di kolom ${e.field}`
        : `ajakan memilih: "${e.value.replaceAll(' … ', ' ')}" di kolom ${e.field}`,
    en: (e) =>
      e.stance === 'against'
        ? `a call not to vote: "${e.value.replaceAll(' … ', ' ')}" in the ${e.field} column`
        : `a call to vote: "${e.value.replaceAll(' … ', ' ')}" in the ${e.field} column`,
  },
  doc: {
    syntax:
      '`call: [[cues], [targets]]`, `within: N`, `negations: [...]`, optional `contrasts: [...]`, `stance: support\\|against`',
    trueWhen:
      'a cue word (pilih, dukung…) is tied to a mention of the candidate, with no other candidate between; `against`: the cue is negated (jangan, ulah, ojo…) or a contrast word (bukan, daripada…) stands between the cue and the mention',
  },
};

interface CallMatchers {
  cues: TermMatcher;
  targets: TermMatcher;
  negations: TermMatcher;
  contrasts: TermMatcher | null;
  descriptions: TermMatcher | null;
  others: TermMatcher;
}

/** The first mention whose call has the wanted stance: [cue, mention, the negation or contrast that turned it, or null]. */
function findCall(
  view: ActivityView,
  field: TextField,
  m: CallMatchers,
  within: number,
  stance: Stance,
): [TermHit, TermHit, TermHit | null] | null {
  const tokens = view.tokens(field);
  const roots = view.roots(field);
  const targets = m.targets.findAll(tokens, roots);
  if (targets.length === 0) return null;
  const described = m.descriptions?.findAll(tokens, roots) ?? [];
  const cues = m.cues.findAll(tokens, roots).filter((c) => !described.some((d) => overlaps(c, d)));
  if (cues.length === 0) return null;
  const others = m.others.findAll(tokens, roots);
  // A negation word inside a cue phrase ("jangan lupa" is a reminder) is not a negation.
  const negations = m.negations.findAll(tokens, roots).filter((n) => !cues.some((c) => overlaps(c, n)));
  const contrasts = m.contrasts?.findAll(tokens, roots) ?? [];
  for (const target of targets) {
    const cue = attachedCue(target, cues, others, within);
    if (!cue) continue;
    // A negation ends right before the call word; longer ones are listed whole ("jangan sampai"), so "gak sabar
    // nyoblos" stays a call.
    const negation = negations.find((n) => n.end === cue.start) ?? null;
    const contrast =
      cue.end <= target.start ? (contrasts.find((t) => t.start >= cue.end && t.end <= target.start) ?? null) : null;
    // Each turns the call around, so both together ("ga ada alasan ga pilih A") turn it back.
    const against = (negation !== null) !== (contrast !== null);
    if (against === (stance === 'against')) return [cue, target, negation ?? contrast];
  }
  return null;
}

/**
 * The nearest cue before the mention within reach, else the nearest after it; none past another candidate's mention.
 * A cue after the mention that another candidate's mention follows within reach is that one's: in "jokowi ngemis
 * gaji #BeraniPilih02" the "pilih" is for 02.
 */
function attachedCue(target: TermHit, cues: readonly TermHit[], others: readonly TermHit[], within: number) {
  const between = (from: number, to: number) => others.some((o) => o.start >= from && o.end <= to);
  const claimed = (cue: TermHit) => others.some((o) => o.start >= cue.end && o.start - cue.end <= within);
  let before: TermHit | null = null;
  let after: TermHit | null = null;
  for (const cue of cues) {
    if (cue.end <= target.start && target.start - cue.end <= within && !between(cue.end, target.start)) {
      if (!before || cue.end > before.end) before = cue;
    } else if (
      cue.start >= target.end &&
      cue.start - target.end <= within &&
      !between(target.end, cue.start) &&
      !claimed(cue)
    ) {
      if (!after || cue.start < after.start) after = cue;
    }
  }
  return before ?? after;
}

function overlaps(a: TermHit, b: TermHit): boolean {
  return a.start < b.end && b.start < a.end;
}
