// `asn-audit validate`: checks input files without scanning, and says what is wrong with each.
import type { Command } from 'commander';
import { Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadActivity } from '../load/activity-sources.js';
import { loadElection } from '../load/election.js';
import { loadRoster } from '../load/roster.js';
import { normalizeActivity } from '../normalize/activity.js';
import { loadRulePack } from '../rules/rule-pack.js';
import { AuditError, formatProblem } from '../shared/errors.js';
import { EXIT, type CommandContext } from './command-context.js';

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
    .option('--timezone <zone>', 'time zone for activity timestamps without offset', 'Asia/Jakarta')
    .action(async (files: string[], flags: { kind?: Kind; timezone: string }) => {
      let failed = false;
      for (const file of files) {
        const kind = flags.kind ?? (await guessKind(file));
        try {
          const summary = await validateOne(file, kind, flags.timezone);
          ctx.io.stdout(`ok    ${file} (${kind}): ${summary}\n`);
        } catch (error) {
          if (!(error instanceof AuditError)) throw error;
          failed = true;
          ctx.io.stdout(`FAIL  ${file} (${kind}):\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
        }
      }
      ctx.setExit(failed ? EXIT.error : EXIT.clean);
    });
}

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

async function validateOne(file: string, kind: Kind, timeZone: string): Promise<string> {
  if (kind === 'roster') {
    const roster = await loadRoster(file);
    return `${roster.persons.length} persons, ${roster.persons.filter((p) => p.accounts.length === 0).length} without accounts`;
  }
  if (kind === 'election') {
    const election = await loadElection(file);
    return `${election.candidates.length} candidates, ${election.phases.length} phases, ${election.accounts.size} accounts`;
  }
  if (kind === 'rules') {
    const pack = await loadRulePack([file]);
    return `${pack.rules.length} rules`;
  }
  const load = loadActivity([file], { rosterNips: new Set() }, (async function* () {})());
  let rows = 0;
  const problems = [];
  for await (const item of load.items) {
    rows++;
    const reason =
      item.kind === 'rejected'
        ? item.rejection.reason
        : ((r) => (r.ok ? null : r.reason))(normalizeActivity(item.row, timeZone));
    const where = item.kind === 'rejected' ? item.rejection : item.row.source;
    if (reason) problems.push({ file: where.file, line: where.line, message: reason });
  }
  if (problems.length > 0) throw new AuditError(problems);
  return `${rows} rows, all valid`;
}
