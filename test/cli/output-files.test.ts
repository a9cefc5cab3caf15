// Where -o (and --rejected) write, through the built CLI: never onto an input, through symlinks without replacing
// them, onto devices and FIFOs in place, with the mode of the file replaced or 0600, and -o - on standard output.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'asn-audit-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FIXTURE = {
  activity: resolve(ROOT, 'fixtures/demo/activity.csv'),
  roster: resolve(ROOT, 'fixtures/demo/roster.csv'),
  election: resolve(ROOT, 'fixtures/demo/election.yaml'),
};

let folders = 0;
/** A fresh folder with its own copies of the demo's inputs, which a test may see replaced. */
function workspace(): { dir: string; activity: string; roster: string; election: string; context: string[] } {
  const dir = join(root, `w${++folders}`);
  mkdirSync(dir);
  const copy = (from: string, name: string) => {
    copyFileSync(from, join(dir, name));
    return join(dir, name);
  };
  const activity = copy(FIXTURE.activity, 'activity.csv');
  const roster = copy(FIXTURE.roster, 'roster.csv');
  const election = copy(FIXTURE.election, 'election.yaml');
  return { dir, activity, roster, election, context: ['--roster', roster, '--election', election] };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('an output onto an input is refused before anything is read or written', () => {
  it('-o onto the activity file: exit 2 naming both, the input unchanged byte for byte', () => {
    const w = workspace();
    const before = readFileSync(w.activity);
    const run = runCli(['scan', w.activity, ...w.context, '-o', w.activity, '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `asn-audit: -o: ${w.activity} is the same file as the input ${w.activity}: writing it would replace that input; write it elsewhere\n`,
    );
    expect(readFileSync(w.activity).equals(before)).toBe(true);
    expect(readdirSync(w.dir).sort()).toEqual(['activity.csv', 'election.yaml', 'roster.csv']);
  });

  it('--rejected onto the roster, named another way (./ and ..): exit 2, the roster unchanged', () => {
    const w = workspace();
    const before = readFileSync(w.roster);
    const other = join(w.dir, '.', '..', `w${folders}`, 'roster.csv');
    const run = runCli(['scan', w.activity, ...w.context, '--rejected', other, '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--rejected: ${other} is the same file as --roster ${w.roster}`);
    expect(readFileSync(w.roster).equals(before)).toBe(true);
  });

  it('-o through a symlink or a hard link to the election file: compared by inode, both links kept', () => {
    const w = workspace();
    const before = readFileSync(w.election);
    symlinkSync(w.election, join(w.dir, 'soft.json'));
    linkSync(w.election, join(w.dir, 'hard.md'));
    const run = runCli([
      'scan',
      w.activity,
      ...w.context,
      '-o',
      join(w.dir, 'soft.json'),
      '-o',
      join(w.dir, 'hard.md'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`-o: ${join(w.dir, 'soft.json')} is the same file as --election ${w.election}`);
    expect(run.stderr).toContain(`-o: ${join(w.dir, 'hard.md')} is the same file as --election ${w.election}`);
    expect(lstatSync(join(w.dir, 'soft.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(w.election).equals(before)).toBe(true);
    expect(statSync(w.election).nlink).toBe(2);
  });

  it('-o inside a folder being scanned, even a new file: exit 2, nothing created there', () => {
    const w = workspace();
    const run = runCli(['scan', w.dir, ...w.context, '-o', join(w.dir, 'report.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `-o: ${join(w.dir, 'report.json')} is inside the input folder ${w.dir}, which this run reads`,
    );
    expect(readdirSync(w.dir).sort()).toEqual(['activity.csv', 'election.yaml', 'roster.csv']);
  });

  it('-o onto the config file found in the working folder: exit 2 naming it', () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'asn-audit.config.yaml'), `roster: roster.csv\nelection: election.yaml\n`);
    const before = readFileSync(join(w.dir, 'asn-audit.config.yaml'));
    const run = runCli(['scan', FIXTURE.activity, '-o', 'asn-audit.config.yaml', '--format', 'csv'], { cwd: w.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `-o: asn-audit.config.yaml is the same file as the config file ${join(w.dir, 'asn-audit.config.yaml')}`,
    );
    expect(readFileSync(join(w.dir, 'asn-audit.config.yaml')).equals(before)).toBe(true);
  });

  it('two outputs that are one file: exit 2, neither written', () => {
    const w = workspace();
    const out = join(root, `twice-${folders}`);
    mkdirSync(out);
    const run = runCli(['scan', w.activity, ...w.context, '-o', join(out, 'r.json'), '-o', join(out, '.', 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`-o: ${join(out, '.', 'r.json')} is the same file as -o ${join(out, 'r.json')}`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('merge -o onto one of its reports, dossier -o through a link onto its report: exit 2, the report unchanged', () => {
    const w = workspace();
    const report = join(w.dir, 'r.json');
    expect(runCli(['scan', w.activity, ...w.context, '-o', report, '-q']).code).toBe(1);
    const before = readFileSync(report);
    const merge = runCli(['merge', report, '-o', report]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`-o: ${report} is the same file as the report ${report}`);
    symlinkSync(report, join(w.dir, 'dossier.html'));
    const nip = (JSON.parse(before.toString()) as { persons: { nip: string; findings: unknown[] }[] }).persons.find(
      (p) => p.findings.length > 0,
    )!.nip;
    const dossier = runCli(['dossier', report, '--nip', nip, '-o', join(w.dir, 'dossier.html')]);
    expect(dossier.code).toBe(2);
    expect(dossier.stderr).toContain(`-o: ${join(w.dir, 'dossier.html')} is the same file as the report ${report}`);
    expect(readFileSync(report).equals(before)).toBe(true);
  });
});

describe('how an output is written', () => {
  it('through a symlink: the link stays a link, its target gets the report and keeps its mode 0640', () => {
    const w = workspace();
    const out = join(root, `link-${folders}`);
    mkdirSync(join(out, 'real'), { recursive: true });
    writeFileSync(join(out, 'real', 'report.json'), 'the previous report\n', { mode: 0o640 });
    symlinkSync(join('real', 'report.json'), join(out, 'report.json'));
    symlinkSync(join('real', 'new.md'), join(out, 'dangling.md'));
    const run = runCli([
      'scan',
      w.activity,
      ...w.context,
      '-o',
      join(out, 'report.json'),
      '-o',
      join(out, 'dangling.md'),
    ]);
    expect(run.code).toBe(1);
    expect(lstatSync(join(out, 'report.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(out, 'dangling.md')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'real', 'report.json'), 'utf8')).schema).toBe('asn-audit/report@1');
    expect(mode(join(out, 'real', 'report.json'))).toBe(0o640);
    // A link to a file not there yet creates the file where the link points, as a new report: 0600.
    expect(readFileSync(join(out, 'real', 'new.md'), 'utf8')).toMatch(/^# /);
    expect(mode(join(out, 'real', 'new.md'))).toBe(0o600);
    expect(readdirSync(out).sort()).toEqual(['dangling.md', 'real', 'report.json']);
    expect(readdirSync(join(out, 'real')).sort()).toEqual(['new.md', 'report.json']);
  });

  it('new reports and the --rejected file are 0600; a 0600 report replaced stays 0600', () => {
    const w = workspace();
    const out = join(root, `modes-${folders}`);
    mkdirSync(out);
    writeFileSync(join(out, 'kept.json'), 'old\n', { mode: 0o600 });
    const run = runCli(
      ['scan', w.activity, ...w.context, '-o', join(out, 'kept.json'), '-o', join(out, 'new.html')].concat([
        '--rejected',
        join(out, 'rejected.ndjson'),
      ]),
    );
    expect(run.code).toBe(1);
    for (const name of ['kept.json', 'new.html', 'rejected.ndjson']) expect(mode(join(out, name)), name).toBe(0o600);
    expect(readFileSync(join(out, 'kept.json'), 'utf8')).not.toBe('old\n');
  });

  it.skipIf(!existsSync('/dev/full'))(
    '-o /dev/full (Linux; writable by any user): exit 2 "no space left", the device kept, the other -o not written',
    () => {
      const w = workspace();
      const out = join(root, `full-${folders}`);
      mkdirSync(out);
      // A link named .json gives the device a format; the file beside it is staged and must not be renamed into place.
      symlinkSync('/dev/full', join(root, `full-${folders}.json`));
      const run = runCli([
        'scan',
        w.activity,
        ...w.context,
        '-o',
        join(out, 'r.json'),
        '-o',
        join(root, `full-${folders}.json`),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `asn-audit: ${join(root, `full-${folders}.json`)}: cannot write the report: no space left on the device\n`,
      );
      expect(lstatSync(join(root, `full-${folders}.json`)).isSymbolicLink()).toBe(true);
      const only = runCli(['scan', w.activity, ...w.context, '-o', '/dev/full', '--format', 'csv']);
      expect(only.code).toBe(2);
      expect(only.stderr).toBe('asn-audit: /dev/full: cannot write the report: no space left on the device\n');
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it.skipIf(!existsSync('/dev/stdout'))('-o /dev/stdout writes to standard output and leaves the link alone', () => {
    const w = workspace();
    const run = runCli(['scan', w.activity, ...w.context, '-o', '/dev/stdout', '--format', 'csv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\uFEFFnip,name,/);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!hasMkfifo)('-o onto a FIFO writes into it and leaves it a FIFO (skipped without mkfifo)', async () => {
    const w = workspace();
    const fifo = join(w.dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The reader runs apart from this process, which spawnSync blocks while the scan writes.
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${join(w.dir, 'read.json')}"`]);
    const done = new Promise((ok) => reader.on('exit', ok));
    const run = runCli(['scan', w.activity, ...w.context, '-o', fifo]);
    await done;
    expect(run.code).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(w.dir, 'read.json'), 'utf8')).schema).toBe('asn-audit/report@1');
  });

  it('-o - is standard output in scan, merge and dossier: the same bytes as the file', () => {
    const w = workspace();
    const out = join(root, `stdout-${folders}`);
    mkdirSync(out);
    const report = join(out, 'r.json');
    const scan = runCli(['scan', w.activity, ...w.context, '-o', '-', '--format', 'json']);
    expect(runCli(['scan', w.activity, ...w.context, '-o', report, '-q']).code).toBe(1);
    expect(scan.stdout).toBe(readFileSync(report, 'utf8'));
    expect(runCli(['merge', report, '-o', join(out, 'm.json')]).code).toBe(0);
    expect(runCli(['merge', report, '-o', '-']).stdout).toBe(readFileSync(join(out, 'm.json'), 'utf8'));
    const nip = (JSON.parse(scan.stdout) as { persons: { nip: string; findings: unknown[] }[] }).persons.find(
      (p) => p.findings.length > 0,
    )!.nip;
    expect(runCli(['dossier', report, '--nip', nip, '-o', join(out, 'd.html')]).code).toBe(0);
    expect(runCli(['dossier', report, '--nip', nip, '-o', '-']).stdout).toBe(readFileSync(join(out, 'd.html'), 'utf8'));
    expect(readdirSync(out).sort()).toEqual(['d.html', 'm.json', 'r.json']);
  });
});

describe('--format and the -o extension', () => {
  it('--format csv -o report.html: exit 2 naming both, no file', () => {
    const w = workspace();
    const out = join(root, `format-${folders}`);
    mkdirSync(out);
    const run = runCli(['scan', w.activity, ...w.context, '--format', 'csv', '-o', join(out, 'report.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `asn-audit: --format: csv contradicts -o ${join(out, 'report.html')}, whose extension is that of html\n` +
        'hint: drop --format to write html, or end the file name in .csv to write csv\n',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('an extension no format has takes --format; format: in the config file yields to the extension', () => {
    const w = workspace();
    const unknown = runCli(['scan', w.activity, ...w.context, '--format', 'json', '-o', join(w.dir, 'report.out')]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(readFileSync(join(w.dir, 'report.out'), 'utf8')).schema).toBe('asn-audit/report@1');
    writeFileSync(join(w.dir, 'asn-audit.config.yaml'), 'roster: roster.csv\nelection: election.yaml\nformat: csv\n');
    const run = runCli(['scan', FIXTURE.activity, '-o', 'report.html'], { cwd: w.dir });
    expect(run.code).toBe(1);
    expect(readFileSync(join(w.dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });
});

describe('a config file picked up is named on stderr', () => {
  it('found in the working folder: named unless -q; named with --config: not repeated', () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'asn-audit.config.yaml'), 'roster: roster.csv\nelection: election.yaml\nfail_on: none\n');
    const run = runCli(['scan', FIXTURE.activity, '-o', 'r.json'], { cwd: w.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('asn-audit: using config asn-audit.config.yaml (found in the working folder)\n');
    const quiet = runCli(['scan', FIXTURE.activity, '-q'], { cwd: w.dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const named = runCli(['--config', 'asn-audit.config.yaml', 'scan', FIXTURE.activity, '-o', 'r2.json'], {
      cwd: w.dir,
    });
    expect(named.code).toBe(0);
    expect(named.stderr).toBe('');
  });
});
