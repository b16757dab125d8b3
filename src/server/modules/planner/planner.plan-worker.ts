import { parentPort } from 'node:worker_threads';
import { planSnapshot, type FromPlanWorker, type ToPlanWorker } from './planner.plan.ts';

/** Plans each snapshot sent (planner.plan.ts `planInWorker`), one at a time, and sends back what is stored of it. */
parentPort!.on('message', ({ id, snapshot, params }: ToPlanWorker) => {
  let reply: FromPlanWorker;
  try {
    reply = { id, outcome: planSnapshot(snapshot, params) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
