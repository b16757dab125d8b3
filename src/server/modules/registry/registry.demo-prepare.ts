import { Worker } from 'node:worker_threads';
import type { DemoOptions } from '../../core/kit/module.ts';
import type { DemoCounty } from '../territory/territory.public.ts';

/** What the seed sends once the territory is in: where the random stream is, the county, the keys. */
export type RegistryWork = {
  position: number;
  county: DemoCounty;
  keys: { encryption: Uint8Array; blindIndex: Uint8Array };
  gridsPerBatch: number;
};

/** What the worker sends back: each batch of rows as it is made, then where it left the random stream. */
export type RegistryMessage<B> =
  { type: 'ready' } | { type: 'batch'; batch: B } | { type: 'done'; position: number };

const bootFile = new URL('./registry.demo-worker-boot.mjs', import.meta.url);

/** The worker started by `prepareRegistryWorker`, ready for the seed of these options. */
let prepared: { seed: number; scale: number; worker: Worker } | undefined;

/**
 * Starts the thread that will make the registry's demo rows (registry.demo-worker.ts) and waits until its code is
 * loaded, so that a first start does that while the database is created and migrated (the registry module's
 * `demo.prepare`). The rows themselves need the territory's ids and the random stream's position, sent when the
 * registry's generator runs (`takeRegistryWorker`). Rejects when the worker cannot start: the generator then makes
 * the rows itself.
 */
export function prepareRegistryWorker(options: DemoOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootFile);
    // An unused worker (the database held a county already) does not keep the process alive.
    worker.unref();
    const failed = (error: unknown) => {
      if (prepared?.worker === worker) prepared = undefined;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.once('message', (message: { type: string }) => {
      if (message.type !== 'ready') return failed(new Error(`the registry's worker said ${message.type}`));
      worker.off('error', failed);
      prepared = { seed: options.seed, scale: options.scale, worker };
      resolve();
    });
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`the registry's worker ended (${code})`)));
  });
}

/** The prepared worker for these options, handed over once (undefined when none was prepared or it failed). */
export function takeRegistryWorker(options: DemoOptions): Worker | undefined {
  const taken = prepared;
  prepared = undefined;
  if (!taken) return undefined;
  if (taken.seed !== options.seed || taken.scale !== options.scale) {
    void taken.worker.terminate();
    return undefined;
  }
  return taken.worker;
}
