// Loads and checks the election file (YAML or JSON) and prepares it for the rule engine: dates as instants, account lookups.
import { createHash } from 'node:crypto';
import {
  campaignAccountSchema,
  candidateSchema,
  electionSchema,
  phaseSchema,
  type ElectionFile,
} from '../schemas/election-schema.js';
import { type LineOfPath, parseFieldPath, zodProblems } from '../schemas/zod-problems.js';
import { AuditError, type Problem } from '../shared/errors.js';
import type { AccountOwner, Candidate, Election, Platform } from '../shared/types.js';
import { normalizeHandle, platformName, readHandle } from '../normalize/handle.js';
import { isValidTimeZone, parseDateBoundary } from '../normalize/timestamp.js';
import { readStructuredFile } from './structured-file.js';

export async function loadElection(path: string): Promise<Election> {
  const { data, bytes, lineOf } = await readStructuredFile(path, 'election file');
  const parsed = electionSchema.safeParse(data, { reportInput: true });
  try {
    if (!parsed.success) {
      const schema = zodProblems(parsed.error, path, [], lineOf);
      const reported = schema.map((p) => p.field ?? '');
      // A fact check on a field the schema already faulted would only repeat it.
      const facts = factProblemsOfValidParts(data, path).filter(
        (p) => !reported.some((f) => p.field === f || p.field?.startsWith(`${f}.`) || p.field?.startsWith(`${f}[`)),
      );
      throw new AuditError([...schema, ...facts]);
    }
    return prepareElection(parsed.data, path, createHash('sha256').update(bytes).digest('hex'));
  } catch (error) {
    if (error instanceof AuditError) throw new AuditError(withLines(error.problems, lineOf), error.hint);
    throw error;
  }
}

/** Each problem at the line of its field, when the file gives one and the problem has none yet. */
function withLines(problems: Problem[], lineOf: LineOfPath): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined || !p.field) return p;
    const line = lineOf(parseFieldPath(p.field));
    return line === undefined ? p : { ...p, line };
  });
}

/** Semantic checks zod cannot express (dates in order, unique ids and numbers, known references), all collected. */
export function prepareElection(file: ElectionFile, path: string, sha256: string): Election {
  const problems: Problem[] = [];
  const at = (field: string, message: string) => problems.push({ file: path, field, message });
  const tz = file.timezone;
  if (!isValidTimeZone(tz))
    at(
      'timezone',
      `unknown time zone "${tz}" (expected an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura)`,
    );
  const zone = isValidTimeZone(tz) ? tz : 'Asia/Jakarta';
  const date = (value: string, field: string, endOfDay = false): number => {
    const ms = parseDateBoundary(value, zone, endOfDay);
    if (ms === null) {
      at(field, `"${value}" is not a valid date`);
      return 0;
    }
    return ms;
  };

  const phases = file.phases.map((p, i) => {
    const phase = {
      id: p.id,
      name: p.name ?? p.id,
      from: date(p.from, `phases[${i}].from`),
      to: date(p.to, `phases[${i}].to`, true),
    };
    if (phase.to < phase.from) at(`phases[${i}].to`, `phase "${p.id}" ends (${p.to}) before it starts (${p.from})`);
    return phase;
  });
  duplicates(file.phases.map((p) => p.id)).forEach(([id, i]) => {
    at(`phases[${i}].id`, `phase id "${id}" is used twice`);
  });
  duplicates(file.candidates.map((c) => c.id)).forEach(([id, i]) => {
    at(`candidates[${i}].id`, `candidate id "${id}" is used twice`);
  });
  const firstWithNumber = new Map<number, number>();
  file.candidates.forEach((c, i) => {
    if (c.number === undefined) return;
    const first = firstWithNumber.get(c.number);
    if (first === undefined) firstWithNumber.set(c.number, i);
    else
      at(
        `candidates[${i}].number`,
        `ballot number ${c.number} is given to two candidates ("${file.candidates[first]!.id}" and "${c.id}")`,
      );
  });

  const accounts = new Map<string, AccountOwner>();
  const addAccount = (platformRaw: string, handleRaw: string, owner: AccountOwner, field: string) => {
    const platform: Platform | null = platformName(platformRaw);
    if (!platform) {
      at(field, `unknown platform "${platformRaw}"`);
      return;
    }
    const read = readHandle(platform, handleRaw);
    if (!read.ok) {
      at(field, read.reason);
      return;
    }
    const handle = read.handle;
    if (!handle) {
      at(field, 'empty handle');
      return;
    }
    const key = `${platform}:${handle}`;
    const previous = accounts.get(key);
    if (previous && previous.candidate !== owner.candidate)
      at(field, `account ${key} is also listed for candidate "${previous.candidate}"`);
    if (!previous || owner.kind === 'candidate_account') accounts.set(key, owner);
  };

  const candidates: Candidate[] = file.candidates.map((c, i) => {
    const own: string[] = [];
    for (const [platform, handles] of Object.entries(c.accounts)) {
      for (const h of handles ?? []) {
        addAccount(
          platform,
          h,
          { candidate: c.id, kind: 'candidate_account' },
          `candidates[${i}].accounts.${platform}`,
        );
        const p = platformName(platform);
        if (p) own.push(`${p}:${normalizeHandle(h)}`);
      }
    }
    const since = date(c.since, `candidates[${i}].since`);
    const designated = c.designated === undefined ? null : date(c.designated, `candidates[${i}].designated`);
    if (designated !== null && designated < since)
      at(
        `candidates[${i}].designated`,
        `designated (${c.designated}) is before since (${c.since}): a candidate is bakal calon before KPU designates them`,
      );
    return {
      id: c.id,
      number: c.number ?? null,
      names: c.names,
      aliases: c.aliases,
      hashtags: c.hashtags.flatMap((h) => (typeof h === 'string' ? [h] : h.stance === 'support' ? [h.tag] : [])),
      hashtagsAgainst: c.hashtags.flatMap((h) => (typeof h !== 'string' && h.stance === 'against' ? [h.tag] : [])),
      nicknames: c.nicknames,
      slogans: c.slogans,
      parties: c.parties,
      accounts: own,
      since,
      designated,
      sinceText: c.since,
      designatedText: c.designated ?? null,
    };
  });
  const ids = new Set(file.candidates.map((c) => c.id));
  file.campaign_accounts.forEach((a, i) => {
    if (!ids.has(a.candidate)) {
      at(
        `campaign_accounts[${i}].candidate`,
        `unknown candidate "${a.candidate}" (candidates: ${[...ids].join(', ')})`,
      );
      return;
    }
    addAccount(
      a.platform,
      a.handle,
      { candidate: a.candidate, kind: a.kind === 'group' ? 'campaign_group' : 'campaign_account' },
      `campaign_accounts[${i}]`,
    );
  });
  if (problems.length > 0) throw new AuditError(problems);
  return {
    file: path,
    sha256,
    name: file.name,
    timeZone: zone,
    phases,
    candidates,
    parties: file.parties.map((p) => ({ name: p.name, number: p.number ?? null, aliases: p.aliases })),
    context: file.context,
    accounts,
  };
}

/**
 * When the file has schema faults, the dates and numbers of its well-formed phases and candidates are still
 * checked, so one run names every problem. Field paths keep the file's own indexes.
 */
function factProblemsOfValidParts(data: unknown, path: string): Problem[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const raw = data as Record<string, unknown>;
  const kept = <T>(value: unknown, schema: Salvageable, stand: Record<string, (i: number) => unknown>) => {
    const items: T[] = [];
    const indexes: number[] = [];
    (Array.isArray(value) ? value : []).forEach((item, i) => {
      const read = salvage(item, schema, stand, i);
      if (read !== null) {
        items.push(read as T);
        indexes.push(i);
      }
    });
    return { items, indexes };
  };
  // Stand-ins for faulted required fields: ids no one can write, and dates that pass every order check.
  const id = (i: number) => `${STAND_IN}${i}`;
  const phases = kept<ElectionFile['phases'][number]>(raw.phases, phaseSchema, {
    id,
    from: () => '0001-01-01',
    to: () => '9999-12-31',
  });
  const candidates = kept<ElectionFile['candidates'][number]>(raw.candidates, candidateSchema, {
    id,
    names: () => ['-'],
    since: () => '0001-01-01',
  });
  const campaign = kept<ElectionFile['campaign_accounts'][number]>(raw.campaign_accounts, campaignAccountSchema, {});
  if (candidates.items.length === 0 && phases.items.length === 0) return [];
  const file: ElectionFile = {
    name: 'x',
    timezone: typeof raw.timezone === 'string' ? raw.timezone : 'Asia/Jakarta',
    phases: phases.items,
    candidates: candidates.items,
    // With a faulted candidate list, a campaign account's candidate may be one that was dropped.
    campaign_accounts:
      candidates.indexes.length === (Array.isArray(raw.candidates) ? raw.candidates.length : 0) ? campaign.items : [],
    context: [],
    parties: [],
  };
  try {
    prepareElection(file, path, '');
    return [];
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    const remap = (field: string | undefined) =>
      field
        ?.replace(/^phases\[(\d+)\]/, (_m, k: string) => `phases[${phases.indexes[Number(k)]}]`)
        .replace(/^candidates\[(\d+)\]/, (_m, k: string) => `candidates[${candidates.indexes[Number(k)]}]`)
        .replace(/^campaign_accounts\[(\d+)\]/, (_m, k: string) => `campaign_accounts[${campaign.indexes[Number(k)]}]`);
    // The time zone was already reported by the schema check if it is not a string.
    return error.problems
      .filter((p) => p.field !== 'timezone' || typeof raw.timezone === 'string')
      .map((p) => ({
        ...p,
        field: remap(p.field),
        message: p.message.replace(new RegExp(`"${STAND_IN}\\d+"`, 'g'), '(no valid id)'),
      }));
  }
}

const STAND_IN = '0-no-valid-id-';

type Salvageable = {
  safeParse: (v: unknown) => {
    success: boolean;
    data?: unknown;
    error?: { issues: { path: PropertyKey[]; code: string; keys?: string[] }[] };
  };
};

/**
 * The valid part of one list item: the item without its faulted fields (a faulted account list only loses that
 * platform), with stand-ins for required ones, so the cross-field checks still see its id, number and accounts.
 */
function salvage(
  item: unknown,
  schema: Salvageable,
  stand: Record<string, (i: number) => unknown>,
  index: number,
): unknown {
  const first = schema.safeParse(item);
  if (first.success) return first.data;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const issue of first.error?.issues ?? []) {
    const [key, sub] = issue.path;
    if (issue.path.length === 0 && issue.code === 'unrecognized_keys') for (const k of issue.keys ?? []) delete copy[k];
    else if (key === 'accounts' && typeof sub === 'string' && copy.accounts && typeof copy.accounts === 'object') {
      const accounts = { ...(copy.accounts as Record<string, unknown>) };
      delete accounts[sub];
      copy.accounts = accounts;
    } else if (typeof key === 'string') delete copy[key];
  }
  for (const [key, value] of Object.entries(stand)) if (!(key in copy)) copy[key] = value(index);
  const second = schema.safeParse(copy);
  return second.success ? second.data : null;
}

function duplicates(values: string[]): [string, number][] {
  const seen = new Set<string>();
  const out: [string, number][] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push([v, i]);
    seen.add(v);
  });
  return out;
}
