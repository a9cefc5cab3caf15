// Reads the roster (CSV or JSON): the audited ASN, their NIP and their accounts, reporting every problem in the file at once.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Problem } from '../shared/errors.js';
import { AuditError } from '../shared/errors.js';
import type { Roster } from '../shared/types.js';
import { decodeText, looksBinary, looksUtf16WithoutBom, UTF16_WITHOUT_BOM_MESSAGE } from './encoding.js';
import { readCsvRows } from './roster-csv.js';
import { readJsonRows } from './roster-json.js';
import type { RosterRow } from './roster-row.js';
import { PersonsBuilder } from './roster-persons.js';
import { convertWorkbookHint, workbookKind } from './spreadsheet.js';

export interface RosterOptions {
  /** Bounds NIP birth and appointment dates; default: now. */
  today?: Date;
}

/** Reads and validates a roster; throws AuditError (exit 2) listing every problem found. */
export async function loadRoster(path: string, options: RosterOptions = {}): Promise<Roster> {
  const workbook = workbookKind(path);
  if (workbook)
    throw new AuditError(
      { file: path, message: `this is ${workbook}, which asn-audit does not read: the roster must be CSV or JSON` },
      convertWorkbookHint(path),
    );
  const bytes = await readRosterBytes(path);
  if (bytes.length === 0)
    throw new AuditError({ file: path, message: 'the roster file is empty: expected a CSV or JSON list of persons' });
  if (looksUtf16WithoutBom(bytes)) throw new AuditError({ file: path, message: UTF16_WITHOUT_BOM_MESSAGE });
  if (looksBinary(bytes)) {
    throw new AuditError(
      {
        file: path,
        message: 'this is not a text file (a spreadsheet, a zip or an image?): the roster must be CSV or JSON',
      },
      convertWorkbookHint(path),
    );
  }
  const { text } = decodeText(bytes);
  const problems: Problem[] = [];
  // Rows go to the builder as they are read: the reader's problems come first, then those of the persons.
  const builder = new PersonsBuilder(path, options.today ?? new Date());
  const onRow = (row: RosterRow) => builder.add(row);
  const readable = isJson(path, text)
    ? readJsonRows(text, path, problems, onRow)
    : readCsvRows(text, path, problems, onRow);
  if (readable) for (const problem of builder.problems) problems.push(problem);
  if (readable && builder.rows === 0 && problems.length === 0) {
    problems.push({
      file: path,
      message: 'the roster lists no persons: expected one row per ASN after the header line',
    });
  }
  if (problems.length > 0) throw new AuditError(problems);
  const { persons } = builder;
  return {
    file: path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    persons,
    byAccount: builder.accountIndex(),
    byNip: new Map(persons.map((p) => [p.nip, p])),
  };
}

async function readRosterBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'roster file not found'
        : code === 'EISDIR'
          ? 'this is a directory, not a roster file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'the roster file cannot be read: permission denied'
            : `the roster file cannot be read: ${(error as Error).message}`;
    throw new AuditError({ file: path, message });
  }
}

function isJson(path: string, text: string): boolean {
  return /\.json$/i.test(path) || /^\s*[[{]/.test(text);
}
