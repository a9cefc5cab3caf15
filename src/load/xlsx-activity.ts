// Canonical activity rows from one sheet of an .xlsx workbook: the same header aliases and required columns as a CSV,
// each row cited by its sheet row number, so `book.xlsx:7` in a rejection is row 7 as Excel shows it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { ACTIVITY_HEADER_ALIASES } from '../normalize/activity.js';
import { AuditError } from '../shared/errors.js';
import type { RawRow } from '../shared/types.js';
import { checkedHeader } from './csv.js';
import type { InputFile } from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import type { ReadMeter } from './read-meter.js';
import { convertWorkbookHint } from './spreadsheet.js';
import { chooseSheet, openWorkbook } from './xlsx-workbook.js';
import { openZip } from './zip.js';

const CANONICAL_REQUIRED = ['platform', 'timestamp', 'type', 'account|nip'] as const;
/** Columns of identifiers: an 18-digit NIP or a numeric account id typed in as a number has already lost digits. */
const IDENTIFIERS = new Set(['nip', 'account', 'target_account']);

/** Rows of the sheet named `sheet` (default: the first visible one); fills in the input's hash when done. */
export async function* readXlsxActivity(
  path: string,
  display: string,
  sheet: string | undefined,
  input: InputFile,
  meter?: ReadMeter,
): AsyncGenerator<LoadedItem> {
  await checkSignature(path, display);
  const book = await openWorkbook(path, display);
  try {
    const rows = book.rows(chooseSheet(book, sheet, display));
    let header: string[] | null = null;
    for await (const { row, cells, numbers } of rows) {
      if (header === null) {
        header = checkedHeader(cells, row, {
          file: display,
          aliases: ACTIVITY_HEADER_ALIASES,
          required: CANONICAL_REQUIRED,
        });
        continue;
      }
      const beyond = cells.findIndex((v, c) => c >= header!.length && v.trim() !== '');
      if (beyond >= 0) {
        yield {
          kind: 'rejected',
          rejection: {
            file: display,
            line: row,
            reason: {
              code: 'cell_beyond_header',
              column: columnName(beyond),
              lastColumn: columnName(header.length - 1),
            },
          },
        };
        continue;
      }
      const cut = numbers.find((c) => IDENTIFIERS.has(header![c] ?? '') && Math.abs(Number(cells[c])) >= 1e15);
      if (cut !== undefined) {
        yield {
          kind: 'rejected',
          rejection: {
            file: display,
            line: row,
            reason: { code: 'sheet_number_lost_digits', field: header[cut]!, read: cells[cut] ?? '' },
          },
        };
        continue;
      }
      const fields: Record<string, string> = Object.create(null);
      for (let c = 0; c < header.length; c++) if (header[c] !== '') fields[header[c]!] = cells[c] ?? '';
      yield { kind: 'row', row: { source: { file: display, line: row }, fields } satisfies RawRow };
    }
    if (header === null)
      throw new AuditError({ file: display, message: 'the sheet is empty (expected a header row and rows)' });
  } finally {
    book.close();
  }
  const { sha256, bytes } = await hashFile(path);
  meter?.add(bytes);
  input.sha256 = sha256;
}

/** A file without an extension that is an .xlsx by content: a zip holding Excel's workbook part. */
export async function isXlsxByContent(path: string): Promise<boolean> {
  if (!(await readHead(path)).equals(ZIP_SIGNATURE)) return false;
  const archive = await openZip(path, path).catch(() => null);
  if (!archive) return false;
  archive.close();
  return archive.entries.some((e) => e.name === 'xl/workbook.xml');
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function readHead(path: string): Promise<Buffer> {
  const head = Buffer.alloc(4);
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, 4, 0);
  } finally {
    await file.close();
  }
  return head;
}

/**
 * An .xlsx is a zip. Excel encrypts a password-protected workbook into an OLE2 compound file instead, the container
 * an old .xls uses too, so that signature is named for both.
 */
async function checkSignature(path: string, display: string): Promise<void> {
  const head = await readHead(path);
  if (head.equals(ZIP_SIGNATURE)) return;
  if (head.equals(OLE2_SIGNATURE))
    throw new AuditError(
      {
        file: display,
        message:
          'this workbook is password-protected (encrypted), or an old .xls under an .xlsx name: asn-audit cannot read it',
      },
      'open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, empty) and save it as Excel Workbook (.xlsx); or save the sheet as CSV UTF-8',
    );
  throw new AuditError(
    {
      file: display,
      message: 'this is not an Excel workbook: an .xlsx is a zip archive, and this file does not begin like one',
    },
    convertWorkbookHint(display),
  );
}

/** Excel's letters for a column index: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
