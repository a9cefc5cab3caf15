// `tags: [...]`: the activity carries one of these tags from a monitoring tool or an analyst (`prefix:*` allowed).
import { z } from 'zod';
import { expandTag } from '../references.js';
import type { ConditionKind } from './kind.js';
import { term } from './text-fields.js';

export type TagsCondition = { tags: string[] };

export const tagsKind: ConditionKind<TagsCondition> = {
  schema: () => z.strictObject({ tags: z.array(term).min(1) }),
  compile: (c, ctx) => {
    const wanted = c.tags.flatMap((t) => expandTag(t, ctx.candidate));
    const exact = new Set(wanted.filter((t) => !t.endsWith('*')));
    const prefixes = wanted.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
    return (view, evidence) => {
      for (const tag of view.activity.tags) {
        if (exact.has(tag) || prefixes.some((p) => tag.startsWith(p))) {
          evidence.push({ condition: 'tags', field: 'tags', value: tag });
          return true;
        }
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => c.tags.some(tree.refers),
  explain: { id: (e) => `aktivitas berlabel "${e.value}"`, en: (e) => `the activity is tagged "${e.value}"` },
  doc: { syntax: '`tags: [...]`', trueWhen: 'the activity has one of these tags (`prefix:*` allowed)' },
};
