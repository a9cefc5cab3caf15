// Indonesian, Javanese and Sundanese affixes peeled off a word to find a root the rules know: `mendukung`,
// `dukungannya`, `memenangkan`, `menangkeun`, `dukunganana`. Only roots in the given set count, so `menangis`
// (crying) never becomes `menang` (to win): it has no affix that leaves a known root.

/** Particles and possessives, then derivational suffixes (Indonesian, Betawi `-in`, Javanese `-ke`, Sundanese `-keun`). */
const PARTICLES = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu', 'na', 'ne', 'e'];
const SUFFIXES = ['kan', 'keun', 'ake', 'ke', 'an', 'ana', 'in', 'i', 'eun'];

/**
 * Verb prefixes with the letter their nasal replaced: `mem`+`pilih` → `memilih`, `men`+`tang` → `menang`…
 * Noun prefixes (`pe-`, `pem-`, `peng-`, `ke-…-an` alone) are left alone on purpose: `pemilihan` (an election)
 * and `pemilu` are not the verb `pilih`.
 */
const PREFIXES: readonly (readonly [prefix: string, restore: readonly string[]])[] = [
  ['meny', ['s']],
  ['meng', ['', 'k']],
  ['mem', ['', 'p']],
  ['men', ['', 't']],
  ['me', ['']],
  ['di', ['']],
  ['ber', ['']],
  ['ter', ['']],
  ['nga', ['']],
  ['ng', ['', 'k']],
  ['ny', ['s', 'c']],
  ['ke', ['']],
  ['ka', ['']],
];

const MIN_ROOT = 4;

/**
 * The known root of `word`, or null when none is reached by peeling at most one prefix, one derivational suffix
 * and one particle (`memenangkannya` → `menang`). A word that is itself a root is not changed.
 */
export function rootOf(word: string, roots: ReadonlySet<string>): string | null {
  if (word.length <= MIN_ROOT || roots.has(word)) return null;
  // Words recur across rows (a language has a few thousand common ones), and peeling tries up to a hundred slices.
  let known = peeled.get(roots);
  if (known === undefined) {
    known = new Map();
    peeled.set(roots, known);
  }
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const root = peel(word, roots);
  // Bounded: a file of random strings must not grow it without end. The key is a copy: a token is often a slice of
  // its row's text, which the cache would otherwise keep alive.
  if (known.size >= PEELED_LIMIT) known.clear();
  known.set(` ${word}`.slice(1), root);
  return root;
}

/** Roots already found, per root set: word → root, or null when no affix leaves a known root. */
const peeled = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();
const PEELED_LIMIT = 1 << 16;

function peel(word: string, roots: ReadonlySet<string>): string | null {
  for (const base of withoutSuffixes(word)) {
    if (base !== word && roots.has(base)) return base;
    for (const [prefix, restores] of PREFIXES) {
      if (!base.startsWith(prefix) || base.length - prefix.length < 2) continue;
      for (const letter of restores) {
        const root = letter + base.slice(prefix.length);
        if (root.length >= MIN_ROOT && roots.has(root)) return root;
      }
    }
  }
  return null;
}

/** The word with nothing, a particle, a suffix, or a suffix then a particle removed (longest affixes first). */
function withoutSuffixes(word: string): string[] {
  const out = [word];
  for (const particle of PARTICLES) {
    if (!word.endsWith(particle)) continue;
    const bare = word.slice(0, -particle.length);
    out.push(bare);
    for (const suffix of SUFFIXES) if (bare.endsWith(suffix)) out.push(bare.slice(0, -suffix.length));
  }
  for (const suffix of SUFFIXES) if (word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  return out.filter((w) => w.length >= MIN_ROOT - 1);
}
