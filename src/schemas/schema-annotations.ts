// Names and descriptions for the generated JSON Schemas, kept in a registry of our own instead of zod's global one (which `.describe()` fills).
import { z } from 'zod';

export const schemaAnnotations = z.registry<{ id?: string; description?: string }>();

/** Attaches a description that the generated JSON Schema carries. */
export function describe<T extends z.ZodType>(schema: T, description: string): T {
  schemaAnnotations.add(schema, { description });
  return schema;
}
