// `--format json`: the report itself, keys in the order the schema lists them, written person by person.
import { personSchema, reportSchema, type Report } from '../schemas/report-schema.js';

const TOP_KEYS = Object.keys(reportSchema.shape) as (keyof typeof reportSchema.shape)[];

/**
 * The JSON report in pieces, byte for byte what `JSON.stringify(reportSchema.parse(report), null, 2)` gives: each
 * top-level value and each person is parsed (schema key order, defaults filled) and stringified on its own, so no
 * copy of the whole report and no string of its whole size is ever held.
 */
export function* jsonChunks(report: Report): Generator<string> {
  // The schema is strict: an unknown top-level key fails here exactly as parsing the whole report fails.
  if (Object.keys(report).some((key) => !(key in reportSchema.shape))) reportSchema.parse(report);
  yield '{\n';
  for (const [index, key] of TOP_KEYS.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (key === 'persons') yield* personsChunks(report.persons);
    else yield nested(JSON.stringify(reportSchema.shape[key].parse(report[key]), null, 2), 1);
    yield index < TOP_KEYS.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

function* personsChunks(persons: Report['persons']): Generator<string> {
  if (persons.length === 0) return yield '[]';
  yield '[\n';
  for (const [index, person] of persons.entries()) {
    yield `    ${nested(JSON.stringify(personSchema.parse(person), null, 2), 2)}`;
    yield index < persons.length - 1 ? ',\n' : '\n';
  }
  yield '  ]';
}

/**
 * A value stringified on its own, indented as it would be `depth` levels down: JSON.stringify escapes every newline
 * inside strings, so each raw newline is a line break between tokens.
 */
function nested(json: string | undefined, depth: number): string {
  if (json === undefined) throw new Error('a report value that JSON cannot represent');
  return json.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}
