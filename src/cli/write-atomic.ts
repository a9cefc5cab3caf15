// Writes a report so that a reader never sees half a file: a temporary file beside it, synced, then one rename.
import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { type FileHandle, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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

/** A new report is readable by its owner only: reports hold NIPs and names. */
const NEW_FILE_MODE = 0o600;

/**
 * Where and how an output path is written:
 * - `in-place`: a device, a FIFO or a descriptor link (`/dev/stdout`, `/dev/fd/3`): opened and written as it is,
 *   never renamed over, which would replace the device node or link with a plain file;
 * - `replace`: a temporary file beside `real` (the symlinks resolved, so that the link stays a link and the temporary
 *   file is on the target's file system) is renamed over it, with the `mode` (and, as root, the owner) of the file it
 *   replaces, or 0600 when there was none.
 */
type OutputTarget =
  | { kind: 'in-place'; descriptor?: number }
  | { kind: 'replace'; real: string; mode: number; owner?: { uid: number; gid: number } };

/** Links into the descriptor table: their target (`pipe:[…]`, a terminal) is no path a file can be renamed onto. */
const DESCRIPTOR_LINK = /^\/(?:proc\/[^/]+\/fd|dev\/fd)\/\d+$/;

/** The chain of symbolic links from `path` (itself first) to the first name that is not one, for at most 40 hops. */
async function linkChain(path: string): Promise<string[]> {
  const chain = [resolve(path)];
  for (let hop = 0; hop < 40; hop++) {
    const last = chain[chain.length - 1]!;
    const stats = await lstat(last).catch(() => null);
    if (!stats?.isSymbolicLink()) break;
    chain.push(resolve(dirname(last), await readlink(last)));
  }
  return chain;
}

async function outputTarget(path: string): Promise<OutputTarget> {
  const chain = await linkChain(path);
  const link = chain.find((name) => DESCRIPTOR_LINK.test(name));
  if (link !== undefined) {
    const own = new RegExp(`^/(?:proc/(?:self|thread-self|${process.pid})/fd|dev/fd)/(\\d+)$`).exec(link);
    return own ? { kind: 'in-place', descriptor: Number(own[1]) } : { kind: 'in-place' };
  }
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stats === null)
    // A new file, or a link whose target is not there yet: the target is created, the link left as it is.
    return { kind: 'replace', real: await realLocation(chain[chain.length - 1]!), mode: NEW_FILE_MODE };
  if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!stats.isFile()) return { kind: 'in-place' };
  return {
    kind: 'replace',
    real: await realpath(path),
    mode: stats.mode & 0o7777,
    ...(process.getuid?.() === 0 ? { owner: { uid: stats.uid, gid: stats.gid } } : {}),
  };
}

/** The real path of a name that may not exist yet: its nearest existing folder resolved, the rest as written. */
export async function realLocation(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realLocation(parent), basename(absolute));
  }
}

interface Staged {
  /** As the user named it, for messages. */
  path: string;
  temp: string;
  real: string;
}

/**
 * Writes all the files or none: each goes to a temporary file beside it first, and only when every one is complete
 * are they renamed into place. A run that fails on its third output (a missing folder, a full disk) leaves the first
 * two as they were, so no set of reports mixes this run with an earlier one. Devices and FIFOs cannot be staged: they
 * are written after every temporary file is complete and before any rename, so that a failed write to them (a full
 * `/dev/full`) still replaces no file.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; content: FileContent }[],
  streamed: readonly StreamedFile[] = [],
): Promise<void> {
  const staged: Staged[] = [];
  const inPlace: { path: string; target: OutputTarget & { kind: 'in-place' }; content: FileContent }[] = [];
  try {
    for (const file of streamed) {
      const done = await file.finish();
      if (done) staged.push(done);
    }
    for (const { path, content } of files) {
      const target = await outputTarget(path).catch(cannotWrite(path));
      if (target.kind === 'in-place') {
        inPlace.push({ path, target, content });
        continue;
      }
      const temp = tempPathFor(target.real);
      staged.push({ path, temp, real: target.real });
      const handle = await createTemp(path, temp, target);
      try {
        await writeContent(fileSink(handle), path, content);
        await handle.sync().catch(cannotWrite(path, temp));
      } finally {
        await handle.close();
      }
    }
    for (const { path, target, content } of inPlace) {
      const sink = await openInPlace(path, target);
      try {
        await writeContent(sink, path, content);
      } finally {
        await sink.close().catch(() => {});
      }
    }
  } catch (error) {
    // Also when producing a piece failed: no half-written temporary file is left behind, and nothing is replaced.
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    await Promise.all(streamed.map((file) => file.discard()));
    throw error;
  }
  for (const [i, { path, temp, real }] of staged.entries()) {
    try {
      await rename(temp, real).catch(cannotWrite(path, temp));
    } catch (error) {
      await Promise.all(staged.slice(i).map((s) => rm(s.temp, { force: true })));
      throw error;
    }
  }
  // The renames themselves reach the disk with their folders; a file system that cannot sync a folder is no error.
  for (const folder of new Set(staged.map(({ real }) => dirname(real))))
    await open(folder, 'r')
      .then(async (handle) => {
        await handle.sync().catch(() => {});
        await handle.close();
      })
      .catch(() => {});
}

/** Created with `wx` (never an existing file), then given the mode and owner it must have whatever the umask. */
async function createTemp(path: string, temp: string, target: OutputTarget & { kind: 'replace' }): Promise<FileHandle> {
  const handle = await open(temp, 'wx', NEW_FILE_MODE).catch(cannotWrite(path, temp));
  try {
    if (target.owner) await handle.chown(target.owner.uid, target.owner.gid).catch(() => {});
    await handle.chmod(target.mode);
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    return cannotWrite(path, temp)(error);
  }
  return handle;
}

/** Where the bytes of one output go: an open file, or a descriptor of this process that cannot be opened again. */
interface Sink {
  write(data: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

// writeFile, not write: it goes on after a short write, which a pipe or a FIFO may make.
const fileSink = (handle: FileHandle): Sink => ({
  write: (data) => handle.writeFile(data),
  close: () => handle.close(),
});

/** Writes all of each piece to `fd`, waiting while a non-blocking pipe is full; the descriptor stays open. */
function descriptorSink(fd: number): Sink {
  return {
    async write(data) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let done = 0; done < bytes.length; ) {
        try {
          done += writeSync(fd, bytes, done);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((wake) => setTimeout(wake, 1));
        }
      }
    },
    close: async () => {},
  };
}

/** A socket (what a parent process often gives as standard output) cannot be opened through /dev/stdout: ENXIO. */
async function openInPlace(path: string, target: OutputTarget & { kind: 'in-place' }): Promise<Sink> {
  try {
    return fileSink(await open(path, 'w'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO' && target.descriptor !== undefined)
      return descriptorSink(target.descriptor);
    return cannotWrite(path)(error);
  }
}

async function writeContent(sink: Sink, path: string, content: FileContent): Promise<void> {
  const fail = cannotWrite(path);
  if (typeof content === 'string' || content instanceof Uint8Array) await sink.write(content).catch(fail);
  else for (const chunk of coalesce(content)) await sink.write(chunk).catch(fail);
}

const tempPathFor = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/** Text up to this many UTF-16 units is gathered before a write of a streamed file. */
const STREAM_UNITS = 1 << 16;

/**
 * A file written while the scan runs (`--rejected`), too large to hold in memory: it goes to a temporary file beside
 * its path, and writeFilesAtomic moves it into place with the other outputs, or `discard` removes it. A device or a
 * FIFO (`--rejected /dev/stderr`) is written as the rows come instead, and kept whatever happens.
 */
export class StreamedFile {
  private pending: string[] = [];
  private units = 0;

  private constructor(
    readonly path: string,
    private readonly staged: { temp: string; real: string; handle: FileHandle } | null,
    private readonly sink: Sink,
  ) {}

  static async create(path: string): Promise<StreamedFile> {
    const target = await outputTarget(path).catch(cannotWrite(path));
    if (target.kind === 'in-place') return new StreamedFile(path, null, await openInPlace(path, target));
    const temp = tempPathFor(target.real);
    const handle = await createTemp(path, temp, target);
    return new StreamedFile(path, { temp, real: target.real, handle }, fileSink(handle));
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
    if (text !== '') await this.sink.write(text).catch(cannotWrite(this.path, this.staged?.temp));
  }

  /** The temporary file to rename into place, or null when the file was written in place. */
  async finish(): Promise<Staged | null> {
    await this.flush();
    if (this.staged) await this.staged.handle.sync().catch(cannotWrite(this.path, this.staged.temp));
    await this.sink.close();
    return this.staged && { path: this.path, temp: this.staged.temp, real: this.staged.real };
  }

  async discard(): Promise<void> {
    await this.sink.close().catch(() => {});
    if (this.staged) await rm(this.staged.temp, { force: true });
  }
}

function cannotWrite(path: string, temp?: string): (error: unknown) => never {
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dirname(path)} does not exist`
        : code === 'EACCES' || code === 'EPERM'
          ? `no permission to write in ${dirname(path)}`
          : code === 'EISDIR'
            ? 'that is a folder'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : code === 'EROFS'
                ? 'the file system is read-only'
                : temp === undefined
                  ? (error as Error).message
                  : (error as Error).message.replaceAll(temp, path);
    throw new AuditError({ file: path, message: `cannot write the report: ${why}` });
  };
}
