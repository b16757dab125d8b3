import { parentPort, workerData } from 'node:worker_threads';
import { openExportSheet, type SheetSetup } from './registry-export.sheet.ts';

/**
 * The export's worker thread (started by registry-export.service.ts): writes the sheet (registry-export.sheet.ts)
 * while the job's thread reads the next batch. Messages in: `{ batch, ids, rows }`, `{ finish }`, `{ abort }`;
 * out: `{ batch, written }` once a batch is in the file, `{ done, fileSize }`, `{ failed, message }`. A failure ends
 * the thread after saying why (the job fails with that message); the partial file is removed.
 */

export type ToWorker =
  { type: 'batch'; batch: number; ids: string[]; rows: string } | { type: 'finish' } | { type: 'abort' };
export type FromWorker =
  | { type: 'written'; batch: number; written: number }
  | { type: 'done'; fileSize: number }
  | { type: 'failed'; message: string };
export type WorkerSetup = SheetSetup & { encryptionKey: Uint8Array };

const port = parentPort!;
const setup = workerData as WorkerSetup;
const sheet = openExportSheet(
  // The blind-index key is not needed here and not sent.
  { encryption: Buffer.from(setup.encryptionKey), blindIndex: Buffer.alloc(0) },
  setup,
);
const post = (message: FromWorker) => port.postMessage(message);

// Messages are handled one after another: a batch is written completely before the next (or the end) is taken.
let queue = Promise.resolve();
let failed = false;
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    if (message.type === 'batch') {
      post({ type: 'written', batch: message.batch, written: await sheet.write(message.ids, message.rows) });
    } else if (message.type === 'finish') {
      post({ type: 'done', fileSize: await sheet.finish() });
      port.close();
    } else {
      await sheet.abort(new Error('export stopped'));
      port.close();
    }
  });
  queue.catch(async (error: unknown) => {
    if (failed) return;
    failed = true;
    await sheet.abort(error).catch(() => undefined);
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
    process.exit(1);
  });
});
