// Ordering on its own: total orders that do not depend on the order the rows came in.
import { describe, expect, it } from 'vitest';
import { compareFindings, sortPersons, sortRejected } from '../../src/aggregate/report-order.js';
import type { Finding, ReportPerson } from '../../src/schemas/report-schema.js';

/** A finding with only what the orders read; the rest of the schema does not take part. */
function finding(fields: Partial<Finding> & { fingerprint: string }): Finding {
  return {
    severity: 'medium',
    rule: 'r',
    activity: { timestamp: '2024-10-01T00:00:00Z' },
    suppressed: false,
    review: null,
    ...fields,
  } as unknown as Finding;
}

const person = (nip: string, findings: Finding[]) => ({ nip, findings }) as unknown as ReportPerson;

describe('report order', () => {
  it('orders findings by severity, then time, then rule, then fingerprint, whatever the input order', () => {
    const at = (t: string) => ({ timestamp: t }) as Finding['activity'];
    const list = [
      finding({ fingerprint: 'f', rule: 'b', activity: at('2024-10-02T00:00:00Z') }),
      finding({ fingerprint: 'e', severity: 'low' }),
      finding({ fingerprint: 'd', rule: 'a', activity: at('2024-10-02T00:00:00Z') }),
      finding({ fingerprint: 'c', severity: 'high', activity: at('2024-10-09T00:00:00Z') }),
      finding({ fingerprint: 'b', rule: 'a', activity: at('2024-10-02T00:00:00Z') }),
      finding({ fingerprint: 'a', activity: { timestamp: null } as unknown as Finding['activity'] }),
    ];
    const sorted = [...list].sort(compareFindings).map((f) => f.fingerprint);
    expect(sorted).toEqual(['c', 'a', 'b', 'd', 'f', 'e']);
    expect(
      [...list]
        .reverse()
        .sort(compareFindings)
        .map((f) => f.fingerprint),
    ).toEqual(sorted);
  });

  it('puts a person with an open finding above one whose more severe findings are all closed', () => {
    const closed = person('1', [finding({ fingerprint: 'x', severity: 'high', suppressed: true })]);
    const open = person('2', [finding({ fingerprint: 'y', severity: 'low' })]);
    const twoOpen = person('3', [
      finding({ fingerprint: 'z', severity: 'low' }),
      finding({ fingerprint: 'w', severity: 'low' }),
    ]);
    const persons = [closed, open, twoOpen];
    sortPersons(persons);
    expect(persons.map((p) => p.nip)).toEqual(['3', '2', '1']);
  });

  it('orders rejected rows by file, then line number (not text)', () => {
    const rows = [
      { file: 'b.csv', line: 2, code: 'missing_type' as const, reason: 'x' },
      { file: 'a.csv', line: 10, code: 'missing_type' as const, reason: 'x' },
      { file: 'a.csv', line: 9, code: 'missing_type' as const, reason: 'x' },
    ];
    expect(sortRejected(rows).map((r) => `${r.file}:${r.line}`)).toEqual(['a.csv:9', 'a.csv:10', 'b.csv:2']);
  });
});
