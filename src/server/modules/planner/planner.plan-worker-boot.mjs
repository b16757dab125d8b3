// The planning thread starts here (planner.plan-worker.ts, started by planner.plan.ts): on Node 20 a worker's entry
// is resolved before the `--import` hooks it inherits are in place, so tsx is registered inside the thread first,
// then the worker itself is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./planner.plan-worker.ts');
