// Rejection reasons follow --lang (default Indonesian) and keep one machine code in every language: the report's
// `rejected[].code` is what a program reads, `reason` what a person reads.
import { describe, expect, it } from 'vitest';
import { UI_LABELS } from '../../src/shared/labels/index.js';
import { REJECTION_CODES } from '../../src/shared/types.js';
import { scanJson, FAULTS } from '../faults/in-process.js';

const fault = (name: string) => `${FAULTS}/${name}`;

describe('rejection reasons', () => {
  it('are Indonesian by default and English with --lang en, with the same codes and lines', async () => {
    const files = ['column-count.csv', 'invalid-utf8.csv', 'unclosed-quote.csv', 'nul-byte.csv'].map(fault);
    const id = (await scanJson(files, ['--lang', 'id'])).report!.rejected;
    const en = (await scanJson(files, ['--lang', 'en'])).report!.rejected;
    expect(id.map((r) => [r.file, r.line, r.code])).toEqual(en.map((r) => [r.file, r.line, r.code]));
    expect(id.find((r) => r.code === 'field_count')!.reason).toBe(
      'diharapkan 7 kolom seperti di baris judul, ditemukan 6',
    );
    expect(id.find((r) => r.code === 'unclosed_quote')!.reason).toBe(
      'kolom berkutip yang dibuka di sini tidak pernah ditutup',
    );
    expect(id.map((r) => r.reason)).toContain('UTF-8 tidak sah pada offset bita 294 (rekaman meliputi baris 4–5)');
    expect(en.map((r) => r.reason)).toContain('invalid UTF-8 at byte offset 294 (record spans lines 4–5)');
    for (const [i, r] of id.entries()) expect(r.reason, r.code).not.toBe(en[i]!.reason);
  });

  it('--strict names the first bad row in the language asked', async () => {
    const { run } = await scanJson([fault('unclosed-quote.csv')], ['--strict', '--lang', 'id']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(':3: kolom berkutip yang dibuka di sini tidak pernah ditutup');
  });

  it('every code has its own sentence in each language', () => {
    for (const labels of Object.values(UI_LABELS))
      expect(Object.keys(labels.rejection).sort()).toEqual([...REJECTION_CODES].sort());
  });
});
