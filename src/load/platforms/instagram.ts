// Instagram "Download your information" JSON: following → follow, liked posts → reaction, comments, own posts.
// Same unix-second times and mojibake as Facebook; labels inside `string_map_data` follow the account language.
import type { ExportDocument, JsonDocument } from './document.js';
import type { ExportFormat, ExportOwner } from './export-types.js';
import { type ItemReader, metaValue, readItems } from './meta-document.js';
import { asList, isRecord, listProp, prop, textProp, type JsonRecord } from './records.js';
import { RowCollector } from './rows.js';
import { isoFromUnixSeconds } from './times.js';

/** `https://www.instagram.com/_u/name` or `https://www.instagram.com/name/` → `name`. */
function handleFromProfileUrl(href: string): string {
  return /instagram\.com\/(?:_u\/)?([\w.]+)\/?$/.exec(href)?.[1] ?? '';
}

function firstListEntry(item: JsonRecord): JsonRecord | undefined {
  return listProp(item, 'string_list_data').find(isRecord);
}

/** 2024 exports put the followed username in `value` with an empty `title`; 2025 ones the other way round. */
const readFollowing: ItemReader = (item) => {
  const entry = firstListEntry(item);
  const href = textProp(entry, 'href');
  const handle = textProp(entry, 'value') || textProp(item, 'title') || handleFromProfileUrl(href);
  if (!handle) return 'followed account without a username';
  return { type: 'follow', timestamp: isoFromUnixSeconds(prop(entry, 'timestamp')), target_account: handle, url: href };
};

/** The first `string_map_data` entry that carries a time, whatever the label's language. */
function mapTimestamp(map: unknown): string | null {
  if (!isRecord(map)) return null;
  for (const value of Object.values(map)) {
    const time = isoFromUnixSeconds(prop(value, 'timestamp'));
    if (time) return time;
  }
  return null;
}

/** `title` is the liked post's owner (sometimes missing); older and newer shapes keep the link in different places. */
const readLike: ItemReader = (item) => {
  const entry = firstListEntry(item);
  const map = prop(item, 'string_map_data');
  const href =
    textProp(entry, 'href') ||
    (isRecord(map)
      ? (Object.values(map)
          .map((value) => textProp(value, 'href'))
          .find(Boolean) ?? '')
      : '');
  const timestamp = isoFromUnixSeconds(prop(entry, 'timestamp')) ?? mapTimestamp(map);
  if (!href && !timestamp) return 'liked item without a link or a time';
  return { type: 'reaction', timestamp, target_account: textProp(item, 'title'), url: href };
};

/** Labels of comment records in the languages we know of (export-formats.md §3.2). */
const COMMENT_LABELS = [
  'Comment',
  'Komentar',
  'Kommentar',
  'Commentaire',
  'Comentario',
  'Commento',
  'Opmerking',
  'Reactie',
];
const MEDIA_OWNER_LABELS = [
  'Media Owner',
  'Pemilik Media',
  'Medieejer',
  'Medienbesitzer',
  'Eigenaar van media',
  'Propriétaire du média',
  'Propietario del contenido',
];

const readComment: ItemReader = (item) => {
  const map = prop(item, 'string_map_data');
  const comment = textProp(prop(map, ...COMMENT_LABELS), 'value');
  if (!isRecord(map) || !comment)
    return `comment record whose labels are not recognised (${isRecord(map) ? Object.keys(map).join(', ') : 'no string_map_data'})`;
  return {
    type: 'comment',
    timestamp: mapTimestamp(map),
    text: comment,
    target_account: textProp(prop(map, ...MEDIA_OWNER_LABELS), 'value'),
  };
};

const PHOTO_URI = /\.(?:jpe?g|png|gif|webp|heic)$/i;

/** Single-photo posts carry the caption in `media[0].title`, carousels in the outer `title`. */
function readPost(extraTags: readonly string[]): ItemReader {
  return (item) => {
    const media = listProp(item, 'media').filter(isRecord);
    const caption = textProp(item, 'title') || media.map((part) => textProp(part, 'title')).find(Boolean) || '';
    const timestamp =
      isoFromUnixSeconds(prop(item, 'creation_timestamp')) ??
      media.map((part) => isoFromUnixSeconds(prop(part, 'creation_timestamp'))).find(Boolean) ??
      null;
    if (media.length === 0 && !caption) return 'post without media or caption';
    const photo = media.some((part) => PHOTO_URI.test(textProp(part, 'uri')));
    return { type: 'post', timestamp, text: caption, tags: [...extraTags, ...(photo ? ['photo'] : [])] };
  };
}

/** Where a format's records sit: under a wrapper key, or as the top-level array itself. */
type Locate = (document: JsonDocument) => { items: readonly unknown[]; path: string[] } | null;

function underKey(...keys: string[]): Locate {
  return (document) => {
    if (!isRecord(document.value)) return null;
    const key = keys.find(
      (name) => Object.hasOwn(document.value as JsonRecord, name) && Array.isArray(prop(document.value, name)),
    );
    return key === undefined ? null : { items: asList(prop(document.value, key)), path: [key] };
  };
}

/** A top-level array whose first records all pass `shape`. */
function topLevel(shape: (item: JsonRecord) => boolean): Locate {
  return (document) => {
    if (!Array.isArray(document.value)) return null;
    const sample = document.value.slice(0, 5);
    return sample.length > 0 && sample.every((item) => isRecord(item) && shape(item))
      ? { items: document.value, path: [] }
      : null;
  };
}

function instagramFormat(kind: string, locate: Locate, readItem: ItemReader | null): ExportFormat {
  const located = (document: ExportDocument) =>
    document.form === 'json' && document.global === null ? locate(document) : null;
  return {
    kind,
    platform: 'instagram',
    recognise: (document) => located(document) !== null,
    read(document) {
      const rows = new RowCollector(document.fileName, 'instagram');
      const found = located(document);
      if (!found || document.form !== 'json' || !readItem) return rows.result();
      const repaired = metaValue(document);
      const items = found.path.length === 0 ? asList(repaired) : listProp(repaired, ...found.path);
      readItems(document, rows, items, found.path, readItem);
      return rows.result();
    },
  };
}

const hasStringList = (item: JsonRecord) => Array.isArray(prop(item, 'string_list_data'));
const hasStringMap = (item: JsonRecord) => isRecord(prop(item, 'string_map_data'));
/** Posts list media files by `uri`; Facebook's label/value reactions also carry a `media` array, but empty. */
const hasMediaFiles = (item: JsonRecord) =>
  listProp(item, 'media').some((part) => typeof prop(part, 'uri') === 'string');

export const INSTAGRAM_FORMATS: readonly ExportFormat[] = [
  instagramFormat('instagram-following', underKey('relationships_following'), readFollowing),
  instagramFormat('instagram-likes', underKey('likes_media_likes', 'likes_comment_likes'), readLike),
  instagramFormat('instagram-comments', underKey('comments_media_comments', 'comments_reels_comments'), readComment),
  instagramFormat('instagram-comments', topLevel(hasStringMap), readComment),
  instagramFormat('instagram-reels', underKey('ig_reels_media'), readPost(['reel'])),
  instagramFormat('instagram-stories', underKey('ig_stories'), readPost(['story'])),
  instagramFormat(
    'instagram-posts',
    topLevel((item) => hasMediaFiles(item) && !hasStringList(item) && !Array.isArray(prop(item, 'label_values'))),
    readPost([]),
  ),
  // Who follows the owner is not the owner's act: recognised so the file is not mistaken for input, and not read.
  instagramFormat('instagram-followers', underKey('relationships_followers'), null),
  instagramFormat(
    'instagram-followers',
    topLevel((item) => hasStringList(item) && !hasStringMap(item)),
    null,
  ),
];

const USERNAME_LABELS = [
  'Username',
  'Nama pengguna',
  'Brugernavn',
  'Gebruikersnaam',
  "Nom d'utilisateur",
  'Nombre de usuario',
];
const NAME_LABELS = ['Name', 'Nama', 'Navn', 'Naam', 'Nom', 'Nombre'];

/** `personal_information.json`: `profile_user[0].string_map_data` holds the username and display name. */
export function instagramOwner(personalInformation: unknown): ExportOwner | null {
  const map = prop(listProp(personalInformation, 'profile_user')[0], 'string_map_data');
  const handle = textProp(prop(map, ...USERNAME_LABELS), 'value');
  const name = textProp(prop(map, ...NAME_LABELS), 'value');
  return handle ? { platform: 'instagram', handle, ...(name ? { name } : {}) } : null;
}
