// One spelling for a social-media handle, however it was written: `@Name`, `name`, or a profile URL.
import type { Platform } from '../shared/types.js';
import { PLATFORMS } from '../shared/types.js';
import { CAPITAL_LOOKALIKES, LOWER_TABLE } from './text-lookalikes.js';

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
  return Object.hasOwn(PLATFORM_ALIASES, key) ? PLATFORM_ALIASES[key]! : null;
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
  return handleAsWritten(value).toLowerCase();
}

/**
 * The handle normalizeHandle reads, in the case and characters it was written in (without format characters; readHandle
 * refuses them first). A path segment of an address is percent-decoded (`instagram.com/%40siti`, `si%74i`), so it is
 * checked and matched as the handle it spells, never as `%40siti`.
 */
function handleAsWritten(value: string): string {
  let v = value.replace(FORMAT_CHARS, '').trim();
  if (v === '') return '';
  if (LOOKS_LIKE_URL.test(v)) {
    const url = safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`);
    if (url) {
      const id = url.searchParams.get('id');
      if (url.pathname.replace(/\/+$/, '').endsWith('profile.php') && id) return id;
      const path = url.pathname
        .split('/')
        .filter((s) => s !== '')
        .map(percentDecoded);
      // facebook.com/people/<Name>/<id> and /pages/<Name>/<id>: the name is a display name that many users share,
      // the id is the account. Matching by the name would give the act to another user of the same name.
      const byId = /^(people|pages)$/i.test(path[0] ?? '') ? path.slice(2).find((s) => /^\d+$/.test(s)) : undefined;
      if (byId !== undefined) return byId;
      v = path.find((s) => !NON_HANDLE_SEGMENTS.has(s.toLowerCase())) ?? '';
    }
  }
  return v.replace(/^@+/, '').trim();
}

/** A percent-encoded path segment as the text it spells; as it is when the encoding is broken (`%zz`). */
function percentDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Zero-width and other format characters (U+200B, U+200C, U+2060, U+FEFF, bidi marks, soft hyphen), and the
 * controls. No platform allows them in a handle, and a handle with one prints exactly like the handle without it:
 * readHandle refuses it with the code points; normalizeHandle (platform downloads' own metadata) drops them.
 */
const FORMAT_CHARS = /[\p{Cf}\p{Cc}]/gu;
const HAS_FORMAT_CHAR = /[\p{Cf}\p{Cc}]/u;

/**
 * The characters each platform allows in a handle, where it is that strict: Instagram and Threads (one account
 * system) letters, digits, `.` and `_`; X letters, digits and `_`; TikTok letters, digits, `.` and `_`. Numeric
 * ids pass (digits). Facebook, YouTube and WhatsApp values are also display names, ids or numbers of any script,
 * and are checked only for invisible and look-alike characters.
 */
const HANDLE_CHARACTERS: Partial<Record<Platform, { pattern: RegExp; allowed: string }>> = {
  instagram: { pattern: /^[a-z0-9._]+$/i, allowed: 'Latin letters, digits, "." and "_"' },
  threads: { pattern: /^[a-z0-9._]+$/i, allowed: 'Latin letters, digits, "." and "_"' },
  x: { pattern: /^[a-z0-9_]+$/i, allowed: 'Latin letters, digits and "_"' },
  tiktok: { pattern: /^[a-z0-9._]+$/i, allowed: 'Latin letters, digits, "." and "_"' },
};

/** Why `handle` is not one `platform` allows (the characters it does not, by code point), or null. */
function disallowed(platform: Platform, handle: string): string | null {
  const rule = HANDLE_CHARACTERS[platform];
  if (!rule || handle === '' || rule.pattern.test(handle)) return null;
  const bad = [...new Set([...handle].filter((char) => !rule.pattern.test(char)))];
  const list = bad.map((char) => `${codePoint(char)}${/[\x21-\x7e]/.test(char) ? ` "${char}"` : ''}`).join(', ');
  return `"${shown(handle)}" is not a ${platform} handle: it has ${bad.length === 1 ? 'a character' : 'characters'} ${platform} does not allow (${list}); a ${platform} handle has only ${rule.allowed}`;
}

/** Why a value holds invisible characters (zero-width, bidi, controls), which no platform allows in a handle, or null. */
function invisible(value: string): string | null {
  if (!HAS_FORMAT_CHAR.test(value)) return null;
  const found = [...new Set([...value].filter((char) => HAS_FORMAT_CHAR.test(char)))].map(codePoint);
  // Trimmed of spaces only: trim() would drop a U+FEFF at either end, the very character the message shows.
  return `"${shown(value.replace(/^ +| +$/g, ''))}" has ${found.length === 1 ? 'an invisible character' : 'invisible characters'} (${found.join(', ')}) that no platform allows in a handle: it would print as "${value.replace(FORMAT_CHARS, '').trim()}" without being that handle`;
}

/**
 * Latin letters of their own (ø, ł, ß …) that the text look-alike table folds for matching words, but that are not
 * a disguise of another letter in a name.
 */
const DISTINCT_LATIN = new Set([...'ßæœøđłħŧðƀɨʉƶ']);

/** The ASCII a character passes for: a compatibility form (Kelvin sign, fullwidth, 𝐛𝐨𝐥𝐝) or a look-alike letter. */
function lookalikeOf(char: string): string | null {
  if (char.charCodeAt(0) <= 0x7f || DISTINCT_LATIN.has(char)) return null;
  const compatible = char.normalize('NFKC');
  if (compatible !== char && /^[\x21-\x7e]+$/.test(compatible)) return compatible;
  const ascii = CAPITAL_LOOKALIKES.get(char) ?? LOWER_TABLE.get(char) ?? LOWER_TABLE.get(char.toLowerCase());
  return ascii !== undefined && /^[\x21-\x7e]$/.test(ascii) ? ascii : null;
}

/**
 * Why a handle cannot be matched as written: it has characters that pass for ASCII ones (`sіti` with Cyrillic і,
 * `ｓｉｔｉ`, the Kelvin sign `K` that lower-cases to `k`), so it prints like another handle or folds into one.
 * Refused when the look-alikes stand among ASCII letters or digits, or when every character passes for ASCII: a
 * handle of another script is left alone. A value with a space is a display name, not a handle, and is not checked.
 */
function confusable(handle: string): string | null {
  if (/\s/.test(handle)) return null;
  const chars = [...handle];
  const found = chars.flatMap((char) => {
    const ascii = lookalikeOf(char);
    return ascii === null ? [] : [{ char, ascii }];
  });
  if (found.length === 0) return null;
  const othersAscii = chars.every((char) => char.charCodeAt(0) <= 0x7f || lookalikeOf(char) !== null);
  if (!othersAscii && !/[a-z0-9]/i.test(handle)) return null;
  const passesFor = chars.map((char) => lookalikeOf(char) ?? char).join('');
  const list = [...new Map(found.map((f) => [f.char, f])).values()]
    .map((f) => `${codePoint(f.char)} looks like "${f.ascii}"`)
    .join(', ');
  return `"${shown(handle)}" has characters that pass for others (${list}): it would print as "${passesFor}" without being that handle`;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
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
  const hidden = invisible(value);
  if (hidden !== null) return { ok: false, reason: hidden };
  const written = value.trim();
  const isAddress = looksLikeUrl(written);
  if (isAddress) {
    const host = hostOf(written);
    const hostPlatform = platformOfUrl(written);
    if (hostPlatform !== platform) {
      const what =
        hostPlatform !== null
          ? `an address on ${hostPlatform}`
          : host !== null && SHORT_LINK_HOSTS.test(host)
            ? `a short link (${host}), not a profile address`
            : `an address on ${host ?? 'no valid host'}, not a profile address of any platform`;
      return {
        ok: false,
        reason: `"${shown(written)}" is ${what}, but the platform is ${platform}: it names no ${platform} account`,
      };
    }
  }
  const asWritten = handleAsWritten(written);
  // A percent-decoded address can spell what the value could not hold as written: checked again.
  const decodedHidden = isAddress ? invisible(asWritten) : null;
  if (decodedHidden !== null) return { ok: false, reason: decodedHidden };
  const problem = confusable(asWritten) ?? disallowed(platform, asWritten);
  if (problem !== null) return { ok: false, reason: problem };
  const handle = asWritten.toLowerCase();
  if (isAddress && /^(people|pages)$/i.test(urlPath(written)[0] ?? '') && !/^\d+$/.test(handle))
    return {
      ok: false,
      reason: `"${shown(written)}" gives a display name without the numeric id after it: a /people/ or /pages/ address names its account by that id, and a name is shared by many users`,
    };
  return { ok: true, handle };
}

function urlPath(value: string): string[] {
  const v = value.trim();
  const url = safeUrl(/^https?:\/\//i.test(v) ? v : `https://${v}`);
  return url ? url.pathname.split('/').filter((s) => s !== '') : [];
}

/**
 * A value quoted in a message: cut to 60 characters, with characters that pass for ASCII ones and invisible ones
 * shown as <U+XXXX>.
 */
function shown(value: string): string {
  const cut = [...value].slice(0, 60);
  const text = cut
    .map((char) => (lookalikeOf(char) === null && !HAS_FORMAT_CHAR.test(char) ? char : `<${codePoint(char)}>`))
    .join('');
  return cut.length < [...value].length ? `${text}…` : text;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
