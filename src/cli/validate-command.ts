// `asn-audit validate`: checks input files without scanning, and says what is wrong with each.
import { oneLine } from '../shared/terminal-text.js';
import { describeUnknownColumns } from '../load/unknown-columns.js';
import type { Command } from 'commander';
import { Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadElection } from '../load/election.js';
import { intakeActivity, latestActTime, type LatestActTime } from '../load/intake.js';
import type { OwnerHints } from '../load/platform-downloads.js';
import { loadRoster } from '../load/roster.js';
import { checkRosterAgainstElection } from '../load/roster-election.js';
import { loadRulePack } from '../rules/rule-pack.js';
import { AuditError, formatProblem, type Problem } from '../shared/errors.js';
import { rejectionText, uiLabels, type UiLabels } from '../shared/labels/index.js';
import type { Lang } from '../shared/types.js';
import { EXIT, type CommandContext } from './command-context.js';
import { textStdout } from './io.js';
import { langOption } from './lang-option.js';
import { SCAN_OPTIONS } from './scan-options.js';

type Kind = 'roster' | 'election' | 'activity' | 'rules';

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('check roster, election, activity or rule files without scanning')
    .argument('<file...>', 'files to check')
    .addOption(
      new Option('--kind <kind>', 'what the files are (default: guessed from name and content)').choices([
        'roster',
        'election',
        'activity',
        'rules',
      ]),
    )
    .option('--timezone <zone>', "time zone for activity timestamps without offset (default: the election file's)")
    .option('--roster <file>', 'roster, as for scan: NIP folders and --nip are checked against it')
    .option('--election <file>', 'election file, as for scan: its time zone reads timestamps without offset')
    .option('--nip <nip>', 'the person the platform data downloads belong to, as for scan')
    .option(SCAN_OPTIONS.sheet.flags, `${SCAN_OPTIONS.sheet.help}, as for scan`)
    .option('--strict', 'fail also when a file in a folder or download is skipped')
    .option('--fail-on-skipped', 'fail when a file in a folder or download is skipped, as scan does')
    .addOption(langOption())
    .action(async (files: string[], flags: ValidateFlags) => {
      let failed = false;
      // File names, values and reasons quote the files: escaped on the terminal.
      const print = textStdout(ctx.io);
      const setting = await activitySetting(flags);
      const w = uiLabels(flags.lang).validate;
      for (const file of files) {
        const kind = flags.kind ?? (await guessKind(file));
        const what = `${file} (${w.kind[kind]})`;
        try {
          const summary = await validateOne(file, kind, setting, w);
          print(`${w.ok.padEnd(5)} ${what}: ${summary}\n`);
        } catch (error) {
          if (!(error instanceof AuditError)) throw error;
          failed = true;
          print(`${w.fail.padEnd(5)} ${what}:\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
        }
      }
      ctx.setExit(failed ? EXIT.error : EXIT.clean);
    });
}

interface ValidateFlags {
  kind?: Kind;
  timezone?: string;
  roster?: string;
  election?: string;
  nip?: string;
  sheet?: string;
  strict?: boolean;
  failOnSkipped?: boolean;
  lang: Lang;
}

/** How activity is read: the same owner hints and time zone that `scan` would use with these flags. */
interface ActivitySetting {
  hints: OwnerHints;
  timeZone: string;
  latest?: LatestActTime;
  failOnSkipped: boolean;
  lang: Lang;
}

async function activitySetting(flags: ValidateFlags): Promise<ActivitySetting> {
  const election = flags.election ? await loadElection(flags.election) : null;
  const latest = election ? latestActTime(election) : undefined;
  const roster = flags.roster ? await loadRoster(flags.roster) : null;
  if (roster && election) checkRosterAgainstElection(roster, election);
  const nip = flags.nip?.replace(/\D/g, '');
  if (nip !== undefined && roster && !roster.byNip.has(nip))
    throw new AuditError({ field: '--nip', message: `NIP ${flags.nip} is not in the roster ${roster.file}` });
  // Without a roster, a folder named by any well-formed NIP is taken as its owner's, as scan does with a roster holding it.
  const rosterNips = roster ? new Set(roster.byNip.keys()) : { has: (n: string) => /^\d{18}$/.test(n) };
  return {
    hints: {
      ...(nip ? { nip } : {}),
      rosterNips,
      ...(roster ? { roster } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    },
    timeZone: flags.timezone ?? election?.timeZone ?? 'Asia/Jakarta',
    ...(latest ? { latest } : {}),
    failOnSkipped: Boolean(flags.strict || flags.failOnSkipped),
    lang: flags.lang,
  };
}

/** Problems listed per activity file; the rest are counted by reason. */
const LISTED_PROBLEMS = 1000;

/** What a file is, from its content where that tells (top-level keys of YAML/JSON, CSV header), else from its name. */
async function guessKind(file: string): Promise<Kind> {
  const name = file.toLowerCase();
  const ext = extname(name);
  const head = await readFile(file, 'utf8')
    .then((t) => t.slice(0, 65536))
    .catch(() => '');
  if (ext === '.yaml' || ext === '.yml' || (ext === '.json' && head.trimStart().startsWith('{'))) {
    if (/^\s*"?(candidates|phases|timezone|campaign_accounts)"?\s*:/m.test(head)) return 'election';
    if (/^\s*"?(rules|vocabulary)"?\s*:/m.test(head)) return 'rules';
  }
  const header = (head.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (
    /(^|[,;\t])"?nip"?([,;\t]|$)/.test(header) &&
    /(^|[,;\t])"?(name|nama)"?([,;\t]|$)/.test(header) &&
    !/(^|[,;\t])"?type"?([,;\t]|$)/.test(header)
  )
    return 'roster';
  if (name.includes('roster')) return 'roster';
  if (name.includes('election') || name.includes('pemilu') || name.includes('pilkada')) return 'election';
  if (name.includes('rule') || ext === '.yaml' || ext === '.yml') return 'rules';
  return 'activity';
}

async function validateOne(
  file: string,
  kind: Kind,
  setting: ActivitySetting,
  w: UiLabels['validate'],
): Promise<string> {
  if (kind === 'roster') {
    const roster = await loadRoster(file);
    return w.roster(roster.persons.length, roster.persons.filter((p) => p.accounts.length === 0).length);
  }
  if (kind === 'election') {
    const election = await loadElection(file);
    return w.election(election.candidates.length, election.phases.length, election.accounts.size);
  }
  if (kind === 'rules') {
    const pack = await loadRulePack([file]);
    return w.rules(pack.rules.length);
  }
  // The loader scan uses, so that validate accepts exactly what scan accepts.
  const load = intakeActivity([file], {
    hints: setting.hints,
    timeZone: setting.timeZone,
    ...(setting.latest ? { latest: setting.latest } : {}),
    stdin: (async function* () {})(),
  });
  let rows = 0;
  let rejected = 0;
  const problems: Problem[] = [];
  for await (const item of load.items) {
    rows++;
    if (item.kind !== 'rejected') continue;
    rejected++;
    const r = item.rejection;
    if (problems.length < LISTED_PROBLEMS)
      problems.push({ file: r.file, line: r.line, message: rejectionText(setting.lang, r) });
  }
  if (rejected > problems.length)
    problems.push({ message: w.moreRejected(rejected - problems.length, rejected, rows) });
  const skipped = load.skipped.map((s) => `\n  ${w.skipped} ${s.path}: ${s.reason}`).join('');
  if (setting.failOnSkipped)
    for (const s of load.skipped) problems.push({ file: s.path, message: w.notReadProblem(s.reason) });
  if (problems.length > 0) throw new AuditError(problems);
  // Valid rows of a misnamed column (akun_target) still lose its value: "all valid" alone would hide that.
  const unread = load.unknownColumns
    .list()
    .map(
      ({ file: at, columns }) => `\n  ${oneLine(at)}: ${w.columnsNotRead}: ${oneLine(describeUnknownColumns(columns))}`,
    )
    .join('');
  return `${w.activity(rows)}${load.skipped.length > 0 ? `; ${w.notRead(load.skipped.length)}${skipped}` : ''}${unread}`;
}
