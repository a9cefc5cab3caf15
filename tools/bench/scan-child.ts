// Runs one scan in this process and reports its peak memory and time on stderr as JSON (used by run-bench).
import { main } from '../../src/cli/main.js';
import { processIo } from '../../src/cli/io.js';

const started = process.hrtime.bigint();
const io = { ...processIo(), stdout: () => undefined };
const code = await main(process.argv.slice(2), io);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stderr.write(`${JSON.stringify({ code, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
