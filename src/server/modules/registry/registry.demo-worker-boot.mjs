// The registry demo's worker thread starts here (registry.demo-worker.ts, started by registry.demo-prepare.ts): on
// Node 20 a worker's entry is resolved before the `--import` hooks it inherits are in place, so tsx is registered
// inside the thread first, then the worker itself is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./registry.demo-worker.ts');
