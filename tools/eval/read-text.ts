// Reads a UTF-8 file of the evaluation, turning "cannot read" into an exit-2 error that names the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditError } from '../../src/shared/errors.js';

export async function readText(root: string, path: string): Promise<string> {
  try {
    return await readFile(join(root, path), 'utf8');
  } catch (error) {
    throw new AuditError({
      file: path,
      message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
  }
}
