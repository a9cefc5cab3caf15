// `asn-audit schema report|rules|election|roster|config|error`: prints the JSON Schema of a file the tool reads or writes.
import { Argument, type Command } from 'commander';
import { jsonSchemaText, SCHEMA_KINDS, type SchemaKind } from './json-schemas.js';
import type { CommandContext } from './command-context.js';

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of the report, rule files, the election file, the roster, the config file or an exit-2 error',
    )
    .addArgument(new Argument('<kind>', 'which file').choices(SCHEMA_KINDS))
    .action((kind: SchemaKind) => {
      ctx.io.stdout(jsonSchemaText(kind));
    });
}
