// The election file: timeline, candidates and campaign accounts. Validated strictly so a typo is an error.
import { z } from 'zod';
import { PLATFORMS, STANCES } from '../shared/types.js';

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date: a wrong form gets one message saying what was found (and the fix, for a day-first date); a right form
 * naming a day that does not exist (2024-02-30) gets "not a real calendar date". */
export const dateString = z
  .string()
  // abort: a wrong form is the one problem of the field, not also a wrong calendar date.
  .regex(DATE_OR_TIME, { abort: true, error: (issue) => dateFormMessage(String(issue.input)) })
  .refine((s) => !Number.isNaN(Date.parse(`${s.slice(0, 10)}T00:00:00Z`)) && isRealDate(s.slice(0, 10)), {
    error: (issue) => `not a real calendar date: "${String(issue.input)}"`,
  });

function dateFormMessage(s: string): string {
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s.trim());
  const fix =
    dayFirst && Number(dayFirst[2]) <= 12
      ? ` (day first? write ${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')})`
      : '';
  return `expected a date YYYY-MM-DD (or an ISO 8601 date-time), found ${JSON.stringify(s)}${fix}`;
}

function isRealDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YAML reads an unquoted X id as a number: past 2^53 it has already lost digits, so it is refused, never guessed. */
const handle = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' || typeof issue.input === 'bigint'
        ? `expected an account handle or a numeric X id in quotes ("${String(issue.input)}"); an unquoted number ${
            Number.isSafeInteger(issue.input) ? 'is read as a number and, past 15 digits, loses digits' : 'loses digits'
          }`
        : undefined,
  })
  .min(1, 'expected an account handle, found empty text');
const handleList = z.union([handle, z.array(handle)]).transform((v) => (Array.isArray(v) ? v : [v]));
const platformName = z.enum([...PLATFORMS, 'twitter']);
export const accountsByPlatform = z.partialRecord(platformName, handleList);

const idString = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case id of letters, digits, "-" or "_"');

export const phaseSchema = z.strictObject({
  id: idString,
  name: z.string().optional(),
  from: dateString,
  to: dateString,
});

export const candidateSchema = z.strictObject({
  id: idString,
  number: z.number().int().min(0).max(99).optional(),
  names: z.array(z.string().min(1)).min(1),
  aliases: z.array(z.string().min(1)).default([]),
  accounts: accountsByPlatform.default({}),
  /** Campaign hashtags: a plain string supports the candidate; `{tag, stance: against}` attacks them (`#2019GantiPresiden`). */
  hashtags: z
    .array(z.union([z.string().min(1), z.strictObject({ tag: z.string().min(1), stance: z.enum(STANCES) })]))
    .default([]),
  /** Nicknames and taunts of this election for the candidate or their camp, with the stance their use implies. */
  nicknames: z.array(z.strictObject({ name: z.string().min(1), stance: z.enum(STANCES) })).default([]),
  slogans: z.array(z.string().min(1)).default([]),
  /** Parties that nominated the pair: their names count as partisan attributes for this candidate. */
  parties: z.array(z.string().min(1)).default([]),
  /** From this date the person counts as bakal calon; acts before it are not violations toward them. */
  since: dateString,
  /** The date KPU designated them calon: from it the same act falls under disiplin instead of kode etik. */
  designated: dateString.optional(),
});

export const campaignAccountSchema = z.strictObject({
  candidate: idString,
  platform: platformName,
  handle,
  name: z.string().optional(),
  kind: z.enum(['account', 'page', 'group']).default('account'),
});

export const electionSchema = z.strictObject({
  name: z.string().min(1),
  timezone: z.string().default('Asia/Jakarta'),
  phases: z.array(phaseSchema).default([]),
  candidates: z.array(candidateSchema).min(1),
  campaign_accounts: z.array(campaignAccountSchema).default([]),
  /** Words that tie a bare number or a slogan to this election: its voting day, its local names (`27 november`, `pilgub dki`). */
  context: z.array(z.string().min(1)).default([]),
  /** Political parties in this election: membership words near these names raise party-membership findings. */
  parties: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        number: z.number().int().optional(),
        aliases: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

export type ElectionFile = z.infer<typeof electionSchema>;
export type CandidateFile = z.infer<typeof candidateSchema>;
