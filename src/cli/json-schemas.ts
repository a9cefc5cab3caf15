// JSON Schemas of the files the tool reads and writes, generated from the same zod schemas it validates with.
import { z } from 'zod';
import { electionSchema } from '../schemas/election-schema.js';
import { rosterDocumentSchema } from '../schemas/roster-schema.js';
import { schemaAnnotations } from '../schemas/schema-annotations.js';
import { findingSchema, ndjsonLineSchema, reportSchema } from '../schemas/report-schema.js';
import { errorDocumentSchema } from '../schemas/error-schema.js';
import { conditionSchema, ruleFileSchema } from '../rules/rule-schema.js';
import { configFileSchema } from './config-file.js';

export const SCHEMA_KINDS = ['report', 'rules', 'election', 'roster', 'config', 'error'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

// The condition tree is recursive (z.lazy): naming it makes it one `$defs/condition` that refers to itself.
schemaAnnotations.add(conditionSchema, { id: 'condition' });
// Named so that a consumer of the report can validate one finding (`$defs/finding`), and of NDJSON one line.
schemaAnnotations.add(findingSchema, {
  id: 'finding',
  description: 'One finding: the rule an act broke, its legal basis, the act and the evidence.',
});
schemaAnnotations.add(ndjsonLineSchema, {
  description: "A line of `asn-audit scan --format ndjson`: a finding with its person's nip, name and agency.",
});

interface SchemaSource {
  /** The schema's `$id`: the kind and the contract version, which changes only when old files stop validating. */
  id: string;
  title: string;
  description: string;
  schema: z.ZodType;
  /** Further named definitions the file itself does not use, for readers of related output (NDJSON lines). */
  extraDefs?: Record<string, z.ZodType>;
  /** Files the tool reads are described as written (defaults optional); the report as the tool writes it. */
  io: 'input' | 'output';
}

const SOURCES: Record<SchemaKind, SchemaSource> = {
  report: {
    id: 'urn:asn-audit:report@1',
    title: 'asn-audit report',
    description: 'The JSON report of `asn-audit scan --format json`, schema asn-audit/report@1.',
    schema: reportSchema,
    extraDefs: { ndjson_line: ndjsonLineSchema },
    io: 'output',
  },
  rules: {
    id: 'urn:asn-audit:rules@1',
    title: 'asn-audit rule file',
    description: 'A rule file of a rule pack (YAML or JSON): named vocabularies and rules.',
    schema: ruleFileSchema,
    io: 'input',
  },
  election: {
    id: 'urn:asn-audit:election@1',
    title: 'asn-audit election file',
    description: 'The election file (YAML or JSON): timeline, candidates, campaign accounts and parties.',
    schema: electionSchema,
    io: 'input',
  },
  roster: {
    id: 'urn:asn-audit:roster@1',
    title: 'asn-audit roster (JSON)',
    description: 'The roster of ASN as a JSON array; a CSV roster has the same fields as columns.',
    schema: rosterDocumentSchema,
    io: 'input',
  },
  config: {
    id: 'urn:asn-audit:config@1',
    title: 'asn-audit config file',
    description:
      'asn-audit.config.yaml (or .yml, .json): defaults for `asn-audit scan`, keys the flags in snake_case (--fail-on: fail_on).',
    schema: configFileSchema,
    io: 'input',
  },
  error: {
    id: 'urn:asn-audit:error@1',
    title: 'asn-audit error',
    description:
      'An exit-2 error as one JSON object on stderr (`--error-format json`, or `--format json|ndjson`), schema asn-audit/error@1.',
    schema: errorDocumentSchema,
    io: 'output',
  },
};

/** The JSON Schema (draft 2020-12) of one kind of file, as plain data. */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const source = SOURCES[kind];
  const { $schema, $defs, ...rest } = toJsonSchema(source.schema, source.io);
  const defs = { ...($defs as Record<string, unknown> | undefined) };
  for (const [name, schema] of Object.entries(source.extraDefs ?? {})) {
    const { $schema: _, $defs: nested, ...definition } = toJsonSchema(schema, source.io);
    if (nested) throw new Error(`$defs/${name} of the ${kind} schema would need definitions of its own`);
    defs[name] = definition;
  }
  return withoutClosedTuples({
    $schema,
    $id: source.id,
    title: source.title,
    description: source.description,
    ...rest,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  }) as Record<string, unknown>;
}

/**
 * Drops `items: false` from a tuple whose `maxItems` already closes it, which means the same in draft 2020-12.
 * Editors validate YAML with a draft-07 validator (the YAML language server), which ignores `prefixItems` and
 * reads `items: false` as "no items at all": every `near`, `call` and lexicon weight pair would be marked wrong.
 */
function withoutClosedTuples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutClosedTuples);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, withoutClosedTuples(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const prefix = object.prefixItems;
  if (Array.isArray(prefix) && object.items === false && object.maxItems === prefix.length) delete object.items;
  return object;
}

function toJsonSchema(schema: z.ZodType, io: SchemaSource['io']): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    metadata: schemaAnnotations,
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
}

/** The schema as the `schema` command prints it and `schemas/<kind>.schema.json` stores it. */
export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
