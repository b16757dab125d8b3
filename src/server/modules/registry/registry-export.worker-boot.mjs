// The export's worker thread starts here when the server runs its TypeScript through tsx: on Node 20 a worker's
// entry is resolved before the `--import` hooks it inherits are in place, so tsx is registered inside the thread
// first, then the worker itself is loaded (registry-export.worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./registry-export.worker.ts');
