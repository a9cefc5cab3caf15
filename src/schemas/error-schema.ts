// The exit-2 error as JSON (`--error-format json`, or `--format json|ndjson`), schema `asn-audit/error@1`.
import { z } from 'zod';

export const ERROR_SCHEMA = 'asn-audit/error@1';

export const errorProblemSchema = z.strictObject({
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  /** Dotted path inside a structured file (`candidates[1].since`), or the option (`--roster`) of a usage error. */
  field: z.string().nullable(),
  message: z.string(),
});

export const errorDocumentSchema = z.strictObject({
  schema: z.literal(ERROR_SCHEMA),
  exit_code: z.literal(2),
  /** usage: the command line; input: a file or option value the run could not use; internal: a bug of the tool. */
  kind: z.enum(['usage', 'input', 'internal']),
  problems: z.array(errorProblemSchema).min(1),
  hint: z.string().nullable(),
});

export type ErrorDocument = z.infer<typeof errorDocumentSchema>;
export type ErrorProblem = z.infer<typeof errorProblemSchema>;
