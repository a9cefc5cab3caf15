import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { corpusActivityCsv } from '../../tools/eval/corpora/corpus-activity.js';
import { readIdStanceBlog, readPilkadaDki2017, readPilpres2019 } from '../../tools/eval/corpora/corpus-readers.js';
import { CORPORA } from '../../tools/eval/corpora/corpus-specs.js';
import { measureCorpus } from '../../tools/eval/corpora/measure-corpus.js';
import { toCsv } from '../../tools/eval/csv-write.js';

// Hand-written rows in the shapes SOURCES.md describes (BOM, CRLF, `;` with a trailing empty column); no corpus text.
describe('corpus readers', () => {
  it('reads the Pilkada DKI 2017 shape and maps the pair to a candidate id', () => {
    const csv =
      '\ufeffId,Sentiment,Pasangan Calon,Text Tweet\r\n1,positive,Anies-Sandi,maju terus #AniesSandi\r\n2,negative,Agus-Sylvi,"sedih, kalah"\r\n';
    expect(readPilkadaDki2017(csv).texts).toEqual([
      {
        id: 'dki2017-1',
        text: 'maju terus #AniesSandi',
        label: 'positive',
        candidate: 'anies-sandi',
        election: 'pilkada-dki-2017',
      },
      {
        id: 'dki2017-2',
        text: 'sedih, kalah',
        label: 'negative',
        candidate: 'agus-sylvi',
        election: 'pilkada-dki-2017',
      },
    ]);
  });

  it('reads the Pilpres 2019 shape with its unnamed index column', () => {
    const csv = ',sentimen,tweet\n0,netral,berita ekonomi http://x\n1,positif,"coblos 01, #JokowiLagi"\n';
    expect(readPilpres2019(csv).texts.map((t) => [t.id, t.label, t.text, t.candidate])).toEqual([
      ['pilpres2019-0', 'netral', 'berita ekonomi http://x', null],
      ['pilpres2019-1', 'positif', 'coblos 01, #JokowiLagi', null],
    ]);
  });

  it('keeps only the Ahok rows of Pilgub DKI 2016 from the stance blog, and says why the others were skipped', () => {
    const csv = [
      '\ufeffTokoh;Event;Judul Artikel;Isi Artikel;stance final;',
      'ahok;Pilgub DKI 2016;Judul satu  ;"[""Paragraf satu."",""Paragraf dua.""]";for;',
      'ahok;Pilgub DKI 2016;Judul dua;teks biasa;againts;',
      'AHY  ;Pilpres 2019;Judul;"[""x""]";for;',
      'jokowi;Pilpres 2014;Judul;"[""x""]";for;',
      'jokowi;Pilpres 2014;Judul;"[""x""]";no;',
    ].join('\n');
    const { texts, skipped } = readIdStanceBlog(csv);
    expect(texts.map((t) => [t.label, t.text, t.candidate])).toEqual([
      ['for', 'Judul satu. Paragraf satu. Paragraf dua.', 'ahok-djarot'],
      ['against', 'Judul dua. teks biasa', 'ahok-djarot'],
    ]);
    expect(skipped).toEqual([
      { reason: 'ahy in Pilpres 2019: not a candidate in that election', rows: 1 },
      { reason: 'Pilpres 2014 (jokowi): no election file for it', rows: 1 },
      { reason: 'label "no" is neither for nor against', rows: 1 },
    ]);
  });
});

describe('corpusActivityCsv', () => {
  it('writes one post per text, posters in turn, a minute apart, quoting where needed', () => {
    const texts = readPilpres2019(',sentimen,tweet\n0,netral,"a, b"\n1,positif,"kata ""kutip"""\n2,negatif,c\n').texts;
    const csv = corpusActivityCsv(
      texts,
      [
        { platform: 'x', account: 'budi_dishub' },
        { platform: 'x', account: 'rinamrln' },
      ],
      '2019-01-07T23:59',
    );
    expect(parse(csv, { columns: true })).toEqual([
      {
        id: 'pilpres2019-0',
        platform: 'x',
        account: 'budi_dishub',
        timestamp: '2019-01-07 23:59',
        type: 'post',
        text: 'a, b',
      },
      {
        id: 'pilpres2019-1',
        platform: 'x',
        account: 'rinamrln',
        timestamp: '2019-01-08 00:00',
        type: 'post',
        text: 'kata "kutip"',
      },
      {
        id: 'pilpres2019-2',
        platform: 'x',
        account: 'budi_dishub',
        timestamp: '2019-01-08 00:01',
        type: 'post',
        text: 'c',
      },
    ]);
  });

  it('refuses to post without a poster', () => {
    expect(() => corpusActivityCsv([], [], '2019-01-07T08:00')).toThrow(/no roster person/);
  });
});

describe('toCsv', () => {
  it('quotes only fields with separators, quotes, line breaks or edge spaces', () => {
    expect(toCsv([['a', 'b,c', 'd"e', ' f', 'g\nh']])).toBe('a,"b,c","d""e"," f","g\nh"\n');
  });
});

describe('measureCorpus', () => {
  it('counts selected texts with any finding and with a finding for the labelled candidate', () => {
    const texts = readPilkadaDki2017(
      'Id,Sentiment,Pasangan Calon,Text Tweet\n1,positive,Ahok-Djarot,a\n2,positive,Ahok-Djarot,b\n3,positive,Anies-Sandi,c\n4,negative,Anies-Sandi,d\n',
    ).texts;
    const findings = [
      { id: 'dki2017-1', category: 'endorsement_post' as const, candidate: 'ahok-djarot' },
      { id: 'dki2017-3', category: 'endorsement_post' as const, candidate: 'ahok-djarot' },
      { id: 'dki2017-4', category: 'endorsement_post' as const, candidate: 'anies-sandi' },
    ];
    const spec = CORPORA.find((c) => c.id === 'pilkada-dki-2017');
    const [positive, negative] = measureCorpus(texts, findings, spec?.measures ?? []);
    expect(positive).toMatchObject({ total: 3, flagged: 2, flaggedForCandidate: 1, isRecall: true });
    expect(negative).toMatchObject({ total: 1, flagged: 1, flaggedForCandidate: 1, isRecall: false });
    expect(positive?.caveat).toMatch(/sentiment/);
  });
});
