// The one way activity enters the tool, for `scan` and `validate` alike: every input is opened, every record is
// read and normalised, and each ends as an activity, a rejection (bad data, with the reason) or a skipped input.
import { normalizeActivity } from '../normalize/activity.js';
import { formatLocalDateTime, localDay } from '../shared/local-time.js';
import type { Activity, Election, Rejection, RejectionReason } from '../shared/types.js';
import {
  loadActivity,
  type InputFile,
  type NotActivity,
  type OwnerHints,
  type SkippedInput,
} from './activity-sources.js';
import { UnknownColumns } from './unknown-columns.js';
import type { ReadMeter } from './read-meter.js';

export type IntakeItem = { kind: 'activity'; activity: Activity } | { kind: 'rejected'; rejection: Rejection };

export interface ActivityIntake {
  inputs: InputFile[];
  skipped: SkippedInput[];
  /** Files of a folder or download that hold no activity (media, settings): counted, never read as rows. */
  notActivity: NotActivity[];
  /** Columns of the rows read so far that no stage reads (a misnamed `akun_target` among them), per file. */
  unknownColumns: UnknownColumns;
  items: AsyncGenerator<IntakeItem>;
}

export interface IntakeOptions {
  hints: OwnerHints;
  /** The election's time zone: timestamps without an offset are read in it. */
  timeZone: string;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Counts the bytes read, for a progress line. */
  meter?: ReadMeter;
  /** The latest believable time of an act (see `latestActTime`); absent when no election file says it. */
  latest?: LatestActTime;
}

/** A year after the end of the election's last phase: an act dated later is a typing or clock error, not evidence. */
export interface LatestActTime {
  ms: number;
  lastPhase: string;
  /** The last phase's end, `YYYY-MM-DD` in the election's zone. */
  lastPhaseEnd: string;
}

/** The latest believable time of an act for `election`, or undefined when it has no phases. */
export function latestActTime(election: Pick<Election, 'phases' | 'timeZone'>): LatestActTime | undefined {
  const last = election.phases.reduce<Election['phases'][number] | undefined>(
    (latest, phase) => (latest === undefined || phase.to > latest.to ? phase : latest),
    undefined,
  );
  if (last === undefined) return undefined;
  // A calendar year, as a person counts it (29 February moves to 1 March).
  const limit = new Date(last.to);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  const end = localDay(new Date(last.to).toISOString(), election.timeZone) ?? '';
  return { ms: limit.getTime(), lastPhase: last.id, lastPhaseEnd: end };
}

/** Activity rows, rejections and skipped inputs of the given paths: what `scan` evaluates and `validate` checks. */
export function intakeActivity(paths: string[], options: IntakeOptions): ActivityIntake {
  const load = loadActivity(paths, options.hints, options.stdin, options.meter);
  const unknownColumns = new UnknownColumns();
  async function* items(): AsyncGenerator<IntakeItem> {
    for await (const item of load.items) {
      if (item.kind === 'rejected') {
        yield item;
        continue;
      }
      unknownColumns.note(item.row.source.file, item.row.fields);
      const normalized = normalizeActivity(item.row, options.timeZone);
      const disagreement = normalized.ok
        ? (afterElection(normalized.activity, options) ?? ownersDisagree(normalized.activity, options.hints.roster))
        : null;
      if (disagreement)
        yield {
          kind: 'rejected',
          rejection: { file: item.row.source.file, line: item.row.source.line, reason: disagreement },
        };
      else if (normalized.ok) yield { kind: 'activity', activity: normalized.activity };
      else
        yield {
          kind: 'rejected',
          rejection: { file: item.row.source.file, line: item.row.source.line, reason: normalized.reason },
        };
    }
  }
  return {
    inputs: load.inputs,
    skipped: load.skipped,
    notActivity: load.notActivity,
    unknownColumns,
    items: items(),
  };
}

/** Why an act dated more than a year after the election's last phase cannot be evaluated, or null. */
function afterElection(activity: Activity, options: IntakeOptions): RejectionReason | null {
  const latest = options.latest;
  if (latest === undefined || activity.timestamp === null || Date.parse(activity.timestamp) <= latest.ms) return null;
  return {
    code: 'timestamp_after_election',
    timestamp: formatLocalDateTime(activity.timestamp, options.timeZone),
    lastPhase: latest.lastPhase,
    lastPhaseEnd: latest.lastPhaseEnd,
  };
}

/**
 * Why a row that names both a NIP and an account cannot be given to anyone: the roster gives the account to another
 * person than the NIP. Giving it to either could accuse the wrong one, so it is rejected with both named.
 */
function ownersDisagree(activity: Activity, roster: OwnerHints['roster']): RejectionReason | null {
  if (!roster || !activity.nip || !activity.account) return null;
  const accountNip = roster.byAccount.get(`${activity.platform}:${activity.account}`);
  if (accountNip === undefined || accountNip === activity.nip) return null;
  const nameOf = (nip: string) => roster.byNip.get(nip)?.name ?? null;
  return {
    code: 'owners_disagree',
    account: `${activity.platform}:@${activity.account}`,
    accountNip,
    accountName: nameOf(accountNip),
    rowNip: activity.nip,
    rowName: nameOf(activity.nip),
  };
}
