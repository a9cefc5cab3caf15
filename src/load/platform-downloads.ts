// Reads platforms' own data downloads (export files and .zip archives) and decides whose activity each row is.
import { basename } from 'node:path';
import { normalizeHandle } from '../normalize/handle.js';
import { AuditError } from '../shared/errors.js';
import type { Platform, Roster } from '../shared/types.js';
import { decodeText } from './encoding.js';
import { counted, sha256, type InputFile, type Ledger } from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import { detectPlatformExport, type NamedOwner, type OwnerConflict } from './platforms/index.js';
import type { ReadMeter } from './read-meter.js';

/** Who a platform data download belongs to, when the download itself does not say it in a way the roster knows. */
export interface OwnerHints {
  /** `--nip`: the person the downloads on the command line belong to. */
  nip?: string;
  /** NIPs of the roster: a folder named by one of them marks whose download is inside. */
  rosterNips: { has(nip: string): boolean };
  /** The roster, when known: the owner a download names is checked against the NIP its folder or --nip gives. */
  roster?: Pick<Roster, 'byNip' | 'byAccount'> & { file?: string };
  /** `--sheet`: the sheet read from each .xlsx workbook (default: the first); not an owner hint, but read beside them. */
  sheet?: string;
}

/** The owner the enclosing folder or archive names for a file in it, on a platform (see DownloadOwners). */
export type OwnerAt = (platform: Platform) => NamedOwner | OwnerConflict | null;

/** Owner hints while reading, plus the owner an enclosing folder or archive names and where skipped files are listed. */
/** `meter`: counts the bytes read, for the progress line (read-meter.ts). */
export type ReadHints = OwnerHints & Ledger & { ownerAt?: OwnerAt; meter?: ReadMeter };

/**
 * One platform export file. Its rows belong to --nip or the NIP a folder in its path is named by, else to the
 * user the export (or its archive) names; a row that ends up with neither stops the run.
 */
export async function* readPlatformExport(
  display: string,
  bytes: Uint8Array,
  hints: ReadHints,
  inputs: InputFile[],
): AsyncGenerator<LoadedItem> {
  const { text, encoding } = decodeText(bytes);
  const parser = detectPlatformExport(basename(display), text);
  if (!parser) return;
  let parsed: ReturnType<typeof parser.parse>;
  try {
    parsed = parser.parse(display, text);
  } catch (error) {
    if (error instanceof AuditError) throw error;
    throw new AuditError({
      file: display,
      message: `cannot read this ${parser.id} export: ${(error as Error).message}`,
    });
  }
  const input: InputFile = { path: display, format: parser.id, encoding, sha256: sha256(bytes), rows: 0 };
  const owner = parsed.owner
    ? { ...parsed.owner, file: basename(display) }
    : (hints.ownerAt?.(parsed.platform) ?? null);
  if (owner && 'conflict' in owner) throw new OwnerConflictError(display, owner.conflict);
  const given = hints.nip ? { nip: hints.nip, by: '--nip' } : nipFromPath(display, hints.rosterNips);
  if (given && owner) checkOwner(display, owner, given, hints.roster);
  const nip = given?.nip;
  yield* counted(inputs, input, function* () {
    for (const warning of parsed.warnings)
      yield {
        kind: 'rejected',
        rejection: { file: display, line: warning.line, reason: warning.reason },
      } as LoadedItem;
    for (const row of parsed.rows) {
      const fields = row.fields;
      if (nip) fields.nip = nip;
      else if (!fields.account && owner?.handle) {
        checkOwnerInRoster(display, owner, hints.roster);
        fields.account = owner.handle;
      }
      if (!fields.nip && !fields.account) {
        throw new UnknownOwnerError(display);
      }
      yield { kind: 'row', row } as LoadedItem;
    }
  });
}

interface GivenOwner {
  nip: string;
  /** What gave it, for messages: `--nip` or `the folder "…"`. */
  by: string;
}

/** The roster NIP a folder (or archive) in the path is named by, spaces ignored: `downloads/19860926 201505 1 001/…`. */
function nipFromPath(path: string, rosterNips: OwnerHints['rosterNips']): GivenOwner | undefined {
  const segment = path.split(/[\\/!]/).find((s) => rosterNips.has(s.replace(/\s/g, '')));
  return segment === undefined ? undefined : { nip: segment.replace(/\s/g, ''), by: `the folder "${segment}"` };
}

/** A download whose own account is a roster person's cannot be given to another person by its folder or --nip. */
function checkOwner(display: string, owner: NamedOwner, given: GivenOwner, roster: OwnerHints['roster']): void {
  if (!owner.handle || !roster) return;
  const ownerNip = roster.byAccount.get(`${owner.platform}:${normalizeHandle(owner.handle)}`);
  if (ownerNip === undefined || ownerNip === given.nip) return;
  const person = (nip: string) => `${roster.byNip.get(nip)?.name ?? 'a person'} (NIP ${nip})`;
  throw new OwnershipError(
    {
      file: display,
      message: `the download names its owner ${owner.platform} account @${owner.handle} (in ${owner.file}), which the roster gives to ${person(ownerNip)}, but ${given.by} names ${person(given.nip)}: a wrong owner would accuse the wrong person`,
    },
    "check whose download this is: put it in the folder named by its owner's NIP, or correct --nip",
  );
}

/**
 * A download whose rows take the owner it names itself needs that owner in the roster: else every row would be
 * unmatched, and the run would end "no findings" about a download that is someone's, the roster just does not say
 * whose. Not checked without a roster (validate without --roster).
 */
function checkOwnerInRoster(display: string, owner: NamedOwner, roster: OwnerHints['roster']): void {
  if (!owner.handle || !roster) return;
  const key = `${owner.platform}:${normalizeHandle(owner.handle)}`;
  if (roster.byAccount.has(key)) return;
  throw new OwnershipError(
    {
      file: display,
      message: `the download names its owner ${owner.platform} account @${owner.handle} (in ${owner.file}), which is in no roster entry${roster.file ? ` of ${roster.file}` : ''}: its rows would be given to no one`,
    },
    `pass --nip with the owner's NIP, put the download in a folder named by that NIP, or add ${key} to the owner's roster entry`,
  );
}

/** A download whose owner is unknown or disputed: it stops the run even inside a folder, since skipping it would hide a person. */
export class OwnershipError extends AuditError {}

export class UnknownOwnerError extends OwnershipError {
  constructor(file: string) {
    super(
      { file, message: 'cannot tell whose data download this is' },
      'pass --nip NIP, or put the download in a folder named by the NIP of its owner',
    );
  }
}

/**
 * The records of a plain activity file (canonical CSV, JSON, NDJSON or standard input). `--nip` names the owner of
 * platform data downloads; a plain file gives each row its person by its own account or nip column, so --nip would
 * do nothing there, and a user who expects it to would read a wrong report. The run stops at the file's first row
 * instead. A file of a folder or download that yields no row (a README.txt) is skipped as before.
 */
export async function* plainRecords(
  hints: OwnerHints,
  display: string,
  kind: string,
  records: AsyncIterable<LoadedItem> | Iterable<LoadedItem>,
): AsyncGenerator<LoadedItem> {
  for await (const item of records) {
    if (hints.nip && item.kind === 'row') throw new NipOnPlainFileError(display, kind);
    yield item;
  }
}

class NipOnPlainFileError extends OwnershipError {
  constructor(file: string, kind: string) {
    super(
      {
        file,
        field: '--nip',
        message: `--nip names the owner of platform data downloads, but this is a plain activity file (${kind}) whose rows are given to a person by their own account or nip column: --nip would not apply to it`,
      },
      'scan this file without --nip (add a nip column if its rows have no account), and the downloads with it',
    );
  }
}

/** Two files of one download name different owners. */
export class OwnerConflictError extends OwnershipError {
  constructor(file: string, [a, b]: [NamedOwner, NamedOwner]) {
    const who = (o: NamedOwner) => `${o.platform} ${o.handle ? `@${o.handle}` : `"${o.name}"`} (${o.file})`;
    super(
      {
        file,
        message: `this download names two owners, ${who(a)} and ${who(b)}: its rows cannot be given to either`,
      },
      'unpack each download into a folder of its own',
    );
  }
}
