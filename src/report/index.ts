// The report stage's public surface: the formatter registry, and the format an output file's extension asks for.
import { formatCsv } from './format-csv.js';
import { formatHtml } from './format-html.js';
import { formatJson, jsonChunks } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatMarkdown } from './format-markdown.js';
import { formatNdjson, ndjsonLines } from './format-ndjson.js';
import type { FormatOptions, Formatter } from './format-options.js';
import type { Report } from '../schemas/report-schema.js';
import { formatTable } from './format-table.js';

export type { FormatOptions, Formatter } from './format-options.js';
export { redactReport, type RedactionSubject } from './redact.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

// Annotated rather than `satisfies`: callers see one contract, (report, options) → string, for every format.
export const formatters: Record<FormatName, Formatter> = {
  table: formatTable,
  json: formatJson,
  ndjson: formatNdjson,
  csv: formatCsv,
  markdown: formatMarkdown,
  html: formatHtml,
  junit: formatJunit,
};

/**
 * A format's output in pieces, for writing to a file or a pipe: JSON person by person and NDJSON line by line, so
 * the output is never one string of the report's size; the other formats are one piece. Joined, the pieces are
 * exactly what `formatters[format]` returns.
 */
export function formatChunks(format: FormatName, report: Report, options: FormatOptions): Iterable<string> {
  if (format === 'json') return jsonChunks(report);
  if (format === 'ndjson') return ndjsonLines(report);
  return [formatters[format](report, options)];
}

/** The extension each format writes; `formatForPath` reads these back (and a few common aliases). */
export const FORMAT_EXTENSIONS = {
  table: '.txt',
  json: '.json',
  ndjson: '.ndjson',
  csv: '.csv',
  markdown: '.md',
  html: '.html',
  junit: '.xml',
} satisfies Record<FormatName, string>;

const EXTENSION_ALIASES: Record<string, FormatName> = { '.jsonl': 'ndjson', '.markdown': 'markdown', '.htm': 'html' };

/** Format for an output file name by extension: .json .ndjson .csv .md .html .xml(junit) .txt(table); null if unknown. */
export function formatForPath(path: string): FormatName | null {
  const match = /(\.[^./\\]+)$/.exec(path);
  if (!match?.[1]) return null;
  const extension = match[1].toLowerCase();
  const direct = FORMATS.find((format) => FORMAT_EXTENSIONS[format] === extension);
  return direct ?? EXTENSION_ALIASES[extension] ?? null;
}
