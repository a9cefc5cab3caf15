// Reads a platform's .zip data download in memory: only its text entries, within limits that stop zip bombs.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { AuditError } from '../shared/errors.js';

export interface ZipLimits {
  /** Entries in the whole archive, media included (Facebook downloads hold thousands of photos). */
  maxEntries: number;
  /** Uncompressed bytes of the text entries taken together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 200_000, maxTotalBytes: 512 * 1024 * 1024 };

/** Data files of the platforms' downloads; photos, videos and the viewer's assets are skipped. */
const TEXT_ENTRY = /\.(?:js|json|csv|txt|html)$/i;

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

function isWanted(name: string): boolean {
  // macOS adds `__MACOSX/._name` resource forks when it re-zips a folder: not data.
  return !name.endsWith('/') && !name.startsWith('__MACOSX/') && TEXT_ENTRY.test(name);
}

/**
 * Entries of a .zip as downloaded from a platform, text files only, sorted by name. Refuses an archive
 * whose entry count or total uncompressed text size exceeds `limits`. The check uses the sizes the archive
 * declares, before anything is inflated: fflate inflates each entry into a buffer of its declared size and
 * never grows it, so a lying header yields a cut-off entry, not unbounded memory.
 */
export function readZip(path: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  let entries = 0;
  let declaredBytes = 0;
  const refuse = (message: string) =>
    new AuditError(
      { file: path, message },
      'A platform download this large is not expected; unpack it and pass the folder if it is genuine.',
    );
  const filter = (file: UnzipFileInfo): boolean => {
    entries++;
    if (entries > limits.maxEntries)
      throw refuse(`this zip has more than ${limits.maxEntries} entries; refused as a possible zip bomb`);
    if (!isWanted(file.name)) return false;
    declaredBytes += file.originalSize;
    if (declaredBytes > limits.maxTotalBytes)
      throw refuse(
        `the text files in this zip expand to more than ${formatBytes(limits.maxTotalBytes)}; refused as a possible zip bomb`,
      );
    return true;
  };
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof AuditError) throw error;
    throw new AuditError({
      file: path,
      message: `not a readable zip archive (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  // fflate collects entries in a plain object; the extension filter keeps a `__proto__` entry out of it.
  const names = Object.keys(unzipped).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => ({ name, bytes: unzipped[name] ?? new Uint8Array() }));
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
