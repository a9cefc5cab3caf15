// Facebook "Download Your Information" JSON: posts, comments, reactions, pages followed or liked, groups, events.
// Times are unix seconds; text carries the Meta mojibake, repaired before anything is read (export-formats.md §2).
import type { ExportDocument } from './document.js';
import type { ExportFormat, ExportOwner } from './export-types.js';
import {
  commentTargetFromTitle,
  groupFromTitle,
  isCheckInTitle,
  reactionTargetFromTitle,
  shareTargetFromTitle,
} from './facebook-titles.js';
import { type ItemReader, metaValue, readItems } from './meta-document.js';
import { asList, isRecord, listProp, prop, textProp, type JsonRecord } from './records.js';
import { RowCollector, type ActivityFields } from './rows.js';
import { isoFromUnixSeconds } from './times.js';

/** A file whose top level is `{ "<name>_vN": [ items ] }`: the key family, and how each item reads. */
interface WrappedList {
  kind: string;
  key: RegExp;
  readItem: ItemReader;
}

function timestampOf(item: JsonRecord): string | null {
  return isoFromUnixSeconds(prop(item, 'timestamp'));
}

/** The `data[]` fragments of an item, and of its attachments. */
function fragments(item: JsonRecord): JsonRecord[] {
  const own = listProp(item, 'data').filter(isRecord);
  const attached = listProp(item, 'attachments')
    .flatMap((attachment) => listProp(attachment, 'data'))
    .filter(isRecord);
  return [...own, ...attached];
}

function firstName(item: JsonRecord): string {
  return (
    textProp(item, 'name') ||
    fragments(item)
      .map((fragment) => textProp(fragment, 'name'))
      .find(Boolean) ||
    ''
  );
}

const readFollowedPage: ItemReader = (item) => {
  const page = firstName(item) || textProp(item, 'title');
  return page
    ? { type: 'follow', timestamp: timestampOf(item), target_account: page, url: textProp(item, 'url') }
    : 'followed page without a name';
};

const readLikedPage: ItemReader = (item) => {
  const page = firstName(item) || textProp(item, 'title');
  if (!page) return 'liked page without a name';
  // Liking a page subscribes to it: the same act as following it, for the audit.
  return {
    type: 'follow',
    timestamp: timestampOf(item),
    target_account: page,
    url: textProp(item, 'url'),
    tags: ['page_like'],
  };
};

const readComment: ItemReader = (item) => {
  const comment = fragments(item)
    .map((fragment) => prop(fragment, 'comment'))
    .find(isRecord);
  const text = textProp(comment, 'comment');
  if (!comment && !textProp(item, 'title')) return 'comment record without comment data or title';
  const group = textProp(comment, 'group');
  return {
    type: 'comment',
    timestamp: timestampOf(item) ?? isoFromUnixSeconds(prop(comment, 'timestamp')),
    text,
    target_account: commentTargetFromTitle(textProp(item, 'title')),
    url: externalUrl(item),
    tags: group ? [`group:${group}`] : [],
  };
};

const readReaction: ItemReader = (item) => {
  const reaction = fragments(item)
    .map((fragment) => prop(fragment, 'reaction'))
    .find(isRecord);
  if (!reaction && !textProp(item, 'title')) return 'reaction record without reaction data or title';
  const kind = textProp(reaction, 'reaction').toLowerCase();
  return {
    type: 'reaction',
    timestamp: timestampOf(item),
    target_account: reactionTargetFromTitle(textProp(item, 'title')),
    url: externalUrl(item),
    tags: kind ? [`reaction:${kind}`] : [],
  };
};

const readGroupJoined: ItemReader = (item) => {
  const group = firstName(item) || groupFromTitle(textProp(item, 'title'));
  return group
    ? { type: 'join_group', timestamp: timestampOf(item), target_account: group }
    : 'group membership without a group name';
};

function externalUrl(item: JsonRecord): string {
  return (
    fragments(item)
      .map((fragment) => textProp(prop(fragment, 'external_context'), 'url'))
      .find(Boolean) ?? ''
  );
}

const PHOTO_URI = /\.(?:jpe?g|png|gif|webp|heic)$/i;

/** Own posts (also in groups): text, link, place, photos; a "shared X's post" title makes it a share. */
function readPost(extraTags: readonly string[]): ItemReader {
  return (item) => {
    const parts = fragments(item);
    const title = textProp(item, 'title');
    const media = parts.map((fragment) => prop(fragment, 'media')).filter(isRecord);
    const text =
      parts
        .map((fragment) => textProp(fragment, 'post'))
        .filter(Boolean)
        .join('\n') ||
      media
        .map((photo) => textProp(photo, 'description'))
        .filter(Boolean)
        .join('\n');
    const place = parts.map((fragment) => prop(fragment, 'place')).find(isRecord);
    const location = textProp(place, 'name') || textProp(place, 'address');
    const tagged = listProp(item, 'tags')
      .map((person) => textProp(person, 'name') || (typeof person === 'string' ? person : ''))
      .filter(Boolean);
    if (!text && !title && parts.length === 0) return 'post without text, title or attachments';
    const tags = [
      ...extraTags,
      ...(media.some((photo) => PHOTO_URI.test(textProp(photo, 'uri'))) ? ['photo'] : []),
      ...tagged.map((name) => `tagged:${name}`),
    ];
    const common = { timestamp: timestampOf(item), text, url: externalUrl(item), location, tags };
    const sharedFrom = shareTargetFromTitle(title);
    if (sharedFrom !== null) return { ...common, type: 'share', target_account: sharedFrom };
    if (place && isCheckInTitle(title)) return { ...common, type: 'attendance', event: textProp(place, 'name') };
    return { ...common, type: 'post' };
  };
}

const WRAPPED_LISTS: readonly WrappedList[] = [
  { kind: 'facebook-pages-followed', key: /^pages_followed(_v\d+)?$/, readItem: readFollowedPage },
  { kind: 'facebook-pages-liked', key: /^page_likes(_v\d+)?$/, readItem: readLikedPage },
  { kind: 'facebook-following', key: /^following(_v\d+)?$/, readItem: readFollowedPage },
  { kind: 'facebook-comments', key: /^comments(_v\d+)?$/, readItem: readComment },
  { kind: 'facebook-group-comments', key: /^group_comments(_v\d+)?$/, readItem: readComment },
  { kind: 'facebook-reactions', key: /^reactions(_v\d+)?$/, readItem: readReaction },
  { kind: 'facebook-groups-joined', key: /^groups_joined(_v\d+)?$/, readItem: readGroupJoined },
  { kind: 'facebook-group-posts', key: /^group_posts(_v\d+)?$/, readItem: readPost(['group']) },
];

/** The wrapper key this list format reads, when the document has it with Facebook-shaped items. */
function wrappedKey(list: WrappedList, document: ExportDocument): string | null {
  if (document.form !== 'json' || document.global !== null || !isRecord(document.value)) return null;
  const key = Object.keys(document.value).find((name) => list.key.test(name));
  if (key === undefined) return null;
  const items = document.value[key];
  if (!Array.isArray(items)) return null;
  const first: unknown = items[0];
  return first === undefined || typeof prop(first, 'timestamp') === 'number' ? key : null;
}

function wrappedListFormat(list: WrappedList): ExportFormat {
  return {
    kind: list.kind,
    platform: 'facebook',
    recognise: (document) => wrappedKey(list, document) !== null,
    read(document) {
      const rows = new RowCollector(document.fileName, 'facebook');
      const key = wrappedKey(list, document);
      if (key === null || document.form !== 'json') return rows.result();
      const items = listProp(metaValue(document), key);
      readItems(document, rows, items, [key], list.readItem);
      return rows.result(ownerFromComments(items));
    },
  };
}

/** Comment data names its author: the export's owner, by display name. */
function ownerFromComments(items: readonly unknown[]): ExportOwner | null {
  for (const item of items) {
    const author = listProp(item, 'data')
      .map((fragment) => textProp(prop(fragment, 'comment'), 'author'))
      .find(Boolean);
    if (author) return { platform: 'facebook', name: author };
  }
  return null;
}

/** A top-level array whose first records look like `shape`. */
function topLevelArray(document: ExportDocument, shape: (item: JsonRecord) => boolean): readonly unknown[] | null {
  if (document.form !== 'json' || document.global !== null || !Array.isArray(document.value)) return null;
  const sample = document.value.slice(0, 5);
  return sample.length > 0 && sample.every((item) => isRecord(item) && shape(item)) ? document.value : null;
}

function hasReactionData(item: JsonRecord): boolean {
  return listProp(item, 'data').some((fragment) => isRecord(prop(fragment, 'reaction')));
}

function isReactionItem(item: JsonRecord): boolean {
  return (
    typeof prop(item, 'timestamp') === 'number' && (hasReactionData(item) || Array.isArray(prop(item, 'label_values')))
  );
}

function isPostItem(item: JsonRecord): boolean {
  return (
    typeof prop(item, 'timestamp') === 'number' &&
    !hasReactionData(item) &&
    (Array.isArray(prop(item, 'data')) || Array.isArray(prop(item, 'attachments')))
  );
}

/** `likes_and_reactions_N.json`: a top-level array, in the legacy `data[].reaction` or the newer label/value shape. */
export const facebookReactionList: ExportFormat = {
  kind: 'facebook-reactions',
  platform: 'facebook',
  recognise: (document) => topLevelArray(document, isReactionItem) !== null,
  read(document) {
    const rows = new RowCollector(document.fileName, 'facebook');
    if (document.form !== 'json') return rows.result();
    readItems(document, rows, asList(metaValue(document)), [], (item) =>
      Array.isArray(prop(item, 'label_values')) ? readLabelledReaction(item) : readReaction(item),
    );
    return rows.result();
  },
};

/** Localised labels of the label/value reaction shape (reported for 2025–2026 exports, not in our samples). */
const REACTION_LABELS = ['reaction', 'reaksi', 'cảm xúc', 'réaction'];
const URL_LABELS = ['url', 'link', 'tautan', 'lien'];
const NAME_LABELS = ['name', 'nama', 'tên', 'nom'];
const AUTHOR_BLOCKS = ['author', 'penulis', 'tác giả', 'auteur', 'group', 'grup', 'nhóm', 'groupe'];

function labelled(entries: readonly unknown[], labels: readonly string[]): JsonRecord | undefined {
  return entries.filter(isRecord).find((entry) => labels.includes(textProp(entry, 'label').toLowerCase()));
}

function readLabelledReaction(item: JsonRecord): ActivityFields | string {
  const entries = listProp(item, 'label_values');
  const link = labelled(entries, URL_LABELS);
  const url =
    textProp(link, 'href') ||
    textProp(link, 'value') ||
    entries.map((entry) => textProp(entry, 'href')).find(Boolean) ||
    '';
  const kind = textProp(labelled(entries, REACTION_LABELS), 'value').toLowerCase();
  const ownerBlock = entries
    .filter(isRecord)
    .find((entry) => AUTHOR_BLOCKS.includes(textProp(entry, 'title').toLowerCase()));
  const target =
    textProp(labelled(listProp(ownerBlock, 'dict'), NAME_LABELS), 'value') ||
    textProp(labelled(entries, NAME_LABELS), 'value');
  if (!url && !target && !kind) return 'reaction record whose labels are not recognised';
  return {
    type: 'reaction',
    timestamp: timestampOf(item),
    target_account: target,
    url,
    tags: kind ? [`reaction:${kind}`] : [],
  };
}

/** `your_posts_1.json`, `your_posts__check_ins__photos_and_videos_1.json`: a top-level array of posts. */
export const facebookPosts: ExportFormat = {
  kind: 'facebook-posts',
  platform: 'facebook',
  recognise: (document) => topLevelArray(document, isPostItem) !== null,
  read(document) {
    const rows = new RowCollector(document.fileName, 'facebook');
    if (document.form !== 'json') return rows.result();
    readItems(document, rows, asList(metaValue(document)), [], readPost([]));
    return rows.result();
  },
};

function eventResponsesKey(document: ExportDocument): string | null {
  if (document.form !== 'json' || document.global !== null || !isRecord(document.value)) return null;
  const value = document.value;
  return Object.keys(value).find((key) => /^event_responses(_v\d+)?$/.test(key) && isRecord(value[key])) ?? null;
}

/**
 * `your_event_responses.json`. "Joined" is the RSVP "going" and becomes attendance. "Interested" does not say the
 * person went: it is read as attendance tagged `rsvp:interested` (INTERESTED_TAG), a valid act that the bundled
 * attendance rules exempt, so that a reviewer sees it among the cancelled findings and nobody is accused of being
 * there. "Declined" says the person did not go: nothing to audit, so those are not read.
 */
export const facebookEventResponses: ExportFormat = {
  kind: 'facebook-event-responses',
  platform: 'facebook',
  recognise: (document) => eventResponsesKey(document) !== null,
  read(document) {
    const rows = new RowCollector(document.fileName, 'facebook');
    const key = eventResponsesKey(document);
    if (key === null || document.form !== 'json') return rows.result();
    const responses = prop(metaValue(document), key);
    readItems(document, rows, listProp(responses, 'events_joined'), [key, 'events_joined'], readJoinedEvent);
    readItems(
      document,
      rows,
      listProp(responses, 'events_interested'),
      [key, 'events_interested'],
      readInterestedEvent,
    );
    return rows.result();
  },
};

/** The tag of an RSVP "interested": interest in an event, not attendance (rules/attendance-membership.yaml). */
export const INTERESTED_TAG = 'rsvp:interested';

const readJoinedEvent: ItemReader = (event) => {
  const name = textProp(event, 'name');
  if (!name) return 'event response without an event name';
  const place = prop(event, 'place');
  return {
    type: 'attendance',
    timestamp: isoFromUnixSeconds(prop(event, 'start_timestamp')),
    event: name,
    location: textProp(place, 'name') || textProp(place, 'address'),
    target_text: textProp(event, 'description'),
  };
};

const readInterestedEvent: ItemReader = (event) => {
  const joined = readJoinedEvent(event);
  return typeof joined === 'string' ? joined : { ...joined, tags: [INTERESTED_TAG] };
};

export const FACEBOOK_FORMATS: readonly ExportFormat[] = [
  facebookEventResponses,
  ...WRAPPED_LISTS.map(wrappedListFormat),
  facebookReactionList,
  facebookPosts,
];

/** `profile_information.json`: `profile_v2 {name {full_name}, username?}`. */
export function facebookOwner(profileInformation: unknown): ExportOwner | null {
  const profile = prop(profileInformation, 'profile_v2', 'profile');
  const name = textProp(prop(profile, 'name'), 'full_name');
  const handle = textProp(profile, 'username');
  if (!name && !handle) return null;
  return { platform: 'facebook', ...(handle ? { handle } : {}), ...(name ? { name } : {}) };
}
