// The shared hand-written report every format test renders, and where the golden files live.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/schemas/report-schema.js';

export const FORMAT_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/format');

export function loadReport(): Report {
  return JSON.parse(readFileSync(join(FORMAT_FIXTURES, 'report.json'), 'utf8')) as Report;
}

/** The roster persons of the fixture as redaction subjects (what the CLI builds from the roster). */
export const FIXTURE_SUBJECTS = [
  { nip: '198609262015051001', name: 'Budi Santoso', handles: ['budi.santoso88', '@budisantoso'] },
  { nip: '199103152019032007', name: 'Siti Rahmawati', handles: ['siti_rahma', 'https://www.facebook.com/sitirahma'] },
  { nip: '198811022022211003', name: 'Agus Pratama', handles: ['agus.p'] },
  { nip: '199507072020122001', name: 'Dewi Lestari', handles: ['dewi.lestari'] },
  { nip: '199002142023211004', name: 'Rudi Hartono', handles: [] },
];
