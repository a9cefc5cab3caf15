// The labels of a language: one module per language (id.ts, en.ts), one shape (types.ts).
import type { Lang } from '../types.js';
import { en } from './en.js';
import { id } from './id.js';
import type { UiLabels } from './types.js';

export type { DossierLabels, Outcome, RulesNote, UiLabels } from './types.js';

export const UI_LABELS: Record<Lang, UiLabels> = { id, en };

export function uiLabels(lang: Lang): UiLabels {
  return UI_LABELS[lang];
}
