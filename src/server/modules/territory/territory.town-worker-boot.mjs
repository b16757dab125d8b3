// The town's worker thread starts here (territory.town-worker.ts, started by territory.town-prepare.ts): on Node 20 a
// worker's entry is resolved before the `--import` hooks it inherits are in place, so tsx is registered inside the
// thread first, then the worker itself is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./territory.town-worker.ts');
