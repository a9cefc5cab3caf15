// The dossier in both languages: every label of one language, none of the other; a report scanned in the other
// language gets a note that its own words are quoted as they are.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDossier } from '../../src/report/format-dossier.js';
import { escapeHtml } from '../../src/report/markup-escape.js';
import type { Report, ReportPerson } from '../../src/schemas/report-schema.js';
import { type DossierLabels, UI_LABELS } from '../../src/shared/labels/index.js';
import type { Lang } from '../../src/shared/types.js';
import { demoReport } from '../helpers/demo-report.js';

const OPTIONS = { source: { file: 'report.json', sha256: 'a'.repeat(64) }, toolVersion: 'test' };
const reports = {} as Record<Lang, Report>;

beforeAll(async () => {
  for (const lang of ['id', 'en'] as const) {
    reports[lang] = await demoReport(lang);
  }
});

/** The plain-text labels (not the templates) with where they sit in the labels object, e.g. `custodyRows.roster`. */
function textLabels(labels: DossierLabels): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
  };
  walk(labels, '');
  return out;
}

/** The dossiers of every demo person with findings, one after the other: between them they use every label. */
const dossiersOf = (report: Report, lang: Lang): string =>
  report.persons
    .filter((p: ReportPerson) => p.findings.length > 0)
    .map((p) => formatDossier(report, p, { ...OPTIONS, lang }))
    .join('\n');

describe.each(['id', 'en'] as const)('dossier in %s', (lang) => {
  const other: Lang = lang === 'id' ? 'en' : 'id';

  it('uses its own labels, none of the other language', () => {
    const html = dossiersOf(reports[lang], lang);
    expect(html).toContain(`<html lang="${lang}">`);
    const own = textLabels(UI_LABELS[lang].dossier);
    const theirs = textLabels(UI_LABELS[other].dossier);
    // Labels for what no demo person has: a person without findings, an undated act, an undesignated candidate, a
    // finding about a candidate before their `since` (no rule raises one).
    const absent = new Set(['noFindings', 'undated', 'notDesignated', 'inputUnknown', 'sameDay', 'beforeSince']);
    const shown = [...own].filter(([path]) => !absent.has(path));
    expect(shown.length).toBeGreaterThan(30);
    for (const [path, label] of shown) expect(html, path).toContain(escapeHtml(label));
    for (const [path, label] of theirs)
      if (label !== own.get(path) && label.length > 3) expect(html, path).not.toContain(`>${escapeHtml(label)}<`);
    expect(html).toContain(UI_LABELS[lang].dossier.act(1));
    expect(html).not.toContain(UI_LABELS[lang].dossier.reportLanguage(lang));
  });

  it('says so when the report was scanned in the other language', () => {
    const html = dossiersOf(reports[other], lang);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(escapeHtml(UI_LABELS[lang].dossier.reportLanguage(other)));
  });
});
