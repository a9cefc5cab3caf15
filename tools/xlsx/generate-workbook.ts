// Writes the workbook the .xlsx readers were measured on: the bench's canonical activity rows (seeded, so the same
// bytes every run) as one sheet, times as date serials, texts as inline strings. Usage: generate-workbook.js OUT [ROWS].
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeActivity } from '../bench/generate.js';
import { activityCsvAsSheet, writeXlsx } from './xlsx-writer.js';

const [out, rowsArg] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: generate-workbook.js OUT.xlsx [ROWS]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 100_000);
const scratch = mkdtempSync(join(tmpdir(), 'asn-xlsx-'));
try {
  const csv = join(scratch, 'activity.csv');
  await writeActivity(csv, {
    rows,
    persons: 5_000,
    seed: 13,
    violationShare: 0.02,
    violations: ['Ayo coblos nomor 1 tanggal 27 November', 'Dukung RIDO untuk Jakarta baru'],
    nearMisses: ['pilih nomor antrean 3 di loket'],
    reserved: new Set(),
  });
  const bytes = writeXlsx([activityCsvAsSheet('Kegiatan', readFileSync(csv, 'utf8'))]);
  writeFileSync(out, bytes);
  process.stdout.write(`${out}: ${rows} rows, ${bytes.length} bytes\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
