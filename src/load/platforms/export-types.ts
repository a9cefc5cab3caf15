// Types shared by the platform export parsers: the public result shape and the internal format contract.
import type { Platform, RawRow } from '../../shared/types.js';
import type { ExportDocument } from './document.js';

/** Who an export belongs to, as the export itself says (X manifest, TikTok profile, …). */
export interface ExportOwner {
  platform: Platform;
  handle?: string;
  name?: string;
}

/** A record that could not be used, with the line where it begins. */
export interface ExportWarning {
  line: number;
  reason: string;
}

export interface ParsedExport {
  platform: Platform;
  /** Which export file this was, e.g. `x-tweets`, `facebook-pages-followed`. */
  kind: string;
  owner: ExportOwner | null;
  rows: RawRow[];
  warnings: ExportWarning[];
}

export interface PlatformParser {
  id: string;
  parse(fileName: string, text: string): ParsedExport;
}

/** What one format module reads out of a document. */
export interface ExportReading {
  owner: ExportOwner | null;
  rows: RawRow[];
  warnings: ExportWarning[];
}

/** One kind of platform export file: how to recognise it by content and how to read it. */
export interface ExportFormat {
  kind: string;
  platform: Platform;
  recognise(document: ExportDocument): boolean;
  read(document: ExportDocument): ExportReading;
}
