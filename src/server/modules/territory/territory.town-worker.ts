import { parentPort, workerData } from 'node:worker_threads';
import { buildTownCounty } from './territory.town.ts';

/** Plans the town county of `workerData` ({ seed, scale }) and sends it back (territory.town-prepare.ts). */
const { seed, scale } = workerData as { seed: number; scale: number };
parentPort!.postMessage(buildTownCounty(seed, scale));
