// X (Twitter) archive files: tweets → post/comment/share, likes → reaction, following → follow, manifest → owner.
// Each data file assigns `window.YTD.<type>.partN = [...]`; the JSON after `=` is parsed, never executed.
import type { JsonDocument } from './document.js';
import type { ExportFormat, ExportOwner } from './export-types.js';
import { asList, asText, isRecord, listProp, prop, textProp, unwrapSingleKey, type JsonRecord } from './records.js';
import { RowCollector, type ActivityFields } from './rows.js';
import { isoFromXDate } from './times.js';

/** `YTD.tweets.part1` → `tweets`; the classic archive's `Grailbird.data.tweets_2013_11` → `grailbird_tweets`. */
function dataType(document: JsonDocument): string | null {
  const global = document.global ?? '';
  if (/^Grailbird\.data\.tweets_/.test(global)) return 'grailbird_tweets';
  return /^YTD\.([\w$]+)\./.exec(global)?.[1] ?? null;
}

/** Files holding the owner's own tweets, all in the tweet shape. */
const TWEET_TYPES = new Set([
  'tweet',
  'tweets',
  'community_tweet',
  'deleted_tweets',
  'deleted_tweet',
  'grailbird_tweets',
]);

const STATUS_URL = 'https://twitter.com/i/web/status/';
const RETWEET_TEXT = /^RT @(\w{1,15}): ?([\s\S]*)$/;
const TWEET_LINK = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status(?:es)?\/\d+/i;

function isXData(document: JsonDocument, types: (type: string) => boolean): boolean {
  const type = dataType(document);
  return type !== null && types(type);
}

function arrayOrWarning(document: JsonDocument, rows: RowCollector): readonly unknown[] {
  if (document.error !== null) {
    rows.warn(
      document.lines().lineOf([]),
      `not valid JSON after the ${document.global ?? ''} = wrapper: ${document.error}`,
    );
    return [];
  }
  if (!Array.isArray(document.value)) rows.warn(document.lines().lineOf([]), 'expected an array after the wrapper');
  return asList(document.value);
}

export const xTweets: ExportFormat = {
  kind: 'x-tweets',
  platform: 'x',
  recognise: (document) => document.form === 'json' && isXData(document, (type) => TWEET_TYPES.has(type)),
  read(document) {
    const rows = new RowCollector(document.fileName, 'x');
    if (document.form !== 'json') return rows.result();
    const items = arrayOrWarning(document, rows);
    const tweets = items.map(unwrapSingleKey);
    const finalVersionOf = finalEditVersions(tweets);
    const type = dataType(document) ?? '';
    const extraTags = type.startsWith('deleted') ? ['deleted'] : type.startsWith('community') ? ['community'] : [];
    rows.each(
      tweets,
      (index) => document.lines().lineOf([index]),
      (tweet, line) => {
        if (!isRecord(tweet)) return rows.warn(line, 'not a tweet record');
        const id = textProp(tweet, 'id_str') || (typeof prop(tweet, 'id') === 'string' ? textProp(tweet, 'id') : '');
        const finalId = finalVersionOf.get(id);
        if (finalId !== undefined)
          return rows.warn(line, `earlier version of an edited post; its final version ${finalId} is kept instead`);
        const activity = tweetActivity(tweet, id);
        if (typeof activity === 'string') return rows.warn(line, activity);
        rows.add(line, { ...activity, tags: [...(activity.tags ?? []), ...extraTags] });
      },
    );
    return rows.result();
  },
};

/** One tweet as an activity, or the reason it cannot be one. */
function tweetActivity(tweet: JsonRecord, id: string): ActivityFields | string {
  const rawText = textProp(tweet, 'full_text', 'text');
  const createdAt = textProp(tweet, 'created_at');
  const timestamp = isoFromXDate(createdAt);
  if (timestamp === null) return createdAt ? `unrecognised tweet date "${createdAt}"` : 'tweet without created_at';
  const entities = prop(tweet, 'entities');
  const links = listProp(entities, 'urls').filter(isRecord);
  const text = unescapeHtml(expandLinks(rawText, links));
  const common = { id, timestamp, url: id ? STATUS_URL + id : '', tags: hasPhoto(tweet) ? ['photo'] : [] };

  const retweeted = prop(tweet, 'retweeted_status');
  if (isRecord(retweeted)) {
    const author = textProp(prop(retweeted, 'user'), 'screen_name');
    const original = unescapeHtml(textProp(retweeted, 'full_text', 'text'));
    return { ...common, type: 'share', target_account: author, target_text: original };
  }
  // Archives mark manual and native retweets alike only by their text (`retweeted` is false for both).
  const retweet = RETWEET_TEXT.exec(text);
  if (retweet) return { ...common, type: 'share', target_account: retweet[1], target_text: retweet[2] };

  const repliedTo = textProp(tweet, 'in_reply_to_screen_name');
  if (repliedTo || textProp(tweet, 'in_reply_to_status_id_str')) {
    return { ...common, type: 'comment', text, target_account: repliedTo };
  }
  // A quote tweet links to the quoted one: it shares that post, with the owner's words as its text.
  const quoted = links
    .map((link) => TWEET_LINK.exec(textProp(link, 'expanded_url'))?.[1])
    .find((user) => user && user !== 'i');
  if (quoted) return { ...common, type: 'share', text, target_account: quoted };
  return { ...common, type: 'post', text };
}

/** Edited tweets appear once per version, linked by `edit_info`: map each superseded id to its final version. */
function finalEditVersions(tweets: readonly unknown[]): Map<string, string> {
  const present = new Set(tweets.map((tweet) => textProp(tweet, 'id_str')).filter(Boolean));
  const superseded = new Map<string, string>();
  for (const tweet of tweets) {
    const editInfo = prop(tweet, 'edit_info');
    const chain =
      listProp(prop(editInfo, 'initial'), 'editTweetIds').length > 0
        ? listProp(prop(editInfo, 'initial'), 'editTweetIds')
        : listProp(prop(prop(editInfo, 'edit'), 'editControlInitial'), 'editTweetIds');
    const ids = chain.map(asText).filter(Boolean);
    const last = ids[ids.length - 1];
    if (last === undefined || !present.has(last)) continue;
    for (const id of ids.slice(0, -1)) superseded.set(id, last);
  }
  return superseded;
}

/** Replaces t.co short links with the addresses they stand for, so rules see the real domains. */
function expandLinks(text: string, links: readonly JsonRecord[]): string {
  return links.reduce((expanded, link) => {
    const short = textProp(link, 'url');
    const long = textProp(link, 'expanded_url');
    return short && long ? expanded.replaceAll(short, long) : expanded;
  }, text);
}

/** The archive HTML-escapes tweet text (`&amp;`, `&lt;`, `&gt;`). */
function unescapeHtml(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (whole, name: string) => entities[name] ?? whole);
}

function hasPhoto(tweet: JsonRecord): boolean {
  const media = [...listProp(prop(tweet, 'extended_entities'), 'media'), ...listProp(prop(tweet, 'entities'), 'media')];
  return media.some((item) => textProp(item, 'type') === 'photo');
}

/** An archive file of one record a line item (`like.js`, `following.js`), each read into an activity or a warning. */
function xListFormat(
  kind: string,
  dataType: string,
  readEntry: (entry: unknown) => ActivityFields | string,
): ExportFormat {
  return {
    kind,
    platform: 'x',
    recognise: (document) => document.form === 'json' && isXData(document, (type) => type === dataType),
    read(document) {
      const rows = new RowCollector(document.fileName, 'x');
      if (document.form !== 'json') return rows.result();
      rows.each(
        arrayOrWarning(document, rows).map(unwrapSingleKey),
        (index) => document.lines().lineOf([index]),
        (entry, line) => {
          const activity = readEntry(entry);
          if (typeof activity === 'string') rows.warn(line, activity);
          else rows.add(line, activity);
        },
      );
      return rows.result();
    },
  };
}

export const xLikes = xListFormat('x-likes', 'like', (like) => {
  const tweetId = textProp(like, 'tweetId');
  if (!tweetId) return 'like without tweetId';
  // Likes carry no time and no author handle: only the liked text and its link (export-formats.md §1.3).
  return {
    type: 'reaction',
    timestamp: null,
    target_text: unescapeHtml(textProp(like, 'fullText')),
    url: textProp(like, 'expandedUrl') || STATUS_URL + tweetId,
  };
});

export const xFollowing = xListFormat('x-following', 'following', (follow) => {
  const userLink = textProp(follow, 'userLink');
  const accountId = textProp(follow, 'accountId') || (/user_id=(\d+)/.exec(userLink)?.[1] ?? '');
  if (!accountId) return 'followed account without accountId or userLink';
  // The archive names followed accounts by numeric id only; matching needs ids in the election file.
  return { type: 'follow', timestamp: null, target_account: accountId, url: userLink };
});

export const xManifest: ExportFormat = {
  kind: 'x-manifest',
  platform: 'x',
  recognise: (document) => document.form === 'json' && document.global === '__THAR_CONFIG',
  read(document) {
    const rows = new RowCollector(document.fileName, 'x');
    if (document.form !== 'json') return rows.result();
    if (document.error !== null) rows.warn(1, `not valid JSON after the __THAR_CONFIG = wrapper: ${document.error}`);
    return rows.result(xOwnerFromManifest(document.value));
  },
};

/** Every other archive file (ads, devices, DMs, followers…): known to be X, but no activity the audit reads. */
export const xOtherData: ExportFormat = {
  kind: 'x-unused-data',
  platform: 'x',
  recognise: (document) => document.form === 'json' && /^YTD\./.test(document.global ?? ''),
  read: (document) => new RowCollector(document.fileName, 'x').result(),
};

export function xOwnerFromManifest(manifest: unknown): ExportOwner | null {
  const userInfo = prop(manifest, 'userInfo');
  const handle = textProp(userInfo, 'userName');
  const name = textProp(userInfo, 'displayName');
  return handle ? { platform: 'x', handle, ...(name ? { name } : {}) } : null;
}

/** `account.js`: `[{"account": {"username", "accountDisplayName", …}}]`. */
export function xOwnerFromAccount(account: unknown): ExportOwner | null {
  const record = unwrapSingleKey(asList(account)[0]);
  const handle = textProp(record, 'username');
  const name = textProp(record, 'accountDisplayName');
  return handle ? { platform: 'x', handle, ...(name ? { name } : {}) } : null;
}

export const X_FORMATS: readonly ExportFormat[] = [xManifest, xTweets, xLikes, xFollowing, xOtherData];
