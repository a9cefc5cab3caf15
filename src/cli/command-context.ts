// What every command gets from `main`: the outside world (`io`), a way to set the exit code, and the exit codes themselves.
import type { CliIo } from './io.js';

/** The three documented exit codes (README "Exit codes"). */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export interface CommandContext {
  /** The outside world, with stderr made safe for a terminal (terminalSafeIo). */
  io: CliIo;
  /** Rewrites the progress line on stderr ('' clears it): the one stderr text with the tool's own control codes. */
  statusLine: (text: string) => void;
  setExit: (code: number) => void;
  debug: () => boolean;
  /** The config file `scan` took defaults from (set by config-option.ts): an input that no output may replace. */
  configFile?: string;
}
