// `asn-audit dossier REPORT.json --nip NIP -o FILE.html|FILE.pdf`: one person's acts for the panel, from a JSON report.
import { type Command, Option } from 'commander';
import { actsOf } from '../aggregate/acts.js';
import { formatDossier } from '../report/format-dossier.js';
import type { Report, ReportPerson } from '../schemas/report-schema.js';
import { AuditError } from '../shared/errors.js';
import type { Lang } from '../shared/types.js';
import { VERSION } from '../shared/version.js';
import type { CommandContext } from './command-context.js';
import { findChromium, NO_CHROMIUM_HINT, printPdf } from './pdf-print.js';
import { refuseOutputsOntoInputs } from './output-clash.js';
import { readReportFile } from './report-file.js';
import { writeFileAtomic } from './write-atomic.js';

interface DossierFlags {
  nip: string;
  output: string;
  /** Unset: the report's own language, so that the dossier's labels match the findings' words. */
  lang?: Lang;
}

export function registerDossier(program: Command, ctx: CommandContext): void {
  program
    .command('dossier')
    .description('write one person’s dossier for the panel (HTML, or PDF through Chromium) from a JSON report')
    .argument('<report>', 'a JSON report (scan --format json)')
    .requiredOption('--nip <nip>', 'the person’s NIP (spaces allowed, as printed on documents)')
    .requiredOption('-o, --output <file>', 'FILE.html, FILE.pdf (needs Chromium), or - for the HTML on standard output')
    .addOption(
      new Option(
        '--lang <lang>',
        'language of the dossier (default: the report’s, id unless scanned with --lang en)',
      ).choices(['id', 'en']),
    )
    .action(async (reportPath: string, flags: DossierFlags) => {
      const kind = outputKind(flags.output);
      // Before reading anything: a PDF without a browser cannot be made, and saying so late wastes the reader's time.
      const browser = kind === 'pdf' ? findChromium() : null;
      if (kind === 'pdf' && browser === null)
        throw new AuditError({ file: flags.output, message: 'no Chromium found to print the PDF' }, NO_CHROMIUM_HINT);
      await refuseOutputsOntoInputs([{ path: flags.output, flag: '-o' }], [{ path: reportPath, flag: 'the report' }]);
      const { report, sha256 } = await readReportFile(reportPath, 'dossier');
      const person = personByNip(report, flags.nip, reportPath);
      const lang = flags.lang ?? report.lang;
      // Titles, messages and time checks are stored in the report's language; the dossier quotes them as they are.
      if (lang !== report.lang)
        ctx.io.stderr(
          `asn-audit: note: ${reportPath} was scanned with --lang ${report.lang}: the findings' titles, messages and time checks stay in that language (scan with --lang ${lang} to have them in it)\n`,
        );
      const html = formatDossier(report, person, {
        lang,
        source: { file: reportPath, sha256 },
        toolVersion: VERSION,
      });
      if (kind === 'stdout') return void ctx.io.stdout(html);
      await writeFileAtomic(flags.output, kind === 'pdf' ? await printPdf(html, browser!, flags.output) : html);
      ctx.io.stderr(
        `asn-audit: ${flags.output}: dossier of ${person.name} (${plural(actsOf(person.findings).length, 'act')}, ${plural(person.findings.length, 'finding')})\n`,
      );
    });
}

function outputKind(output: string): 'html' | 'pdf' | 'stdout' {
  if (output === '-') return 'stdout';
  if (/\.pdf$/i.test(output)) return 'pdf';
  if (/\.html?$/i.test(output)) return 'html';
  throw new AuditError({
    field: '--output',
    message: `"${output}": expected a file ending in .html or .pdf, or - for standard output`,
  });
}

function personByNip(report: Report, nip: string, reportPath: string): ReportPerson {
  const wanted = nip.replace(/[\s.-]/g, '');
  const person = report.persons.find((p) => p.nip.replace(/[\s.-]/g, '') === wanted);
  if (!person)
    throw new AuditError({
      file: reportPath,
      field: '--nip',
      message: `no person with NIP ${nip} in the report (it lists ${report.persons.length})`,
    });
  if (person.findings.length === 0)
    throw new AuditError({
      file: reportPath,
      field: '--nip',
      message: `${person.name} (${person.nip}) has no findings in the report: there is nothing for a dossier`,
    });
  return person;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
