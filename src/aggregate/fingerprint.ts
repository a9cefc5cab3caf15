// A finding's identity: the rule and the act itself, never where the act was read from, so baselines survive re-exports.
import { createHash } from 'node:crypto';
import type { Activity } from '../shared/types.js';

export function fingerprint(ruleId: string, candidate: string | null, personNip: string, activity: Activity): string {
  const identity = [
    ruleId,
    candidate ?? '',
    activity.platform,
    personNip,
    activity.type,
    activity.targetAccount ?? '',
    activity.timestamp ?? '',
    squeeze(activity.text),
    squeeze(activity.targetText),
    squeeze(activity.event),
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 24);
}

// Exports differ in line endings and stray spaces; the act is the same.
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
