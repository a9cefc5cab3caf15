// Compiles a rule's condition tree into a predicate over one activity, for one candidate (or none).
import type { Condition } from './rule-schema.js';
import type { AccountOwner, Candidate, Election } from '../shared/types.js';
import type { Activity } from '../shared/types.js';
import { tokenize } from '../normalize/text.js';
import { candidateTerms, expandTag, expandTerms } from './references.js';
import { TermMatcher, type TermHit } from './term-matcher.js';

export interface Evidence {
  condition: string;
  field: string;
  value: string;
}

type TextField = 'text' | 'target_text' | 'event' | 'location';
const TEXT_FIELDS: readonly TextField[] = ['text', 'target_text', 'event', 'location'];

/** One activity as the conditions see it: normalised tokens are computed once, on first use, and shared by all rules. */
export class ActivityView {
  private readonly tokenCache = new Map<TextField, string[]>();
  private readonly hashtagCache = new Map<TextField, ReadonlySet<string>>();
  readonly targetOwner: AccountOwner | null;
  readonly phases: readonly string[];
  readonly time: number | null;

  constructor(
    readonly activity: Activity,
    election: Election,
  ) {
    this.time = activity.timestamp === null ? null : Date.parse(activity.timestamp);
    this.targetOwner = activity.targetAccount
      ? (election.accounts.get(`${activity.platform}:${activity.targetAccount}`) ?? null)
      : null;
    const t = this.time;
    this.phases = t === null ? [] : election.phases.filter((p) => t >= p.from && t <= p.to).map((p) => p.id);
  }

  private fieldText(field: TextField): string {
    const a = this.activity;
    return field === 'text'
      ? a.text
      : field === 'target_text'
        ? a.targetText
        : field === 'event'
          ? a.event
          : a.location;
  }

  /** Hashtags written as such (`#PramDoel`), lower-case letters and digits only: a deliberate campaign marker, unlike the same words in a sentence. */
  hashtags(field: TextField): ReadonlySet<string> {
    const cached = this.hashtagCache.get(field);
    if (cached) return cached;
    const raw = this.fieldText(field);
    const tags = new Set<string>();
    if (raw.includes('#') || raw.includes('\uFF03')) {
      for (const m of raw.normalize('NFKC').matchAll(/#([\p{L}\p{N}_]+)/gu)) tags.add(hashtagKey(m[1]!));
    }
    this.hashtagCache.set(field, tags);
    return tags;
  }

  tokens(field: TextField): string[] {
    const cached = this.tokenCache.get(field);
    if (cached) return cached;
    const raw = this.fieldText(field);
    const tokens = raw === '' ? [] : tokenize(raw);
    this.tokenCache.set(field, tokens);
    return tokens;
  }
}

export type Predicate = (view: ActivityView, evidence: Evidence[]) => boolean;

export interface CompileContext {
  election: Election;
  vocabulary: Readonly<Record<string, string[]>>;
  candidate: Candidate | null;
}

export function compileCondition(condition: Condition, ctx: CompileContext): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, ctx));
    return (view, ev) => parts.every((p) => p(view, ev));
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, ctx));
    return (view, ev) => parts.some((p) => p(view, ev));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, ctx);
    // Evidence gathered inside a negation is not evidence for the finding.
    return (view) => !inner(view, []);
  }
  if ('terms' in condition) {
    const matcher = new TermMatcher(expandTerms(condition.terms, ctx.election, ctx.vocabulary, ctx.candidate));
    const fields = fieldsOf(condition.in);
    return (view, ev) => {
      for (const field of fields) {
        const hit = matcher.first(view.tokens(field));
        if (hit) {
          ev.push({ condition: 'terms', field, value: hit.term });
          return true;
        }
      }
      return false;
    };
  }
  if ('near' in condition) {
    const left = new TermMatcher(expandTerms(condition.near[0], ctx.election, ctx.vocabulary, ctx.candidate));
    const right = new TermMatcher(expandTerms(condition.near[1], ctx.election, ctx.vocabulary, ctx.candidate));
    const within = condition.within;
    const fields = fieldsOf(condition.in);
    return (view, ev) => {
      for (const field of fields) {
        const tokens = view.tokens(field);
        const a = left.findAll(tokens);
        if (a.length === 0) continue;
        const pair = closePair(a, right.findAll(tokens), within);
        if (pair) {
          ev.push({ condition: 'near', field, value: `${pair[0].term} … ${pair[1].term}` });
          return true;
        }
      }
      return false;
    };
  }
  if ('tags' in condition) {
    const wanted = condition.tags.flatMap((t) => expandTag(t, ctx.candidate));
    const exact = new Set(wanted.filter((t) => !t.endsWith('*')));
    const prefixes = wanted.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
    return (view, ev) => {
      for (const tag of view.activity.tags) {
        if (exact.has(tag) || prefixes.some((p) => tag.startsWith(p))) {
          ev.push({ condition: 'tags', field: 'tags', value: tag });
          return true;
        }
      }
      return false;
    };
  }
  if ('hashtags' in condition) {
    const wanted = new Set(
      expandTerms(condition.hashtags, ctx.election, ctx.vocabulary, ctx.candidate).map(hashtagKey),
    );
    const fields = fieldsOf(condition.in);
    return (view, ev) => {
      for (const field of fields) {
        for (const tag of view.hashtags(field)) {
          if (wanted.has(tag)) {
            ev.push({ condition: 'hashtags', field, value: `#${tag}` });
            return true;
          }
        }
      }
      return false;
    };
  }
  if ('target' in condition) {
    const kinds = new Set(condition.target);
    const candidateId = ctx.candidate?.id ?? null;
    return (view, ev) => {
      const owner = view.targetOwner;
      if (!owner || !kinds.has(owner.kind) || (candidateId !== null && owner.candidate !== candidateId)) return false;
      ev.push({
        condition: 'target',
        field: 'target_account',
        value: `${view.activity.platform}:${view.activity.targetAccount} (${owner.kind}, ${owner.candidate})`,
      });
      return true;
    };
  }
  if ('types' in condition) {
    const types = new Set<string>(condition.types);
    return (view) => types.has(view.activity.type);
  }
  if ('platforms' in condition) {
    const platforms = new Set<string>(condition.platforms);
    return (view) => platforms.has(view.activity.platform);
  }
  if ('phases' in condition) {
    const wanted = new Set(condition.phases);
    return (view, ev) => {
      const phase = view.phases.find((p) => wanted.has(p));
      if (phase) ev.push({ condition: 'phases', field: 'timestamp', value: phase });
      return phase !== undefined;
    };
  }
  if ('other_candidates' in condition) {
    const others = ctx.election.candidates
      .filter((c) => c.id !== ctx.candidate?.id)
      .map(
        (c) =>
          new TermMatcher(['names', 'aliases', 'numbers', 'padded_number'].flatMap((ref) => candidateTerms(c, ref))),
      );
    const min = condition.other_candidates;
    const fields = fieldsOf(condition.in);
    return (view) => {
      let count = 0;
      for (const matcher of others) if (fields.some((f) => matcher.first(view.tokens(f)) !== null)) count++;
      return count >= min;
    };
  }
  const field = condition.has;
  return (view) => {
    const a = view.activity;
    if (field === 'text') return a.text !== '';
    if (field === 'target_text') return a.targetText !== '';
    if (field === 'target_account') return a.targetAccount !== null;
    return a.timestamp !== null;
  };
}

export function hashtagKey(tag: string): string {
  return tag
    .replace(/^#/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function fieldsOf(field: string | undefined): readonly TextField[] {
  if (field === undefined || field === 'text') return ['text'];
  if (field === 'any') return TEXT_FIELDS;
  return [field as TextField];
}

/** Two hits, one from each side, with at most `within` tokens between them (in either order). */
function closePair(a: TermHit[], b: TermHit[], within: number): [TermHit, TermHit] | null {
  for (const x of a) {
    for (const y of b) {
      const gap = x.end <= y.start ? y.start - x.end : y.end <= x.start ? x.start - y.end : 0;
      if (gap <= within) return [x, y];
    }
  }
  return null;
}
