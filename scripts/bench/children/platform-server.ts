/**
 * Bench child: the Wuwei platform exactly as `npm start` runs it (config → database → migrations → demo seed →
 * listen), on the data folder / database the runner prepared, with statement counting added for diagnosis.
 */
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../../../src/server/config.ts';
import { startPlatform, type Platform } from '../../../src/server/main.ts';
import { countCalls, countRequests, failChild, serveAsChild } from './instrument.ts';

// Every statement drizzle sends goes through one of these (PGlite serialises them behind this mutex method).
const counting = {
  pglite: countCalls(PGlite.prototype, '_runExclusiveQuery'),
  postgres: countCalls(pg.Client.prototype, 'query'),
};

let platform: Platform | undefined;
const child = serveAsChild(async () => {
  await platform?.close();
});

try {
  if (!process.env.WUWEI_DATA_DIR) throw new Error('WUWEI_DATA_DIR must name the temporary data folder');
  const started = performance.now();
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    WUWEI_DEMO: 'on',
    WUWEI_DEMO_SEED: '1',
    WUWEI_DEMO_SCALE: '1',
    WUWEI_DEMO_PASSWORD: 'wuwei-demo',
  });
  platform = await startPlatform(config);
  // A fresh PGlite folder's demo history comes after the platform opens: the scenarios measure the whole county.
  await platform.deferred;
  countRequests(platform.server);
  child.ready(platform.url, performance.now() - started, {
    database: platform.database.kind,
    queryCounting: platform.database.kind === 'pglite' ? counting.pglite : counting.postgres,
  });
} catch (error) {
  failChild(error);
}
