// `--format json`: the report itself, keys in the order the schema lists them.
import { reportSchema, type Report } from '../schemas/report-schema.js';

export function formatJson(report: Report): string {
  // Parsing rebuilds every object in schema key order, so the output does not depend on how the report was assembled.
  return `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;
}
