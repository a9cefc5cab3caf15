// TikTok "Download your data" JSON (user_data.json / user_data_tiktok.json): one object of sections.
// Section and key names changed across schema generations and letter case varies, so every lookup
// tries the known spellings case-insensitively; empty sections are `null` (export-formats.md §4).
// Favourites (private bookmarks), watch history and searches show no public act, so they are not read.
import type { ExportDocument, JsonDocument } from './document.js';
import type { ExportFormat, ExportOwner } from './export-types.js';
import { entry, isRecord, type JsonRecord } from './records.js';
import { RowCollector, type ActivityFields } from './rows.js';
import { isoFromNaiveUtc } from './times.js';

const ACTIVITY_SECTIONS = ['Your Activity', 'Activity', 'Likes and Favorites'];

/** Top-level sections of the known schemas; two of them mark a file as a TikTok export. */
const KNOWN_SECTIONS = new Set([
  'activity',
  'your activity',
  'likes and favorites',
  'profile',
  'comment',
  'video',
  'post',
  'app settings',
  'ads and data',
  'direct messages',
  'tiktok live',
  'tiktok shopping',
  'tiktok shop',
]);

/** One alternative per schema generation: each step lists the spellings it may have. */
type SectionPath = readonly (readonly string[])[];

/** Follows each step of `path` from the root; the value found and the keys as the file spells them. */
function locate(root: unknown, path: SectionPath): { value: unknown; keys: string[] } | null {
  let value = root;
  const keys: string[] = [];
  for (const names of path) {
    const found = entry(value, ...names);
    if (!found) return null;
    value = found.value;
    keys.push(found.key);
  }
  return { value, keys };
}

/** TikTok writes "N/A" and "None" for missing values. */
function tiktokText(record: unknown, ...names: string[]): string {
  const value = entry(record, ...names)?.value;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text === 'N/A' || text === 'None' ? '' : text;
}

type ItemReader = (item: JsonRecord, date: string | null) => ActivityFields | string;

interface TikTokList {
  paths: readonly SectionPath[];
  readItem: ItemReader;
}

const LISTS: readonly TikTokList[] = [
  {
    paths: [
      [['Video'], ['Videos'], ['VideoList']],
      [['Post'], ['Posts'], ['VideoList']],
    ],
    readItem: (item, date) => ({
      type: 'post',
      timestamp: date,
      text: tiktokText(item, 'Title', 'Description'),
      url: tiktokText(item, 'Link'),
      location: tiktokText(item, 'Location'),
    }),
  },
  {
    // Comments name no target: the `url` is empty in every export we have seen (export-formats.md §4.2).
    paths: [
      [['Comment'], ['Comments'], ['CommentsList']],
      [['Comment'], ['CommentsList']],
    ],
    readItem: (item, date) => {
      const text = tiktokText(item, 'comment');
      return text ? { type: 'comment', timestamp: date, text, url: tiktokText(item, 'url') } : 'comment without text';
    },
  },
  {
    paths: [[ACTIVITY_SECTIONS, ['Like List'], ['ItemFavoriteList']]],
    readItem: (item, date) => {
      const url = tiktokText(item, 'link');
      return url ? { type: 'reaction', timestamp: date, url } : 'liked video without a link';
    },
  },
  {
    paths: [[ACTIVITY_SECTIONS, ['Following List', 'Following'], ['Following']]],
    readItem: (item, date) => {
      const handle = tiktokText(item, 'UserName');
      return handle
        ? { type: 'follow', timestamp: date, target_account: handle }
        : 'followed account without a UserName';
    },
  },
  {
    paths: [[ACTIVITY_SECTIONS, ['Share History'], ['ShareHistoryList']]],
    readItem: (item, date) => {
      const method = tiktokText(item, 'Method');
      return {
        type: 'share',
        timestamp: date,
        url: tiktokText(item, 'Link'),
        tags: method ? [`method:${method}`] : [],
      };
    },
  },
];

const PROFILE_NAME: SectionPath = [
  ['Profile'],
  ['Profile Info', 'Profile Information'],
  ['ProfileMap'],
  ['userName', 'username'],
];

export function tiktokOwner(root: unknown): ExportOwner | null {
  const found = locate(root, PROFILE_NAME);
  const handle = typeof found?.value === 'string' ? found.value.trim() : '';
  return handle && handle !== 'N/A' ? { platform: 'tiktok', handle } : null;
}

function isTikTokExport(document: ExportDocument): document is JsonDocument {
  if (document.form !== 'json' || document.global !== null || !isRecord(document.value)) return false;
  const sections = Object.keys(document.value).filter((key) => KNOWN_SECTIONS.has(key.toLowerCase()));
  return sections.length >= 2;
}

export const tiktokUserData: ExportFormat = {
  kind: 'tiktok-user-data',
  platform: 'tiktok',
  recognise: isTikTokExport,
  read(document) {
    if (!isTikTokExport(document)) return new RowCollector(document.fileName, 'tiktok').result();
    const owner = tiktokOwner(document.value);
    const rows = new RowCollector(document.fileName, 'tiktok', owner?.handle ?? '');
    for (const list of LISTS) {
      for (const path of list.paths) {
        const found = locate(document.value, path);
        if (!found || found.value === null) continue;
        if (!Array.isArray(found.value)) {
          rows.warn(document.lines().lineOf(found.keys), `expected a list at ${found.keys.join(' › ')}`);
          continue;
        }
        rows.each(
          found.value,
          (index) => document.lines().lineOf([...found.keys, index]),
          (item, line) => {
            if (!isRecord(item)) return rows.warn(line, 'not a record');
            const rawDate = tiktokText(item, 'Date');
            const date = isoFromNaiveUtc(rawDate);
            if (date === null)
              return rows.warn(line, rawDate ? `unrecognised date "${rawDate}"` : 'record without a date');
            const activity = list.readItem(item, date);
            if (typeof activity === 'string') rows.warn(line, activity);
            else rows.add(line, activity);
          },
        );
      }
    }
    return rows.result(owner);
  },
};
