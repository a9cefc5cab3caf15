// Reads platforms' own data downloads (export files and .zip archives) and decides whose activity each row is.
import { basename } from 'node:path';
import { AuditError } from '../shared/errors.js';
import { decodeText } from './encoding.js';
import { counted, sha256, type InputFile, type Ledger } from './input-ledger.js';
import type { LoadedItem } from './loaded-item.js';
import { detectPlatformExport, type ExportOwner } from './platforms/index.js';

/** Who a platform data download belongs to, when the download itself does not say it in a way the roster knows. */
export interface OwnerHints {
  /** `--nip`: the person the downloads on the command line belong to. */
  nip?: string;
  /** NIPs of the roster: a folder named by one of them marks whose download is inside. */
  rosterNips: { has(nip: string): boolean };
}

/** Owner hints while reading, plus the owner an enclosing folder or archive names and where skipped files are listed. */
export type ReadHints = OwnerHints & Ledger & { archiveOwner?: ExportOwner | null };

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
  const owner = parsed.owner ?? hints.archiveOwner ?? null;
  const nip = hints.nip ?? nipFromPath(display, hints.rosterNips);
  yield* counted(inputs, input, function* () {
    for (const warning of parsed.warnings)
      yield {
        kind: 'rejected',
        rejection: { file: display, line: warning.line, reason: warning.reason },
      } as LoadedItem;
    for (const row of parsed.rows) {
      const fields = row.fields;
      if (nip) fields.nip = nip;
      else if (!fields.account && owner?.handle) fields.account = owner.handle;
      if (!fields.nip && !fields.account) {
        throw new UnknownOwnerError(display);
      }
      yield { kind: 'row', row } as LoadedItem;
    }
  });
}

/** The roster NIP a folder (or archive) in the path is named by, spaces ignored: `downloads/19860926 201505 1 001/…`. */
function nipFromPath(path: string, rosterNips: OwnerHints['rosterNips']): string | undefined {
  return path
    .split(/[\\/!]/)
    .find((segment) => rosterNips.has(segment.replace(/\s/g, '')))
    ?.replace(/\s/g, '');
}

/** A download nobody can be named for: it stops the run even inside a folder, since skipping it would hide a person. */
export class UnknownOwnerError extends AuditError {
  constructor(file: string) {
    super(
      { file, message: 'cannot tell whose data download this is' },
      'pass --nip NIP, or put the download in a folder named by the NIP of its owner',
    );
  }
}
