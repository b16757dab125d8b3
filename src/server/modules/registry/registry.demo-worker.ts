// The registry demo's worker thread (started by registry.demo-prepare.ts, loaded through registry.demo-worker-boot.mjs):
// it makes the registry's demo rows batch by batch from the random stream's position it is sent, and sends each batch
// back as it is made, then where it left the stream.
import { parentPort } from 'node:worker_threads';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import { createRandom } from '../../core/demo/random.ts';
import type { RegistryMessage, RegistryWork } from './registry.demo-prepare.ts';
import { registryBatches, type RegistryBatch } from './registry.demo.ts';

const port = parentPort!;
port.once('message', (work: RegistryWork) => {
  const random = createRandom(1);
  random.moveTo(work.position);
  const keys: DataKeys = {
    encryption: Buffer.from(work.keys.encryption),
    blindIndex: Buffer.from(work.keys.blindIndex),
  };
  for (const batch of registryBatches(random, work.county, keys, work.gridsPerBatch)) {
    port.postMessage({ type: 'batch', batch } satisfies RegistryMessage<RegistryBatch>);
  }
  port.postMessage({ type: 'done', position: random.position() } satisfies RegistryMessage<RegistryBatch>);
});
port.postMessage({ type: 'ready' } satisfies RegistryMessage<RegistryBatch>);
