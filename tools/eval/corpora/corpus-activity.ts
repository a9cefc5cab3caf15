// Turns corpus texts into a canonical activity CSV: each text a `post` by one roster person, dated inside a campaign.
import { toCsv } from '../csv-write.js';
import type { CorpusText } from './corpus-text.js';

export interface Poster {
  platform: string;
  account: string;
}

/**
 * Posters take turns so every person gets a share; the nth text is dated `start` + n minutes, with no offset
 * so it reads in the election's own time zone. The caller picks a `start` that leaves the whole run inside the campaign.
 */
export function corpusActivityCsv(texts: readonly CorpusText[], posters: readonly Poster[], start: string): string {
  if (posters.length === 0) throw new Error('no roster person has an account on the platform the corpus is posted to');
  const origin = Date.parse(`${start}:00Z`);
  if (Number.isNaN(origin)) throw new Error(`start "${start}" is not YYYY-MM-DDTHH:mm`);
  const rows = texts.map((text, index) => {
    const poster = posters[index % posters.length] as Poster;
    return [text.id, poster.platform, poster.account, localMinute(origin + index * 60_000), 'post', text.text];
  });
  return toCsv([['id', 'platform', 'account', 'timestamp', 'type', 'text'], ...rows]);
}

/** `YYYY-MM-DD HH:mm` of a wall-clock time kept in a UTC Date (no zone conversion intended). */
function localMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}
