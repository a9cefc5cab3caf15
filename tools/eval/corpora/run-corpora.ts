// Converts each public corpus into a temporary activity CSV, scans it with the built CLI, and measures the result.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseFindingsNdjson, type FoundFinding } from '../findings-ndjson.js';
import { readText } from '../read-text.js';
import { runScan } from '../run-scan.js';
import { corpusActivityCsv, type Poster } from './corpus-activity.js';
import { CORPORA, ELECTIONS, type CorpusSpec } from './corpus-specs.js';
import type { CorpusElection, CorpusText, SkippedRows } from './corpus-text.js';
import { measureCorpus, type MeasureResult } from './measure-corpus.js';

export interface CorpusReport {
  id: string;
  texts: number;
  elections: string[];
  skipped: SkippedRows[];
  results: MeasureResult[];
}

/** Corpora whose file is missing are left out; the caller says so when the folder itself is missing. */
export async function runCorpora(repoRoot: string, corporaDir: string, rosterFile: string): Promise<CorpusReport[]> {
  const roster = parse(await readText(repoRoot, rosterFile), { columns: true, bom: true }) as Record<string, string>[];
  const workDir = await mkdtemp(join(tmpdir(), 'asn-audit-eval-'));
  try {
    const reports: CorpusReport[] = [];
    for (const spec of CORPORA) {
      const path = join(corporaDir, spec.file);
      if (!existsSync(path)) continue;
      reports.push(
        await evaluateCorpus(spec, await readText(corporaDir, spec.file), { repoRoot, workDir, rosterFile, roster }),
      );
    }
    return reports;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

interface RunContext {
  repoRoot: string;
  workDir: string;
  rosterFile: string;
  roster: Record<string, string>[];
}

async function evaluateCorpus(spec: CorpusSpec, csv: string, context: RunContext): Promise<CorpusReport> {
  const { texts, skipped } = spec.read(csv);
  const posters: Poster[] = context.roster
    .map((person) => ({ platform: spec.platform, account: (person[spec.platform] ?? '').split(';')[0]?.trim() ?? '' }))
    .filter((poster) => poster.account !== '');
  const findings: FoundFinding[] = [];
  const elections = [...new Set(texts.map((t) => t.election))].sort();
  for (const election of elections) {
    const activity = join(context.workDir, `${spec.id}.${election}.csv`);
    await writeFile(activity, corpusActivityCsv(textsOf(texts, election), posters, ELECTIONS[election].start), 'utf8');
    const ndjson = await runScan(context.repoRoot, {
      activity,
      roster: context.rosterFile,
      election: ELECTIONS[election].file,
    });
    findings.push(...parseFindingsNdjson(ndjson, `scan of ${spec.id}`));
  }
  return {
    id: spec.id,
    texts: texts.length,
    elections: elections.map((e) => ELECTIONS[e].file),
    skipped,
    results: measureCorpus(texts, findings, spec.measures),
  };
}

function textsOf(texts: readonly CorpusText[], election: CorpusElection): CorpusText[] {
  return texts.filter((t) => t.election === election);
}
