// One activity as the conditions see it: normalised tokens, their roots and hashtags computed once, on first use,
// and shared by all rules; and the same activity with some words taken out, to see what an exception leaves.
import { rootOf } from '../normalize/affixes.js';
import { type KnownWords, tokenize } from '../normalize/text.js';
import type { AccountOwner, Activity, Election } from '../shared/types.js';
import type { TokenRoots } from './term-matcher.js';
import type { EvaluationTrace } from './trace.js';

export type TextField = 'text' | 'target_text' | 'event' | 'location';
export const TEXT_FIELDS: readonly TextField[] = ['text', 'target_text', 'event', 'location'];

/** What text normalisation knows of the rule pack and the election: words to split hashtags by, roots to peel affixes to. */
export interface TextModel {
  hashtagWords: KnownWords;
  roots: ReadonlySet<string>;
}

export const PLAIN_TEXT: TextModel = { hashtagWords: { words: new Set(), longest: 0 }, roots: new Set() };

/** A run of tokens of one field, `end` exclusive: where a piece of evidence was found. */
export interface TokenSpan {
  field: TextField;
  start: number;
  end: number;
}

/** Stands in for a word taken out: it equals no term. */
const REMOVED = '\u0000';

export class ActivityView {
  private readonly tokenCache = new Map<TextField, string[]>();
  private readonly rootCache = new Map<TextField, TokenRoots>();
  private readonly hashtagCache = new Map<TextField, ReadonlySet<string>>();
  readonly targetOwner: AccountOwner | null;
  readonly phases: readonly string[];
  readonly time: number | null;
  /** Set only on the view `explain --row` evaluates: the conditions record into it (trace.ts). */
  readonly trace: EvaluationTrace | null = null;

  constructor(
    readonly activity: Activity,
    election: Election,
    readonly text: TextModel = PLAIN_TEXT,
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
    const tokens = raw === '' ? [] : tokenize(raw, this.text.hashtagWords);
    this.tokenCache.set(field, tokens);
    return tokens;
  }

  /** The known root of each token that has an affix (`mendukung` → `dukung`), by index; empty when none has. */
  roots(field: TextField): TokenRoots {
    const cached = this.rootCache.get(field);
    if (cached) return cached;
    const roots: (string | undefined)[] = [];
    const tokens = this.tokens(field);
    if (this.text.roots.size > 0) {
      tokens.forEach((token, i) => {
        const root = rootOf(token, this.text.roots);
        if (root !== null) roots[i] = root;
      });
    }
    const result = roots.length === 0 ? [] : Array.from({ length: tokens.length }, (_, i) => roots[i]);
    this.rootCache.set(field, result);
    return result;
  }

  /** The same activity, its caches shared, carrying a trace that the conditions evaluated on it record into. */
  withTrace(trace: EvaluationTrace): ActivityView {
    const view = Object.create(ActivityView.prototype) as ActivityView;
    Object.assign(view, this, { trace });
    return view;
  }

  /** The same activity with the words of `spans` taken out of their fields: what is left once an exception's words go. */
  without(spans: readonly TokenSpan[]): ActivityView {
    const view = Object.create(ActivityView.prototype) as ActivityView;
    Object.assign(view, this, { tokenCache: new Map(this.tokenCache), rootCache: new Map(this.rootCache) });
    for (const span of spans) {
      const tokens = [...view.tokens(span.field)];
      const roots = [...view.roots(span.field)];
      for (let i = span.start; i < span.end && i < tokens.length; i++) {
        tokens[i] = REMOVED;
        if (roots.length > 0) roots[i] = undefined;
      }
      view.tokenCache.set(span.field, tokens);
      view.rootCache.set(span.field, roots);
    }
    return view;
  }
}

/** The key a hashtag is compared by: lower case, letters and digits only (`#Pram_Doel` and `#pramdoel` are one tag). */
export function hashtagKey(tag: string): string {
  return tag
    .replace(/^#/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
