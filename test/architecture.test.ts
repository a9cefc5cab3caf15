// The layers of src/ and their order: a module imports only from its own folder or a folder below it, and no runtime import cycle exists.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

/** Lowest first. `(root)` is src/audit.ts and src/index.ts: the pipeline wired, the library surface. */
const LAYERS = ['shared', 'schemas', 'normalize', 'load', 'rules', 'aggregate', 'report', '(root)', 'cli'];
const SRC = resolve(import.meta.dirname, '../src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));
const layerOf = (file: string) => (relative(SRC, file).includes('/') ? relative(SRC, file).split('/')[0]! : '(root)');
// Type-only imports vanish at run time (verbatimModuleSyntax keeps every other import), so only these can form cycles.
const runtimeImports = new Map(
  files.map((file) => {
    const specs = [
      ...readFileSync(file, 'utf8').matchAll(/^(?:import|export)(?!\s+type\s)(?:[^;]*?from)?\s*'(\.[^']+)'/gm),
    ];
    return [file, specs.map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')))];
  }),
);

test('every folder of src/ is a known layer, and imports point only downwards', () => {
  const upward: string[] = [];
  for (const [file, targets] of runtimeImports) {
    expect(LAYERS, `unknown layer of ${relative(SRC, file)}`).toContain(layerOf(file));
    for (const target of targets)
      if (LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file)))
        upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
  }
  expect(upward).toEqual([]);
});

test('no runtime import cycle between files', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open')
      return void cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
    state.set(file, 'open');
    for (const target of runtimeImports.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  expect(cycles).toEqual([]);
});
