// Writes a report so that a reader never sees half a file: a temporary file beside it, then one rename.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AuditError } from '../shared/errors.js';

/** Pieces are gathered to about this many UTF-16 units before each write: few system calls, little memory. */
const WRITE_UNITS = 1 << 20;

/** Gathers small pieces into pieces of about `units` code units (the last one may be shorter). */
export function* coalesce(chunks: Iterable<string>, units = WRITE_UNITS): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= units) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield pending.join('');
}

export type FileContent = string | Uint8Array | Iterable<string>;

/** `content` may be pieces (see report/formatChunks): they are written as they come, never joined whole. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

/**
 * Writes all the files or none: each goes to a temporary file beside it first, and only when every one is complete
 * are they renamed into place. A run that fails on its third output (a missing folder, a full disk) leaves the first
 * two as they were, so no set of reports mixes this run with an earlier one.
 */
export async function writeFilesAtomic(files: readonly { path: string; content: FileContent }[]): Promise<void> {
  const staged: { path: string; temp: string }[] = [];
  try {
    for (const { path, content } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ path, temp });
      if (typeof content === 'string' || content instanceof Uint8Array)
        await writeFile(temp, content, { flag: 'wx' }).catch(cannotWrite(path, temp));
      else await writeChunks(path, temp, content);
    }
  } catch (error) {
    // Also when producing a piece failed: no half-written temporary file is left behind, and nothing is replaced.
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const [i, { path, temp }] of staged.entries()) {
    try {
      await rename(temp, path).catch(cannotWrite(path, temp));
    } catch (error) {
      await Promise.all(staged.slice(i).map((s) => rm(s.temp, { force: true })));
      throw error;
    }
  }
}

async function writeChunks(path: string, temp: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(temp, 'wx').catch(cannotWrite(path, temp));
  try {
    for (const chunk of coalesce(chunks)) await handle.write(chunk).catch(cannotWrite(path, temp));
  } finally {
    await handle.close();
  }
}

function cannotWrite(path: string, temp: string): (error: unknown) => never {
  return (error) => {
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
  };
}
