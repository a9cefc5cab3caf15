// Recognises the platforms' own data-download files by their content and reads them into canonical rows.
//
// What becomes what (details and reasons in each module):
//   X        tweets.js/tweet.js/community-tweet.js/deleted-tweets.js → post; reply → comment; retweet and
//            quote tweet → share; like.js → reaction (undated); following.js → follow (undated, numeric id);
//            manifest.js → owner only; every other archive file is recognised and yields nothing.
//   Facebook posts → post (reshare → share, check-in → attendance); comments; reactions; pages followed
//            or liked → follow; groups joined → join_group; events joined → attendance ("interested" is
//            attendance tagged rsvp:interested, which the attendance rules exempt; "declined" is not read).
//   Instagram following → follow; liked posts/comments → reaction; comments; posts, reels, stories → post;
//            followers are recognised and not read.
//   TikTok   posts, comments, likes → reaction, following → follow, share history → share (dates read as UTC);
//            favourites, watch history and searches are private and not read.
//   YouTube  subscriptions.csv → follow (undated); comments.csv → comment.
//   CrowdTangle CSV → post by the monitored page or account.
import { CROWDTANGLE_FORMATS } from './crowdtangle.js';
import { readDocument } from './document.js';
import type { ExportFormat, ParsedExport, PlatformParser } from './export-types.js';
import { FACEBOOK_FORMATS } from './facebook.js';
import { INSTAGRAM_FORMATS } from './instagram.js';
import { tiktokUserData } from './tiktok.js';
import { X_FORMATS } from './x-archive.js';
import { YOUTUBE_FORMATS } from './youtube.js';

export type { ExportOwner, ExportWarning, ParsedExport, PlatformParser } from './export-types.js';
export {
  DownloadOwners,
  namesOwner,
  ownerFromArchive,
  type ArchiveFile,
  type NamedOwner,
  type OwnerConflict,
} from './owner.js';
export { fixMetaMojibake } from './mojibake.js';

/**
 * Tried in order; the first that recognises a file reads it. X files are told apart by their wrapper,
 * TikTok by its sections; Instagram comes before Facebook because its shapes are the more specific.
 */
const FORMATS: readonly ExportFormat[] = [
  ...X_FORMATS,
  tiktokUserData,
  ...INSTAGRAM_FORMATS,
  ...FACEBOOK_FORMATS,
  ...YOUTUBE_FORMATS,
  ...CROWDTANGLE_FORMATS,
];

/** Every format's kind, for documentation and tests. */
export const EXPORT_KINDS: readonly string[] = [...new Set(FORMATS.map((format) => format.kind))];

/**
 * Recognise a platform export by its content; null when it is not one we know. The file name is not
 * needed: a `tweets.js` renamed `data.txt` is still an X archive file, and a canonical activity CSV or
 * JSON array is never taken for an export.
 */
export function detectPlatformExport(fileName: string, text: string): PlatformParser | null {
  const document = readDocument(fileName, text);
  const format = document ? FORMATS.find((candidate) => candidate.recognise(document)) : undefined;
  return format ? parserFor(format) : null;
}

function parserFor(format: ExportFormat): PlatformParser {
  return {
    id: format.kind,
    parse(fileName: string, text: string): ParsedExport {
      const result = { platform: format.platform, kind: format.kind, owner: null, rows: [] };
      const document = readDocument(fileName, text);
      if (!document || !format.recognise(document)) {
        return { ...result, warnings: [{ line: 1, reason: `not a ${format.kind} file` }] };
      }
      try {
        return { ...result, ...format.read(document) };
      } catch (error) {
        // Records are read one by one with their own guard; this only catches a fault in a format's setup.
        return {
          ...result,
          warnings: [
            { line: 1, reason: `could not read this file: ${error instanceof Error ? error.message : String(error)}` },
          ],
        };
      }
    },
  };
}
