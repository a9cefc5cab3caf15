// Renders the corpus measurements as plain text, each number followed by the caveat that keeps it honest.
import type { CorpusReport } from './run-corpora.js';
import type { MeasureResult } from './measure-corpus.js';

export function renderCorpora(reports: readonly CorpusReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.id}: ${report.texts} texts scanned against ${report.elections.join(', ')}`);
    for (const result of report.results) lines.push(...renderResult(result));
    for (const skip of report.skipped) lines.push(`  skipped ${skip.rows} rows: ${skip.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}

function renderResult(result: MeasureResult): string[] {
  const head = `  ${result.label}: ${share(result.flagged, result.total)}`;
  const forCandidate =
    result.flaggedForCandidate === null
      ? ''
      : `; naming the labelled candidate ${share(result.flaggedForCandidate, result.total)}`;
  return [head + forCandidate, `    caveat: ${result.caveat}`];
}

function share(part: number, total: number): string {
  return total === 0 ? `${part}/0` : `${part}/${total} = ${((100 * part) / total).toFixed(1)}%`;
}
