// A quoted field that does not close within MAX_RECORD_CHARS is rejected for its first line, and the rows after it
// keep their own line numbers, whether the runaway line ends in a later chunk or the quote spans lines.
import { describe, expect, it } from 'vitest';
import { UI_LABELS } from '../../src/shared/labels/index.js';
import { reasonIn } from '../../src/shared/labels/reason.js';
import { CsvRecordSplitter, MAX_RECORD_CHARS, type SplitEvent } from '../../src/load/csv-records.js';

const MIB = 1024 * 1024;

function split(chunks: Iterable<string>): SplitEvent[] {
  const splitter = new CsvRecordSplitter(',', 2);
  const events: SplitEvent[] = [];
  for (const chunk of chunks) events.push(...splitter.push(chunk));
  events.push(...splitter.end());
  return events;
}

function* runawayLine(tail: string): Generator<string> {
  yield 'a,"';
  const filler = 'x'.repeat(MIB);
  for (let size = 0; size <= MAX_RECORD_CHARS; size += MIB) yield filler;
  yield tail;
}

/** Line and text (cut, so that a failure does not print 64 MiB) or reason of each event. */
const lines = (events: SplitEvent[]) =>
  events.map((e) =>
    'record' in e
      ? [e.record.startLine, e.record.text.slice(0, 40)]
      : [e.fault.startLine, reasonIn(UI_LABELS.en, e.fault.reason)],
  );

describe('a quoted field past the record limit', () => {
  it('on one line: the rest of that line is skipped, and the next rows keep their lines', () => {
    expect(lines(split(runawayLine('still,line two\nb,line three\nc,line four\n')))).toEqual([
      [2, 'a quoted field opened here is not closed within 64 MiB'],
      [3, 'b,line three'],
      [4, 'c,line four'],
    ]);
  });

  it('across lines: scanning restarts on the line after its first', () => {
    const filler = 'x'.repeat(MIB);
    const events = split([
      'b,"x\nstill inside\n',
      ...Array.from({ length: MAX_RECORD_CHARS / MIB + 1 }, () => filler),
      '\nc,line five\n',
    ]);
    expect(lines(events).slice(0, 2)).toEqual([
      [2, 'a quoted field opened here is not closed within 64 MiB'],
      [3, 'still inside'],
    ]);
    expect(lines(events).at(-1)).toEqual([5, 'c,line five']);
  });
});
