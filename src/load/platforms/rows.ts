// Collects the canonical rows and warnings of one export file, always with every canonical column.
import type { ActivityType, Platform, RawRow } from '../../shared/types.js';
import type { ExportOwner, ExportReading, ExportWarning } from './export-types.js';

/** What a parser knows about one activity; platform, account and provenance are added by the collector. */
export interface ActivityFields {
  type: ActivityType;
  /** ISO 8601 UTC, or null when the platform records no time for this activity. */
  timestamp: string | null;
  id?: string;
  account?: string;
  text?: string;
  target_account?: string;
  target_text?: string;
  url?: string;
  event?: string;
  location?: string;
  tags?: readonly string[];
}

export class RowCollector {
  private readonly rows: RawRow[] = [];
  private readonly warnings: ExportWarning[] = [];

  /** `account` is the owner's handle when the file itself names it; else '' for the caller to fill. */
  constructor(
    private readonly file: string,
    private readonly platform: Platform,
    private readonly account = '',
  ) {}

  add(line: number, activity: ActivityFields): void {
    const fields: Record<string, string> = {
      id: clean(activity.id),
      platform: this.platform,
      account: clean(activity.account ?? this.account),
      timestamp: activity.timestamp ?? '',
      type: activity.type,
      text: clean(activity.text),
      target_account: clean(activity.target_account),
      target_text: clean(activity.target_text),
      url: clean(activity.url),
      event: clean(activity.event),
      location: clean(activity.location),
      // Tags are `;`-separated in the canonical format, so a `;` inside one tag would split it.
      tags: (activity.tags ?? [])
        .map((tag) => clean(tag).replaceAll(';', ','))
        .filter(Boolean)
        .join(';'),
    };
    const row: RawRow = { source: { file: this.file, line }, fields };
    if (activity.timestamp === null) row.undatedAllowed = true;
    this.rows.push(row);
  }

  warn(line: number, reason: string): void {
    this.warnings.push({ line, reason });
  }

  /** Reads each item; an unexpected exception becomes a warning on that item's line instead of ending the file. */
  each<T>(items: readonly T[], lineOf: (index: number) => number, read: (item: T, line: number) => void): void {
    items.forEach((item, index) => {
      const line = lineOf(index);
      try {
        read(item, line);
      } catch (error) {
        this.warn(line, `could not read this record: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** Rows and warnings in file order (sections of a TikTok file are read in a fixed order, not the file's). */
  result(owner: ExportOwner | null = null): ExportReading {
    return {
      owner,
      rows: [...this.rows].sort((a, b) => a.source.line - b.source.line),
      warnings: [...this.warnings].sort((a, b) => a.line - b.line),
    };
  }
}

function clean(value: string | undefined): string {
  return (value ?? '').trim().normalize('NFC');
}
