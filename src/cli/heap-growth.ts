// How far V8 lets the heap grow past what is live, for the commands whose live data is large (scan, merge).
import { setFlagsFromString } from 'node:v8';

/**
 * Growth past the live heap allowed after each full collection, in percent. V8's default lets a busy process grow to
 * up to four times its live heap; a scan allocates briefly-lived row objects fast enough to get that factor, so its
 * peak RSS followed the rows read rather than what it keeps (findings, roster). Measured on the bench's 1 M rows and
 * 26,000 findings at --jobs 1: about 90 MB live, 481 MiB peak RSS by default, 287 MiB with 50 %, same report.
 */
export const HEAP_GROWTH_PERCENT = 50;

/** Process-wide and read at every full collection, so it applies from here on, to worker threads as well. */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
}
