// The roster handle one typo away from an unmatched account: a hint for the reviewer, never a match. Attributing a
// row to a person because their handle is close would accuse the wrong person, so the row stays unmatched.
import { compareCodeUnits as cmp } from '../shared/compare.js';

/** At most one edit: a letter added, dropped, changed, or two neighbours swapped (optimal string alignment). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}

/** The strings one deletion (or none) away: two strings within one edit always share one of them. */
function deletions(text: string): string[] {
  const out = [text];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}

/**
 * For each unmatched `platform:handle`, the roster handle on the same platform within one edit of it (the smallest in
 * code-unit order when several are), or null. The index is built over the unmatched accounts, which are few, and the
 * roster's handles are streamed past it, so a roster of a million persons costs time, not memory.
 */
export function nearestRosterHandles(
  unmatched: readonly { platform: string; account: string }[],
  rosterAccounts: Iterable<string>,
): Map<string, string | null> {
  const nearest = new Map<string, string | null>();
  const byDeletion = new Map<string, string[]>();
  for (const { platform, account } of unmatched) {
    const key = `${platform}:${account}`;
    nearest.set(key, null);
    if (account.startsWith('nip ')) continue;
    for (const variant of new Set(deletions(account))) {
      const slot = `${platform}:${variant}`;
      const list = byDeletion.get(slot);
      if (list) list.push(account);
      else byDeletion.set(slot, [account]);
    }
  }
  if (byDeletion.size === 0) return nearest;
  for (const rosterKey of rosterAccounts) {
    const colon = rosterKey.indexOf(':');
    const platform = rosterKey.slice(0, colon);
    const handle = rosterKey.slice(colon + 1);
    for (const variant of new Set(deletions(handle))) {
      for (const account of byDeletion.get(`${platform}:${variant}`) ?? []) {
        if (account === handle || !withinOneEdit(account, handle)) continue;
        const key = `${platform}:${account}`;
        const seen = nearest.get(key);
        if (seen === null || seen === undefined || cmp(handle, seen) < 0) nearest.set(key, handle);
      }
    }
  }
  return nearest;
}
