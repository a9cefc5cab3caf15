// The files `asn-audit init` writes, in the order it writes them.
import { ACTIVITY_TEMPLATE } from './activity.js';
import { CONFIG_TEMPLATE } from './config.js';
import { ELECTION_TEMPLATE } from './election.js';
import { ROSTER_TEMPLATE } from './roster.js';
import { CONFIG_FILE_NAMES } from '../config-file.js';
import type { SchemaKind } from '../json-schemas.js';

export interface InitTemplate {
  name: string;
  content: string;
  /** The JSON Schema an editor validates the file with: init puts a `yaml-language-server` line on top naming it. */
  schema?: SchemaKind;
}

export const INIT_TEMPLATES: readonly InitTemplate[] = [
  { name: CONFIG_FILE_NAMES[0], content: CONFIG_TEMPLATE, schema: 'config' },
  { name: 'election.yaml', content: ELECTION_TEMPLATE, schema: 'election' },
  { name: 'roster.csv', content: ROSTER_TEMPLATE },
  { name: 'activity.csv', content: ACTIVITY_TEMPLATE },
];
