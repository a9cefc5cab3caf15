// Excel's `sep=` first line and CR-only line ends are read as Excel means them, with the file's own line numbers.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/load/csv.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';
import { separatorLine } from '../../src/load/csv-dialect.js';
import { ACTIVITY_HEADER_ALIASES } from '../../src/normalize/activity.js';
import { AuditError } from '../../src/shared/errors.js';

const HEADER = 'platform;account;timestamp;type;text';
const ROW = 'x;hendra_smj;2024-10-03 19:15;post;coblos 01 RIDO';

async function read(chunks: string[]): Promise<(string | number)[][]> {
  const out: (string | number)[][] = [];
  const source = (async function* () {
    for (const c of chunks) yield c;
  })();
  for await (const item of readCsv(source, {
    file: 'a.csv',
    aliases: ACTIVITY_HEADER_ALIASES,
    required: ['platform', 'timestamp', 'type', 'account|nip'],
  }) as AsyncGenerator<LoadedItem>)
    out.push(
      item.kind === 'row'
        ? [item.row.source.line, item.row.fields.account ?? '', item.row.fields.text ?? '']
        : [item.rejection.line, item.rejection.reason.code],
    );
  return out;
}

/** The same text cut at every position into two chunks: the first line's decisions must not depend on the cut. */
async function expectEveryCut(text: string, expected: (string | number)[][]): Promise<void> {
  expect(await read([text])).toEqual(expected);
  for (let at = 1; at < text.length; at++) expect(await read([text.slice(0, at), text.slice(at)])).toEqual(expected);
}

describe('separatorLine', () => {
  it('takes exactly `sep=X` and one line break', () => {
    expect(separatorLine('sep=;\nplatform')).toEqual({ delimiter: ';', length: 6 });
    expect(separatorLine('\uFEFFSEP=\t\r\nplatform')).toEqual({ delimiter: '\t', length: 8 });
    expect(separatorLine('sep=|\rplatform')).toEqual({ delimiter: '|', length: 6 });
    expect(separatorLine('sep=;;\nplatform')).toBeNull();
    expect(separatorLine('sep=\nplatform')).toBeNull();
    expect(separatorLine('platform;sep=;\n')).toBeNull();
  });
});

describe('a `sep=` first line', () => {
  it('sets the separator and is skipped; rows keep their line numbers (LF and CRLF)', async () => {
    const expected = [
      [3, 'hendra_smj', 'coblos 01 RIDO'],
      [4, 'siti', 'a,b'],
    ];
    await expectEveryCut(`sep=;\n${HEADER}\n${ROW}\nx;siti;2024-10-03 19:15;post;a,b\n`, expected);
    await expectEveryCut(`sep=;\r\n${HEADER}\r\n${ROW}\r\nx;siti;2024-10-03 19:15;post;a,b\r\n`, expected);
  });

  it('wins over the separator the header would suggest', async () => {
    expect(await read([`sep=,\nplatform,account,timestamp,type,text\nx,siti,2024-10-03 19:15,post,a;b;c\n`])).toEqual([
      [3, 'siti', 'a;b;c'],
    ]);
  });

  it('a header that is only `sep=;` is still a header with missing columns', async () => {
    await expect(read(['sep=;'])).rejects.toThrow(AuditError);
  });
});

describe('CR-only line ends', () => {
  it('reads each CR as a line end, counting lines by CR', async () => {
    await expectEveryCut(`${HEADER}\r${ROW}\rx;siti;2024-10-03 19:15;post;"two\rlines"\r${ROW}\r`, [
      [2, 'hendra_smj', 'coblos 01 RIDO'],
      [3, 'siti', 'two\nlines'],
      [5, 'hendra_smj', 'coblos 01 RIDO'],
    ]);
  });

  it('with a `sep=` line, and without a final line end', async () => {
    await expectEveryCut(`sep=;\r${HEADER}\r${ROW}`, [[3, 'hendra_smj', 'coblos 01 RIDO']]);
  });

  it('a CRLF file stays CRLF: its CRs are not line ends of their own', async () => {
    await expectEveryCut(`${HEADER}\r\n${ROW}\r\n`, [[2, 'hendra_smj', 'coblos 01 RIDO']]);
  });
});

describe("Excel's blank rows", () => {
  it('are counted as blank, not read as rows with every field missing', async () => {
    let blank = 0;
    const items: LoadedItem[] = [];
    const text = `${HEADER}\n${ROW}\n;;;;\n;;\n ; ;\t;;\n"";;;;\n${ROW}\nx;;;;\n`;
    for await (const item of readCsv(
      (async function* () {
        yield text;
      })(),
      {
        file: 'a.csv',
        aliases: ACTIVITY_HEADER_ALIASES,
        required: ['platform', 'timestamp', 'type', 'account|nip'],
        onBlankRow: () => blank++,
      },
    ))
      items.push(item);
    expect(blank).toBe(4);
    // `x;;;;` has a platform: a row, which the validation then rejects for what it lacks.
    expect(items.map((i) => (i.kind === 'row' ? [i.row.source.line, i.row.fields.platform] : i.kind))).toEqual([
      [2, 'x'],
      [7, 'x'],
      [8, 'x'],
    ]);
  });
});
