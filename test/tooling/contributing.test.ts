// CONTRIBUTING.md names files a contributor is sent to; a renamed or moved one must not leave the checklist wrong.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

test('every file and folder CONTRIBUTING.md names in backticks exists', () => {
  const text = readFileSync(resolve(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const named = [...text.matchAll(/`((?:src|test|rules|fixtures|tools|schemas|\.ci)\/[^`\s<>…]*)`/g)].map((m) => m[1]!);
  expect(named.length).toBeGreaterThan(20);
  expect(named.filter((path) => !existsSync(resolve(ROOT, path)))).toEqual([]);
});
