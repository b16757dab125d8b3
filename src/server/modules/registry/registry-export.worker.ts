import { parentPort, workerData } from 'node:worker_threads';
import { rowFormatter, type FormattedRows, type SheetSetup } from './registry-export.format.ts';
import type { ExportSheet } from './registry-export.sheet.ts';

/**
 * The export's worker threads (started by registry-export.service.ts), in one of two roles:
 * - `sheet`: writes the sheet (registry-export.sheet.ts) while the job's thread reads the next batch. Started
 *   before the ids are read, it gets the export's households and buildings with `{ lookups }`; then in:
 *   `{ batch, ids, rows }` (formats and writes it), `{ rows: formatted, firstRow }` (writes a batch the formatter
 *   made), `{ finish }`, `{ abort }`; out: `{ written }` once a batch is in the file, `{ done, fileSize }`.
 * - `format`: a large export's second thread, formatting every other batch. In: `{ batch, ids, rows, firstRow }`;
 *   out: `{ formatted }`.
 * Either says `{ failed, message }` and ends on a failure (the job fails with that message; the partial file is
 * removed).
 */

export type ToWorker =
  | { type: 'lookups'; households: string; buildings: string; tags: string }
  | { type: 'batch'; batch: number; ids: string[]; rows: string | Uint8Array; firstRow?: number }
  | { type: 'rows'; batch: number; formatted: FormattedRows; firstRow: number }
  | { type: 'finish' }
  | { type: 'abort' };
export type FromWorker =
  | { type: 'written'; batch: number; written: number }
  | { type: 'formatted'; batch: number; formatted: FormattedRows }
  | { type: 'done'; fileSize: number }
  | { type: 'failed'; message: string };
export type WorkerSetup = SheetSetup & { encryptionKey: Uint8Array; role?: 'sheet' | 'format' };

const port = parentPort!;
const setup = workerData as WorkerSetup;
// The blind-index key is not needed here and not sent.
const keys = { encryption: Buffer.from(setup.encryptionKey), blindIndex: Buffer.alloc(0) };
const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

async function sheetRole(message: ToWorker, sheet: ExportSheet) {
  if (message.type === 'lookups') {
    // Sent once, before any batch: the sheet's formatter is made at its first batch.
    setup.households = message.households;
    setup.buildings = message.buildings;
    setup.tags = message.tags;
  } else if (message.type === 'batch') {
    post({ type: 'written', batch: message.batch, written: await sheet.write(message.ids, message.rows) });
  } else if (message.type === 'rows') {
    post({
      type: 'written',
      batch: message.batch,
      written: await sheet.append(message.formatted, message.firstRow),
    });
  } else if (message.type === 'finish') {
    post({ type: 'done', fileSize: await sheet.finish() });
    port.close();
  } else {
    await sheet.abort(new Error('export stopped'));
    port.close();
  }
}

// The formatter loads no spreadsheet library (registry-export.format.ts); only the sheet's thread loads exceljs.
const sheet =
  setup.role === 'format' ? null : (await import('./registry-export.sheet.ts')).openExportSheet(keys, setup);
const formatter = setup.role === 'format' ? rowFormatter(keys, setup) : null;

// Messages are handled one after another: a batch is done completely before the next (or the end) is taken.
let queue = Promise.resolve();
let failed = false;
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    if (sheet) return sheetRole(message, sheet);
    if (message.type === 'batch') {
      // The bytes are moved (not copied) through the job's thread to the sheet's.
      const formatted = formatter!.format(message.ids, message.rows, message.firstRow ?? 0);
      post({ type: 'formatted', batch: message.batch, formatted }, [formatted.xml.buffer as ArrayBuffer]);
    } else {
      port.close();
    }
  });
  queue.catch(async (error: unknown) => {
    if (failed) return;
    failed = true;
    await sheet?.abort(error).catch(() => undefined);
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
    process.exit(1);
  });
});
