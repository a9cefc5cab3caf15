// Writes a report so that a reader never sees half a file: a temporary file beside it, then one rename.
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm, writeFile } from 'node:fs/promises';
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
export async function writeFilesAtomic(
  files: readonly { path: string; content: FileContent }[],
  streamed: readonly StreamedFile[] = [],
): Promise<void> {
  const staged: { path: string; temp: string }[] = [];
  try {
    for (const file of streamed) staged.push(await file.finish());
    for (const { path, content } of files) {
      const temp = tempPathFor(path);
      staged.push({ path, temp });
      if (typeof content === 'string' || content instanceof Uint8Array)
        await writeFile(temp, content, { flag: 'wx' }).catch(cannotWrite(path, temp));
      else await writeChunks(path, temp, content);
    }
  } catch (error) {
    // Also when producing a piece failed: no half-written temporary file is left behind, and nothing is replaced.
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    await Promise.all(streamed.map((file) => file.discard()));
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

const tempPathFor = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/** Text up to this many UTF-16 units is gathered before a write of a streamed file. */
const STREAM_UNITS = 1 << 16;

/**
 * A file written while the scan runs (`--rejected`), too large to hold in memory: it goes to a temporary file beside
 * its path, and writeFilesAtomic moves it into place with the other outputs, or `discard` removes it.
 */
export class StreamedFile {
  private pending: string[] = [];
  private units = 0;

  private constructor(
    readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<StreamedFile> {
    const temp = tempPathFor(path);
    const handle = await open(temp, 'wx').catch(cannotWrite(path, temp));
    return new StreamedFile(path, temp, handle);
  }

  /** A promise only when the gathered text was written out: the caller awaits it, so memory stays bounded. */
  write(text: string): Promise<void> | undefined {
    this.pending.push(text);
    this.units += text.length;
    return this.units >= STREAM_UNITS ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.units = 0;
    if (text !== '') await this.handle.write(text).catch(cannotWrite(this.path, this.temp));
  }

  async finish(): Promise<{ path: string; temp: string }> {
    await this.flush();
    await this.handle.close();
    return { path: this.path, temp: this.temp };
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
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
