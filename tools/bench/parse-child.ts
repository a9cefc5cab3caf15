// The floor a loader is compared with: csv-parse turning the same file into one object per record, nothing else.
// Prints its time and peak memory on stderr as JSON (used by run-bench).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const started = process.hrtime.bigint();
let rows = 0;
for await (const _record of createReadStream(process.argv[2]!).pipe(parse({ columns: true }))) rows++;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stderr.write(
  `${JSON.stringify({ code: 0, rows, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
