// Reads a platform's .zip data download from its central directory: lists every entry, reads only the wanted ones, verified.
import { compareCodeUnits } from '../shared/compare.js';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AuditError } from '../shared/errors.js';

export interface ZipLimits {
  /** Entries in the whole archive, media included (Facebook downloads hold thousands of photos). */
  maxEntries: number;
  /** Uncompressed bytes of the text entries taken together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 200_000, maxTotalBytes: 512 * 1024 * 1024 };

/** Data files of the platforms' downloads, and archives nested in them; photos, videos and other files are not read. */
const TEXT_ENTRY = /\.(?:js|json|csv|tsv|txt|ndjson|jsonl|html|zip)$/i;

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** One entry of the central directory. `text`: a data file (or nested zip) that is read; otherwise only listed. */
export interface ZipListing {
  name: string;
  size: number;
  kind: 'text' | 'folder' | 'fork' | 'other';
  entry: Entry;
}

/** An entry whose own data is bad (damaged, encrypted, unsupported): that entry is not read, the rest of the archive is. */
export class ZipEntryError extends Error {}

export interface ZipArchive {
  /** Every entry, sorted by name. */
  entries: ZipListing[];
  /** The entry's bytes, checked against the size and CRC-32 the archive declares; throws ZipEntryError. */
  read(listing: ZipListing, maxBytes?: number): Promise<Uint8Array>;
  /** The entry's bytes as they inflate, for an entry too large to hold (a sheet); size and CRC-32 checked at its end. */
  stream(listing: ZipListing): AsyncGenerator<Buffer>;
  close(): void;
}

function kindOf(name: string): ZipListing['kind'] {
  if (name.endsWith('/')) return 'folder';
  // macOS adds `__MACOSX/._name` resource forks when it re-zips a folder: not data.
  if (name.startsWith('__MACOSX/')) return 'fork';
  return TEXT_ENTRY.test(name) ? 'text' : 'other';
}

/**
 * Opens a .zip (a path, or the bytes of a nested archive) and lists it from its central directory, without
 * reading any entry's data, so a download of many gigabytes of media costs only its directory. Refuses an
 * archive whose entry count or total declared size of text entries exceeds `limits` (nested archives are
 * checked when they are read). `budget` is shared with the archives nested in this one.
 */
export async function openZip(
  path: string,
  source: string | Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  budget: { entries: number } = { entries: 0 },
): Promise<ZipArchive> {
  const refuse = (message: string) =>
    new AuditError(
      { file: path, message },
      'A platform download this large is not expected; unpack it and pass the folder if it is genuine.',
    );
  // Names are decoded here, not by yauzl: it stops listing at a name such as `../x`, which is only a label to us.
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  let zip: ZipFile;
  try {
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options);
  } catch (error) {
    throw new AuditError({ file: path, message: `not a readable zip archive (${(error as Error).message})` });
  }
  const entries: ZipListing[] = [];
  let declaredBytes = 0;
  try {
    if (budget.entries + zip.entryCount > limits.maxEntries)
      throw refuse(`this zip has more than ${limits.maxEntries} entries; refused as a possible zip bomb`);
    for await (const entry of zip.eachEntry()) {
      budget.entries++;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const listing: ZipListing = { name, size: entry.uncompressedSize, kind: kindOf(name), entry };
      if (listing.kind === 'text' && !/\.zip$/i.test(name)) {
        declaredBytes += listing.size;
        if (declaredBytes > limits.maxTotalBytes)
          throw refuse(
            `the text files in this zip expand to more than ${formatBytes(limits.maxTotalBytes)}; refused as a possible zip bomb`,
          );
      }
      entries.push(listing);
    }
  } catch (error) {
    zip.close();
    if (error instanceof AuditError) throw error;
    throw new AuditError({ file: path, message: `not a readable zip archive (${(error as Error).message})` });
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  return {
    entries,
    read: (listing, maxBytes = limits.maxTotalBytes) => readEntry(zip, listing, maxBytes),
    stream: (listing) => streamEntry(zip, listing),
    close: () => zip.close(),
  };
}

/**
 * Streams one entry into a buffer of its declared size. yauzl stops a stream that runs longer or shorter than
 * the declared size; the CRC-32 is checked here, over every byte. Either fault rejects the entry, never cuts it.
 */
async function readEntry(zip: ZipFile, listing: ZipListing, maxBytes: number): Promise<Uint8Array> {
  const { entry } = listing;
  checkReadable(entry);
  if (listing.size > maxBytes)
    throw new ZipEntryError(
      `this entry expands to ${formatBytes(listing.size)}, more than the ${formatBytes(maxBytes)} read from one archive; unpack it and pass it directly`,
    );
  const out = Buffer.alloc(listing.size);
  let at = 0;
  let crc = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (at + chunk.length > out.length) throw new Error(`more data than the ${listing.size} bytes declared`);
      chunk.copy(out, at);
      at += chunk.length;
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    throw new ZipEntryError(
      `damaged entry, not read: ${(error as Error).message} (the download is incomplete or corrupt; download it again)`,
    );
  }
  if (at !== listing.size)
    throw new ZipEntryError(
      `damaged entry, not read: ${at} bytes where the archive declares ${listing.size} (the download is incomplete or corrupt; download it again)`,
    );
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw new ZipEntryError(
      `damaged entry, not read: its data does not match the CRC-32 the archive declares (${hex(entry.crc32)}, data gives ${hex(crc)}); the download is incomplete or corrupt, download it again`,
    );
  return out;
}

function checkReadable(entry: Entry): void {
  if (entry.isEncrypted()) throw new ZipEntryError('this entry is encrypted (password-protected); it cannot be read');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new ZipEntryError(
      `this entry is compressed with method ${entry.compressionMethod}, which this tool cannot read (expected stored or deflate)`,
    );
}

async function* streamEntry(zip: ZipFile, listing: ZipListing): AsyncGenerator<Buffer> {
  const { entry } = listing;
  checkReadable(entry);
  let crc = 0;
  let stream: AsyncIterable<Buffer>;
  try {
    stream = (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>;
  } catch (error) {
    throw new ZipEntryError(`damaged entry, not read: ${(error as Error).message}`);
  }
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (error) {
      // yauzl stops a stream that runs longer or shorter than the declared size.
      throw new ZipEntryError(`damaged entry, not read: ${(error as Error).message}`);
    }
    if (next.done) break;
    crc = crc32(next.value, crc);
    yield next.value;
  }
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw new ZipEntryError(
      `damaged entry: its data does not match the CRC-32 the archive declares (${hex(entry.crc32)}, data gives ${hex(crc)})`,
    );
}

/**
 * Text entries of a .zip, sorted by name, read whole: for tests and small archives. Folders, media and macOS
 * forks are left out; an entry that fails its size or CRC check throws.
 */
export async function readZip(
  path: string,
  source: string | Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntry[]> {
  const archive = await openZip(path, source, limits);
  try {
    const out: ZipEntry[] = [];
    for (const listing of archive.entries)
      if (listing.kind === 'text') out.push({ name: listing.name, bytes: await archive.read(listing) });
    return out;
  } finally {
    archive.close();
  }
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
