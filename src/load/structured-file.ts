// Reads the YAML and JSON files people write by hand (election, rules, baseline, config) into plain data, with located errors.
import { readFile } from 'node:fs/promises';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { LineOfPath } from '../schemas/zod-problems.js';
import { AuditError, type Problem } from '../shared/errors.js';
import { decodeText, looksBinary, looksUtf16WithoutBom, UTF16_WITHOUT_BOM_MESSAGE } from './encoding.js';

/**
 * The text of a file someone wrote by hand, named as `what` in the messages: missing, a folder, unreadable or not
 * text is an AuditError; with `missingIsEmpty` a missing file reads as empty.
 */
export async function readHandWrittenText(
  path: string,
  what: string,
  options: { missingIsEmpty?: boolean } = {},
): Promise<{ text: string; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.missingIsEmpty) return { text: '', bytes: new Uint8Array() };
    throw unreadableFile(path, what, error);
  }
  assertHandWrittenText(path, what, bytes.subarray(0, 8192));
  return { text: decodeText(bytes).text, bytes };
}

/** Why a file someone named cannot be read: missing, a folder, or the system's reason. */
export function unreadableFile(path: string, what: string, error: unknown): AuditError {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT'
      ? `${what} not found`
      : code === 'EISDIR'
        ? `this is a folder, not the ${what}`
        : `cannot read the ${what}: ${(error as Error).message}`;
  return new AuditError({ file: path, message });
}

/** Stops on a file that is not text, from its first bytes. */
export function assertHandWrittenText(path: string, what: string, head: Uint8Array): void {
  if (looksUtf16WithoutBom(head)) throw new AuditError({ file: path, message: UTF16_WITHOUT_BOM_MESSAGE });
  if (looksBinary(head.subarray(0, 8192)))
    throw new AuditError({ file: path, message: `the ${what} is not a text file (expected YAML or JSON)` });
}

/** The YAML parser's errors and warnings of `doc`, each at its line. */
export function yamlSyntaxProblems(path: string, doc: Document): Problem[] {
  return [...doc.errors, ...doc.warnings].map((issue) => {
    const line = issue.linePos?.[0]?.line;
    return {
      file: path,
      ...(line !== undefined ? { line } : {}),
      message: `not valid YAML/JSON: ${issue.message.split('\n')[0]}`,
    };
  });
}

/**
 * Reads a YAML or JSON file into plain data, with located messages for syntax errors, and the line of each field.
 * A whole number beyond 2^53 stays a bigint with all its digits (a Number has already lost some), so a message can
 * quote it exactly; every other number is a Number.
 */
export async function readStructuredFile(
  path: string,
  what: string,
): Promise<{ data: unknown; bytes: Uint8Array; lineOf: LineOfPath }> {
  const { text, bytes } = await readHandWrittenText(path, what);
  if (text.trim() === '') throw new AuditError({ file: path, message: `the ${what} is empty` });
  // YAML 1.2 is a superset of JSON, so one parser reads both. Duplicate keys are errors, and so are tags the core
  // schema does not know (`!!js/function`): they would otherwise be read as plain strings with only a warning.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: true,
    logLevel: 'silent',
    intAsBigInt: true,
    lineCounter,
  });
  const problems = yamlSyntaxProblems(path, doc);
  if (problems.length > 0) throw new AuditError(problems);
  let data: unknown;
  try {
    data = safeIntegersAsNumbers(doc.toJS({ maxAliasCount: 1000 }));
  } catch (error) {
    throw new AuditError({ file: path, message: `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}` });
  }
  const lineOf: LineOfPath = (fieldPath) => {
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = doc.getIn(fieldPath.slice(0, n), true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return undefined;
  };
  return { data, bytes, lineOf };
}

// `seen` because an alias can make the data refer to itself.
function safeIntegersAsNumbers(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value !== null && typeof value === 'object') {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(-Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = safeIntegersAsNumbers(value[i], seen);
    return value;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = safeIntegersAsNumbers(record[key], seen);
  }
  return value;
}
