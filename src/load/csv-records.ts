// Splits CSV text into records by RFC 4180 quoting, so that one malformed record is rejected alone and the rest of
// the file is still read (csv-parse itself cannot resume after a quoting error). With `fields`, the same pass also
// cuts a plain record into its fields; only the rare record it does not cut (see `fields`) is left to csv-parse.
import type { RejectionReason } from '../shared/types.js';

export interface CsvRecordText {
  /** The record's text; empty when `fields` holds it already cut. */
  text: string;
  /** The record's fields as csv-parse (`relax_quotes`) reads them, or null: parse `text`. */
  fields: string[] | null;
  startLine: number;
  endLine: number;
}

export interface CsvRecordFault {
  startLine: number;
  endLine: number;
  reason: RejectionReason;
}

export type SplitEvent = { record: CsvRecordText } | { fault: CsvRecordFault };

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** A quoted field that grows past this without closing is treated as an unclosed quote, not read into memory forever. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * Incremental splitter: `push(chunk)` then `end()`; each returns the events completed so far.
 * A record that breaks quoting and spans several lines is rejected for its first line only, and scanning restarts
 * at the next line, so the parser resynchronises instead of swallowing the rest of the file as one field.
 */
export class CsvRecordSplitter {
  // Chunks of the record being read that are already scanned, kept apart: appending every chunk to one string
  // made V8 copy the whole record again on each chunk (a 10 MB field cost over 100 MB of transient memory).
  private earlier: string[] = [];
  private earlierLength = 0;
  private pending = '';
  private scanned = 0;
  private state = State.FieldStart;
  private pendingStartLine: number;
  private linesInPending = 0;
  private badAt: string | null = null;
  /** The rest of a rejected line has not arrived yet: it is dropped up to its newline, still counting as that line. */
  private skippingLine = false;

  /** The first record is always given as text: it is the header, read with its BOM and its own separator. */
  private firstRecord = true;
  /** Field bounds of the record being scanned, three numbers a field: start, end, and 1 when it holds `""`. */
  private readonly bounds: number[] = [];

  /**
   * `fields`: cut each record into fields in the same pass (what the activity loader wants); without it every record
   * comes as text only.
   */
  constructor(
    private readonly delimiter: string,
    firstLine = 1,
    private readonly cutFields = false,
  ) {
    this.pendingStartLine = firstLine;
  }

  push(chunk: string): SplitEvent[] {
    // `pending` has been scanned to its end by the previous call.
    if (this.pending !== '') {
      this.earlier.push(this.pending);
      this.earlierLength += this.pending.length;
    }
    this.pending = chunk;
    this.scanned = 0;
    const events: SplitEvent[] = [];
    this.scan(events, false);
    return events;
  }

  end(): SplitEvent[] {
    const events: SplitEvent[] = [];
    this.scan(events, true);
    return events;
  }

  private scan(events: SplitEvent[], atEnd: boolean): void {
    const d = this.delimiter.charCodeAt(0);
    const bounds = this.bounds;
    for (;;) {
      if (this.skippingLine) {
        const nl = this.pending.indexOf('\n');
        if (nl === -1) {
          this.pending = '';
          return;
        }
        this.skippingLine = false;
        this.pendingStartLine += 1;
        this.resetRecord(this.pending.slice(nl + 1));
      }
      const text = this.pending;
      let i = this.scanned;
      let state = this.state;
      let recordEnd = -1;
      // Field cutting, valid only for a record that starts at 0 in this chunk (one begun in an earlier chunk is
      // left to csv-parse). `irregular`: something csv-parse may read otherwise than plain RFC 4180 (a quote inside
      // an unquoted field, a CR that does not end the line), so the record goes to csv-parse too.
      const cut = this.cutFields && !this.firstRecord && i === 0 && this.earlierLength === 0;
      bounds.length = 0;
      let fieldStart = 0;
      let fieldDone = false;
      let escaped = 0;
      let irregular = false;
      let sawQuote = false;
      let lastCr = -2;
      let crs = 0;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (state === State.Quoted) {
          if (c === QUOTE) state = State.QuoteInQuoted;
          else if (c === LF) this.linesInPending++;
          continue;
        }
        if (state === State.QuoteInQuoted) {
          if (c === QUOTE) {
            state = State.Quoted;
            escaped = 1;
            continue;
          }
          if (c !== d && c !== LF && c !== CR && this.badAt === null) {
            this.badAt = `a closing quote is followed by "${text[i]}" instead of the separator`;
          }
          bounds.push(fieldStart, i - 1, escaped);
          fieldDone = true;
          state = State.Unquoted;
        }
        if (c === LF) {
          recordEnd = i;
          break;
        }
        if (c === d) {
          if (!fieldDone) bounds.push(fieldStart, i, 0);
          fieldDone = false;
          fieldStart = i + 1;
          state = State.FieldStart;
        } else if (c === QUOTE) {
          sawQuote = true;
          if (state === State.FieldStart) {
            state = State.Quoted;
            fieldStart = i + 1;
            escaped = 0;
          } else irregular = true;
        } else {
          if (c === CR) {
            crs++;
            lastCr = i;
          }
          if (state === State.FieldStart) state = State.Unquoted;
        }
      }
      if (recordEnd === -1) {
        this.scanned = i;
        this.state = state;
        if (state === State.Quoted && this.earlierLength + text.length > MAX_RECORD_CHARS) {
          this.restartAfterFirstLine(events, { code: 'quote_past_limit', mib: MAX_RECORD_CHARS / (1024 * 1024) });
          continue;
        }
        if (!atEnd) return;
        const whole = this.joinPending();
        if (state === State.Quoted) {
          if (this.linesInPending > 0) {
            this.restartAfterFirstLine(events, { code: 'unclosed_quote' });
            continue;
          }
          this.emitFault(events, whole, { code: 'unclosed_quote' });
        } else if (whole.trim() !== '') {
          this.emit(events, whole.endsWith('\r') ? whole.slice(0, -1) : whole);
        }
        this.pending = '';
        this.scanned = 0;
        return;
      }
      if (cut && this.badAt === null && !irregular && (crs === 0 || (crs === 1 && lastCr === recordEnd - 1))) {
        const contentEnd = crs === 1 ? recordEnd - 1 : recordEnd;
        if (!fieldDone) bounds.push(fieldStart, contentEnd, 0);
        const fields = fieldsOf(text, contentEnd, bounds);
        const blank = !sawQuote && (fields.length === 1 || d === TAB) && fields.every((f) => f.trim() === '');
        if (!blank) this.emitFields(events, fields);
        this.pendingStartLine += this.linesInPending + 1;
        this.resetRecord(text.slice(recordEnd + 1));
        continue;
      }
      const end = this.earlierLength + recordEnd;
      const whole = this.joinPending();
      let record = whole.slice(0, end);
      if (record.endsWith('\r')) record = record.slice(0, -1);
      const rest = whole.slice(end + 1);
      if (this.badAt !== null && this.linesInPending > 0) {
        this.restartAfterFirstLine(events, { code: 'malformed_quoting', detail: this.badAt });
        continue;
      }
      if (this.badAt !== null) this.emitFault(events, record, { code: 'malformed_quoting', detail: this.badAt });
      else if (record.trim() !== '') this.emit(events, record);
      this.pendingStartLine += this.linesInPending + 1;
      this.resetRecord(rest);
    }
  }

  private emitFields(events: SplitEvent[], fields: string[]): void {
    events.push({
      record: {
        text: '',
        fields,
        startLine: this.pendingStartLine,
        endLine: this.pendingStartLine + this.linesInPending,
      },
    });
  }

  private emit(events: SplitEvent[], text: string): void {
    this.firstRecord = false;
    events.push({
      record: {
        text,
        fields: null,
        startLine: this.pendingStartLine,
        endLine: this.pendingStartLine + this.linesInPending,
      },
    });
  }

  private emitFault(events: SplitEvent[], _text: string, reason: RejectionReason): void {
    const start = this.pendingStartLine;
    events.push({ fault: { startLine: start, endLine: start + this.linesInPending, reason } });
  }

  /** Reject only the first line of the broken record and scan again from the line after it. */
  private restartAfterFirstLine(events: SplitEvent[], reason: RejectionReason): void {
    this.joinPending();
    const nl = this.pending.indexOf('\n');
    events.push({ fault: { startLine: this.pendingStartLine, endLine: this.pendingStartLine, reason } });
    if (nl === -1) {
      // The line goes on in chunks still to come: the next record starts after its newline, on the next line.
      this.skippingLine = true;
      this.resetRecord('');
      return;
    }
    this.pendingStartLine += 1;
    this.resetRecord(this.pending.slice(nl + 1));
  }

  /** The record read so far as one string (in `pending`). */
  private joinPending(): string {
    if (this.earlier.length > 0) {
      this.earlier.push(this.pending);
      this.pending = this.earlier.join('');
      this.earlier = [];
      this.earlierLength = 0;
    }
    return this.pending;
  }

  private resetRecord(rest: string): void {
    this.pending = rest;
    this.scanned = 0;
    this.state = State.FieldStart;
    this.linesInPending = 0;
    this.badAt = null;
  }
}

/**
 * The fields of a record at the start of `text`, ending at `contentEnd`, by their bounds. They are cut from one copy
 * of the record, not from the chunk: a slice would keep the whole 64 KiB chunk alive for as long as a finding keeps
 * its row's text, which over a file with findings everywhere is the whole file.
 */
function fieldsOf(text: string, contentEnd: number, bounds: readonly number[]): string[] {
  // Prefixing makes a cons string that the first slice flattens into a new string of the record's own size.
  const copy = ` ${text.slice(0, contentEnd)}`;
  const fields: string[] = new Array(bounds.length / 3);
  for (let f = 0, b = 0; b < bounds.length; f++, b += 3) {
    const value = copy.slice(bounds[b]! + 1, bounds[b + 1]! + 1);
    fields[f] = bounds[b + 2] === 1 ? value.replaceAll('""', '"') : value;
  }
  return fields;
}
