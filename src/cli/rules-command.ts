// `asn-audit rules list` and `rules test`: inspect the rule pack and run every rule's own examples.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadElection } from '../load/election.js';
import { compileRules } from '../rules/compile.js';
import { exampleText, runExamples } from '../rules/examples.js';
import { loadRulePack } from '../rules/rule-pack.js';
import { PACKAGE_ROOT } from '../shared/version.js';
import { uiLabels } from '../shared/labels/index.js';
import type { Lang } from '../shared/types.js';
import { EXIT, type CommandContext } from './command-context.js';
import { textStdout } from './io.js';
import { langOption } from './lang-option.js';
import { BUNDLED_RULES } from '../shared/version.js';

/** The demo election, shipped in the package (package.json `files`) so that `rules list` / `rules test` work installed. */
export const EXAMPLES_ELECTION = resolve(PACKAGE_ROOT, 'fixtures/demo/election.yaml');
const ELECTION_HELP = 'election the rules are bound to and the examples refer to (default: the bundled demo)';

export function registerRules(program: Command, ctx: CommandContext): void {
  const rules = program.command('rules').description('inspect and test rule packs');
  // Rule titles and examples are text of the rule files: escaped on the terminal.
  const print = textStdout(ctx.io);
  rules
    .command('list')
    .description('list the rules of a pack')
    .argument('[paths...]', 'rule files or folders (default: the bundled pack)')
    .option('--election <file>', ELECTION_HELP)
    .addOption(langOption())
    .action(async (paths: string[], flags: { election?: string; lang: Lang }) => {
      const pack = await loadRulePack(paths.length > 0 ? paths : [BUNDLED_RULES]);
      // Binding to an election checks every reference and term list, as a scan would (any election will do).
      compileRules(pack, await loadElection(flags.election ?? EXAMPLES_ELECTION));
      for (const { rule } of pack.rules) {
        const skb = [rule.legal.kode_etik?.skb, rule.legal.disiplin?.skb].filter(Boolean).join('/');
        print(
          `${rule.id.padEnd(44)} ${rule.category.padEnd(19)} ${rule.severity.padEnd(7)} ${rule.basis.padEnd(10)} ${skb.padEnd(9)} ${rule.title[flags.lang]}\n`,
        );
      }
      print(`${uiLabels(flags.lang).rulesList.total(pack.rules.length, pack.files.length)}\n`);
    });
  rules
    .command('test')
    .description("run every rule's match / no_match examples")
    .argument('[paths...]', 'rule files or folders (default: the bundled pack)')
    .option('--election <file>', ELECTION_HELP)
    .addOption(langOption())
    .action(async (paths: string[], flags: { election?: string; lang: Lang }) => {
      const words = uiLabels(flags.lang).rulesTest;
      const pack = await loadRulePack(paths.length > 0 ? paths : [BUNDLED_RULES]);
      const election = await loadElection(flags.election ?? EXAMPLES_ELECTION);
      const outcome = runExamples(pack, election);
      for (const f of outcome.failures) {
        print(
          `FAIL ${f.rule} (${f.file}) ${f.kind}[${f.index}]: ${words.problem(f.problem)}\n     ${JSON.stringify(exampleText(f.example))}\n`,
        );
      }
      const passed = outcome.examples - outcome.failures.length;
      print(`${words.summary(outcome.rules, outcome.examples, passed, outcome.failures.length)}\n`);
      ctx.setExit(outcome.failures.length > 0 ? EXIT.findings : EXIT.clean);
    });
}
