// The only doors to the outside world the CLI uses, injected so tests can run `main` in-process.
import { oneLine, terminalText } from '../shared/terminal-text.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Whether stdout / stderr are terminals (colour, progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width for the table, when stdout is a terminal. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  // A reader that stops early (`| head`) closes the pipe: that is not an error of the scan.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: process.stdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * `io` as commands get it from `main`: everything written to stderr is made safe for a terminal (terminalText), so
 * no message prints a file's text raw, however it was built (an OSC 52 sequence in a roster name shows as `\u{1B}]52…`).
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return { ...io, stderr: (text) => io.stderr(terminalText(text)) };
}

/**
 * The standard output of a command that prints text for a person (validate, explain, rules, review list, init):
 * input text in it is escaped as on stderr. A JSON output is written to `io.stdout` as it is: not a terminal format.
 */
export function textStdout(io: CliIo): (text: string) => void {
  return (text) => io.stdout(terminalText(text));
}

/**
 * Rewrites the terminal line the cursor is on (the scan's progress line); '' clears it. The one text written with
 * control characters, the tool's own (carriage return, erase line); the text itself is made safe.
 */
export function statusLine(io: CliIo): (text: string) => void {
  return (text) => io.stderr(`\r\x1b[K${oneLine(text)}`);
}
