// The tool's own type labels, in every language it prints, are read back as the types they name.
import { describe, expect, it } from 'vitest';
import { activityType, normalizeActivity } from '../../src/normalize/activity.js';
import { UI_LABELS } from '../../src/shared/labels/index.js';
import { ACTIVITY_TYPES } from '../../src/shared/types.js';

describe('activityType', () => {
  it('reads every label of every language as its own type (no alias of another type shadows one)', () => {
    for (const [lang, labels] of Object.entries(UI_LABELS))
      for (const type of ACTIVITY_TYPES)
        expect(activityType(labels.activityType[type]), `${lang} ${labels.activityType[type]}`).toBe(type);
  });

  it('takes the Indonesian labels as written in a sheet, in any case and spacing', () => {
    expect(activityType('unggahan')).toBe('post');
    expect(activityType(' Reaksi ')).toBe('reaction');
    expect(activityType('Gabung Grup')).toBe('join_group');
    expect(activityType('joined-group')).toBe('join_group');
    expect(activityType('unggahanku')).toBeNull();
  });

  it('a row typed "unggahan" normalises as a post', () => {
    const result = normalizeActivity(
      {
        source: { file: 'a.csv', line: 2 },
        fields: { platform: 'x', account: 'hendra_smj', timestamp: '2024-10-03 19:15', type: 'unggahan', text: 'hi' },
      },
      'Asia/Jakarta',
    );
    expect(result.ok && result.activity.type).toBe('post');
  });
});
