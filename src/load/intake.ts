// The one way activity enters the tool, for `scan` and `validate` alike: every input is opened, every record is
// read and normalised, and each ends as an activity, a rejection (bad data, with the reason) or a skipped input.
import { normalizeActivity } from '../normalize/activity.js';
import type { Activity, Rejection, RejectionReason } from '../shared/types.js';
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
      const disagreement = normalized.ok ? ownersDisagree(normalized.activity, options.hints.roster) : null;
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
