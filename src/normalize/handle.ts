// One spelling for a social-media handle, however it was written: `@Name`, `name`, or a profile URL.
import type { Platform } from '../shared/types.js';
import { PLATFORMS } from '../shared/types.js';

const PLATFORM_ALIASES: Readonly<Record<string, Platform>> = {
  twitter: 'x',
  'x.com': 'x',
  fb: 'facebook',
  ig: 'instagram',
  tik_tok: 'tiktok',
  yt: 'youtube',
  wa: 'whatsapp',
  lapangan: 'offline',
  field: 'offline',
};

/** Canonical platform name, or null when the value names no platform we know. */
export function platformName(value: string): Platform | null {
  const key = value.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(key)) return key as Platform;
  return PLATFORM_ALIASES[key] ?? null;
}

// Path segments that are part of a profile URL, not the handle (facebook.com/profile.php?id=…, tiktok.com/@name, …).
const NON_HANDLE_SEGMENTS = new Set(['people', 'pages', 'groups', 'channel', 'c', 'user', 'in', 'pg']);

/**
 * A value written as an address rather than a handle: with a scheme, `www.`, or a dotted host followed by a path
 * (`web.facebook.com/budi`, `linktr.ee/siti`). A dotted handle without a slash (`rano.karno`) is a handle.
 */
const LOOKS_LIKE_URL = /^(https?:\/\/|www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i;

/** True when the value is written as an address (see LOOKS_LIKE_URL), so its host says which platform it is on. */
export function looksLikeUrl(value: string): boolean {
  return LOOKS_LIKE_URL.test(value.trim());
}

/**
 * Lower-case handle without `@`, taken from a profile URL when one is given. Returns '' for empty input.
 * `https://www.instagram.com/Rano.Karno/` → `rano.karno`; `@PramonoAnung` → `pramonoanung`;
 * `facebook.com/profile.php?id=123` → `123`; `facebook.com/groups/relawanpramdoel` → `relawanpramdoel`;
 * `facebook.com/people/Budi-Santoso/100012345` → `100012345`.
 * It does not look at the host: readHandle does, and is what attribution uses.
 */
export function normalizeHandle(value: string): string {
  let v = value.trim();
  if (v === '') return '';
  if (LOOKS_LIKE_URL.test(v)) {
    const url = safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`);
    if (url) {
      const id = url.searchParams.get('id');
      if (url.pathname.replace(/\/+$/, '').endsWith('profile.php') && id) return id.toLowerCase();
      const path = url.pathname.split('/').filter((s) => s !== '');
      // facebook.com/people/<Name>/<id> and /pages/<Name>/<id>: the name is a display name that many users share,
      // the id is the account. Matching by the name would give the act to another user of the same name.
      const byId = /^(people|pages)$/i.test(path[0] ?? '') ? path.slice(2).find((s) => /^\d+$/.test(s)) : undefined;
      if (byId !== undefined) return byId;
      v = path.find((s) => !NON_HANDLE_SEGMENTS.has(s.toLowerCase())) ?? '';
    }
  }
  return v.replace(/^@+/, '').trim().toLowerCase();
}

// Hosts (and their subdomains: web.facebook.com, m.facebook.com, mobile.twitter.com) of each platform's profile URLs.
const PLATFORM_HOSTS: readonly [RegExp, Exclude<Platform, 'offline'>][] = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/, 'facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)youtube\.com$/, 'youtube'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)(wa\.me|whatsapp\.com)$/, 'whatsapp'],
];

/**
 * Hosts of a platform whose paths are codes of a post or a redirect, never a handle: `youtu.be/<video>`,
 * `vm.tiktok.com/<code>`. Reading the code as a handle could match an account by chance.
 */
const SHORT_LINK_HOSTS = /^(youtu\.be|(vm|vt)\.tiktok\.com)$/;

function hostOf(value: string): string | null {
  const v = value.trim();
  return safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`)?.hostname.toLowerCase() ?? null;
}

/** The platform a profile URL's host belongs to (`instagram.com/budi` → instagram), or null for any other host. */
export function platformOfUrl(value: string): Exclude<Platform, 'offline'> | null {
  const host = hostOf(value);
  if (host === null || SHORT_LINK_HOSTS.test(host)) return null;
  return PLATFORM_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

export type HandleRead = { ok: true; handle: string } | { ok: false; reason: string };

/**
 * The handle `value` names on `platform` ('' when it is empty), or why it names none there. An address counts only
 * on the platform's own hosts: `x.com/siti` in an instagram row, or a `linktr.ee/siti` link page, is not the
 * Instagram account `siti`, and reading it as one would give the act to whoever owns that account.
 */
export function readHandle(platform: Platform, value: string): HandleRead {
  if (looksLikeUrl(value)) {
    const host = hostOf(value);
    const hostPlatform = platformOfUrl(value);
    if (hostPlatform !== platform) {
      const what =
        hostPlatform !== null
          ? `an address on ${hostPlatform}`
          : host !== null && SHORT_LINK_HOSTS.test(host)
            ? `a short link (${host}), not a profile address`
            : `an address on ${host ?? 'no valid host'}, not a profile address of any platform`;
      return {
        ok: false,
        reason: `"${clip(value.trim())}" is ${what}, but the platform is ${platform}: it names no ${platform} account`,
      };
    }
  }
  const handle = normalizeHandle(value);
  if (looksLikeUrl(value) && /^(people|pages)$/i.test(urlPath(value)[0] ?? '') && !/^\d+$/.test(handle))
    return {
      ok: false,
      reason: `"${clip(value.trim())}" gives a display name without the numeric id after it: a /people/ or /pages/ address names its account by that id, and a name is shared by many users`,
    };
  return { ok: true, handle };
}

function urlPath(value: string): string[] {
  const v = value.trim();
  const url = safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`);
  return url ? url.pathname.split('/').filter((s) => s !== '') : [];
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
