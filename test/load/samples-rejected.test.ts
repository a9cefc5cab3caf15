// Every real sample export in ../shared/samples/ is read with at most a tenth of its entries rejected: rejected means
// bad data, and valid entries no rule judges (a Facebook RSVP "interested") are evaluated, not rejected. The samples
// are not part of the repository (their licences are unknown), so this runs only where they exist.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { intakeActivity } from '../../src/load/intake.js';

const samplesPath = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
/** The person every sample is read as the download of (`--nip`): the samples are strangers' own downloads. */
const NIP = '198507222010012012';

function sampleFiles(): string[] {
  return readdirSync(samplesPath, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) => readdirSync(join(samplesPath, folder.name)).map((name) => join(folder.name, name)))
    .sort();
}

/** Entries read from one file as scan reads them: activities and rejections, with the rejections' codes. */
async function readSample(file: string): Promise<{ activities: number; rejected: string[] }> {
  const load = intakeActivity([join(samplesPath, file)], {
    hints: { nip: NIP, rosterNips: new Set([NIP]) },
    timeZone: 'Asia/Jakarta',
    stdin: (async function* () {})(),
  });
  let activities = 0;
  const rejected: string[] = [];
  for await (const item of load.items) {
    if (item.kind === 'activity') activities++;
    else rejected.push(`${item.rejection.line}: ${item.rejection.reason.code}`);
  }
  return { activities, rejected };
}

describe.skipIf(!existsSync(samplesPath))(
  'real platform samples, rejected entries (skipped: ../shared/samples/ is not present in this checkout)',
  () => {
    const files = existsSync(samplesPath) ? sampleFiles() : [];

    it.each(files)('%s: at most a tenth of its entries rejected', async (file) => {
      const { activities, rejected } = await readSample(file);
      const entries = activities + rejected.length;
      // The X manifest names the owner and holds no entries.
      if (file.endsWith('__manifest.js')) return expect(entries).toBe(0);
      expect(entries).toBeGreaterThan(0);
      expect(rejected.length, rejected.slice(0, 10).join('; ')).toBeLessThanOrEqual(entries / 10);
    });

    it('reads every entry of the Facebook event responses, "interested" ones included', async () => {
      const events = files.find((file) => file.endsWith('your_event_responses.json'));
      expect(events).toBeDefined();
      expect(await readSample(events!)).toEqual({ activities: 14, rejected: [] });
    });
  },
);
