// A field larger than any post (over MAX_FIELD_CHARS) is rejected with its size, not cut and not evaluated in part.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../src/normalize/activity.js';
import { scanJson } from './in-process.js';

describe('a field over the limit', () => {
  it('rejects only its row, naming the field and its size, and the other rows are still scanned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-huge-'));
    const path = join(dir, 'huge.csv');
    const text = 'warga jakarta pagi '.repeat(Math.ceil((MAX_FIELD_CHARS + 10) / 19));
    writeFileSync(
      path,
      'id,platform,account,nip,timestamp,type,text\n' +
        `h1,instagram,budisantoso_smansa14,,2024-10-01 10:00,post,"${text}"\n` +
        'h2,instagram,budisantoso_smansa14,,2024-10-01 11:00,post,"Ayo coblos nomor 3, Jakarta menyala!"\n',
    );
    const { run, report } = await scanJson([path]);
    expect(run.code).toBe(1);
    expect(report).not.toBeNull();
    expect(report!.summary).toMatchObject({ rows_read: 2, rows_rejected: 1, rows_evaluated: 1 });
    expect(report!.rejected).toEqual([
      {
        file: path,
        line: 2,
        code: 'field_too_long',
        reason: `text has ${text.length.toLocaleString('en-US')} characters; a field of more than 16,777,216 is rejected rather than evaluated in part (no post is that long: check the export)`,
      },
    ]);
  });
});
