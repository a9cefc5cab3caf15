// The roster as a JSON document, for editors and other tools: the loader reads rosters by hand (CSV or JSON), and this mirrors what it accepts.
import { z } from 'zod';
import { describe } from './schema-annotations.js';

const handles = z.union([z.string(), z.array(z.string())]);

/**
 * The roster as JSON (an array of persons). `src/load/roster.ts` reads it by hand, not through zod, so this
 * schema only mirrors what `loadRoster` accepts, for editors and other tools; keep the two in step.
 * A CSV roster has the same fields as header columns. Keys match case-insensitively and through aliases
 * (`nama`, `instansi`, `jabatan`, `ig`, `twitter`, …), which a JSON Schema cannot express: the canonical names are listed.
 */
export const rosterDocumentSchema = z.array(
  z.looseObject({
    nip: describe(
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
    accounts: describe(
      z.union([
        z.string(),
        z.array(z.union([z.string(), z.strictObject({ platform: z.string(), handle: z.string() })])),
      ]),
      '"platform:handle" pairs separated by ";", profile URLs, or {platform, handle} objects',
    ).optional(),
  }),
);
