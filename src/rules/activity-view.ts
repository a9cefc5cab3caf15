// One activity as the conditions see it: normalised tokens and hashtags computed once, on first use, and shared by all rules.
import { tokenize } from '../normalize/text.js';
import type { AccountOwner, Activity, Election } from '../shared/types.js';

export type TextField = 'text' | 'target_text' | 'event' | 'location';
export const TEXT_FIELDS: readonly TextField[] = ['text', 'target_text', 'event', 'location'];

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

/** The key a hashtag is compared by: lower case, letters and digits only (`#Pram_Doel` and `#pramdoel` are one tag). */
export function hashtagKey(tag: string): string {
  return tag
    .replace(/^#/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
