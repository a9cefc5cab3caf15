// The check that keeps spawned-CLI tests off a stale dist/ (test/helpers/fresh-build.ts).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleSources } from '../helpers/stale-build.js';

function project(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'asn-audit-stale-'));
  for (const [path, seconds] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  }
  return root;
}

describe('staleSources', () => {
  it('is empty when every source has a newer compiled file', () => {
    expect(staleSources(project({ 'src/a.ts': 100, 'src/x/b.ts': 100, 'dist/a.js': 200, 'dist/x/b.js': 200 }))).toEqual(
      [],
    );
  });

  it('names a source edited after the build, and one never built', () => {
    const root = project({
      'src/a.ts': 300,
      'src/x/b.ts': 100,
      'src/x/new.ts': 100,
      'dist/a.js': 200,
      'dist/x/b.js': 200,
    });
    expect(staleSources(root)).toEqual(['src/a.ts', 'src/x/new.ts']);
  });
});
