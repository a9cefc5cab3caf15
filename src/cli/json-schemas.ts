// JSON Schemas of the files the tool reads and writes, generated from the same zod schemas it validates with.
import { z } from 'zod';
import { electionSchema } from '../schemas/election-schema.js';
import { rosterDocumentSchema } from '../schemas/roster-schema.js';
import { schemaAnnotations } from '../schemas/schema-annotations.js';
import { reportSchema } from '../schemas/report-schema.js';
import { errorDocumentSchema } from '../schemas/error-schema.js';
import { conditionSchema, ruleFileSchema } from '../rules/rule-schema.js';

export const SCHEMA_KINDS = ['report', 'rules', 'election', 'roster', 'error'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

// The condition tree is recursive (z.lazy): naming it makes it one `$defs/condition` that refers to itself.
schemaAnnotations.add(conditionSchema, { id: 'condition' });

interface SchemaSource {
  title: string;
  description: string;
  schema: z.ZodType;
  /** Files the tool reads are described as written (defaults optional); the report as the tool writes it. */
  io: 'input' | 'output';
}

const SOURCES: Record<SchemaKind, SchemaSource> = {
  report: {
    title: 'asn-audit report',
    description: 'The JSON report of `asn-audit scan --format json`, schema asn-audit/report@1.',
    schema: reportSchema,
    io: 'output',
  },
  rules: {
    title: 'asn-audit rule file',
    description: 'A rule file of a rule pack (YAML or JSON): named vocabularies and rules.',
    schema: ruleFileSchema,
    io: 'input',
  },
  election: {
    title: 'asn-audit election file',
    description: 'The election file (YAML or JSON): timeline, candidates, campaign accounts and parties.',
    schema: electionSchema,
    io: 'input',
  },
  roster: {
    title: 'asn-audit roster (JSON)',
    description: 'The roster of ASN as a JSON array; a CSV roster has the same fields as columns.',
    schema: rosterDocumentSchema,
    io: 'input',
  },
  error: {
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
  const { $schema, ...rest } = z.toJSONSchema(source.schema, {
    io: source.io,
    metadata: schemaAnnotations,
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'throw',
  });
  return { $schema, title: source.title, description: source.description, ...rest };
}

/** The schema as the `schema` command prints it and `schemas/<kind>.schema.json` stores it. */
export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
