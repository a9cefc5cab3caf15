// Sniffs a file's text once: JSON (bare, or behind an X archive `window.YTD… =` wrapper) or a CSV header.
import { parse as parseCsv } from 'csv-parse/sync';
import { JsonLines } from './json-lines.js';

export interface JsonDocument {
  form: 'json';
  fileName: string;
  text: string;
  /** The parsed value; undefined when `error` is set. */
  value: unknown;
  error: string | null;
  /** The JavaScript global the file assigns (`YTD.tweets.part0`, `__THAR_CONFIG`), or null for plain JSON. */
  global: string | null;
  /** Line numbers of array elements, computed on first use. */
  lines(): JsonLines;
}

export interface CsvDocument {
  form: 'csv';
  fileName: string;
  text: string;
  /** Header cells, trimmed and lower-cased: platforms vary the case (`Channel Id` / `Channel ID`). */
  header: string[];
}

export type ExportDocument = JsonDocument | CsvDocument;

/** The X archive's JavaScript files assign one global; everything after the first `=` is JSON. */
const JS_WRAPPER = /^\s*(?:window\.)?((?:YTD|Grailbird|__THAR_CONFIG)[\w$.]*)\s*=\s*/;

/** The loader asks to detect and then to parse the same text: remember the last document read. */
let lastDocument: ExportDocument | null = null;

export function readDocument(fileName: string, text: string): ExportDocument | null {
  if (lastDocument && lastDocument.text === text && lastDocument.fileName === fileName) return lastDocument;
  const document = sniff(fileName, text);
  lastDocument = document;
  return document;
}

function sniff(fileName: string, text: string): ExportDocument | null {
  const body = text.startsWith('\uFEFF') ? 1 : 0;
  const wrapper = JS_WRAPPER.exec(text.slice(body, body + 512));
  if (wrapper) return jsonDocument(fileName, text, body + wrapper[0].length, wrapper[1] ?? null);
  const first = /\S/.exec(text.slice(body, body + 4096))?.[0];
  if (first === '{' || first === '[') return jsonDocument(fileName, text, body, null);
  const header = csvHeader(text);
  return header ? { form: 'csv', fileName, text, header } : null;
}

function jsonDocument(fileName: string, text: string, jsonStart: number, global: string | null): JsonDocument {
  let value: unknown;
  let error: string | null = null;
  try {
    // JSON.parse builds plain data: a `__proto__` key becomes an ordinary own property. Never eval.
    value = JSON.parse(text.slice(jsonStart).replace(/;\s*$/, ''));
  } catch (problem) {
    error = problem instanceof Error ? problem.message : String(problem);
  }
  let lines: JsonLines | undefined;
  return {
    form: 'json',
    fileName,
    text,
    value,
    error,
    global,
    lines: () => (lines ??= new JsonLines(text, jsonStart)),
  };
}

/** The first record of a comma-separated file, when it has at least two cells. */
function csvHeader(text: string): string[] | null {
  try {
    const records: unknown = parseCsv(text.slice(0, 65_536), {
      bom: true,
      to_line: 1,
      relax_column_count: true,
      relax_quotes: true,
    });
    const header = Array.isArray(records) && Array.isArray(records[0]) ? (records[0] as unknown[]) : [];
    const cells = header.map((cell) => String(cell).trim().toLowerCase());
    return cells.length >= 2 ? cells : null;
  } catch {
    return null;
  }
}
