// `--format ndjson`: one finding a line, each with its person's nip, name and agency; nothing else.
import { findingSchema, type Report } from '../schemas/report-schema.js';

export function formatNdjson(report: Report): string {
  const lines: string[] = [];
  for (const person of report.persons) {
    for (const finding of person.findings) {
      lines.push(
        JSON.stringify({ nip: person.nip, name: person.name, agency: person.agency, ...findingSchema.parse(finding) }),
      );
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
