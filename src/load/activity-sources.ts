// Opens every activity input (files, folders, .zip downloads, standard input) and yields its records in a fixed order.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AuditError } from '../shared/errors.js';
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
import { ownerFromArchive } from './platforms/index.js';
import { UnknownOwnerError, type OwnerHints, type ReadHints } from './platform-downloads.js';

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
): ActivityLoad {
  const inputs: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const notActivity: NotActivity[] = [];
  return { inputs, skipped, notActivity, items: readAll(paths, { ...hints, skipped, notActivity }, stdin, inputs) };
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
        readStream(stdin, '-', input),
      );
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) throw new AuditError({ file: path, message: 'no such file or folder' });
    if (info.isDirectory()) {
      yield* readFolder(path, hints, inputs);
      continue;
    }
    yield* readFileAt(path, path, hints, inputs, true);
  }
}

/**
 * Every file of a folder is read or listed as skipped. A file that cannot be read as activity (a README, a
 * spreadsheet, a CSV of something else) is skipped with its reason instead of stopping the run, unlike a file
 * named on the command line.
 */
async function* readFolder(root: string, hints: ReadHints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  const all = await listFiles(root);
  const files = all.filter((f) => isActivityFileType(f));
  for (const f of all) if (!isActivityFileType(f)) skipFileType(hints, f);
  const archiveOwner = ownerFromArchive(
    files.map((f) => ({ name: relative(root, f), text: () => decodeText(readFileSync(f)).text })),
  );
  for (const file of files) {
    const before = inputs.length;
    let yielded = 0;
    try {
      for await (const item of readFileAt(file, file, { ...hints, archiveOwner }, inputs, false)) {
        yielded++;
        yield item;
      }
    } catch (error) {
      // Rows already yielded cannot be taken back, and an error with a hint (pass --nip) asks the user to act: both stop the run.
      if (!(error instanceof AuditError) || error instanceof UnknownOwnerError || yielded > 0) throw error;
      inputs.splice(before);
      skip(hints, file, error.problems.map((p) => p.message).join('; '));
    }
  }
}

/** Every file below the folder, depth first, in name order at each level. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
