// Finds who each platform download in a folder or archive belongs to, from the files of each platform that name their owner.
import { compareCodeUnits } from '../../shared/compare.js';
import type { Platform } from '../../shared/types.js';
import { readDocument } from './document.js';
import type { ExportOwner } from './export-types.js';
import { facebookOwner } from './facebook.js';
import { instagramOwner } from './instagram.js';
import { repairMetaStrings } from './mojibake.js';
import { tiktokOwner } from './tiktok.js';
import { xOwnerFromAccount, xOwnerFromManifest } from './x-archive.js';

export interface ArchiveFile {
  /** The file's path inside the folder or archive, `/`-separated. */
  name: string;
  text: () => string;
}

interface OwnerSource {
  file: RegExp;
  owner: (value: unknown, global: string | null) => ExportOwner | null;
}

/** In order of trust: a platform's own index of the archive before its profile files. */
const OWNER_SOURCES: readonly OwnerSource[] = [
  {
    file: /(?:^|\/)manifest\.js$/i,
    owner: (value, global) => (global === '__THAR_CONFIG' ? xOwnerFromManifest(value) : null),
  },
  {
    file: /(?:^|\/)account\.js$/i,
    owner: (value, global) => (global?.startsWith('YTD.account.') ? xOwnerFromAccount(value) : null),
  },
  { file: /(?:^|\/)user_data(?:_tiktok)?\.json$/i, owner: (value) => tiktokOwner(value) },
  { file: /(?:^|\/)personal_information\.json$/i, owner: (value) => instagramOwner(repairMetaStrings(value)) },
  { file: /(?:^|\/)profile_information\.json$/i, owner: (value) => facebookOwner(repairMetaStrings(value)) },
];

/**
 * Folders a platform keeps its owner file in, inside the download (X `data/`, Meta `personal_information/`,
 * `profile_information/`): the download itself starts above them, so its activity folders are its own.
 */
const OWNER_FILE_FOLDERS = new Set(['data', 'personal_information', 'profile_information']);

const slashed = (name: string): string => name.replaceAll('\\', '/');

/** Whether a file of an archive is one that can name its owner: a reader reads these before the rest. */
export function namesOwner(name: string): boolean {
  return OWNER_SOURCES.some((source) => source.file.test(slashed(name)));
}

/** The owner one download names, by the most trusted of its owner files; null when none names one. */
export function ownerFromArchive(files: readonly ArchiveFile[]): ExportOwner | null {
  const byName = [...files].sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const source of OWNER_SOURCES) {
    for (const file of byName.filter((candidate) => source.file.test(slashed(candidate.name)))) {
      const document = readDocument(file.name, file.text());
      if (document?.form !== 'json' || document.error !== null) continue;
      const owner = source.owner(document.value, document.global);
      if (owner) return owner;
    }
  }
  return null;
}

/** An owner as a download names it, with the file that names it. */
export interface NamedOwner extends ExportOwner {
  file: string;
}

/** Two files of one download that name different owners: no row of it can be given to either. */
export interface OwnerConflict {
  conflict: [NamedOwner, NamedOwner];
}

interface Unit {
  /** The download's folder inside the folder or archive ('' for its root), `/`-terminated unless ''. */
  root: string;
  owner: NamedOwner;
  rank: number;
  conflict: NamedOwner | null;
}

/**
 * The owners of every download in one folder or archive. Each owner file marks a download: the folder it sits
 * in, above the platform's own owner-file folders. A data file belongs to the innermost download of its platform
 * that contains it, so several downloads side by side each keep their own owner, and a file outside every
 * download has none.
 */
export class DownloadOwners {
  private readonly units: Unit[] = [];

  constructor(files: readonly ArchiveFile[]) {
    const byName = [...files].sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const file of byName) {
      const name = slashed(file.name);
      const rank = OWNER_SOURCES.findIndex((source) => source.file.test(name));
      if (rank < 0) continue;
      const document = readDocument(name, file.text());
      if (document?.form !== 'json' || document.error !== null) continue;
      const owner = OWNER_SOURCES[rank]!.owner(document.value, document.global);
      if (owner) this.add({ ...owner, file: file.name }, downloadRoot(name), rank);
    }
  }

  private add(owner: NamedOwner, root: string, rank: number): void {
    const unit = this.units.find((u) => u.root === root && u.owner.platform === owner.platform);
    if (!unit) {
      this.units.push({ root, owner, rank, conflict: null });
      return;
    }
    if (sameOwner(unit.owner, owner)) return;
    if (rank < unit.rank) this.units.splice(this.units.indexOf(unit), 1, { root, owner, rank, conflict: unit.owner });
    else unit.conflict ??= owner;
  }

  /** The owner of the download `name` (a path inside this folder or archive) is part of, on `platform`. */
  ownerOf(name: string, platform: Platform): NamedOwner | OwnerConflict | null {
    const path = slashed(name);
    let best: Unit | null = null;
    for (const unit of this.units)
      if (
        unit.owner.platform === platform &&
        path.startsWith(unit.root) &&
        unit.root.length >= (best?.root.length ?? -1)
      )
        best = unit;
    if (!best) return null;
    return best.conflict ? { conflict: [best.owner, best.conflict] } : best.owner;
  }
}

/** `alice/data/manifest.js` → `alice/`; `manifest.js` → ''. */
function downloadRoot(name: string): string {
  const folders = name.split('/').slice(0, -1);
  while (folders.length > 0 && OWNER_FILE_FOLDERS.has(folders.at(-1)!.toLowerCase())) folders.pop();
  return folders.length === 0 ? '' : `${folders.join('/')}/`;
}

function sameOwner(a: ExportOwner, b: ExportOwner): boolean {
  const handle = (o: ExportOwner) => o.handle?.replace(/^@/, '').toLowerCase();
  return handle(a) === handle(b) && (a.handle !== undefined || a.name === b.name);
}
