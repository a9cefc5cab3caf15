// JSON Schemas of the files the tool reads and writes, generated from the same zod schemas it validates with.
import { z } from 'zod';
import { electionSchema } from './election-schema.js';
import { reportSchema } from './report-schema.js';
import { conditionSchema, ruleFileSchema } from './rules-schema.js';

export const SCHEMA_KINDS = ['report', 'rules', 'election', 'roster'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** Names and descriptions for the generated schemas. Used instead of zod's global registry, which `.describe()` fills. */
const annotations = z.registry<{ id?: string; description?: string }>();
// The condition tree is recursive (z.lazy): naming it makes it one `$defs/condition` that refers to itself.
annotations.add(conditionSchema, { id: 'condition' });

const described = <T extends z.ZodType>(schema: T, description: string): T => {
  annotations.add(schema, { description });
  return schema;
};

const handles = z.union([z.string(), z.array(z.string())]);

/**
 * The roster as JSON (an array of persons). `src/load/roster.ts` reads it by hand, not through zod, so this
 * schema only mirrors what `loadRoster` accepts, for editors and other tools; keep the two in step.
 * A CSV roster has the same fields as header columns. Keys match case-insensitively and through aliases
 * (`nama`, `instansi`, `jabatan`, `ig`, `twitter`, …), which a JSON Schema cannot express: the canonical names are listed.
 */
export const rosterDocumentSchema = z.array(
  z.looseObject({
    nip: described(
      z.string().regex(/^'?[\s.-]*(?:\d[\s.-]*){18}$/),
      'NIP or NI PPPK, 18 digits (spaces, dots and dashes allowed); a string, since a JSON number cannot hold 18 digits',
    ),
    name: z.string().min(1),
    agency: z.string().optional(),
    position: z.string().optional(),
    facebook: handles.optional(),
    instagram: handles.optional(),
    x: handles.optional(),
    tiktok: handles.optional(),
    youtube: handles.optional(),
    threads: handles.optional(),
    whatsapp: handles.optional(),
    accounts: described(
      z.union([z.string(), z.array(z.union([z.string(), z.strictObject({ platform: z.string(), handle: z.string() })]))]),
      '"platform:handle" pairs separated by ";", profile URLs, or {platform, handle} objects',
    ).optional(),
  }),
);

interface SchemaSource {
  title: string;
  description: string;
  schema: z.ZodType;
  /** Files the tool reads are described as written (defaults optional); the report as the tool writes it. */
  io: 'input' | 'output';
}

const SOURCES: Record<SchemaKind, SchemaSource> = {
  report: { title: 'asn-audit report', description: 'The JSON report of `asn-audit scan --format json`, schema asn-audit/report@1.', schema: reportSchema, io: 'output' },
  rules: { title: 'asn-audit rule file', description: 'A rule file of a rule pack (YAML or JSON): named vocabularies and rules.', schema: ruleFileSchema, io: 'input' },
  election: { title: 'asn-audit election file', description: 'The election file (YAML or JSON): timeline, candidates, campaign accounts and parties.', schema: electionSchema, io: 'input' },
  roster: { title: 'asn-audit roster (JSON)', description: 'The roster of ASN as a JSON array; a CSV roster has the same fields as columns.', schema: rosterDocumentSchema, io: 'input' },
};

/** The JSON Schema (draft 2020-12) of one kind of file, as plain data. */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const source = SOURCES[kind];
  const { $schema, ...rest } = z.toJSONSchema(source.schema, { io: source.io, metadata: annotations, cycles: 'ref', reused: 'inline', unrepresentable: 'throw' });
  return { $schema, title: source.title, description: source.description, ...rest };
}

/** The schema as the `schema` command prints it and `schemas/<kind>.schema.json` stores it. */
export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
