// Parses the three public corpora described in shared/corpora/SOURCES.md into labelled texts; pure: CSV text in, texts out.
import { parse } from 'csv-parse/sync';
import type { CorpusReading, CorpusText, SkippedRows } from './corpus-text.js';

/** Pilkada DKI 2017 tweets: `Id,Sentiment,Pasangan Calon,Text Tweet`, sentiment toward the named pair. */
export function readPilkadaDki2017(csv: string): CorpusReading {
  const pairs: Record<string, string> = {
    'agus-sylvi': 'agus-sylvi',
    'ahok-djarot': 'ahok-djarot',
    'anies-sandi': 'anies-sandi',
  };
  const texts = records(csv, ',').map((r, index) => ({
    id: `dki2017-${cell(r, 'Id') || index + 1}`,
    text: oneLine(cell(r, 'Text Tweet')),
    label: cell(r, 'Sentiment').toLowerCase(),
    candidate: pairs[cell(r, 'Pasangan Calon').toLowerCase()] ?? null,
    election: 'pilkada-dki-2017' as const,
  }));
  return { texts, skipped: [] };
}

/** Pilpres 2019 tweets: an unnamed index column, `sentimen`, `tweet`; overall sentiment, no target. */
export function readPilpres2019(csv: string): CorpusReading {
  const texts = records(csv, ',').map((r, index) => ({
    id: `pilpres2019-${cell(r, '') || index}`,
    text: oneLine(cell(r, 'tweet')),
    label: cell(r, 'sentimen').toLowerCase(),
    candidate: null,
    election: 'pilpres-2019' as const,
  }));
  return { texts, skipped: [] };
}

/**
 * Kompasiana blog stance set: `Tokoh;Event;Judul Artikel;Isi Artikel;stance final;`. Only the Pilgub DKI
 * 2016 rows about Ahok belong to an election we have a file for (Pilkada DKI 2017); the rest are skipped with why.
 */
export function readIdStanceBlog(csv: string): CorpusReading {
  const texts: CorpusText[] = [];
  const skipped = new Map<string, number>();
  records(csv, ';').forEach((r, index) => {
    const figure = cell(r, 'Tokoh').toLowerCase();
    const event = cell(r, 'Event');
    const label = cell(r, 'stance final')
      .toLowerCase()
      .replace(/^againts$/, 'against');
    const reason = skipReason(figure, event, label);
    if (reason) {
      skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      return;
    }
    const body = articleParagraphs(cell(r, 'Isi Artikel')).join(' ');
    texts.push({
      id: `stance-${index + 1}`,
      text: oneLine(`${cell(r, 'Judul Artikel')}. ${body}`),
      label,
      candidate: 'ahok-djarot',
      election: 'pilkada-dki-2017',
    });
  });
  return { texts, skipped: [...skipped].map(([reason, rows]): SkippedRows => ({ reason, rows })) };
}

function skipReason(figure: string, event: string, label: string): string | null {
  if (label !== 'for' && label !== 'against') return `label "${label}" is neither for nor against`;
  if (event === 'Pilgub DKI 2016' && figure === 'ahok') return null;
  if (event === 'Pilpres 2019') return `${figure} in Pilpres 2019: not a candidate in that election`;
  return `${event} (${figure}): no election file for it`;
}

/** The body is written as a JSON-style list of paragraph strings; anything else is taken as one paragraph. */
function articleParagraphs(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // Not a JSON list: fall through and use the raw text.
  }
  return [raw];
}

function records(csv: string, delimiter: string): Record<string, string>[] {
  return parse(csv, {
    columns: true,
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** Header names and values in these files carry stray spaces (`AHY  `), so both are trimmed. */
function cell(record: Record<string, string>, column: string): string {
  const key = Object.keys(record).find((k) => k.trim() === column);
  return key === undefined ? '' : (record[key] ?? '').trim();
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
