// The labels of a language: one module per language (id.ts, en.ts), one shape (types.ts).
import type { Lang, Rejection } from '../types.js';
import { reasonIn } from './reason.js';
import { en } from './en.js';
import { id } from './id.js';
import type { UiLabels } from './types.js';

export type { DossierLabels, Outcome, RulesNote, UiLabels } from './types.js';

export const UI_LABELS: Record<Lang, UiLabels> = { id, en };

export function uiLabels(lang: Lang): UiLabels {
  return UI_LABELS[lang];
}

/** The sentence of a rejection in a language: its reason, and the lines of a record that spans several. */
export function rejectionText(lang: Lang, rejection: Pick<Rejection, 'line' | 'endLine' | 'reason'>): string {
  const labels = UI_LABELS[lang];
  const { line, endLine } = rejection;
  return (
    reasonIn(labels, rejection.reason) +
    (endLine !== undefined && endLine > line ? labels.recordSpans(line, endLine) : '')
  );
}
