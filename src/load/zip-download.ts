// Reads a .zip download entry by entry: every entry is read, counted as not activity, or listed as skipped with why.
import { basename } from 'node:path';
import { AuditError } from '../shared/errors.js';
import { decodeText } from './encoding.js';
import { readBytesAt } from './entry-file.js';
import { isActivityFileType, notActivity, skip, skipFileType, type InputFile } from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import { DownloadOwners, namesOwner } from './platforms/index.js';
import { OwnershipError, type ReadHints } from './platform-downloads.js';
import type { Platform } from '../shared/types.js';
import { openZip, ZipEntryError, type ZipArchive } from './zip.js';

/** Zips inside zips are read down to this depth (the download itself is 1): people zip a download again to send it. */
export const MAX_ZIP_DEPTH = 3;

/** A .zip download, read from its central directory: only the data entries are read, one at a time. */
export async function* readZipFile(path: string, hints: ReadHints, inputs: InputFile[]): AsyncGenerator<LoadedItem> {
  const archive = await openZip(path, path);
  try {
    yield* readArchive(archive, path, hints, inputs, 1, { entries: archive.entries.length });
  } finally {
    archive.close();
  }
}

async function* readArchive(
  archive: ZipArchive,
  path: string,
  hints: ReadHints,
  inputs: InputFile[],
  depth: number,
  budget: { entries: number },
): AsyncGenerator<LoadedItem> {
  // The files that name the archive's owner are small; they are read first so every export gets its owner.
  const ownerTexts = new Map<string, string>();
  for (const listing of archive.entries) {
    if (listing.kind !== 'text' || !namesOwner(listing.name)) continue;
    try {
      ownerTexts.set(listing.name, decodeText(await archive.read(listing)).text);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
    }
  }
  const owners = new DownloadOwners([...ownerTexts].map(([name, text]) => ({ name, text: () => text })));
  for (const listing of archive.entries) {
    const display = `${path}!${listing.name}`;
    // An entry in no download of this archive (a zip inside a download) is part of the download around the archive.
    const ownerAt = (platform: Platform) => owners.ownerOf(listing.name, platform) ?? hints.ownerAt?.(platform) ?? null;
    if (listing.kind === 'folder') continue;
    if (listing.kind === 'fork') {
      notActivity(hints, display, 'macOS resource forks (__MACOSX/)');
      continue;
    }
    if (listing.kind === 'other' || !isActivityFileType(listing.name)) {
      skipFileType(hints, display);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await archive.read(listing);
    } catch (error) {
      if (!(error instanceof ZipEntryError)) throw error;
      skip(hints, display, error.message);
      continue;
    }
    if (/\.zip$/i.test(listing.name)) {
      if (depth >= MAX_ZIP_DEPTH) {
        skip(
          hints,
          display,
          `a zip nested more than ${MAX_ZIP_DEPTH} deep is not read; unpack it and pass it directly`,
        );
        continue;
      }
      let inner: ZipArchive;
      try {
        inner = await openZip(display, bytes, undefined, budget);
      } catch (error) {
        if (!(error instanceof AuditError)) throw error;
        skip(hints, display, error.problems.map((p) => p.message).join('; '));
        continue;
      }
      try {
        yield* readArchive(inner, display, { ...hints, ownerAt }, inputs, depth + 1, budget);
      } finally {
        inner.close();
      }
      continue;
    }
    const before = inputs.length;
    let yielded = 0;
    try {
      for await (const item of readBytesAt(basename(listing.name), display, bytes, { ...hints, ownerAt }, inputs)) {
        yielded++;
        yield item;
      }
    } catch (error) {
      // As in a folder: rows already yielded cannot be taken back, and an unknown owner asks the user to act.
      if (!(error instanceof AuditError) || error instanceof OwnershipError || yielded > 0) throw error;
      inputs.splice(before);
      skip(hints, display, error.problems.map((p) => p.message).join('; '));
    }
  }
}
