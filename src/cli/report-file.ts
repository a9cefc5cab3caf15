// Reads a JSON report (scan --format json) for the commands that work on one: validated, every problem located,
// and with the sha256 of its bytes, which a dossier's chain of custody names.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { reportSchema, type Report } from '../schemas/report-schema.js';
import { zodProblems } from '../schemas/zod-problems.js';
import { AuditError } from '../shared/errors.js';

export async function readReportFile(path: string, command: string): Promise<{ report: Report; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AuditError({
      file: path,
      message:
        code === 'ENOENT'
          ? 'report not found'
          : code === 'EISDIR'
            ? 'this is a folder, not a JSON report'
            : `cannot read the report: ${(error as Error).message}`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AuditError({
      file: path,
      message: `not valid JSON (expected a report written by scan --format json): ${(error as Error).message}`,
    });
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success)
    throw new AuditError(
      zodProblems(parsed.error, path),
      `${command} reads the JSON report of \`asn-audit scan --format json\` (schema asn-audit/report@1)`,
    );
  return { report: parsed.data, sha256: createHash('sha256').update(bytes).digest('hex') };
}
