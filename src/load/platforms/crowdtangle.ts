// CrowdTangle (monitoring tool) CSV exports: one row per post by a monitored page or account → post.
// Times carry the dashboard user's zone abbreviation; numbers are locale-formatted and not needed here.
import type { ExportDocument } from './document.js';
import { readCsvRecords } from './csv-rows.js';
import type { ExportFormat } from './export-types.js';
import { RowCollector } from './rows.js';
import { isoFromZoneAbbreviation } from './times.js';

/** Facebook exports name the page (`Page Name`); Instagram ones the account (`Account`), without `Page Name`. */
function crowdTanglePlatform(document: ExportDocument): 'facebook' | 'instagram' | null {
  if (document.form !== 'csv') return null;
  const has = (name: string) => document.header.includes(name);
  if (!has('post created') || !has('total interactions')) return null;
  if (has('page name')) return 'facebook';
  return has('account') ? 'instagram' : null;
}

const PHOTO_TYPES = new Set(['photo', 'album']);

function crowdTangleFormat(platform: 'facebook' | 'instagram'): ExportFormat {
  return {
    kind: `crowdtangle-${platform}-posts`,
    platform,
    recognise: (document) => crowdTanglePlatform(document) === platform,
    read(document) {
      const rows = new RowCollector(document.fileName, platform);
      for (const record of readCsvRecords(document.text)) {
        const created = record.cell('post created');
        const timestamp = isoFromZoneAbbreviation(created);
        if (timestamp === null) {
          rows.warn(
            record.line,
            created
              ? `unrecognised post time "${created}" (zone abbreviation not known)`
              : 'post without a creation time',
          );
          continue;
        }
        rows.add(record.line, {
          type: 'post',
          timestamp,
          account: record.cell('user name') || record.cell('page name') || record.cell('account'),
          text: platform === 'facebook' ? record.cell('message') : record.cell('description'),
          target_text: platform === 'facebook' ? record.cell('link text') : '',
          url: record.cell('url'),
          tags: PHOTO_TYPES.has(record.cell('type').toLowerCase()) ? ['photo'] : [],
        });
      }
      return rows.result();
    },
  };
}

export const CROWDTANGLE_FORMATS: readonly ExportFormat[] = [
  crowdTangleFormat('facebook'),
  crowdTangleFormat('instagram'),
];
