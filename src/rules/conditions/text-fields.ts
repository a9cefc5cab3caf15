// The `in:` choice shared by the text conditions: which of the activity's text fields they look at.
import { z } from 'zod';
import { TEXT_FIELDS, type TextField } from '../activity-view.js';

export const IN_CHOICES = ['text', 'target_text', 'event', 'location', 'any'] as const;
export type InChoice = (typeof IN_CHOICES)[number];

export const inField = z.enum(IN_CHOICES).optional();

/**
 * A term is a literal word or phrase (matched on word boundaries in normalised text), a reference to
 * the election file (`$candidate.names`, `.aliases`, `.number`, `.numbers`, `.hashtags`, `.slogans`, `.accounts`,
 * `.parties`, `$parties.names`), or a named vocabulary list of the rule pack (`@vote_verbs`).
 */
export const term = z.string().min(1);

export function fieldsOf(choice: InChoice | undefined): readonly TextField[] {
  if (choice === undefined || choice === 'text') return ['text'];
  if (choice === 'any') return TEXT_FIELDS;
  return [choice];
}
