// Evaluation on worker threads (`scan --jobs N`). The main thread keeps reading and normalising rows in file order;
// workers run the rules over batches of them. What comes back is compact (a rule is its index, a candidate its id) and
// is applied in the order the batches were sent, so the report is byte-identical to an evaluation on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Activity, Candidate, Election } from '../shared/types.js';
import type { CompiledRule } from './compile.js';
import type { Cancellation, CancelReason, Evaluation, Match } from './evaluate.js';

/** What a worker needs to build the same compiled rules as the main thread: the files, which it loads itself. */
export interface PoolSetup {
  election: string;
  rules: string[];
}

/** A match as it crosses threads: the rule by its index in the compiled list, the candidate by id. */
export interface CompactMatch extends Omit<Match, 'rule' | 'candidate'> {
  rule: number;
  candidate: string | null;
}

export interface CompactEvaluation {
  matches: CompactMatch[];
  cancelled: { match: CompactMatch; reason: CancelReason }[];
}

/** `anyTimeOnly[i]`: activity i is outside `--since`/`--until`, evaluated by the rules that apply at any time only. */
export type WorkerRequest = { id: number; activities: Activity[]; anyTimeOnly: boolean[] };
export type WorkerReply =
  | { id: number; evaluations: CompactEvaluation[] }
  | { id: number; error: string }
  | { id: -1; ready: true; rules: number }
  | { id: -1; error: string };

export function compactEvaluation(evaluation: Evaluation, ruleIndex: ReadonlyMap<CompiledRule, number>) {
  const compact = (match: Match): CompactMatch => ({
    ...match,
    rule: ruleIndex.get(match.rule)!,
    candidate: match.candidate?.id ?? null,
    // Spans only serve exceptions, which have already been applied; the report never shows them.
    evidence: match.evidence.map(({ spans: _spans, ...kept }) => kept),
  });
  return {
    matches: evaluation.matches.map(compact),
    cancelled: evaluation.cancelled.map((c) => ({ match: compact(c.match), reason: c.reason })),
  };
}

/** Turns a compact evaluation back into one over the main thread's compiled rules and election. */
export function expandEvaluation(
  compact: CompactEvaluation,
  rules: readonly CompiledRule[],
  election: Election,
): Evaluation {
  const candidates = new Map<string, Candidate>(election.candidates.map((c) => [c.id, c]));
  const expand = (match: CompactMatch): Match => ({
    ...match,
    rule: rules[match.rule]!,
    candidate: match.candidate === null ? null : candidates.get(match.candidate)!,
  });
  return {
    matches: compact.matches.map(expand),
    cancelled: compact.cancelled.map((c): Cancellation => ({ match: expand(c.match), reason: c.reason })),
  };
}

const WORKER_SCRIPT = new URL('./evaluate-worker.js', import.meta.url);

/**
 * False when this module runs from its TypeScript source (the unit tests), where no compiled worker lies beside it:
 * an unset `--jobs` then evaluates on the main thread.
 */
export const workersAvailable = existsSync(fileURLToPath(WORKER_SCRIPT));

interface Pending {
  resolve: (evaluations: CompactEvaluation[]) => void;
  reject: (error: Error) => void;
}

/** A fixed set of workers, each given whole batches in turn. */
export class EvaluationPool {
  private next = 0;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(`rule evaluation failed in a worker thread: ${reply.error}`));
        else if ('evaluations' in reply) waiting.resolve(reply.evaluations);
      });
      worker.on('error', (error) => this.failAll(error));
    }
  }

  /** Starts `jobs` workers and waits until each has compiled the rules; `expectedRules` guards against drift. */
  static async start(jobs: number, setup: PoolSetup, expectedRules: number): Promise<EvaluationPool> {
    const workers = Array.from({ length: jobs }, () => new Worker(WORKER_SCRIPT, { workerData: setup }));
    try {
      await Promise.all(workers.map((worker) => ready(worker, expectedRules)));
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    return new EvaluationPool(workers);
  }

  /** Evaluates a batch on the next worker; the promise holds one compact evaluation per activity, in order. */
  evaluate(activities: Activity[], anyTimeOnly: boolean[]): Promise<CompactEvaluation[]> {
    const id = this.nextId++;
    const worker = this.workers[this.next]!;
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, activities, anyTimeOnly } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

function ready(worker: Worker, expectedRules: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== -1) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if ('error' in reply) reject(new Error(`a worker thread could not load the rules: ${reply.error}`));
      else if (!('ready' in reply)) return;
      else if (reply.rules !== expectedRules)
        reject(new Error(`a worker thread compiled ${reply.rules} rules where the scan has ${expectedRules}`));
      else resolve();
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
  });
}
