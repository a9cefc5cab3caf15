// Reads the YAML and JSON files people write by hand (election, rules, baseline, config) into plain data, with located errors.
import { readFile } from 'node:fs/promises';
import { type Document, parseDocument } from 'yaml';
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

/** Reads a YAML or JSON file into plain data, with located messages for syntax errors. */
export async function readStructuredFile(path: string, what: string): Promise<{ data: unknown; bytes: Uint8Array }> {
  const { text, bytes } = await readHandWrittenText(path, what);
  if (text.trim() === '') throw new AuditError({ file: path, message: `the ${what} is empty` });
  // YAML 1.2 is a superset of JSON, so one parser reads both. Duplicate keys are errors, and so are tags the core
  // schema does not know (`!!js/function`): they would otherwise be read as plain strings with only a warning.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'silent' });
  const problems = yamlSyntaxProblems(path, doc);
  if (problems.length > 0) throw new AuditError(problems);
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }), bytes };
  } catch (error) {
    throw new AuditError({ file: path, message: `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}` });
  }
}
