// Colours of the terminal report; with `color: false` every function returns its text unchanged (no ANSI codes).
import { Chalk } from 'chalk';
import type { Severity } from '../shared/types.js';

export interface TerminalStyle {
  heading: (text: string) => string;
  muted: (text: string) => string;
  severity: (severity: Severity, text: string) => string;
  suppressed: (text: string) => string;
}

export function terminalStyle(color: boolean): TerminalStyle {
  // Level 0 is chalk's "no colour": explicit, so neither the environment nor the TTY changes golden output.
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const bySeverity: Record<Severity, (text: string) => string> = {
    high: (text) => chalk.bold.red(text),
    medium: (text) => chalk.yellow(text),
    low: (text) => chalk.cyan(text),
  };
  return {
    heading: (text) => chalk.bold(text),
    muted: (text) => chalk.gray(text),
    severity: (severity, text) => bySeverity[severity](text),
    suppressed: (text) => chalk.dim(text),
  };
}
