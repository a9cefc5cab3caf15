// `--lang id|en` for the commands besides scan, with scan's own choices, default and help (scan-options.ts).
import { Option } from 'commander';
import { SCAN_OPTIONS } from './scan-options.js';

export function langOption(): Option {
  const { flags, help, choices } = SCAN_OPTIONS.lang;
  return new Option(flags, help).choices(choices).default(SCAN_OPTIONS.lang.default);
}
