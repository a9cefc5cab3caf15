// Every real sample export in ../shared/samples/ is recognised as its platform and reads into valid rows.
// The samples are not part of the repository (their licences are unknown), so this runs only where they exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPlatformExport, ownerFromArchive } from '../../src/load/platforms/index.js';
import { ACTIVITY_TYPES, PLATFORMS } from '../../src/shared/types.js';

const samplesPath = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));

/** Sample folder → the platform its files must be detected as. */
const EXPECTED_PLATFORM: Record<string, string> = {
  twitter: 'x',
  facebook: 'facebook',
  instagram: 'instagram',
  tiktok: 'tiktok',
  youtube: 'youtube',
  crowdtangle: 'facebook',
};

/** Files that describe the archive rather than list activity: they yield an owner, not rows. */
const INDEX_KINDS = new Set(['x-manifest']);

function sampleFiles(): { folder: string; name: string; path: string }[] {
  return readdirSync(samplesPath, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(samplesPath, folder.name)).map((name) => ({
        folder: folder.name,
        name,
        path: join(samplesPath, folder.name, name),
      })),
    )
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe.skipIf(!existsSync(samplesPath))(
  'real platform samples (skipped: ../shared/samples/ is not present in this checkout)',
  () => {
    const files = existsSync(samplesPath) ? sampleFiles() : [];

    it('has a sample of every platform folder we expect', () => {
      expect(new Set(files.map((file) => file.folder))).toEqual(new Set(Object.keys(EXPECTED_PLATFORM)));
    });

    it.each(files.map((file) => [`${file.folder}/${file.name}`, file] as const))(
      '%s is detected and reads into valid rows',
      (_label, file) => {
        const text = readFileSync(file.path, 'utf8');
        const parser = detectPlatformExport(file.name, text);
        expect(parser, 'not recognised as a platform export').not.toBeNull();
        const parsed = parser!.parse(file.name, text);
        expect(parsed.platform).toBe(EXPECTED_PLATFORM[file.folder]);

        if (INDEX_KINDS.has(parsed.kind)) {
          expect(parsed.owner).not.toBeNull();
          expect(parsed.rows).toEqual([]);
          return;
        }
        expect(parsed.rows.length).toBeGreaterThan(0);
        for (const row of parsed.rows) {
          expect(PLATFORMS).toContain(row.fields.platform);
          expect(ACTIVITY_TYPES).toContain(row.fields.type);
          expect(row.source.file).toBe(file.name);
          expect(row.source.line).toBeGreaterThanOrEqual(1);
          const timestamp = row.fields.timestamp ?? '';
          if (timestamp === '') expect(row.undatedAllowed).toBe(true);
          else expect(Number.isNaN(Date.parse(timestamp)), `timestamp ${timestamp}`).toBe(false);
        }
        // Rows are in file order, each on its own record's line.
        const lines = parsed.rows.map((row) => row.source.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(parsed.warnings.length).toBeLessThanOrEqual(Math.max(3, parsed.rows.length / 4));
      },
    );

    it('finds the owner of the X archive from its manifest', () => {
      const twitter = files.filter((file) => file.folder === 'twitter');
      const owner = ownerFromArchive(
        twitter.map((file) => ({
          name: file.name.replace(/^.*__/, 'data/'),
          text: () => readFileSync(file.path, 'utf8'),
        })),
      );
      expect(owner).toEqual({ platform: 'x', handle: 'larsbrinkhoff', name: 'Lars Brinkhoff' });
    });
  },
);
