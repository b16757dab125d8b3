// `npm run demo -- [--seed N] [--scale 0.1] [--data-dir DIR]`: builds a demo county into an empty database
// (WUWEI_DATA_DIR's PGlite, or DATABASE_URL), says how it goes on stderr and prints what it made and how long it
// took as one JSON line on stdout. Started by the server (src/server/main.ts), it reports each step over IPC instead.
//
// Two modes only the server uses, over IPC, on PGlite (src/demo/deferred.ts): `--split` seeds the present, says
// `present-ready` (the server opens the platform on it), then seeds the deferred modules in a copy of the database
// and sends their rows in batches, each after the server has imported the one before; `--deferred-resume` goes on
// from that copy after an interrupted first start.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  deferredFolder,
  exportDeferred,
  loadContinuation,
  saveContinuation,
  type DeferredBatch,
  type SeedChildMessage,
} from '../src/demo/deferred.ts';
import {
  isEmpty,
  prepareDemo,
  seedDemo,
  seedDemoDeferred,
  seedDemoPresent,
  type SeedStep,
} from '../src/demo/seed.ts';
import { loadDataKeys, type DataKeys } from '../src/server/core/auth/personal-data.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { openDatabase, openConfiguredDatabase, pgliteClientOf } from '../src/server/core/db/client.ts';
import { createStartupReport, formatCount, seedModuleLine } from '../src/server/startup/report.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scale: { type: 'string' },
    'data-dir': { type: 'string' },
    split: { type: 'boolean' },
    'deferred-resume': { type: 'boolean' },
  },
});
const config = loadConfig({
  ...process.env,
  ...(values['data-dir'] ? { WUWEI_DATA_DIR: values['data-dir'] } : {}),
  ...(values.seed ? { WUWEI_DEMO_SEED: values.seed } : {}),
  ...(values.scale ? { WUWEI_DEMO_SCALE: values.scale } : {}),
});

/** The server's seeding child sends its steps to the server; run by hand, they are lines on stderr. */
const send = process.send ? (message: SeedChildMessage) => process.send!(message) : null;
const report = send ? null : createStartupReport(process.stderr, { live: process.stderr.isTTY === true });

if ((values.split || values['deferred-resume']) && (!send || config.databaseUrl)) {
  console.error('--split and --deferred-resume are for the server (over IPC, on PGlite)');
  process.exit(2);
}
// The server gone (killed), nothing is waiting for the rows: stop; its next start goes on from the copy.
if (values.split || values['deferred-resume']) process.on('disconnect', () => process.exit(1));

/** Each batch is sent when the server has imported the one before (it says `deferred-ack` with its index). */
function sendBatch(batch: DeferredBatch): Promise<void> {
  return new Promise((resolve) => {
    const onAck = (message: { type?: string; index?: number }) => {
      if (message.type !== 'deferred-ack' || message.index !== batch.index) return;
      process.off('message', onAck);
      resolve();
    };
    process.on('message', onAck);
    send!({ type: 'deferred-batch', batch });
  });
}

/** The deferred modules in the copy (unless a start before this one committed them there), then their rows sent. */
async function seedAndSendDeferred(config: Config, keys: DataKeys, onStep: (step: SeedStep) => void) {
  const folder = deferredFolder(config.dataDir);
  const copy = await openDatabase({
    kind: 'pglite',
    dataDir: path.join(folder, 'pglite'),
    sharedBuffers: '256MB',
    bulkLoad: true,
  });
  const client = pgliteClientOf(copy)!;
  const [mark] = (
    await client.query<{ state: string; txid: string | null }>(
      'select state, txid::text from demo_deferred where id = 1',
    )
  ).rows;
  let txid = mark?.state === 'seeded' ? Number(mark.txid) : null;
  if (txid === null) {
    const continuation = loadContinuation(folder, keys);
    const options = { seed: config.demoSeed, scale: config.demoScale, password: config.demoPassword };
    txid = (await seedDemoDeferred(copy.db, keys, options, continuation, undefined, onStep)).txid;
  }
  const sent = await exportDeferred(client, txid, sendBatch);
  await copy.close();
  // Answered (index -1) once the server has marked the data done.
  const finished = new Promise<void>((resolve) =>
    process.on('message', (message: { type?: string; index?: number }) => {
      if (message.type === 'deferred-ack' && message.index === -1) resolve();
    }),
  );
  send!({ type: 'deferred-end', ...sent });
  await finished;
}

if (values['deferred-resume']) {
  const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
  await seedAndSendDeferred(config, keys, (step) => send!({ type: 'seed-step', step }));
  process.exit(0);
}

const started = performance.now();
const options = { seed: config.demoSeed, scale: config.demoScale, password: config.demoPassword };
// The modules' pure preparations (the town's plans) run in worker threads while the database is created.
const prepared = prepareDemo(options);
const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
const opening = report?.stage('opening and migrating the database');
// This process only seeds, then exits: PGlite may keep more of the county in memory while it loads (client.ts).
const database = await openConfiguredDatabase(config, { sharedBuffers: '256MB', bulkLoad: true });
await database.migrate();
opening?.done(database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL');
send?.({ type: 'database-ready', ms: performance.now() - started });
if (!(await isEmpty(database.db))) {
  report?.close();
  console.error('the database already holds a county; use an empty data folder (--data-dir) or database');
  await database.close();
  process.exit(2);
}
const seeding = report?.stage('seeding the demo county');
await prepared;
const onStep = (step: SeedStep) => {
  send?.({ type: 'seed-step', step });
  if (!seeding) return;
  if (step.stage === 'module' && step.done) seeding.line(seedModuleLine(step.module, step.rows, step.ms));
  else if (step.stage === 'module') seeding.status(`${step.module} ${step.index + 1}/${step.of}`);
  else if (step.stage === 'rows') {
    seeding.status(
      `${step.module} ${step.index + 1}/${step.of}: ${step.what} ${formatCount(step.rows)} / ${formatCount(step.total)}`,
    );
  } else if (!step.done) seeding.status(step.stage === 'commit' ? 'committing' : 'vacuuming');
};
if (values.split) {
  const continuation = await seedDemoPresent(database.db, keys, options, undefined, onStep);
  await database.close();
  // The copy is made from the closed folder, and the continuation sealed beside it, before the server opens the
  // folder: from here on a start that is interrupted goes on from them.
  const folder = deferredFolder(config.dataDir);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.cpSync(path.join(config.dataDir, 'pglite'), path.join(folder, 'pglite'), { recursive: true });
  saveContinuation(folder, keys, continuation);
  send!({ type: 'present-ready' });
  await seedAndSendDeferred(config, keys, onStep);
  process.exit(0);
}
const result = await seedDemo(database.db, keys, options, undefined, onStep);
await database.close();
seeding?.done(`${formatCount(result.residents ?? 0)} residents`);
report?.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    database: database.kind,
    seed: config.demoSeed,
    scale: config.demoScale,
    territories: result.territories,
    buildings: result.buildings,
    households: result.households,
    residents: result.residents,
    accounts: result.accounts,
    seconds: Math.round(seconds * 10) / 10,
  }),
);
