// Reads a baseline (a previous JSON report, or a list of suppressions) and marks findings already reviewed.
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { z } from 'zod';
import { AuditError } from '../shared/errors.js';
import { zodProblems } from '../schemas/zod-problems.js';
import { assertHandWrittenText, readStructuredFile, unreadableFile } from './structured-file.js';
import type { Lang } from '../shared/types.js';
import { uiLabels } from '../shared/labels/index.js';
import { type JsonHandler, type JsonScalar, JsonSyntaxError, JsonTokenizer, SKIPPED_STRING } from './json-stream.js';

export interface Suppression {
  fingerprint: string;
  reason: string;
  reviewer: string | null;
  date: string | null;
}

export const suppressionFileSchema = z.array(
  z.strictObject({
    fingerprint: z.string().min(1),
    reason: z.string().min(1),
    reviewer: z.string().optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
      .refine(
        (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'not a real calendar date',
      )
      .optional(),
  }),
);

const HINT = 'a baseline is a previous JSON report of asn-audit or a list of {fingerprint, reason, reviewer, date}';
const REPORT_SCHEMA = 'asn-audit/report@1';

/**
 * A previous JSON report is read as a stream that keeps only its fingerprints and suppressions: a report of tens
 * of megabytes cost gigabytes through the YAML parser. A list of suppressions (YAML or JSON, written by hand) is read
 * whole, with its errors located by the YAML parser.
 */
export async function loadBaseline(path: string, lang: Lang): Promise<Map<string, Suppression>> {
  const reviewed = uiLabels(lang).baselineReason(path);
  const streamed = await streamReport(path, reviewed);
  if (streamed !== null) return streamed;
  const { data, lineOf } = await readStructuredFile(path, 'baseline');
  const out = new Map<string, Suppression>();
  // A report is JSON, and begins with "{": a mapping here is YAML written by hand, neither a report nor a list.
  if (data !== null && typeof data === 'object' && !Array.isArray(data))
    throw new AuditError({ file: path, message: 'expected a previous JSON report or a list of suppressions' }, HINT);
  const list = suppressionFileSchema.safeParse(data, { reportInput: true });
  if (!list.success) throw new AuditError(zodProblems(list.error, path, [], lineOf), HINT);
  for (const s of list.data)
    out.set(s.fingerprint, {
      fingerprint: s.fingerprint,
      reason: s.reason,
      reviewer: s.reviewer ?? null,
      date: s.date ?? null,
    });
  return out;
}

/**
 * The suppressions of a previous report read as a stream, or null when the file is not a JSON object (a list of
 * suppressions, or YAML): those are read whole by the caller.
 */
async function streamReport(path: string, reviewed: string): Promise<Map<string, Suppression> | null> {
  // Node's 64 KiB chunks: larger ones only raise the peak of text decoded and not yet dropped.
  const stream = createReadStream(path);
  const decoder = new TextDecoder('utf-8');
  const report = new ReportFingerprints(path, reviewed);
  const tokenizer = new JsonTokenizer(report.handler());
  let decided = false;
  try {
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      if (!decided) assertHandWrittenText(path, 'baseline', bytes);
      const text = decoder.decode(bytes, { stream: true });
      if (!decided) {
        const first = /\S/.exec(text)?.[0];
        if (first !== undefined && first !== '{') return null;
        // Blank lines before the report still count toward the lines of the messages.
        if (first === undefined) {
          tokenizer.push(text);
          continue;
        }
        decided = true;
      }
      tokenizer.push(text);
    }
    if (!decided) return null;
    tokenizer.push(decoder.decode());
    tokenizer.end();
  } catch (error) {
    if (error instanceof AuditError) throw error;
    if (error instanceof JsonSyntaxError)
      throw new AuditError({ file: path, line: error.line, message: `not valid JSON: ${error.message}` }, HINT);
    throw unreadableFile(path, 'baseline', error);
  } finally {
    stream.destroy();
  }
  return report.finish();
}

type Place = 'root' | 'persons' | 'person' | 'findings' | 'finding' | 'suppression' | 'other';

interface Frame {
  place: Place;
  kind: 'object' | 'array';
  /** The field path, for messages (`persons[2].findings[0]`). */
  field: string;
  /** The key whose value comes next (objects), or the next element's index (arrays). */
  key: string | null;
  next: number;
  /** Keys seen in this object: a key written twice is an error, as the YAML reader makes it. */
  keys: Set<string> | null;
}

interface FindingRead {
  line: number;
  fingerprint: string | null;
  suppressed: boolean;
  reason: string | null;
  reviewer: string | null;
  date: string | null;
}

/** What a value at `place` must be, in the words of the messages. */
const EXPECTED: Partial<Record<Place, 'object' | 'array'>> = {
  root: 'object',
  persons: 'array',
  person: 'object',
  findings: 'array',
  finding: 'object',
};

/**
 * Collects the fingerprints of a report (`persons[].findings[].fingerprint`, and `suppression` where a finding has
 * one) from JSON events, checking the shape the baseline needs: `schema`, the arrays and the fingerprints.
 */
class ReportFingerprints {
  private readonly stack: Frame[] = [];
  private readonly out = new Map<string, Suppression>();
  private finding: FindingRead | null = null;
  private schema = false;
  private persons = false;

  constructor(
    private readonly path: string,
    private readonly reviewed: string,
  ) {}

  handler(): JsonHandler {
    return {
      open: (kind, line) => this.open(kind, line),
      close: (kind, line) => this.close(kind, line),
      key: (name, line) => this.key(name, line),
      scalar: (value, line) => this.scalar(value, line),
      wantsString: () => this.wantsString(),
    };
  }

  finish(): Map<string, Suppression> {
    if (!this.schema)
      throw this.problem(undefined, 'schema', `required field is missing (expected "${REPORT_SCHEMA}")`);
    if (!this.persons) throw this.problem(undefined, 'persons', 'required field is missing (expected an array)');
    return this.out;
  }

  /** Where the next value goes, and its field path. */
  private child(): { place: Place; field: string } {
    const parent = this.stack.at(-1);
    if (!parent) return { place: 'root', field: '' };
    const field = parent.kind === 'array' ? `${parent.field}[${parent.next++}]` : join(parent.field, parent.key ?? '');
    const key = parent.key;
    const place: Place =
      parent.place === 'root' && key === 'persons'
        ? 'persons'
        : parent.place === 'persons'
          ? 'person'
          : parent.place === 'person' && key === 'findings'
            ? 'findings'
            : parent.place === 'findings'
              ? 'finding'
              : parent.place === 'finding' && key === 'suppression'
                ? 'suppression'
                : 'other';
    return { place, field };
  }

  private open(kind: 'object' | 'array', line: number): void {
    const { place, field } = this.child();
    const expected = place === 'suppression' ? 'object' : EXPECTED[place];
    if (expected !== undefined && expected !== kind)
      throw this.problem(line, field, `expected ${article(expected)}, found ${article(kind)}`);
    if (place === 'persons') this.persons = true;
    if (place === 'finding') this.finding = newFinding(line);
    if (place === 'suppression') this.finding!.suppressed = true;
    this.stack.push({ place, kind, field, key: null, next: 0, keys: kind === 'object' ? new Set() : null });
  }

  private close(_kind: 'object' | 'array', _line: number): void {
    const frame = this.stack.pop()!;
    if (frame.place === 'suppression' && this.finding!.reason === null)
      throw this.problem(undefined, join(frame.field, 'reason'), 'required field is missing (expected text)');
    if (frame.place !== 'finding') return;
    const f = this.finding!;
    this.finding = null;
    if (f.fingerprint === null)
      throw this.problem(f.line, join(frame.field, 'fingerprint'), 'required field is missing (expected text)');
    this.out.set(f.fingerprint, {
      fingerprint: f.fingerprint,
      reason: f.suppressed ? f.reason! : this.reviewed,
      reviewer: f.suppressed ? f.reviewer : null,
      date: f.suppressed ? f.date : null,
    });
  }

  private key(name: string, line: number): void {
    const frame = this.stack.at(-1)!;
    if (frame.keys!.has(name)) throw this.problem(line, join(frame.field, name), 'this key is written twice');
    frame.keys!.add(name);
    frame.key = name;
  }

  private wantsString(): boolean {
    const frame = this.stack.at(-1);
    if (frame?.kind !== 'object') return false;
    if (frame.place === 'root') return frame.key === 'schema';
    if (frame.place === 'finding') return frame.key === 'fingerprint';
    return frame.place === 'suppression';
  }

  private scalar(value: JsonScalar, line: number): void {
    const { place, field } = this.child();
    const parent = this.stack.at(-1);
    if (place === 'root') throw this.problem(line, '(top level)', 'expected an object');
    if (place === 'suppression') {
      if (value !== null) throw this.problem(line, field, `expected an object or null, found ${typeName(value)}`);
      return;
    }
    const expected = EXPECTED[place];
    if (expected !== undefined)
      throw this.problem(line, field, `expected ${article(expected)}, found ${typeName(value)}`);
    if (parent?.place === 'root' && parent.key === 'schema') {
      if (value !== REPORT_SCHEMA)
        throw this.problem(
          line,
          field,
          `expected "${REPORT_SCHEMA}" (a report of asn-audit), found ${typeName(value)}`,
        );
      this.schema = true;
    } else if (parent?.place === 'finding' && parent.key === 'fingerprint') {
      if (typeof value !== 'string') throw this.problem(line, field, `expected text, found ${typeName(value)}`);
      this.finding!.fingerprint = value;
    } else if (parent?.place === 'suppression') {
      const key = parent.key;
      const f = this.finding!;
      if (key === 'reason') {
        if (typeof value !== 'string') throw this.problem(line, field, `expected text, found ${typeName(value)}`);
        f.reason = value;
      } else if (key === 'reviewer' || key === 'date') {
        if (value !== null && typeof value !== 'string')
          throw this.problem(line, field, `expected text or null, found ${typeName(value)}`);
        f[key] = value;
      }
    }
  }

  private problem(line: number | undefined, field: string, message: string): AuditError {
    return new AuditError({ file: this.path, ...(line !== undefined ? { line } : {}), field, message }, HINT);
  }
}

function newFinding(line: number): FindingRead {
  return { line, fingerprint: null, suppressed: false, reason: null, reviewer: null, date: null };
}

function join(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

function article(kind: 'object' | 'array'): string {
  return kind === 'object' ? 'an object' : 'an array';
}

function typeName(value: JsonScalar): string {
  if (value === SKIPPED_STRING) return 'text';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : typeof value === 'number' ? 'a number' : `${value}`;
}
