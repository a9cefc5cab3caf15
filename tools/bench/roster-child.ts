// Loads one roster as a scan does (read, decode, validate every NIP and handle, index) and prints its time, persons
// and peak memory on stderr as JSON (used by run-bench).
import { loadRoster } from '../../src/load/roster.js';

const started = process.hrtime.bigint();
const roster = await loadRoster(process.argv[2]!);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stderr.write(`${JSON.stringify({ code: 0, rows: roster.persons.length, seconds, maxRssMiB })}\n`);
