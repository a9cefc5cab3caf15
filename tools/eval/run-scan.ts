// Runs the built CLI as a subprocess, exactly as a user would, and returns its NDJSON findings.
import { execFile } from 'node:child_process';
import { AuditError } from '../../src/shared/errors.js';

export interface ScanInputs {
  activity: string;
  roster: string;
  election: string;
}

/** Scans with `--format ndjson --fail-on none`, so any exit code but 0 means the run itself failed. */
export async function runScan(repoRoot: string, inputs: ScanInputs): Promise<string> {
  const args = [
    'bin/asn-audit',
    'scan',
    inputs.activity,
    '--roster',
    inputs.roster,
    '--election',
    inputs.election,
    '--format',
    'ndjson',
    '--fail-on',
    'none',
  ];
  const command = `node ${args.join(' ')}`;
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: repoRoot, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
      },
    );
  });
  if (result.code !== 0) {
    throw new AuditError(`${command} exited with ${result.code}:\n${result.stderr.trim()}`);
  }
  return result.stdout;
}
