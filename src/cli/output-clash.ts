// Refuses a run whose outputs would land on its inputs: `-o activity.csv` would replace the evidence with the report.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { AuditError, type Problem } from '../shared/errors.js';
import { oneLine } from '../shared/terminal-text.js';
import { realLocation } from './write-atomic.js';

/** A path as the user gave it, and the flag (or role) that gave it: `-o`, `--roster`, `activity`. */
export interface NamedPath {
  path: string;
  flag: string;
}

interface Located extends NamedPath {
  /** Null when nothing is there yet. */
  stats: Stats | null;
  /** Symlinks and `..` resolved, also for a name that does not exist yet. */
  real: string;
}

async function locate(named: NamedPath): Promise<Located> {
  const stats = await stat(named.path).catch(() => null);
  return { ...named, stats, real: await realLocation(named.path) };
}

/** Same file: device and inode when both exist (a hard link, a symlink, `./a` for `a`), else the same real path. */
function sameFile(a: Located, b: Located): boolean {
  if (a.stats && b.stats) return a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino;
  return a.real === b.real;
}

const shown = (named: NamedPath) => `${named.flag} ${oneLine(named.path)}`;

/**
 * Throws, naming both paths, when an output is one of the inputs or lies inside an input folder, or when two outputs
 * are the same file. Only stats and resolves paths: it runs before anything is read or written. Standard output (`-`)
 * and outputs that are devices or FIFOs (`/dev/stdout`, written in place, never renamed over) are left out.
 */
export async function refuseOutputsOntoInputs(
  outputs: readonly NamedPath[],
  inputs: readonly NamedPath[],
): Promise<void> {
  const written = (await Promise.all(outputs.filter((o) => o.path !== '-').map(locate))).filter(
    (o) => o.stats === null || o.stats.isFile(),
  );
  if (written.length === 0) return;
  const read = (await Promise.all(inputs.filter((i) => i.path !== '-').map(locate))).filter((i) => i.stats !== null);
  const problems: Problem[] = [];
  for (const [n, output] of written.entries()) {
    for (const input of read) {
      if (input.stats!.isDirectory()) {
        if (output.real.startsWith(input.real.endsWith(sep) ? input.real : input.real + sep))
          problems.push({
            field: output.flag,
            message: `${oneLine(output.path)} is inside ${input.flag === 'the input' ? 'the input folder' : `the ${input.flag} folder`} ${oneLine(input.path)}, which this run reads: write it elsewhere`,
          });
      } else if (sameFile(output, input))
        problems.push({
          field: output.flag,
          message: `${oneLine(output.path)} is the same file as ${shown(input)}: writing it would replace that input; write it elsewhere`,
        });
    }
    const other = written.slice(0, n).find((earlier) => sameFile(output, earlier));
    if (other)
      problems.push({
        field: output.flag,
        message: `${oneLine(output.path)} is the same file as ${shown(other)}: give each output a file of its own`,
      });
  }
  if (problems.length > 0) throw new AuditError(problems);
}
