// Finds who a whole platform archive belongs to, from the one file of each platform that names its owner.
import { compareCodeUnits } from '../../shared/compare.js';
import { readDocument } from './document.js';
import type { ExportOwner } from './export-types.js';
import { facebookOwner } from './facebook.js';
import { instagramOwner } from './instagram.js';
import { repairMetaStrings } from './mojibake.js';
import { tiktokOwner } from './tiktok.js';
import { xOwnerFromAccount, xOwnerFromManifest } from './x-archive.js';

export interface ArchiveFile {
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

/** Whether a file of an archive is one that can name its owner: a reader reads these before the rest. */
export function namesOwner(name: string): boolean {
  return OWNER_SOURCES.some((source) => source.file.test(name.replaceAll('\\', '/')));
}

export function ownerFromArchive(files: readonly ArchiveFile[]): ExportOwner | null {
  const byName = [...files].sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const source of OWNER_SOURCES) {
    for (const file of byName.filter((candidate) => source.file.test(candidate.name.replaceAll('\\', '/')))) {
      const document = readDocument(file.name, file.text());
      if (document?.form !== 'json' || document.error !== null) continue;
      const owner = source.owner(document.value, document.global);
      if (owner) return owner;
    }
  }
  return null;
}
