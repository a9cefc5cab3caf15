// Opens every activity input (files, folders, .zip downloads, standard input) and yields its records in a fixed order.
import { compareCodeUnits } from '../shared/compare.js';
import { constants, readFileSync, type Stats } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AuditError } from '../shared/errors.js';
import type { Platform } from '../shared/types.js';
import { readFileAt } from './activity-file.js';
import { readStream } from './canonical-stream.js';
import { decodeText } from './encoding.js';
import {
  counted,
  isActivityFileType,
  skip,
  skipFileType,
  type InputFile,
  type NotActivity,
  type SkippedInput,
} from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import { DownloadOwners, namesOwner } from './platforms/index.js';
import { OwnershipError, plainRecords, type OwnerHints, type ReadHints } from './platform-downloads.js';
import type { ReadMeter } from './read-meter.js';

export type { InputFile, NotActivity, SkippedInput } from './input-ledger.js';
export type { OwnerHints } from './platform-downloads.js';

export interface ActivityLoad {
  inputs: InputFile[];
  skipped: SkippedInput[];
  notActivity: NotActivity[];
  items: AsyncGenerator<LoadedItem>;
}

export function loadActivity(
  paths: string[],
  hints: OwnerHints,
  stdin: AsyncIterable<Uint8Array | string>,
  meter?: ReadMeter,
): ActivityLoad {
  const inputs: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const notActivity: NotActivity[] = [];
  const read: ReadHints = { ...hints, skipped, notActivity, ...(meter ? { meter } : {}) };
  return { inputs, skipped, notActivity, items: readAll(paths, read, stdin, inputs) };
}

async function* readAll(
  paths: string[],
  hints: ReadHints,
  stdin: AsyncIterable<Uint8Array | string>,
  inputs: InputFile[],
): AsyncGenerator<LoadedItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* counted(inputs, { path: '-', format: 'stdin', encoding: null, sha256: '', rows: 0 }, (input) =>
        plainRecords(hints, '-', 'standard input', readStream(stdin, '-', input)),
      );
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) throw new AuditError({ file: path, message: 'no such file or folder' });
    if (info.isDirectory()) {
      yield* readFolder(path, hints, inputs);
      continue;
    }
    const unreadable = await whyUnreadable(path, info);
    if (unreadable)
      throw new AuditError({
        file: path,
        message: `${unreadable} (expected a regular file, a folder, or - for standard input)`,
      });
    yield* readFileAt(path, path, hints, inputs, true);
  }
}

/**
 * Every file of a folder is read or listed as skipped. A file that cannot be read as activity (a README, a
 * spreadsheet, a CSV of something else) is skipped with its reason instead of stopping the run, unlike a file
 * named on the command line.
 */
async function* readFolder(root: string, hints: ReadHints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  const all = await listFiles(root, hints);
  const files = all.filter((f) => isActivityFileType(f));
  for (const f of all) if (!isActivityFileType(f)) skipFileType(hints, f);
  const owners = new DownloadOwners(
    files
      .filter((f) => namesOwner(relative(root, f)))
      .map((f) => ({ name: relative(root, f), text: () => decodeText(readFileSync(f)).text })),
  );
  for (const file of files) {
    const before = inputs.length;
    let yielded = 0;
    // A folder inside a download with no owner file of its own is part of the download around the folder.
    const ownerAt = (platform: Platform) =>
      owners.ownerOf(relative(root, file), platform) ?? hints.ownerAt?.(platform) ?? null;
    try {
      for await (const item of readFileAt(file, file, { ...hints, ownerAt }, inputs, false)) {
        yielded++;
        yield item;
      }
    } catch (error) {
      // Rows already yielded cannot be taken back, and an error with a hint (pass --nip) asks the user to act: both stop the run.
      if (!(error instanceof AuditError) || error instanceof OwnershipError || yielded > 0) throw error;
      inputs.splice(before);
      skip(hints, file, error.problems.map((p) => p.message).join('; '));
    }
  }
}

/**
 * Every regular file below the folder, depth first, in name order at each level. Symbolic links are followed
 * (a folder reached twice is read once); what cannot be read as a file (a FIFO, a socket, a device, a broken
 * link, a file without read permission) is listed as skipped with the reason.
 */
async function listFiles(root: string, hints: ReadHints, seen = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  const real = await realpath(root).catch(() => root);
  if (seen.has(real)) return out;
  seen.add(real);
  const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    skip(hints, root, `folder cannot be listed: ${errnoText(error)}`);
    return [];
  });
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const full = join(root, entry.name);
    const info = entry.isSymbolicLink() ? await stat(full).catch(() => null) : null;
    if (entry.isSymbolicLink() && info === null) {
      skip(hints, full, 'a symbolic link whose target does not exist');
      continue;
    }
    if (info ? info.isDirectory() : entry.isDirectory()) {
      out.push(...(await listFiles(full, hints, seen)));
      continue;
    }
    const unreadable = await whyUnreadable(full, info ?? (await stat(full)));
    if (unreadable) skip(hints, full, unreadable);
    else out.push(full);
  }
  return out;
}

/** Why a path that is not a folder cannot be read as a file, or null when it can. */
async function whyUnreadable(path: string, info: Stats): Promise<string | null> {
  if (info.isFIFO()) return 'a named pipe (FIFO), not a file: not read';
  if (info.isSocket()) return 'a socket, not a file: not read';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a file: not read';
  if (!info.isFile()) return 'not a regular file: not read';
  const denied = await access(path, constants.R_OK).then(
    () => null,
    (error: NodeJS.ErrnoException) => error,
  );
  return denied ? `cannot be read: ${errnoText(denied)}` : null;
}

function errnoText(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return error.code ?? error.message;
}
