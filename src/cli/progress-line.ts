// The scan's progress line on a terminal: rows read and their rate, and, when the inputs' size is known, the share
// of bytes read and an estimate of the time left.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';

export interface Progress {
  rows: number;
  seconds: number;
  /** Bytes read so far and in all, when every input is a plain file; else null. */
  bytes: { read: number; total: number } | null;
}

export function progressText({ rows, seconds, bytes }: Progress): string {
  const elapsed = Math.max(seconds, 0.001);
  const head = `asn-audit: ${rows.toLocaleString('en-US')} rows read (${Math.round(rows / elapsed).toLocaleString('en-US')}/s)`;
  if (!bytes || bytes.total <= 0) return head;
  // Capped below 100 %: the last rows are still being evaluated when the last byte is read.
  const share = Math.min(bytes.read / bytes.total, 0.99);
  const left = bytes.read > 0 ? (elapsed * (bytes.total - bytes.read)) / bytes.read : null;
  const eta = left === null || share < 0.01 ? '' : `, about ${duration(Math.max(left, 0))} left`;
  return `${head}, ${Math.floor(share * 100)} % of ${megabytes(bytes.total)}${eta}`;
}

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The bytes a scan of `paths` reads, when every one is a plain file it reads as it is (not standard input, a folder,
 * whose non-activity files are skipped, or a .zip, read entry by entry); null otherwise: no share is shown then.
 */
export async function plainInputSize(paths: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const path of paths) {
    if (path === '-' || extname(path).toLowerCase() === '.zip') return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    total += info.size;
  }
  return total;
}
