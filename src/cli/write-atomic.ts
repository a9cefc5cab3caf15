// Writes a report so that a reader never sees half a file: a temporary file beside it, then one rename.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AuditError } from '../shared/errors.js';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dirname(path)} does not exist`
        : code === 'EACCES' || code === 'EPERM'
          ? `no permission to write in ${dirname(path)}`
          : code === 'EISDIR'
            ? 'that is a folder'
            : (error as Error).message.replace(temp, path);
    throw new AuditError({ file: path, message: `cannot write the report: ${why}` });
  }
}
