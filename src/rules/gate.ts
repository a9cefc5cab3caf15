// A rule's necessary words: from its condition tree, the words at least one of which an act's text must hold for the
// rule to match at all. Most acts hold none of a rule's words, and one lookup per token of the act then skips every
// such rule without running its conditions; the matches are the same, only cheaper (test/rules/gate.test.ts).
import type { ActivityView, TextField } from './activity-view.js';
import type { TermMatcher } from './term-matcher.js';

/**
 * Per field, the first tokens of the terms the condition needs (a term matches only where its first word is a token
 * or a token's root), and the hashtag keys it needs. An empty gate: the condition can never hold. Null (where a gate
 * is expected): the condition can hold whatever the text says.
 */
export interface Gate {
  tokens: Map<TextField, Set<string>>;
  hashtags: Map<TextField, Set<string>>;
}

export function emptyGate(): Gate {
  return { tokens: new Map(), hashtags: new Map() };
}

/** Some term of one of these matchers must be found in one of the fields. */
export function termsGate(matchers: readonly TermMatcher[], fields: readonly TextField[]): Gate {
  const gate = emptyGate();
  for (const field of fields) {
    const words = new Set<string>();
    for (const matcher of matchers) for (const word of matcher.firstTokens()) words.add(word);
    gate.tokens.set(field, words);
  }
  return gate;
}

export function hashtagsGate(tags: ReadonlySet<string>, fields: readonly TextField[]): Gate {
  const gate = emptyGate();
  for (const field of fields) gate.hashtags.set(field, new Set(tags));
  return gate;
}

/** One of the gates is met: any of their words. Null when a branch needs no words. */
export function unionGate(gates: readonly (Gate | null)[]): Gate | null {
  const union = emptyGate();
  for (const gate of gates) {
    if (gate === null) return null;
    for (const kind of ['tokens', 'hashtags'] as const)
      for (const [field, words] of gate[kind]) {
        const into = union[kind].get(field) ?? new Set<string>();
        for (const word of words) into.add(word);
        union[kind].set(field, into);
      }
  }
  return union;
}

/** Every gate is needed, so any one of them will do: the one with the fewest words skips most. */
export function narrowestGate(gates: readonly (Gate | null)[]): Gate | null {
  let best: Gate | null = null;
  for (const gate of gates) if (gate !== null && (best === null || gateSize(gate) < gateSize(best))) best = gate;
  return best;
}

function gateSize(gate: Gate): number {
  let size = 0;
  for (const kind of ['tokens', 'hashtags'] as const) for (const words of gate[kind].values()) size += words.size;
  return size;
}

/**
 * The gates of a list of bindings, by slot, inverted: for each field, the slots each word opens. `open` marks, for one
 * act, the slots whose words it holds; a slot without a gate is always open.
 */
export class GateIndex {
  private readonly byToken = new Map<TextField, Map<string, number[]>>();
  private readonly byHashtag = new Map<TextField, Map<string, number[]>>();
  private readonly ungated: Uint8Array;
  private readonly stamps: Uint32Array;
  private generation = 0;

  constructor(gates: readonly (Gate | null)[]) {
    this.ungated = new Uint8Array(gates.length);
    this.stamps = new Uint32Array(gates.length);
    gates.forEach((gate, slot) => {
      if (gate === null) {
        this.ungated[slot] = 1;
        return;
      }
      invert(gate.tokens, slot, this.byToken);
      invert(gate.hashtags, slot, this.byHashtag);
    });
  }

  /** Marks the slots the act's words open; `isOpen` answers for this act until the next `mark`. */
  mark(view: ActivityView): void {
    // A wrapped-around counter would make old marks look current: start the stamps again.
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    const now = this.generation;
    const stamps = this.stamps;
    for (const [field, words] of this.byToken) {
      const tokens = view.tokens(field);
      if (tokens.length === 0) continue;
      for (const token of tokens) {
        const slots = words.get(token);
        if (slots) for (const slot of slots) stamps[slot] = now;
      }
      for (const root of view.roots(field)) {
        if (root === undefined) continue;
        const slots = words.get(root);
        if (slots) for (const slot of slots) stamps[slot] = now;
      }
    }
    for (const [field, tags] of this.byHashtag) {
      for (const tag of view.hashtags(field)) {
        const slots = tags.get(tag);
        if (slots) for (const slot of slots) stamps[slot] = now;
      }
    }
  }

  isOpen(slot: number): boolean {
    return this.ungated[slot] === 1 || this.stamps[slot] === this.generation;
  }
}

function invert(words: Map<TextField, Set<string>>, slot: number, into: Map<TextField, Map<string, number[]>>): void {
  for (const [field, set] of words) {
    const byWord = into.get(field) ?? new Map<string, number[]>();
    into.set(field, byWord);
    for (const word of set) {
      const slots = byWord.get(word);
      if (slots) slots.push(slot);
      else byWord.set(word, [slot]);
    }
  }
}
