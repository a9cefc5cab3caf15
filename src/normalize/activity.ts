// Validates one raw input row and turns it into an Activity, or says exactly why it cannot be used.
import type { Activity, ActivityType, RawRow, RejectionReason } from '../shared/types.js';
import { ACTIVITY_TYPES } from '../shared/types.js';
import { UI_LABELS } from '../shared/labels/index.js';
import { platformName, readHandle } from './handle.js';
import { parseTimestamp } from './timestamp.js';

/** Words platforms and monitoring tools use for the canonical activity types. */
const TYPE_ALIASES: Readonly<Record<string, ActivityType>> = {
  status: 'post',
  tweet: 'post',
  caption: 'post',
  upload: 'post',
  video: 'post',
  story: 'post',
  photo: 'post',
  reel: 'post',
  posting: 'post',
  unggah: 'post',
  reply: 'comment',
  komentar: 'comment',
  komen: 'comment',
  balasan: 'comment',
  retweet: 'share',
  repost: 'share',
  reshare: 'share',
  quote: 'share',
  quote_tweet: 'share',
  forward: 'share',
  bagikan: 'share',
  berbagi: 'share',
  like: 'reaction',
  love: 'reaction',
  favorite: 'reaction',
  favourite: 'reaction',
  react: 'reaction',
  suka: 'reaction',
  menyukai: 'reaction',
  heart: 'reaction',
  subscribe: 'follow',
  subscription: 'follow',
  ikuti: 'follow',
  mengikuti: 'follow',
  following: 'follow',
  page_like: 'follow',
  join: 'join_group',
  group: 'join_group',
  join_group: 'join_group',
  gabung: 'join_group',
  bergabung: 'join_group',
  member: 'join_group',
  check_in: 'attendance',
  checkin: 'attendance',
  attend: 'attendance',
  event: 'attendance',
  rsvp: 'attendance',
  hadir: 'attendance',
  kehadiran: 'attendance',
  billboard: 'banner',
  baliho: 'banner',
  spanduk: 'banner',
  apk: 'banner',
  poster: 'banner',
};

/**
 * The tool's own words for each type, in every language it prints (`unggahan`, `reaksi`, `joined group`): a report
 * or a sheet made from one can be read back. Taken from the label tables, so a label changed there is accepted here.
 */
const LABEL_ALIASES: ReadonlyMap<string, ActivityType> = new Map(
  Object.values(UI_LABELS).flatMap((labels) =>
    ACTIVITY_TYPES.map((type) => [typeKey(labels.activityType[type]), type] as const),
  ),
);

/** A type as written, folded for lookup: trimmed, lower-case, spaces and dashes as underscores. */
function typeKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function activityType(value: string): ActivityType | null {
  const key = typeKey(value);
  if ((ACTIVITY_TYPES as readonly string[]).includes(key)) return key as ActivityType;
  if (Object.hasOwn(TYPE_ALIASES, key)) return TYPE_ALIASES[key]!;
  return LABEL_ALIASES.get(key) ?? null;
}

/** Header names seen in exports and spreadsheets, mapped to the canonical columns of the SPEC. */
export const ACTIVITY_HEADER_ALIASES: Readonly<Record<string, string>> = {
  activity_id: 'id',
  post_id: 'id',
  platform_name: 'platform',
  platforma: 'platform',
  media: 'platform',
  media_sosial: 'platform',
  sosmed: 'platform',
  handle: 'account',
  username: 'account',
  user: 'account',
  akun: 'account',
  screen_name: 'account',
  user_name: 'account',
  date: 'timestamp',
  datetime: 'timestamp',
  time: 'timestamp',
  created_at: 'timestamp',
  waktu: 'timestamp',
  tanggal: 'timestamp',
  posted_at: 'timestamp',
  activity: 'type',
  action: 'type',
  activity_type: 'type',
  jenis: 'type',
  tipe: 'type',
  kind: 'type',
  content: 'text',
  message: 'text',
  caption: 'text',
  body: 'text',
  teks: 'text',
  isi: 'text',
  post_text: 'text',
  target: 'target_account',
  target_handle: 'target_account',
  target_user: 'target_account',
  akun_tujuan: 'target_account',
  in_reply_to: 'target_account',
  target_content: 'target_text',
  target_caption: 'target_text',
  konten_tujuan: 'target_text',
  link: 'url',
  permalink: 'url',
  tautan: 'url',
  acara: 'event',
  kegiatan: 'event',
  lokasi: 'location',
  place: 'location',
  label: 'tags',
  labels: 'tags',
  tag: 'tags',
};

/**
 * The longest field evaluated. Real posts are at most tens of thousands of characters; evaluating a field costs memory
 * in proportion to its size, so a larger one is rejected whole, with its size, instead of being cut or exhausting memory.
 */
export const MAX_FIELD_CHARS = 16 * 1024 * 1024;

export type NormalizeResult = { ok: true; activity: Activity } | { ok: false; reason: RejectionReason };

export function normalizeActivity(row: RawRow, timeZone: string): NormalizeResult {
  const f = row.fields;
  const get = (key: string): string => {
    const v = f[key];
    // Never cut here: rules must see the whole field, or a violation after the first megabyte goes unseen.
    return v === undefined ? '' : v.trim();
  };
  // Checked before anything quotes a field back in a message: a NUL would travel into the report.
  for (const [name, value] of Object.entries(f)) {
    if (value.length > MAX_FIELD_CHARS)
      return fail({ code: 'field_too_long', field: name, chars: value.length, limit: MAX_FIELD_CHARS });
    if (value.includes('\u0000')) return fail({ code: 'nul_byte', field: name });
  }
  const platformRaw = get('platform');
  if (platformRaw === '') return fail({ code: 'missing_platform' });
  const platform = platformName(platformRaw);
  if (!platform) return fail({ code: 'unknown_platform', value: clip(platformRaw) });

  const typeRaw = get('type');
  if (typeRaw === '') return fail({ code: 'missing_type' });
  const type = activityType(typeRaw);
  if (!type) return fail({ code: 'unknown_type', value: clip(typeRaw) });

  const accountRead = readHandle(platform, get('account'));
  if (!accountRead.ok) return fail({ code: 'bad_account', field: 'account', detail: accountRead.reason });
  const account = accountRead.handle;
  const nip = get('nip').replace(/[\s.'-]/g, '');
  if (account === '' && nip === '') return fail({ code: 'no_person_reference' });
  if (nip !== '' && !/^\d{18}$/.test(nip)) return fail({ code: 'nip_not_18_digits', value: clip(get('nip')) });

  let timestamp: string | null = null;
  const rawTime = get('timestamp');
  if (rawTime === '') {
    if (!row.undatedAllowed) return fail({ code: 'missing_timestamp' });
  } else {
    const parsed = parseTimestamp(rawTime, timeZone);
    if (!parsed.ok) return fail({ code: 'bad_timestamp', detail: parsed.reason });
    timestamp = parsed.iso;
  }

  const text = get('text');
  const targetText = get('target_text');
  for (const [name, value] of [
    ['text', text],
    ['target_text', targetText],
  ] as const) {
    // U+FFFD is what the decoder leaves for bytes that were not valid UTF-8: the row's text is damaged.
    if (value.includes('\uFFFD')) return fail({ code: 'damaged_text', field: name });
  }

  const targetRead = readHandle(platform, get('target_account'));
  if (!targetRead.ok) return fail({ code: 'bad_account', field: 'target_account', detail: targetRead.reason });
  const target = targetRead.handle;
  return {
    ok: true,
    activity: {
      id: get('id') || `${row.source.file}:${row.source.line}`,
      platform,
      account: account || null,
      nip: nip || null,
      timestamp,
      type,
      text,
      targetAccount: target || null,
      targetText,
      url: get('url'),
      event: get('event'),
      location: get('location'),
      tags: splitTags(get('tags')),
      source: row.source,
    },
  };
}

export function splitTags(value: string): string[] {
  if (value === '') return [];
  return value
    .split(/[;|]/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}

function fail(reason: RejectionReason): NormalizeResult {
  return { ok: false, reason };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
