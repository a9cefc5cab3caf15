// Which corpora the evaluation reads, which election each is scanned against, and what is measured with which caveat.
import { readIdStanceBlog, readPilkadaDki2017, readPilpres2019 } from './corpus-readers.js';
import type { CorpusElection, CorpusReading, CorpusText } from './corpus-text.js';

export interface ElectionSetup {
  /** Relative to the repository root. */
  file: string;
  /** First post time, local; the texts follow a minute apart, all inside the campaign phase. */
  start: string;
}

export const ELECTIONS: Record<CorpusElection, ElectionSetup> = {
  // First-round campaign 28 Oct 2016 – 11 Feb 2017: the only time all three pairs campaigned.
  'pilkada-dki-2017': { file: 'fixtures/eval/corpora/pilkada-dki-2017.election.yaml', start: '2017-01-09T08:00' },
  // Campaign 23 Sep 2018 – 13 Apr 2019.
  'pilpres-2019': { file: 'fixtures/eval/corpora/pilpres-2019.election.yaml', start: '2019-01-07T08:00' },
};

export interface MeasureSpec {
  /** What share is measured, e.g. "positive tweets flagged". */
  label: string;
  select: (text: CorpusText) => boolean;
  /** Printed next to the number so nobody over-reads it. */
  caveat: string;
  /** True when the number is a recall (higher is better); false when it is only context. */
  isRecall: boolean;
}

export interface CorpusSpec {
  id: string;
  /** Relative to the corpora folder. */
  file: string;
  /** The platform the texts are posted on: tweets on X, blog articles on Facebook. */
  platform: 'x' | 'facebook';
  read: (csv: string) => CorpusReading;
  measures: MeasureSpec[];
}

export const CORPORA: CorpusSpec[] = [
  {
    id: 'pilkada-dki-2017',
    file: 'pilkada-dki-2017/dataset_tweet_sentiment_pilkada_DKI_2017.csv',
    platform: 'x',
    read: readPilkadaDki2017,
    measures: [
      {
        label: 'positive tweets flagged (recall)',
        select: (t) => t.label === 'positive',
        isRecall: true,
        caveat:
          "labels are sentiment toward the pair, not the author's stance; about 92 of the 450 positives are news headlines with a link, which a neutral share need not flag, so 100% is not the target",
      },
      {
        label: 'negative tweets flagged (context)',
        select: (t) => t.label === 'negative',
        isRecall: false,
        caveat:
          'mixes attacks on a pair (partisan: flagging them is right) with supporters mourning a loss; not a false-positive rate',
      },
    ],
  },
  {
    id: 'pilpres-2019',
    file: 'pilpres-2019-tweets/dataset.csv',
    platform: 'x',
    read: readPilpres2019,
    measures: [
      {
        label: 'netral tweets flagged (false-positive proxy)',
        select: (t) => t.label === 'netral',
        isRecall: false,
        caveat:
          'netral is neutral sentiment, not "no endorsement": 91 of 607 carry a campaign hashtag or a call to vote (flagging those is right) and 324 are mostly news links; read it as an upper bound on the false-positive rate',
      },
      {
        label: 'positif tweets flagged (context)',
        select: (t) => t.label === 'positif',
        isRecall: false,
        caveat:
          'no target column; positive sentiment is not endorsement (economy news, praise without a call to vote); about 533 of 612 name a pair',
      },
    ],
  },
  {
    id: 'id-stance-blog',
    file: 'id-stance-blog/dataset_stance_2_label_2018_building_by_rini.csv',
    platform: 'facebook',
    read: readIdStanceBlog,
    measures: [
      {
        label: '"for" articles about Ahok flagged (recall)',
        select: (t) => t.label === 'for',
        isRecall: true,
        caveat:
          'long Kompasiana opinion articles (median ~3,700 characters), stance annotated by hand; some support is ironic, and an essay rarely says "pilih"',
      },
      {
        label: '"against" articles about Ahok flagged (context)',
        select: (t) => t.label === 'against',
        isRecall: false,
        caveat: 'arguing against a candidate is partisan too, so flagging is not wrong; not a false-positive rate',
      },
    ],
  },
];
