import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { isEmpty, seedDemo } from '../demo/seed.ts';
import { createApp, webRoot } from './app.ts';
import { loadDataKeys } from './auth/personal-data.ts';
import { loadConfig, type Config } from './config.ts';
import { openConfiguredDatabase, type Database } from './db/client.ts';

export type Platform = { url: string; database: Database; server: ServerType; close(): Promise<void> };

/** config → database → migrations → (demo seed) → listen. */
export async function startPlatform(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<Platform> {
  const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  if (config.demo && (await isEmpty(database.db))) {
    const started = Date.now();
    const demo = await seedDemo(database.db, keys, {
      seed: config.demoSeed,
      scale: config.demoScale,
      password: config.demoPassword,
    });
    logger.info(
      { territories: demo.territories.length, accounts: demo.accounts.length, ms: Date.now() - started },
      'demo county seeded',
    );
  }
  const app = createApp({ db: database.db, keys, config, logger });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: database.kind, demo: config.demo }, 'Wuwei is listening');
  return {
    url,
    database,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** Builds the web app with Vite when `dist/web` is missing, so `npm start` works on a fresh clone. */
export async function ensureWebBuilt(logger: Logger): Promise<void> {
  if (fs.existsSync(path.join(webRoot, 'index.html'))) return;
  logger.info('building the web app (first start)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  await ensureWebBuilt(logger);
  const platform = await startPlatform(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
