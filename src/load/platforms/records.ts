// Safe, case-tolerant access to the loose JSON shapes of platform exports.

export type JsonRecord = { readonly [key: string]: unknown };

export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The own property named by one of `names` (tried in order, exact spelling first, then ignoring case), with
 * the key as the file spells it. Own properties only: `constructor` or `__proto__` never reach `Object.prototype`.
 */
export function entry(record: unknown, ...names: string[]): { key: string; value: unknown } | undefined {
  if (!isRecord(record)) return undefined;
  for (const name of names) {
    if (Object.hasOwn(record, name)) return { key: name, value: record[name] };
  }
  const keys = Object.keys(record);
  for (const name of names) {
    const key = keys.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key !== undefined) return { key, value: record[key] };
  }
  return undefined;
}

export function prop(record: unknown, ...names: string[]): unknown {
  return entry(record, ...names)?.value;
}

/** A string or number as trimmed text; anything else (null, objects, booleans) as ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function textProp(record: unknown, ...names: string[]): string {
  return asText(prop(record, ...names));
}

/** An array as is; `null` and missing lists (TikTok writes `null` for empty sections) as []. */
export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function listProp(record: unknown, ...names: string[]): readonly unknown[] {
  return asList(prop(record, ...names));
}

/** X wraps each record in one key named after its type (`{"tweet": {...}}`); flat records pass through. */
export function unwrapSingleKey(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 && keys[0] !== undefined ? value[keys[0]] : undefined;
  return isRecord(only) ? only : value;
}
