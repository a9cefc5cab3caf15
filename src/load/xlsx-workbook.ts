// Reads the cells of one sheet of an .xlsx workbook row by row: the zip's central directory through yauzl, the XML
// parts through saxes, the sheet itself streamed so a workbook of a million rows costs its shared strings, not its size.
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

type XmlOptions = { position: false; xmlns: false };
import { AuditError } from '../shared/errors.js';
import { formatBytes, openZip, ZipEntryError, type ZipArchive, type ZipListing } from './zip.js';

/** One sheet row that holds at least one value: its row number as Excel shows it, values by column (A is 0). */
export interface SheetRow {
  row: number;
  cells: string[];
  /** Columns whose cell holds a number that is no date: Excel keeps 15 significant digits of those. */
  numbers: number[];
}

export interface SheetInfo {
  name: string;
  /** `hidden` or `veryHidden` sheets are not the default first sheet (users do not see them as tabs). */
  hidden: boolean;
  /** The part holding it, e.g. `xl/worksheets/sheet1.xml`; null for a chart sheet, which holds no rows. */
  part: string | null;
}

export interface Workbook {
  sheets: SheetInfo[];
  /** Rows of the sheet, in file order; throws AuditError when the XML is damaged. */
  rows(sheet: SheetInfo): AsyncGenerator<SheetRow>;
  close(): void;
}

/** Shared strings are held in memory (each cell refers to them by index); more than this is refused, not read. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
/** Parts other than the sheet and its shared strings (workbook, relationships, styles) are small. */
const MAX_SMALL_PART_BYTES = 64 * 1024 * 1024;
/** Excel's own limit is 16,384 columns (XFD); a reference past it is damage. */
const MAX_COLUMNS = 16_384;

export async function openWorkbook(path: string, display: string): Promise<Workbook> {
  const archive = await openZip(display, path, { maxEntries: 100_000, maxTotalBytes: Number.MAX_SAFE_INTEGER }).catch(
    (error: unknown) => {
      if (!(error instanceof AuditError)) throw error;
      throw new AuditError(
        { file: display, message: `this workbook cannot be opened: ${error.problems[0]?.message}` },
        'it is damaged or was not saved completely: open it in Excel and save it again, or save the sheet as CSV UTF-8',
      );
    },
  );
  try {
    const byName = new Map(archive.entries.map((e) => [e.name, e]));
    const part = (name: string) => byName.get(name) ?? byName.get(name.replace(/^\//, '')) ?? null;
    const fault = (message: string) => new AuditError({ file: display, message });
    const readPart = async (name: string, max: number): Promise<string | null> => {
      const listing = part(name);
      if (!listing) return null;
      if (listing.size > max)
        throw fault(`its part ${name} expands to ${formatBytes(listing.size)}, more than the ${formatBytes(max)} read`);
      try {
        return new TextDecoder().decode(await archive.read(listing, max));
      } catch (error) {
        if (error instanceof ZipEntryError) throw fault(`${name}: ${error.message}`);
        throw error;
      }
    };
    const rootRels = await readPart('_rels/.rels', MAX_SMALL_PART_BYTES);
    const bookPath =
      (rootRels && relationships(rootRels, '', display).find((r) => r.type.endsWith('/officeDocument'))?.target) ??
      'xl/workbook.xml';
    const bookXml = await readPart(bookPath, MAX_SMALL_PART_BYTES);
    if (bookXml === null)
      throw fault(
        'this zip holds no Excel workbook part (xl/workbook.xml): it is not an .xlsx, or it is damaged; open and save it again in Excel',
      );
    const bookRelsXml = await readPart(relsPathOf(bookPath), MAX_SMALL_PART_BYTES);
    const rels = bookRelsXml ? relationships(bookRelsXml, posix.dirname(bookPath), display) : [];
    const book = workbookParts(bookXml, display);
    const sheets: SheetInfo[] = book.sheets.map((s) => {
      const rel = rels.find((r) => r.id === s.rid);
      return { name: s.name, hidden: s.hidden, part: rel?.type.endsWith('/worksheet') ? rel.target : null };
    });
    const sharedPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
    const sharedListing = sharedPath ? part(sharedPath) : null;
    if (sharedListing && sharedListing.size > MAX_SHARED_STRINGS_BYTES)
      throw fault(
        `its shared strings expand to ${formatBytes(sharedListing.size)}, more than the ${formatBytes(MAX_SHARED_STRINGS_BYTES)} held in memory; save the sheet as CSV UTF-8 and scan that`,
      );
    const shared = sharedListing ? await sharedStrings(archive, sharedListing, display) : [];
    const stylesXml = stylesPath ? await readPart(stylesPath, MAX_SMALL_PART_BYTES) : null;
    const dateStyles = stylesXml ? dateStyleIndexes(stylesXml, display) : new Set<number>();
    const cellText = cellReader(shared, dateStyles, book.date1904);
    return {
      sheets,
      rows: (sheet) => {
        const listing = sheet.part ? part(sheet.part) : null;
        if (!listing) throw fault(`the sheet "${sheet.name}" has no worksheet part in the workbook; it is damaged`);
        return sheetRows(archive, listing, display, cellText);
      },
      close: () => archive.close(),
    };
  } catch (error) {
    archive.close();
    throw error;
  }
}

/** The sheet a scan reads: the one named, else the first visible worksheet. Throws listing the sheets otherwise. */
export function chooseSheet(book: Workbook, wanted: string | undefined, display: string): SheetInfo {
  const names = book.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  if (wanted !== undefined) {
    const sheet = book.sheets.find((s) => s.name === wanted) ?? book.sheets.find((s) => sameName(s.name, wanted));
    if (!sheet)
      throw new AuditError({ file: display, message: `no sheet named "${wanted}" (--sheet); its sheets are ${names}` });
    if (!sheet.part)
      throw new AuditError({
        file: display,
        message: `the sheet "${sheet.name}" (--sheet) is a chart, which holds no rows; its sheets are ${names}`,
      });
    return sheet;
  }
  const sheet = book.sheets.find((s) => s.part && !s.hidden) ?? book.sheets.find((s) => s.part);
  if (!sheet)
    throw new AuditError({ file: display, message: `this workbook has no sheet of rows; its sheets are ${names}` });
  return sheet;
}

/** Excel itself treats sheet names case-insensitively: "Kegiatan" and "kegiatan" cannot both exist. */
const sameName = (a: string, b: string) => a.toLocaleLowerCase('und') === b.toLocaleLowerCase('und');

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

function xmlParser(display: string, part: string, handlers: XmlHandlers): SaxesParser<XmlOptions> {
  const parser = new SaxesParser<XmlOptions>({ position: false, xmlns: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  parser.on('error', (error: Error) => {
    throw new AuditError({
      file: display,
      message: `damaged XML in ${part}: ${error.message.split('\n')[0]} (open and save the workbook again in Excel)`,
    });
  });
  return parser;
}

function parseWhole(xml: string, display: string, part: string, handlers: XmlHandlers): void {
  xmlParser(display, part, handlers).write(xml).close();
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

interface Relationship {
  id: string;
  type: string;
  /** Resolved to a path inside the zip. */
  target: string;
}

function relationships(xml: string, base: string, display: string): Relationship[] {
  const out: Relationship[] = [];
  parseWhole(xml, display, 'relationships', {
    open: (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(base, a.Target));
      out.push({ id: a.Id, type: a.Type ?? '', target });
    },
  });
  return out;
}

function workbookParts(xml: string, display: string) {
  const sheets: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  parseWhole(xml, display, 'xl/workbook.xml', {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        const rid = Object.entries(a).find(([k]) => localName(k) === 'id')?.[1] ?? '';
        sheets.push({ name: a.name ?? '', rid, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
  });
  return { sheets, date1904 };
}

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): its `<t>` texts, rich-text
 * runs joined, phonetic guides (`<rPh>`, Japanese readings) left out as Excel leaves them out of the cell's value.
 */
class StringItemText {
  private inT = false;
  private inPhonetic = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inT = false;
  }
  add(text: string): void {
    if (this.inT) this.text += text;
  }
}

/** Streamed like the sheet: only the strings are held, never the XML around them. */
async function sharedStrings(archive: ZipArchive, listing: ZipListing, display: string): Promise<string[]> {
  const out: string[] = [];
  let item: StringItemText | null = null;
  const parser = xmlParser(display, listing.name, {
    open: (name) => {
      if (name === 'si') item = new StringItemText();
      else item?.open(name);
    },
    close: (name) => {
      if (name === 'si' && item) {
        out.push(item.text);
        item = null;
      } else item?.close(name);
    },
    text: (text) => item?.add(text),
  });
  for await (const _ of feed(parser, archive, listing, display));
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, with the East Asian date formats). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date when, outside quoted text, escapes and [colour]/[$-locale] sections, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  const firstSection = bare.split(';')[0] ?? '';
  return /[dmyhs]/i.test(firstSection) && !/^general$/i.test(firstSection.trim());
}

/** Indexes of `cellXfs` (a cell's `s`) whose number format shows a date: their numbers are date serials. */
function dateStyleIndexes(xml: string, display: string): Set<number> {
  const customDates = new Map<number, boolean>();
  const styles: number[] = [];
  let inCellXfs = false;
  parseWhole(xml, display, 'xl/styles.xml', {
    open: (name, a) => {
      if (name === 'numFmt' && a.numFmtId !== undefined)
        customDates.set(Number(a.numFmtId), isDateFormatCode(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const out = new Set<number>();
  styles.forEach((id, index) => {
    if (customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id)) out.add(index);
  });
  return out;
}

type CellText = (type: string, style: number, value: string) => string;

/** A cell's value as text, as a CSV saved from the sheet would hold it, with dates as ISO wall-clock times. */
function cellReader(shared: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): CellText {
  return (type, style, value) => {
    switch (type) {
      case 's': {
        const text = shared[Number(value)];
        return text ?? '';
      }
      case 'b':
        return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
      case 'n':
        if (dateStyles.has(style) && value.trim() !== '')
          return excelSerialToWallClock(Number(value), date1904) ?? value;
        return value;
      default:
        // str (a formula's text), inlineStr (read from <is>), e (#N/A and the like), d (ISO 8601 already).
        return value;
    }
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An Excel date serial as the wall-clock time it shows, `YYYY-MM-DDTHH:mm:ss[.SSS]` without an offset, so it is read
 * in the election's time zone like a CSV time without one. The 1900 system counts from 1899-12-30 with Excel's
 * fictitious 29 February 1900 (serial 60) in it; the 1904 system (old Mac workbooks) from 1904-01-01. Rounded to the
 * millisecond, the precision Excel keeps. Null for a number that is no date (negative, or past year 9999).
 */
export function excelSerialToWallClock(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let days = serial;
  if (date1904) days += 1462;
  else if (serial < 61) days += serial < 60 ? 1 : 0; // before the fictitious 29 Feb 1900, serials are one day off
  const ms = Math.round(days * 86_400_000) + Date.UTC(1899, 11, 30);
  const at = new Date(ms);
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() > 9999) return null;
  const frac = at.getUTCMilliseconds();
  return (
    `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}` +
    `T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}${frac ? `.${pad(frac, 3)}` : ''}`
  );
}

/** Column index of a cell reference: `A1` → 0, `AB7` → 27; -1 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/** Streams the sheet's XML through saxes, yielding each row that holds a value as soon as its chunk is parsed. */
async function* sheetRows(
  archive: ZipArchive,
  listing: ZipListing,
  display: string,
  cellText: CellText,
): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let numbers: number[] = [];
  let hasValue = false;
  let column = -1;
  let cellType = 'n';
  let cellStyle = 0;
  let value = '';
  let inValue = false;
  let inline: StringItemText | null = null;
  const damaged = (message: string) =>
    new AuditError({
      file: display,
      line: rowNumber,
      message: `${message} (open and save the workbook again in Excel)`,
    });
  const parser = xmlParser(display, listing.name, {
    open: (name, a) => {
      if (inline) inline.open(name);
      else if (name === 'c') {
        column = a.r ? columnOf(a.r) : column + 1;
        if (column < 0 || column >= MAX_COLUMNS)
          throw damaged(`the cell reference "${a.r}" is not a column of a sheet`);
        cellType = a.t ?? 'n';
        cellStyle = Number(a.s ?? 0);
        value = '';
      } else if (name === 'v') inValue = true;
      else if (name === 'is') inline = new StringItemText();
      else if (name === 'row') {
        const given = a.r ? Number(a.r) : rowNumber + 1;
        if (!Number.isInteger(given) || given <= rowNumber) throw damaged(`the row number "${a.r}" is out of order`);
        rowNumber = given;
        cells = [];
        numbers = [];
        hasValue = false;
        column = -1;
      }
    },
    close: (name) => {
      if (name === 'is' && inline) {
        value = inline.text;
        inline = null;
      } else if (inline) inline.close(name);
      else if (name === 'v') inValue = false;
      else if (name === 'c') {
        const text = cellText(cellType, cellStyle, value);
        if (text !== '') {
          while (cells.length < column) cells.push('');
          cells[column] = text;
          hasValue = true;
          if (cellType === 'n' && text === value) numbers.push(column);
        }
      } else if (name === 'row' && hasValue) ready.push({ row: rowNumber, cells, numbers });
    },
    text: (text) => {
      if (inline) inline.add(text);
      else if (inValue) value += text;
    },
  });
  for await (const _ of feed(parser, archive, listing, display)) if (ready.length > 0) yield* ready.splice(0);
  yield* ready.splice(0);
}

/** Writes a part's bytes into the parser as they inflate; yields after each chunk so the caller can hand on what it parsed. */
async function* feed(
  parser: SaxesParser<XmlOptions>,
  archive: ZipArchive,
  listing: ZipListing,
  display: string,
): AsyncGenerator<void> {
  const decoder = new TextDecoder();
  try {
    for await (const chunk of archive.stream(listing)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
  } catch (error) {
    if (error instanceof ZipEntryError)
      throw new AuditError({
        file: display,
        message: `${listing.name}: ${error.message} (the workbook is incomplete or damaged; open and save it again in Excel)`,
      });
    throw error;
  }
  parser.write(decoder.decode());
  parser.close();
}
