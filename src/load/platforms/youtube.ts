// YouTube via Google Takeout: subscriptions.csv → follow (undated), comments.csv → comment.
// Column names vary in case between Takeouts, so cells are looked up by lower-cased header.
import type { ExportDocument } from './document.js';
import { readCsvRecords } from './csv-rows.js';
import type { ExportFormat, ExportOwner } from './export-types.js';
import { asList, prop } from './records.js';
import { RowCollector } from './rows.js';
import { isoFromIsoText } from './times.js';

function hasColumns(document: ExportDocument, ...names: string[]): boolean {
  return document.form === 'csv' && names.every((name) => document.header.includes(name));
}

export const youtubeSubscriptions: ExportFormat = {
  kind: 'youtube-subscriptions',
  platform: 'youtube',
  recognise: (document) => hasColumns(document, 'channel id', 'channel title'),
  read(document) {
    const rows = new RowCollector(document.fileName, 'youtube');
    for (const record of readCsvRecords(document.text)) {
      const channelId = record.cell('channel id');
      if (!channelId) {
        rows.warn(record.line, 'subscription without a channel id');
        continue;
      }
      // Takeout records no subscription date.
      rows.add(record.line, {
        type: 'follow',
        timestamp: null,
        target_account: channelId,
        target_text: record.cell('channel title'),
        url: record.cell('channel url'),
      });
    }
    return rows.result();
  },
};

/** `Comment text` is a comma-joined run of JSON objects (`{"text":"…"},{"text":"14:04","videoLink":{…}}`). */
export function commentText(cell: string): string {
  try {
    const segments = asList(JSON.parse(`[${cell}]`));
    // Segments are joined as written: "Semangat " + "12:04" keeps its space.
    return segments
      .map((segment) => prop(segment, 'text'))
      .filter((text) => typeof text === 'string')
      .join('');
  } catch {
    return cell;
  }
}

function commentUrl(videoId: string, postId: string, commentId: string): string {
  if (videoId)
    return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}${commentId ? `&lc=${encodeURIComponent(commentId)}` : ''}`;
  if (postId) return `https://www.youtube.com/post/${encodeURIComponent(postId)}`;
  return '';
}

export const youtubeComments: ExportFormat = {
  kind: 'youtube-comments',
  platform: 'youtube',
  recognise: (document) => hasColumns(document, 'comment id', 'comment text'),
  read(document) {
    let owner: ExportOwner | null = null;
    const rows = new RowCollector(document.fileName, 'youtube');
    for (const record of readCsvRecords(document.text)) {
      const created = record.cell('comment create timestamp');
      const timestamp = isoFromIsoText(created);
      if (timestamp === null) {
        rows.warn(
          record.line,
          created ? `unrecognised comment time "${created}"` : 'comment without a create timestamp',
        );
        continue;
      }
      // `Channel ID` is the commenter's own channel: the export owner on YouTube.
      const channelId = record.cell('channel id');
      owner ??= channelId ? { platform: 'youtube', handle: channelId } : null;
      const commentId = record.cell('comment id');
      rows.add(record.line, {
        type: 'comment',
        timestamp,
        id: commentId,
        account: channelId,
        text: commentText(record.cell('comment text')),
        url: commentUrl(record.cell('video id'), record.cell('post id'), commentId),
      });
    }
    return rows.result(owner);
  },
};

export const YOUTUBE_FORMATS: readonly ExportFormat[] = [youtubeComments, youtubeSubscriptions];
