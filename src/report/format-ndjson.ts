// `--format ndjson`: one finding a line, each with its person's nip, name and agency; nothing else.
import { ndjsonLineSchema, type Report } from '../schemas/report-schema.js';

/** The NDJSON report line by line, each finding validated as it is written. */
export function* ndjsonLines(report: Report): Generator<string> {
  for (const person of report.persons) {
    for (const finding of person.findings) {
      const line = ndjsonLineSchema.parse({ nip: person.nip, name: person.name, agency: person.agency, ...finding });
      yield `${JSON.stringify(line)}\n`;
    }
  }
}

export function formatNdjson(report: Report): string {
  return [...ndjsonLines(report)].join('');
}
