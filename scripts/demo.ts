// `npm run demo -- [--seed N] [--scale 0.1] [--data-dir DIR]`: builds a demo county into an empty database
// (WUWEI_DATA_DIR's PGlite, or DATABASE_URL), says how it goes on stderr and prints what it made and how long it
// took as one JSON line on stdout. Started by the server (src/server/main.ts), it reports each step over IPC instead.
import { parseArgs } from 'node:util';
import { isEmpty, prepareDemo, seedDemo, type SeedStep } from '../src/demo/seed.ts';
import { loadDataKeys } from '../src/server/core/auth/personal-data.ts';
import { loadConfig } from '../src/server/config.ts';
import { openConfiguredDatabase } from '../src/server/core/db/client.ts';
import { createStartupReport, formatCount, seedModuleLine } from '../src/server/startup/report.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scale: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});
const config = loadConfig({
  ...process.env,
  ...(values['data-dir'] ? { WUWEI_DATA_DIR: values['data-dir'] } : {}),
  ...(values.seed ? { WUWEI_DEMO_SEED: values.seed } : {}),
  ...(values.scale ? { WUWEI_DEMO_SCALE: values.scale } : {}),
});

/** The server's seeding child sends its steps to the server; run by hand, they are lines on stderr. */
type Message = { type: 'database-ready'; ms: number } | { type: 'seed-step'; step: SeedStep };
const send = process.send ? (message: Message) => process.send!(message) : null;
const report = send ? null : createStartupReport(process.stderr, { live: process.stderr.isTTY === true });

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
const result = await seedDemo(database.db, keys, options, undefined, (step) => {
  send?.({ type: 'seed-step', step });
  if (!seeding) return;
  if (step.stage === 'module' && step.done) seeding.line(seedModuleLine(step.module, step.rows, step.ms));
  else if (step.stage === 'module') seeding.status(`${step.module} ${step.index + 1}/${step.of}`);
  else if (step.stage === 'rows') {
    seeding.status(
      `${step.module} ${step.index + 1}/${step.of}: ${step.what} ${formatCount(step.rows)} / ${formatCount(step.total)}`,
    );
  } else if (!step.done) seeding.status(step.stage === 'commit' ? 'committing' : 'vacuuming');
});
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
