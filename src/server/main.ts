import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { isEmpty } from '../demo/seed.ts';
import { createApp, webRoot } from './app.ts';
import { backgroundWork } from './background.ts';
import { loadDataKeys } from './core/auth/personal-data.ts';
import { loadConfig, type Config } from './config.ts';
import { openConfiguredDatabase, type Database } from './core/db/client.ts';
import { startJobRunner } from './core/jobs/runner.ts';
import { gridCounts } from './modules/registry/grid-stats.ts';

export type Platform = { url: string; database: Database; server: ServerType; close(): Promise<void> };

/** config → database → migrations → (demo seed) → listen. */
export async function startPlatform(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<Platform> {
  // Without it V8 lets a busy server's heap grow to several hundred MB of garbage before collecting it.
  if (config.lowMemory) v8.setFlagsFromString('--optimize-for-size');
  const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
  let database = await openConfiguredDatabase(config);
  await database.migrate();
  if (config.demo && (await isEmpty(database.db))) {
    // PGlite allows one process per data folder: the server's handle is closed while the child seeds.
    if (database.kind === 'pglite') await database.close();
    await seedInChildProcess(config, logger);
    if (database.kind === 'pglite') database = await openConfiguredDatabase(config);
  }
  const app = createApp({ db: database.db, keys, config, logger });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: database.kind, demo: config.demo }, 'Wuwei is listening');
  // Count every grid once now, so the first dashboard after start reads sums instead of scanning the registry.
  const warming = Date.now();
  gridCounts(database.db).then(
    (grids) => logger.info({ grids: grids.size, ms: Date.now() - warming }, 'grid counts ready'),
    (error: unknown) => logger.warn({ err: error }, 'grid counts not warmed'),
  );
  const jobs = startJobRunner({
    db: database.db,
    logger,
    exclusive: database.kind === 'pglite',
    ...backgroundWork(database, keys, logger),
  });
  return {
    url,
    database,
    server,
    close: async () => {
      // A request still being answered may enqueue: its job waits in the table for the next start.
      await Promise.all([jobs.stop(), new Promise<void>((resolve) => server.close(() => resolve()))]);
      await database.close();
    },
  };
}

/**
 * Seeds the demo county in a child process: generating and loading a quarter of a million rows grows PGlite's
 * WebAssembly heap, which never shrinks, so the server itself would keep that peak for its whole life.
 */
async function seedInChildProcess(config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const script = path.resolve(import.meta.dirname, '../../scripts/demo.ts');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: seedEnvironment(config),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`demo seeding failed (exit ${code})`)),
    );
  });
  logger.info(
    { ...(JSON.parse(output.trim().split('\n').pop() ?? '{}') as object), ms: Date.now() - started },
    'demo county seeded',
  );
}

/** The child's environment says exactly what `config` says, whatever the parent's environment holds. */
function seedEnvironment(config: Config): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WUWEI_DATA_DIR: config.dataDir,
    WUWEI_DEMO_SEED: String(config.demoSeed),
    WUWEI_DEMO_SCALE: String(config.demoScale),
    WUWEI_DEMO_PASSWORD: config.demoPassword,
  };
  delete env.DATABASE_URL;
  delete env.WUWEI_DATA_KEY;
  if (config.databaseUrl) env.DATABASE_URL = config.databaseUrl;
  if (config.dataKeyHex) env.WUWEI_DATA_KEY = config.dataKeyHex;
  return env;
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
