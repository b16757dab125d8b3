import { Worker } from 'node:worker_threads';
import { primeTownCounty, type TownCounty } from './territory.town.ts';

const bootFile = new URL('./territory.town-worker-boot.mjs', import.meta.url);

/**
 * Plans the demo's town county in a worker thread (a few seconds at scale 1: the town and its two layouts, 267 and
 * 204 grids) and keeps it for `townCounty`, so that a first start does it while the database is being created and
 * migrated (the territory module's `demo.prepare`). Rejects when the worker fails; `townCounty` then plans it itself.
 */
export function prepareTownCounty(seed: number, scale: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootFile, { workerData: { seed, scale } });
    worker.once('message', (county: TownCounty) => {
      primeTownCounty(seed, scale, county);
      resolve();
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the town's worker ended (${code}) without a town`)));
  });
}
