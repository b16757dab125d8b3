// `npm run demo -- [--seed N] [--scale 0.1] [--data-dir DIR] [--force]`: builds a demo county into an empty database
// (WUWEI_DATA_DIR's PGlite, or DATABASE_URL) and prints what it made and how long it took.
import { parseArgs } from 'node:util';
import { isEmpty, seedDemo } from '../src/demo/seed.ts';
import { loadDataKeys } from '../src/server/core/auth/personal-data.ts';
import { loadConfig } from '../src/server/config.ts';
import { openConfiguredDatabase } from '../src/server/core/db/client.ts';

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
const started = performance.now();
const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
const database = await openConfiguredDatabase(config);
await database.migrate();
if (!(await isEmpty(database.db))) {
  console.error('the database already holds a county; use an empty data folder (--data-dir) or database');
  await database.close();
  process.exit(2);
}
const result = await seedDemo(database.db, keys, {
  seed: config.demoSeed,
  scale: config.demoScale,
  password: config.demoPassword,
});
await database.close();
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
