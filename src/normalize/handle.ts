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
 * Lower-case handle without `@`, taken from a profile URL when one is given. Returns '' for empty input.
 * `https://www.instagram.com/Rano.Karno/` → `rano.karno`; `@PramonoAnung` → `pramonoanung`;
 * `facebook.com/profile.php?id=123` → `123`; `facebook.com/groups/relawanpramdoel` → `relawanpramdoel`.
 */
export function normalizeHandle(value: string): string {
  let v = value.trim();
  if (v === '') return '';
  if (/^(https?:\/\/|www\.|[a-z0-9-]+\.(com|net|id|tv)\/)/i.test(v)) {
    const url = safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`);
    if (url) {
      const id = url.searchParams.get('id');
      if (url.pathname.replace(/\/+$/, '').endsWith('profile.php') && id) return id.toLowerCase();
      const segments = url.pathname.split('/').filter((s) => s !== '' && !NON_HANDLE_SEGMENTS.has(s.toLowerCase()));
      v = segments[0] ?? '';
    }
  }
  return v.replace(/^@+/, '').trim().toLowerCase();
}

// Hosts (and their subdomains: m.facebook.com, vm.tiktok.com) of each platform's profile URLs.
const PLATFORM_HOSTS: readonly [RegExp, Exclude<Platform, 'offline'>][] = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/, 'facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)(wa\.me|whatsapp\.com)$/, 'whatsapp'],
];

/** The platform a profile URL's host belongs to (`instagram.com/budi` → instagram), or null for any other host. */
export function platformOfUrl(value: string): Exclude<Platform, 'offline'> | null {
  const host = safeUrl(/^https?:\/\//i.test(value) ? value : `https://${value}`)?.hostname.toLowerCase();
  if (host === undefined) return null;
  return PLATFORM_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
