// A rejection reason in the words of one language's labels: the one place that picks the sentence for a code.
import type { RejectionReason } from '../types.js';
import type { UiLabels } from './types.js';

export function reasonIn(labels: UiLabels, reason: RejectionReason): string {
  return (labels.rejection[reason.code] as (params: RejectionReason) => string)(reason);
}
