// `asn-audit init [dir]`: writes a starter config and example election, roster and activity files, never over existing ones.
import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { INIT_TEMPLATES } from './init-templates/index.js';
import type { SchemaKind } from './json-schemas.js';
import { AuditError } from '../shared/errors.js';
import { PACKAGE_ROOT } from '../shared/version.js';
import type { CommandContext } from './command-context.js';
import { textStdout } from './io.js';

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('write a starter config (asn-audit.config.yaml) and example election, roster and activity files')
    .argument('[dir]', 'folder to write them in', '.')
    .option('--force', 'overwrite files that already exist')
    .action(async (dir: string, flags: { force?: boolean }) => {
      // The folder is the user's argument, printed back in every line: escaped on the terminal.
      const print = textStdout(ctx.io);
      const folder = resolve(ctx.io.cwd, dir);
      await mkdir(folder, { recursive: true }).catch((error: unknown) => {
        throw new AuditError({ file: dir, message: `cannot create the folder: ${(error as Error).message}` });
      });
      const skipped: string[] = [];
      for (const { name, content, schema } of INIT_TEMPLATES) {
        const shown = join(dir, name);
        const text = schema ? `${schemaModeline(schema, folder)}\n${content}` : content;
        if (await writeTemplate(join(folder, name), text, { force: Boolean(flags.force), shown }))
          print(`wrote   ${shown}\n`);
        else skipped.push(shown);
      }
      for (const shown of skipped) print(`skipped ${shown}: it already exists (--force overwrites it)\n`);
      const cd = dir === '.' ? '' : `cd ${/^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir)} && `;
      print(
        `\nnext: replace the examples with your election, roster and activity, then run\n  ${cd}asn-audit scan activity.csv\n`,
      );
    });
}

/**
 * The `# yaml-language-server: $schema=…` line for a file written into `folder`, naming the schema bundled with this
 * install. Relative (to the file, as the language server reads it) when asn-audit is a dependency of the project
 * `folder` is in, so the line moves with the project; absolute for a global install, npx or a clone.
 */
export function schemaModeline(kind: SchemaKind, folder: string, packageRoot: string = PACKAGE_ROOT): string {
  const schemaFile = join(packageRoot, 'schemas', `${kind}.schema.json`);
  const reference = isProjectDependency(packageRoot, folder) ? relative(folder, schemaFile) : schemaFile;
  return `# yaml-language-server: $schema=${reference.split(sep).join('/')}`;
}

/** Whether the package is installed in a node_modules folder of `folder` or of a folder above it. */
function isProjectDependency(packageRoot: string, folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    const inside = relative(join(dir, 'node_modules'), packageRoot);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Writes the file unless it exists (checked by the create itself, so nothing is overwritten in a race); false when skipped. */
async function writeTemplate(
  path: string,
  content: string,
  options: { force: boolean; shown: string },
): Promise<boolean> {
  try {
    await writeFile(path, content, { flag: options.force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AuditError({ file: options.shown, message: `cannot write: ${(error as Error).message}` });
  }
}
