import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { SeedChildMessage } from '../demo/deferred.ts';
import { loadConfig, type Config } from './config.ts';
import type { Database } from './core/db/client.ts';
import { preparingApp, type PreparingState, type PreparingStep } from './startup/preparing.ts';
import {
  createStartupReport,
  formatCount,
  readableLogLine,
  seedModuleLine,
  type StartupReport,
} from './startup/report.ts';

export type Platform = {
  url: string;
  database: Database;
  server: ServerType;
  /**
   * Resolves when the demo's deferred data (src/demo/deferred.ts) is in: at once, unless this was a first start on
   * PGlite (or one that goes on after an interrupted first start); rejects if it could not be completed.
   */
  deferred: Promise<void>;
  close(): Promise<void>;
};

/** The demo's county administrator (src/server/modules/accounts/accounts.demo.ts), named in the ready line. */
const DEMO_ADMIN = 'admin';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Child processes of the start (web build, demo seed), stopped if the start is interrupted or fails. */
const children = new Set<ChildProcess>();

/** Folders a web build is writing into, removed if the start stops before the build is renamed into place. */
const partialBuilds = new Set<string>();

/** Stops the start's child processes (Ctrl-C during the first start) and removes an unfinished web build. */
export function stopStartChildren(): void {
  for (const child of children) child.kill('SIGTERM');
  for (const folder of partialBuilds) fs.rmSync(folder, { recursive: true, force: true });
}

/**
 * The server's code: every module, the database drivers, the app. Imported after the address answers, because
 * loading it takes seconds (most of a later start) and the progress page needs none of it.
 */
async function loadServerCode() {
  const [app, background, personalData, runner, gridStats, seed] = await Promise.all([
    import('./app.ts'),
    import('./background.ts'),
    import('./core/auth/personal-data.ts'),
    import('./core/jobs/runner.ts'),
    import('./modules/registry/grid-stats.ts'),
    import('../demo/seed.ts'),
  ]);
  return {
    createApp: app.createApp,
    backgroundWork: background.backgroundWork,
    loadDataKeys: personalData.loadDataKeys,
    startJobRunner: runner.startJobRunner,
    gridCounts: gridStats.gridCounts,
    isEmpty: seed.isEmpty,
  };
}

type ServerCode = Awaited<ReturnType<typeof loadServerCode>>;

const silentReport = (): StartupReport => createStartupReport({ write: () => true }, { live: false });

/**
 * config → listen → (web build ∥ database, migrations, demo seed) → the app. The server listens at once: until the
 * platform is ready every page is a progress page and every API call a 503 STARTING (startup/preparing.ts), so
 * the address works from the first second. Resolves when the platform is ready.
 */
export async function startPlatform(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
  options: { report?: StartupReport; buildWeb?: boolean } = {},
): Promise<Platform> {
  const report = options.report ?? silentReport();
  // Without it V8 lets a busy server's heap grow to several hundred MB of garbage before collecting it.
  if (config.lowMemory) v8.setFlagsFromString('--optimize-for-size');
  const progress = createProgress();

  const preparing = preparingApp(() => progress.state());
  let handler = (request: Request, env: unknown) => preparing.fetch(request, env);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve(
      { fetch: (request, env) => handler(request, env), port: config.port, hostname: config.host },
      () => resolve(s),
    );
    // A port in use: say so instead of crashing on an unhandled 'error' event.
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} is in use (another Wuwei?); set PORT to another one`, {
              cause: error,
            })
          : error,
      ),
    );
  });
  // An idle kept-alive connection is closed after 65 s, not Node's 5 s: a client sending its next request just as the
  // server closed the socket gets a reset it cannot retry for a POST (seen from the browser tests' API requests);
  // phones on slow networks reuse their connections longer too. Headers must be allowed a little longer still.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let database: Database;
  let feed: DeferredFeed | null;
  let code: ServerCode;
  try {
    const needsBuild = options.buildWeb === true && !webBuilt(config.webDir);
    report.note(`${url} already answers and shows how the start is going`);
    const loadingStep = progress.step('code');
    const built = needsBuild ? buildWeb(config.webDir, report, progress.step('build')) : undefined;
    // A first demo start seeds in a child for most of a minute: the two cores go to it and to the web build first,
    // and the server's code (needed only once the seed is done) loads after the build.
    const freshSeed =
      config.demo && !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite'));
    const codeLoaded = (freshSeed && built ? built.catch(() => undefined) : Promise.resolve()).then(
      async () => {
        const loading = report.stage("loading the server's code");
        const loaded = await loadServerCode();
        loadingStep.done();
        loading.done();
        return loaded;
      },
    );
    const [, opened, loaded] = await Promise.all([
      built,
      prepareDatabase(config, logger, report, progress, codeLoaded),
      codeLoaded,
    ]);
    ({ database, feed } = opened);
    code = loaded;
  } catch (error) {
    stopStartChildren();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const { createApp, gridCounts, startJobRunner, backgroundWork, loadDataKeys } = code;
  const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
  const app = createApp({ db: database.db, keys, config, logger });
  handler = (request, env) => app.fetch(request, env);
  logger.debug({ url, database: database.kind, demo: config.demo }, 'Wuwei is listening');
  // Count every grid once now, so the first dashboard after start reads sums instead of scanning the registry.
  const warming = Date.now();
  gridCounts(database.db).then(
    (grids) => logger.debug({ grids: grids.size, ms: Date.now() - warming }, 'grid counts ready'),
    (error: unknown) => logger.warn({ err: error }, 'grid counts not warmed'),
  );
  const jobs = startJobRunner({
    db: database.db,
    logger,
    exclusive: database.kind === 'pglite',
    ...backgroundWork(database, keys, logger),
  });
  const deferred = feed ? feed.start(database, logger) : Promise.resolve();
  // Seen by whoever awaits it (tests); otherwise only logged, so an unfinished import never stops the server.
  deferred.catch((error: unknown) =>
    logger.warn({ err: error }, "the demo's history did not finish loading; the next start goes on with it"),
  );
  return {
    url,
    database,
    server,
    deferred,
    close: async () => {
      // An import under way stops after its batch; what is left is imported at the next start.
      feed?.stop();
      await deferred.catch(() => undefined);
      // A request still being answered may enqueue: its job waits in the table for the next start.
      await Promise.all([jobs.stop(), new Promise<void>((resolve) => server.close(() => resolve()))]);
      await database.close();
    },
  };
}

/** The preparing page's steps and percentage, kept up to date by the start's stages. */
function createProgress() {
  const startedAt = Date.now();
  const steps = new Map<string, PreparingStep & { fraction: number; weight: number }>();
  const labels: Record<string, [zh: string, en: string, weight: number]> = {
    build: ['构建网页', 'Building the web app', 1],
    database: ['创建并迁移数据库', 'Creating and migrating the database', 1],
    seed: ['生成演示县数据', 'Seeding the demo county', 10],
    code: ['加载服务器程序', "Loading the server's code", 0.5],
    open: ['打开数据库', 'Opening the database', 0.5],
  };
  return {
    state(): PreparingState {
      const all = [...steps.values()];
      const weight = all.reduce((sum, s) => sum + s.weight, 0);
      const done = all.reduce((sum, s) => sum + s.weight * s.fraction, 0);
      return {
        steps: all.map(({ zh, en, state, detail }) => ({ zh, en, state, detail })),
        // An estimate: each step's share is its weight (the seed is most of a first start).
        percent: weight ? Math.min(99, Math.floor((100 * done) / weight)) : 0,
        startedAt,
      };
    },
    step(name: keyof typeof labels) {
      const [zh, en, weight] = labels[name]!;
      const step = { zh, en, weight, state: 'running' as const, fraction: 0 } as PreparingStep & {
        fraction: number;
        weight: number;
      };
      steps.set(name, step);
      return {
        update(fraction: number, detail?: string) {
          step.fraction = Math.max(0, Math.min(1, fraction));
          step.detail = detail;
        },
        done(detail?: string) {
          step.fraction = 1;
          step.state = 'done';
          step.detail = detail;
        },
      };
    },
  };
}

type Progress = ReturnType<typeof createProgress>;
type ProgressStep = ReturnType<Progress['step']>;

/**
 * The database, migrated and (in demo mode, when empty) holding the demo county. A fresh PGlite folder is created,
 * migrated and seeded by the seeding child alone: opening it here first would start the engine once more for nothing.
 * On PGlite the demo's deferred data comes afterwards (`feed`), from the child that seeded the rest, or from a new
 * one when an earlier first start was interrupted before it was all in.
 */
async function prepareDatabase(
  config: Config,
  logger: Logger,
  report: StartupReport,
  progress: Progress,
  codeLoaded: Promise<ServerCode>,
): Promise<{ database: Database; feed: DeferredFeed | null }> {
  const freshPglite = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite'));
  if (config.demo && freshPglite) {
    const feed = await seedInChildProcess(config, report, progress);
    return { database: await openStage(config, report, progress, 'opening the database'), feed };
  }
  // Opened while the rest of the server's code loads.
  let database = await openStage(config, report, progress, 'opening and migrating the database');
  const code = await codeLoaded;
  let feed: DeferredFeed | null = null;
  if (config.demo && (await code.isEmpty(database.db))) {
    // PGlite allows one process per data folder: the server's handle is closed while the child seeds.
    if (database.kind === 'pglite') await database.close();
    feed = await seedInChildProcess(config, report, progress);
    if (database.kind === 'pglite') {
      database = await openStage(config, report, progress, 'opening the database');
    }
  } else if (config.demo && database.kind === 'pglite') {
    const { deferredFolder, deferredPending } = await import('../demo/deferred.ts');
    const { pgliteClientOf } = await import('./core/db/client.ts');
    if (await deferredPending(pgliteClientOf(database)!)) {
      // The continuation is sealed after the copy is complete: without it there is nothing to go on from (a start
      // stopped in the second it takes to make them).
      if (fs.existsSync(path.join(deferredFolder(config.dataDir), 'continuation'))) {
        report.note("an earlier first start did not finish loading the demo's history: it goes on");
        feed = deferredFeed(config, ['--deferred-resume']);
      } else {
        report.note(
          "the demo's history cannot be loaded: the first start was stopped before its working copy was made; to seed the demo county again, stop Wuwei and delete the data folder",
        );
      }
    } else {
      // All in, but stopped before the working copy (as large as the database) was removed.
      fs.rmSync(deferredFolder(config.dataDir), { recursive: true, force: true });
    }
  }
  logger.debug({ database: database.kind }, 'database ready');
  return { database, feed };
}

async function openStage(
  config: Config,
  report: StartupReport,
  progress: Progress,
  label: string,
): Promise<Database> {
  const stage = report.stage(label);
  const step = progress.step('open');
  const { openConfiguredDatabase } = await import('./core/db/client.ts');
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  step.done();
  const relative = path.relative(process.cwd(), config.dataDir);
  const folder = relative.startsWith('..') ? config.dataDir : relative || '.';
  stage.done(database.kind === 'pglite' ? `PGlite in ${folder}` : 'PostgreSQL');
  return database;
}

/**
 * The demo's deferred data on its way from a seeding child (src/demo/deferred.ts): batches the child sends are
 * imported one at a time once `start` is called (each acknowledged, so the child sends the next), the modules it
 * finishes logged; `start` resolves when all are in and the data is marked done.
 */
type DeferredFeed = { start(database: Database, logger: Logger): Promise<void>; stop(): void };

function deferredFeed(config: Config, args: string[], onMessage?: (message: SeedChildMessage) => void) {
  let deliver: ((message: SeedChildMessage, child: ChildProcess) => void) | null = null;
  const early: [SeedChildMessage, ChildProcess][] = [];
  let spawned: ChildProcess | undefined;
  // A split seed's steps are the feed's once the present is in; a resumed one's from the start.
  let forwarding = args.includes('--deferred-resume');
  const exited = runChild(
    process.execPath,
    ['--import', 'tsx', path.resolve(repoRoot, 'scripts/demo.ts'), ...args],
    { env: seedEnvironment(config), cwd: repoRoot },
    (message, child) => {
      spawned = child;
      onMessage?.(message);
      if (message.type === 'present-ready') forwarding = true;
      else if (!forwarding || message.type === 'database-ready') return;
      else if (deliver) deliver(message, child);
      else early.push([message, child]);
    },
  );
  exited.catch(() => undefined);
  let stopped = false;
  const feed: DeferredFeed & { exited: Promise<string> } = {
    exited,
    stop() {
      stopped = true;
      spawned?.kill('SIGTERM');
    },
    async start(database, logger) {
      const { deferredFolder, importDeferredBatch, importSchema, markDeferredDone } =
        await import('../demo/deferred.ts');
      const { pgliteClientOf } = await import('./core/db/client.ts');
      const { vacuumAnalyze } = await import('./core/db/statistics.ts');
      const client = pgliteClientOf(database)!;
      const schema = await importSchema(client);
      const started = performance.now();
      const tables = new Set<string>();
      let inserted = 0;
      let queue = Promise.resolve();
      const ended = new Promise<void>((resolve, reject) => {
        const take = (message: SeedChildMessage, child: ChildProcess) => {
          queue = queue
            .then(async () => {
              if (stopped) return;
              if (message.type === 'seed-step') {
                const step = message.step;
                if (step.stage === 'module' && step.done) {
                  logger.info(`demo history: ${seedModuleLine(step.module, step.rows, step.ms).trim()}`);
                }
              } else if (message.type === 'deferred-batch') {
                const done = await importDeferredBatch(client, message.batch, schema);
                inserted += done.inserted;
                tables.add(message.batch.table);
                if (!stopped) child.send({ type: 'deferred-ack', index: message.batch.index });
              } else if (message.type === 'deferred-end') {
                await markDeferredDone(client);
                // One table at a time: each vacuum holds the server's one session, the largest for a second or two.
                for (const table of tables) await vacuumAnalyze(database.db, [table]);
                fs.rmSync(deferredFolder(config.dataDir), { recursive: true, force: true });
                logger.info(
                  `demo history loaded: ${formatCount(inserted)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
                );
                // The child waits for this before it exits, so its end is never mistaken for a failure.
                child.send({ type: 'deferred-ack', index: -1 });
                resolve();
              }
            })
            .catch((error: unknown) => {
              // The child waits for an answer that will not come: stop it; the next start goes on.
              spawned?.kill('SIGTERM');
              reject(error instanceof Error ? error : new Error(String(error)));
            });
        };
        for (const [message, child] of early.splice(0)) take(message, child);
        deliver = take;
        // After the batch being imported, if any (reject is a no-op once all is in).
        exited.then(
          () => queue.then(() => reject(new Error('the seeding child ended before sending all the history'))),
          (error: unknown) =>
            queue.then(() => reject(error instanceof Error ? error : new Error(String(error)))),
        );
      });
      return ended;
    },
  };
  return feed;
}

/**
 * Seeds the demo county in a child process: generating and loading a quarter of a million rows grows PGlite's
 * WebAssembly heap, which never shrinks, so the server itself would keep that peak for its whole life. Each module
 * the child finishes becomes a line, and the rows it inserts the live status and the preparing page's percentage.
 * On PGlite it resolves as soon as the present is in (the child goes on with the deferred data: the feed returned);
 * on PostgreSQL when the whole county is in.
 */
async function seedInChildProcess(
  config: Config,
  report: StartupReport,
  progress: Progress,
): Promise<DeferredFeed | null> {
  const creating = report.stage('creating and migrating the database');
  const database = progress.step('database');
  let seeding: ReturnType<StartupReport['stage']> | undefined;
  let seed: ProgressStep | undefined;
  let residents = 0;
  let presentReady: () => void = () => {};
  const present = new Promise<void>((resolve) => (presentReady = resolve));
  const onMessage = (message: SeedChildMessage) => {
    if (message.type === 'database-ready') {
      creating.done(config.databaseUrl ? 'PostgreSQL' : 'PGlite');
      database.done();
      seeding = report.stage('seeding the demo county');
      seed = progress.step('seed');
      return;
    }
    if (message.type === 'present-ready') return presentReady();
    if (message.type !== 'seed-step' || !seeding || !seed) return;
    const step = message.step;
    if (step.stage === 'module' && step.done) {
      residents += step.rows.residents ?? 0;
      seeding.line(seedModuleLine(step.module, step.rows, step.ms));
      seed.update((step.index + 1) / (step.of + 1), `${step.module} ✓`);
    } else if (step.stage === 'module') {
      seeding.status(`${step.module} ${step.index + 1}/${step.of}`);
      seed.update(step.index / (step.of + 1), `${step.module} ${step.index + 1}/${step.of}`);
    } else if (step.stage === 'rows') {
      const detail = `${step.module} ${step.index + 1}/${step.of}: ${step.what} ${formatCount(step.rows)} / ${formatCount(step.total)}`;
      seeding.status(detail);
      seed.update((step.index + step.rows / step.total) / (step.of + 1), detail);
    } else if (!step.done) {
      const detail = step.stage === 'commit' ? 'committing' : 'vacuum and analyse';
      seeding.status(detail);
      seed.update(0.95, detail);
    }
  };
  const split = !config.databaseUrl;
  let presentDone = false;
  const feed = deferredFeed(config, split ? ['--split'] : [], (message) => {
    // After the present, the deferred modules' steps are the feed's to log.
    if (!presentDone) onMessage(message);
  });
  const failed = (error: unknown) => {
    throw new Error(`demo seeding failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  };
  const output = await Promise.race([split ? present.then(() => null) : feed.exited, feed.exited]).catch(
    failed,
  );
  presentDone = true;
  if (!seeding || !seed) throw new Error(`demo seeding reported nothing:\n${output ?? ''}`);
  seed.done(`${formatCount(residents)} residents`);
  seeding.done(
    `${formatCount(residents)} residents${split ? '; the history follows in the background' : ''}`,
  );
  return split ? feed : null;
}

/** Runs a child to its end; resolves with its stdout, rejects with its exit code and output. */
function runChild(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd: string; nice?: number },
  onMessage?: (message: SeedChildMessage, child: ChildProcess) => void,
): Promise<string> {
  const { nice, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...spawnOptions,
      stdio: ['ignore', 'pipe', 'pipe', ...(onMessage ? (['ipc'] as const) : [])],
    });
    if (nice !== undefined && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, nice);
      } catch {
        // Not allowed here (some containers): the child runs at the normal priority.
      }
    }
    children.add(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    if (onMessage) child.on('message', (message) => onMessage(message as SeedChildMessage, child));
    child.on('error', (error) => {
      children.delete(child);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`exit ${code ?? signal}\n${out.trim()}`));
    });
  });
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

function webBuilt(webDir: string): boolean {
  return fs.existsSync(path.join(webDir, 'index.html'));
}

/**
 * Builds the web app with Vite in a child process (beside the demo seed on a first start), into a folder beside
 * `webDir` that is renamed into place when complete, so an interrupted build never looks finished.
 */
async function buildWeb(webDir: string, report: StartupReport, step: ProgressStep): Promise<void> {
  const stage = report.stage('building the web app');
  const partial = `${webDir}.building-${process.pid}`;
  partialBuilds.add(partial);
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  );
  try {
    await runChild(
      process.execPath,
      [vite, 'build', '--outDir', partial, '--emptyOutDir', '--logLevel', 'warn'],
      // A production build whatever the server's NODE_ENV (development would bring React's development build).
      // At a lower priority: beside a first start's demo seed, the seed is what the user waits for.
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' }, nice: 10 },
    );
    fs.rmSync(webDir, { recursive: true, force: true });
    fs.renameSync(partial, webDir);
    partialBuilds.delete(partial);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new Error(
      `building the web app failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const files = fs.readdirSync(path.join(webDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  step.done();
  stage.done(`${files.length} files, compressed`);
}

/**
 * Logs for a person when the start runs in a terminal or as the demo: the start's stages as plain lines and
 * requests as `07:12:03  GET /api/v1/me 200 3.1 ms`. Otherwise (production, a log collector) JSON lines.
 */
function startupOutput(config: Config): { report: StartupReport; logger: Logger } {
  const human = process.stdout.isTTY === true || config.demo;
  if (human) {
    const report = createStartupReport(process.stdout, { live: process.stdout.isTTY === true });
    const logger = pino(
      { level: config.logLevel },
      { write: (line: string) => report.print(readableLogLine(line)) },
    );
    return { report, logger };
  }
  const logger = pino({ level: config.logLevel });
  const report = createStartupReport(
    { write: (text: string) => (text.trim() ? logger.info(text.trim()) : undefined) },
    { live: false },
  );
  return { report, logger };
}

async function main() {
  const config = loadConfig();
  const { report, logger } = startupOutput(config);
  report.print(
    `Wuwei 五微五联基层治理平台 — starting (${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}${config.demo ? ', demo' : ''})`,
  );
  const running: { platform?: Platform } = {};
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    report.close();
    logger.info({ signal }, 'shutting down');
    stopStartChildren();
    if (!running.platform) process.exit(130);
    running.platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const platform = await startPlatform(config, logger, { report, buildWeb: true });
  running.platform = platform;
  report.ready(platform.url, config.demo ? { username: DEMO_ADMIN, password: config.demoPassword } : null);
  report.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    stopStartChildren();
    console.error(`\nThe start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
