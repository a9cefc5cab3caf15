// The roster checked against the election file: an audited civil servant's account cannot be a candidate's or a
// campaign's, or every post of that account would be judged as the candidate's own and as the servant's act.
import { AuditError, type Problem } from '../shared/errors.js';
import type { Election, Roster, TargetKind } from '../shared/types.js';

const KIND_WORDS: Record<TargetKind, string> = {
  candidate_account: "the candidate's own account",
  campaign_account: 'a campaign account',
  campaign_group: 'a campaign group',
};

/** Throws (exit 2) naming every roster account that the election file gives to a candidate or campaign. */
export function checkRosterAgainstElection(roster: Roster, election: Election): void {
  const problems: Problem[] = [];
  for (const person of roster.persons) {
    for (const { platform, handle } of person.accounts) {
      const owner = election.accounts.get(`${platform}:${handle}`);
      if (!owner) continue;
      const candidate = election.candidates.find((c) => c.id === owner.candidate);
      const named = candidate?.names.length ? ` (${candidate.names.join(' – ')})` : '';
      // File and line name the person; no name or NIP, which a message under --redact must not show.
      problems.push({
        file: person.source.file,
        line: person.source.line,
        field: platform,
        message: `the account ${handle} is ${KIND_WORDS[owner.kind]} of candidate "${owner.candidate}"${named} in the election file ${election.file}: a roster account cannot be a candidate's or a campaign's; correct the roster or the election file`,
      });
    }
  }
  if (problems.length > 0) throw new AuditError(problems);
}
