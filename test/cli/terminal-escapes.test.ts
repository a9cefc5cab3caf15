// Text from input files never reaches a terminal raw: an OSC 52 sequence (writes the clipboard) or OSC 0 (sets the
// window title) in an activity text, a roster name, a rule title or a file name prints escaped, as `\u{1B}]52;…`,
// on stderr and on the stdout of the text commands and formats. JSON output is left as JSON.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { runMain } from '../faults/in-process.js';

const ESC = '\u001b';
const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const OSC0 = '\u001b]0;pwned\u0007';
const SHOWN52 = String.raw`\u{1B}]52;c;cm0gLXJmIH4=\u{7}`;
const SHOWN0 = String.raw`\u{1B}]0;pwned\u{7}`;
const ELECTION = resolve(ROOT, 'fixtures/demo/election.yaml');
const SITI = '198507222010012012';
/** Any character a terminal acts on, but line feed and tab. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/;

let dir: string;
let roster: string;
let activity: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asn-escapes-'));
  roster = join(dir, 'roster.csv');
  writeFileSync(
    roster,
    `nip,name,agency,position,instagram\n${SITI},Siti${OSC0} Rahmawati,Dinkes\u202e,Kasi,sitirahma\n`,
  );
  activity = join(dir, 'activity.csv');
  writeFileSync(
    activity,
    'id,platform,account,timestamp,type,text\n' +
      `a1,instagram,sitirahma,2024-10-03 19:15,post,"Ayo coblos no 1 #RIDO ${OSC52}"\n` +
      `a2,friend${OSC0}ster,sitirahma,2024-10-03 19:15,post,halo\n`,
  );
});

const scanArgs = (...extra: string[]) => [
  'scan',
  activity,
  '--roster',
  roster,
  '--election',
  ELECTION,
  '--lang',
  'en',
  ...extra,
];

describe('the built CLI on a file with OSC 52 and OSC 0 sequences', () => {
  it('prints the table with the sequences escaped and no ESC byte', () => {
    const run = runCli(scanArgs());
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(SHOWN52);
    expect(run.stdout).toContain(`Siti${SHOWN0} Rahmawati`);
    expect(run.stdout).toContain(String.raw`Dinkes\u{202E}`);
    expect(run.stdout).toContain(String.raw`friend\u{1B}]0;pwned\u{7}ster`);
    expect(run.stdout).not.toContain(ESC);
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stderr).not.toContain(ESC);
  });

  it('escapes the value an error message quotes (--strict stops on the bad platform)', () => {
    const run = runCli(scanArgs('--strict', '--error-format', 'text'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`activity.csv:3`);
    expect(run.stderr).toContain(String.raw`"friend\u{1B}]0;pwned\u{7}ster"`);
    expect(run.stderr).not.toContain(ESC);
    expect(run.stdout).toBe('');
  });

  it('writes a JSON error whose message reads back to the raw value, with no ESC byte or C1 control on the line', () => {
    const run = runCli(scanArgs('--strict', '--error-format', 'json'));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW);
    const line = run.stderr.trim().split('\n').at(-1)!;
    const error = JSON.parse(line) as { problems: { message: string }[] };
    expect(error.problems[0]!.message).toContain(`friend${OSC0}ster`);
  });

  it('escapes a file name with an OSC 0 sequence', () => {
    const run = runCli(['scan', join(dir, `missing${OSC0}.csv`), '--roster', roster, '--election', ELECTION]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`missing${SHOWN0}.csv`);
    expect(run.stderr).not.toContain(ESC);
  });
});

describe('every text sink escapes, in process', () => {
  it('validate lists the rejected row with the value escaped', async () => {
    const run = await runMain(['validate', activity, '--kind', 'activity', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(String.raw`friend\u{1B}]0;pwned\u{7}ster`);
    expect(run.stdout).not.toMatch(RAW);
    const rosterRun = await runMain(['validate', roster, '--lang', 'en']);
    expect(rosterRun.stdout).not.toMatch(RAW);
  });

  it('the markdown report shows the sequences escaped', async () => {
    const run = await runMain(scanArgs('--format', 'markdown'));
    expect(run.code).toBe(1);
    // Markdown escapes the bracket first; the backslash before `u` stays as it is when rendered.
    expect(run.stdout).toContain(String.raw`\u{1B}\]52;c;cm0gLXJmIH4=\u{7}`);
    expect(run.stdout).toContain(String.raw`Siti\u{1B}\]0;pwned\u{7} Rahmawati`);
    expect(run.stdout).not.toMatch(RAW);
  });

  it('the JSON report keeps the text as read (JSON is not a terminal format)', async () => {
    const run = await runMain(scanArgs('--format', 'json'));
    const report = JSON.parse(run.stdout) as {
      persons: { name: string; findings: { activity: { text: string } }[] }[];
    };
    expect(report.persons[0]!.name).toBe(`Siti${OSC0} Rahmawati`);
    expect(report.persons[0]!.findings[0]!.activity.text).toContain(OSC52);
    expect(run.stdout).not.toContain(ESC);
  });

  it('explain and review list show the finding with the sequences escaped', async () => {
    const reportPath = join(dir, 'report.json');
    const scan = await runMain(scanArgs('-o', reportPath));
    expect(scan.code, scan.stderr).toBe(1);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      persons: { findings: { fingerprint: string }[] }[];
    };
    const fingerprint = report.persons[0]!.findings[0]!.fingerprint;
    const explain = await runMain(['explain', reportPath, fingerprint, '--lang', 'en']);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain(SHOWN52);
    expect(explain.stdout).not.toMatch(RAW);
    const list = await runMain(['review', 'list', reportPath, '--lang', 'en']);
    expect(list.stdout).toContain(`Siti${SHOWN0} Rahmawati`);
    expect(list.stdout).not.toMatch(RAW);
    const row = await runMain(['explain', '--row', `${activity}:2`, '--roster', roster, '--election', ELECTION]);
    expect(row.stdout).toContain(SHOWN52);
    expect(row.stdout).not.toMatch(RAW);
  });

  it('rules list shows a rule title with an OSC 0 sequence escaped', async () => {
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    for (const name of readdirSync(resolve(ROOT, 'rules')))
      copyFileSync(resolve(ROOT, 'rules', name), join(rules, name));
    const file = join(rules, 'attendance-membership.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(
      "en: Attending a candidate's declaration or campaign and actively supporting",
      'en: "Attending\\e]0;pwned\\a a declaration"',
    );
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const run = await runMain(['rules', 'list', rules, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Attending${SHOWN0} a declaration`);
    expect(run.stdout).not.toMatch(RAW);
  });

  it('init prints a folder name with an OSC 52 sequence escaped', async () => {
    const run = await runMain(['init', `starter${OSC52}`], '', { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`starter${SHOWN52}`);
    expect(run.stdout).not.toMatch(RAW);
  });

  it('a usage error echoing an option keeps the terminal safe', async () => {
    const run = await runMain(['validate', `--bad${OSC0}`, activity]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(SHOWN0);
    expect(run.stderr).not.toContain(ESC);
  });
});
