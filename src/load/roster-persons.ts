// Validates roster rows into persons: a valid NIP that no other row has, a name, and accounts no other row claims.
import type { Problem } from '../shared/errors.js';
import type { Person } from '../shared/types.js';
import { checkNip } from '../normalize/nip.js';
import { rowAccounts, type AccountClaims } from './roster-accounts.js';
import { describeRow, type RosterRow } from './roster-row.js';

/** The persons of valid rows; every problem of every row goes to `problems`. */
export function buildPersons(rows: RosterRow[], file: string, problems: Problem[], today: Date): Person[] {
  const persons: Person[] = [];
  const rowByNip = new Map<string, RosterRow>();
  const claims: AccountClaims = new Map();
  for (const row of rows) {
    const located = (field: string, message: string): Problem => ({
      file,
      line: row.line,
      field: row.at ? `${row.at}.${field}` : field,
      message,
    });
    let person: Person | null = null;
    if (row.nip !== null) {
      const check = row.nip === '' ? null : checkNip(row.nip, today);
      if (!check) problems.push(located('nip', 'the NIP is empty'));
      else if (!check.ok) problems.push(located('nip', `invalid NIP "${row.nip}": ${check.reason}`));
      else {
        const first = rowByNip.get(check.nip);
        if (first)
          problems.push(
            located('nip', `NIP ${check.nip} appears twice: ${describeRow(first)} and ${describeRow(row)}`),
          );
        else rowByNip.set(check.nip, row);
        person = {
          nip: check.nip,
          name: row.name ?? '',
          agency: row.agency,
          position: row.position,
          accounts: [],
          kind: check.kind,
          source: { file, line: row.line },
        };
      }
    }
    if (row.name === '') problems.push(located('name', 'the name is empty'));
    const accounts = rowAccounts(row, claims, file, problems);
    if (person) persons.push({ ...person, accounts });
  }
  return persons;
}
