// Splits CSV text into records by RFC 4180 quoting, so that one malformed record is rejected alone and the rest of
// the file is still read (csv-parse itself cannot resume after a quoting error). Fields are parsed by csv-parse.
import type { RejectionReason } from '../shared/types.js';

export interface CsvRecordText {
  text: string;
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

  constructor(
    private readonly delimiter: string,
    firstLine = 1,
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
    const d = this.delimiter;
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
      for (; i < text.length; i++) {
        const c = text[i]!;
        if (state === State.Quoted) {
          if (c === '"') state = State.QuoteInQuoted;
          else if (c === '\n') this.linesInPending++;
          continue;
        }
        if (state === State.QuoteInQuoted) {
          if (c === '"') {
            state = State.Quoted;
            continue;
          }
          if (c !== d && c !== '\n' && c !== '\r' && this.badAt === null) {
            this.badAt = `a closing quote is followed by "${c}" instead of the separator`;
          }
          state = State.Unquoted;
        }
        if (c === '\n') {
          recordEnd = i;
          break;
        }
        if (c === d) state = State.FieldStart;
        else if (c === '"' && state === State.FieldStart) state = State.Quoted;
        else if (state === State.FieldStart) state = State.Unquoted;
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

  private emit(events: SplitEvent[], text: string): void {
    events.push({
      record: { text, startLine: this.pendingStartLine, endLine: this.pendingStartLine + this.linesInPending },
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
