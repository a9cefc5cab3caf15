// A row whose account is one roster person's and whose NIP is another's is rejected naming both, never given to the NIP.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeActivity, type IntakeItem } from '../../src/load/intake.js';
import { DEMO_CONTEXT, runCli } from '../helpers/cli.js';
import { reasonIn } from '../../src/shared/labels/reason.js';
import { UI_LABELS } from '../../src/shared/labels/index.js';
import type { RejectionReason } from '../../src/shared/types.js';

const inEnglish = (reason: RejectionReason) => reasonIn(UI_LABELS.en, reason);

const BUDI = '197803142003121005';
const SITI = '198507222010012012';
const HEADER = 'platform,account,nip,timestamp,type,text\n';
function csv(rows: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-nip-account-')), 'activity.csv');
  writeFileSync(file, HEADER + rows);
  return file;
}

async function intake(file: string) {
  const roster = {
    byNip: new Map([
      [BUDI, { name: 'Budi Santoso' }],
      [SITI, { name: 'Siti Rahmawati' }],
    ]) as never,
    byAccount: new Map([
      ['instagram:sitirahma_dinkes', SITI],
      ['instagram:budisantoso_smansa14', BUDI],
    ]),
  };
  const load = intakeActivity([file], {
    hints: { rosterNips: new Set([BUDI, SITI]), roster },
    timeZone: 'Asia/Jakarta',
    stdin: (async function* () {})(),
  });
  const items: IntakeItem[] = [];
  for await (const item of load.items) items.push(item);
  return items.map((i) => (i.kind === 'rejected' ? inEnglish(i.rejection.reason) : i.activity.nip));
}

describe('NIP and account of one row', () => {
  it('rejects a row whose account is another roster person than its NIP, naming both', async () => {
    const file = csv(
      `instagram,@sitirahma_dinkes,${BUDI},2024-10-03 19:15,post,Ayo coblos no 3!\n` +
        `instagram,@BudiSantoso_Smansa14,${BUDI},2024-10-03 19:15,post,agrees\n` +
        `instagram,someone_else,${BUDI},2024-10-03 19:15,post,not in roster\n` +
        `instagram,@sitirahma_dinkes,199001012020121001,2024-10-03 19:15,post,unknown nip\n`,
    );
    expect(await intake(file)).toEqual([
      `the account instagram:@sitirahma_dinkes is Siti Rahmawati (NIP ${SITI}) in the roster, but the row's nip names Budi Santoso (NIP ${BUDI}): the row cannot be given to either`,
      BUDI,
      BUDI,
      `the account instagram:@sitirahma_dinkes is Siti Rahmawati (NIP ${SITI}) in the roster, but the row's nip names NIP 199001012020121001, who is not in the roster: the row cannot be given to either`,
    ]);
  });

  it('scan counts it rejected, gives no finding to either person, and --strict stops on it', () => {
    const file = csv(`instagram,@sitirahma_dinkes,${BUDI},2024-10-03 19:15,post,Ayo coblos no 3! #JakartaMenyala\n`);
    const run = runCli(['scan', file, ...DEMO_CONTEXT, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      summary: { rows_read: number; rows_rejected: number };
      rejected: { line: number; reason: string }[];
      persons: unknown[];
    };
    expect(report.summary).toMatchObject({ rows_read: 1, rows_rejected: 1 });
    expect(report.persons).toEqual([]);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        2,
        `the account instagram:@sitirahma_dinkes is Siti Rahmawati (NIP ${SITI}) in the roster, but the row's nip names Budi Santoso (NIP ${BUDI}): the row cannot be given to either`,
      ],
    ]);
    const strict = runCli(['scan', file, ...DEMO_CONTEXT, '--strict', '--lang', 'en']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:2: the account instagram:@sitirahma_dinkes is Siti Rahmawati`);
    const validate = runCli(['validate', file, '--roster', 'fixtures/demo/roster.csv', '--lang', 'en']);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain("but the row's nip names Budi Santoso");
  });
});
