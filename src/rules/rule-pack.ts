// Loads rule files (YAML) from files or folders, validates them, and checks ids and vocabularies across the pack.
import { compareCodeUnits } from '../shared/compare.js';
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../shared/version.js';
import { type Lexicon, ruleFileSchema, type Rule } from './rule-schema.js';
import { type LineOfPath, zodProblems } from '../schemas/zod-problems.js';
import { readStructuredFile } from '../load/structured-file.js';
import { AuditError, type Problem } from '../shared/errors.js';

export interface PackRule {
  rule: Rule;
  file: string;
  index: number;
}

export interface RulePack {
  files: string[];
  sha256: string;
  rules: PackRule[];
  vocabulary: Record<string, string[]>;
  lexicons: Record<string, Lexicon>;
}

const RULE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export async function loadRulePack(paths: readonly string[]): Promise<RulePack> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await ruleFilesAt(path)));
  const problems: Problem[] = [];
  const rules: PackRule[] = [];
  const vocabulary: Record<string, string[]> = Object.create(null);
  const vocabularyFile = new Map<string, string>();
  const lexicons: Record<string, Lexicon> = Object.create(null);
  const lexiconFile = new Map<string, string>();
  const ruleFile = new Map<string, string>();
  const hash = createHash('sha256');
  for (const file of files) {
    let data: unknown;
    let lineOf: LineOfPath | undefined;
    try {
      const read = await readStructuredFile(file, 'rule file');
      data = read.data;
      lineOf = read.lineOf;
      hash.update(displayPath(file)).update('\0').update(read.bytes);
    } catch (error) {
      if (error instanceof AuditError) {
        problems.push(...error.problems);
        continue;
      }
      throw error;
    }
    const parsed = ruleFileSchema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, file, [], lineOf));
      continue;
    }
    collectNamed(parsed.data.vocabulary, 'vocabulary', 'vocabulary', file, vocabularyFile, vocabulary, problems);
    collectNamed(parsed.data.lexicons, 'lexicons', 'lexicon', file, lexiconFile, lexicons, problems);
    parsed.data.rules.forEach((rule, index) => {
      if (ruleFile.has(rule.id))
        problems.push({
          file,
          field: `rules[${index}].id`,
          message: `rule id "${rule.id}" is already used in ${ruleFile.get(rule.id)}`,
        });
      ruleFile.set(rule.id, file);
      rules.push({ rule, file: displayPath(file), index });
    });
  }
  // Custom packs may use the bundled term lists (@vote_verbs, …) without copying them; their own lists take precedence.
  if (!files.some((f) => resolve(f) === BUNDLED_VOCABULARY)) {
    for (const [name, terms] of Object.entries(await bundledVocabulary()))
      if (!(name in vocabulary)) vocabulary[name] = terms;
  }
  if (problems.length > 0) throw new AuditError(problems);
  if (rules.length === 0)
    throw new AuditError({
      file: paths.join(', '),
      message: 'no rules found (expected .yaml, .yml or .json rule files with a "rules" list)',
    });
  return { files: files.map(displayPath), sha256: hash.digest('hex'), rules, vocabulary, lexicons };
}

const BUNDLED_VOCABULARY = resolve(PACKAGE_ROOT, 'rules/vocabulary.yaml');

async function bundledVocabulary(): Promise<Record<string, string[]>> {
  const { data } = await readStructuredFile(BUNDLED_VOCABULARY, 'rule file');
  const parsed = ruleFileSchema.safeParse(data);
  return parsed.success ? parsed.data.vocabulary : {};
}

/** Bundled rule files are named the same on every machine (`asn-audit/rules/…`), so reports stay byte-identical. */
export function displayPath(file: string): string {
  const full = resolve(file);
  return full.startsWith(PACKAGE_ROOT) ? `asn-audit/${relative(PACKAGE_ROOT, full).split(sep).join('/')}` : file;
}

async function ruleFilesAt(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new AuditError({ file: path, message: 'rule file or folder not found' });
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await ruleFilesAt(full)));
    else if (RULE_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('_')) out.push(full);
  }
  return out;
}

/** Adds a file's named entries (term lists, lexicons) to the pack; a name defined by two files is a problem. */
function collectNamed<T>(
  entries: Record<string, T>,
  field: string,
  what: string,
  file: string,
  definedIn: Map<string, string>,
  into: Record<string, T>,
  problems: Problem[],
): void {
  for (const [name, value] of Object.entries(entries)) {
    if (definedIn.has(name))
      problems.push({
        file: displayPath(file),
        field: `${field}.${name}`,
        message: `${what} "${name}" is already defined in ${definedIn.get(name)}`,
      });
    definedIn.set(name, file);
    into[name] = value;
  }
}
