// A worker thread of `scan --jobs N`: loads and compiles the same election and rule files as the main thread, then
// evaluates the batches it is sent, each activity as `scan` does on one thread (see evaluate-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadElection } from '../load/election.js';
import { ActivityView } from './activity-view.js';
import { compileRules } from './compile.js';
import { evaluate } from './evaluate.js';
import {
  type CompactEvaluation,
  compactEvaluation,
  type PoolSetup,
  type WorkerReply,
  type WorkerRequest,
} from './evaluate-pool.js';
import { loadRulePack } from './rule-pack.js';
import { textModelOf } from './text-model.js';

const port = parentPort!;
const setup = workerData as PoolSetup;
const reply = (message: WorkerReply) => port.postMessage(message);

try {
  const election = await loadElection(setup.election);
  const pack = await loadRulePack(setup.rules);
  const rules = compileRules(pack, election);
  const text = textModelOf(pack, election);
  const ruleIndex = new Map(rules.map((rule, i) => [rule, i]));
  port.on('message', ({ id, activities, anyTimeOnly }: WorkerRequest) => {
    try {
      const evaluations: CompactEvaluation[] = activities.map((activity, i) =>
        compactEvaluation(
          evaluate(new ActivityView(activity, election, text), rules, undefined, { anyTimeOnly: anyTimeOnly[i]! }),
          ruleIndex,
        ),
      );
      reply({ id, evaluations });
    } catch (error) {
      reply({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  reply({ id: -1, ready: true, rules: rules.length });
} catch (error) {
  reply({ id: -1, error: error instanceof Error ? error.message : String(error) });
}
