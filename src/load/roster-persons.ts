// Validates roster rows into persons: a valid NIP that no other row has, a name, and accounts no other row claims.
import type { Problem } from '../shared/errors.js';
import type { Person } from '../shared/types.js';
import { checkNip } from '../normalize/nip.js';
import { rowAccounts, type AccountClaims } from './roster-accounts.js';
import { describeRow, type RosterRow, type RowRef } from './roster-row.js';

/**
 * Takes rows one at a time as a reader produces them, so a national roster is never held as rows and persons at
 * once: of a row, only its line and name stay (for problems naming an earlier row). Agencies and positions repeat
 * over thousands of persons and are kept once each.
 */
export class PersonsBuilder {
  readonly persons: Person[] = [];
  readonly problems: Problem[] = [];
  rows = 0;
  private readonly rowByNip = new Map<string, RowRef>();
  private readonly claims: AccountClaims = new Map();
  private readonly shared = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly today: Date,
  ) {}

  add(row: RosterRow): void {
    this.rows++;
    const { file } = this;
    const located = (field: string, message: string): Problem => ({
      file,
      line: row.line,
      field: row.at ? `${row.at}.${field}` : field,
      message,
    });
    const claim = { line: row.line, name: row.name, nip: null as string | null };
    let valid: { nip: string; kind: Person['kind'] } | null = null;
    if (row.nip !== null) {
      const check = row.nip === '' ? null : checkNip(row.nip, this.today);
      if (!check) this.problems.push(located('nip', 'the NIP is empty'));
      else if (!check.ok) this.problems.push(located('nip', `invalid NIP "${row.nip}": ${check.reason}`));
      else {
        const first = this.rowByNip.get(check.nip);
        if (first)
          this.problems.push(
            located('nip', `NIP ${check.nip} appears twice: ${describeRow(first)} and ${describeRow(row)}`),
          );
        else this.rowByNip.set(check.nip, claim);
        valid = { nip: check.nip, kind: check.kind };
        claim.nip = check.nip;
      }
    }
    if (row.name === '') this.problems.push(located('name', 'the name is empty'));
    const accounts = rowAccounts(row, claim, this.claims, file, this.problems);
    // One literal in the order of the Person type: every person shares one hidden class, with no property store.
    if (valid)
      this.persons.push({
        nip: valid.nip,
        name: row.name ?? '',
        agency: this.once(row.agency),
        position: this.once(row.position),
        accounts,
        kind: valid.kind,
        source: { file, line: row.line },
      });
  }

  /** `${platform}:${handle}` → NIP, for every account of a valid person (the keys are the claims' own strings). */
  accountIndex(): Map<string, string> {
    const index = new Map<string, string>();
    for (const [key, claim] of this.claims) if (claim.nip !== null) index.set(key, claim.nip);
    return index;
  }

  private once(text: string): string {
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    this.shared.set(text, text);
    return text;
  }
}
