// The contract every formatter implements: a pure function from a report and these options to the output text.
import type { Report } from '../schemas/report-schema.js';

export interface FormatOptions {
  lang: 'id' | 'en';
  /** ANSI colours (table only); false must produce no escape codes at all. */
  color: boolean;
  /** Terminal width for the table; default 120. */
  width?: number;
  /** CSV only: `,` (default) or `;` for Excel set to the Indonesian locale. */
  csvSeparator?: ',' | ';';
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Documents (Markdown, HTML) list at most this many rejected rows or unmatched accounts; the JSON has them all. */
export const DOCUMENT_LIST_LIMIT = 100;
