import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { backgroundWork } from '../../src/server/background.ts';
import { deriveKeys } from '../../src/server/core/auth/personal-data.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/core/db/client.ts';
import { startJobRunner } from '../../src/server/core/jobs/runner.ts';
import type { Kit } from '../../src/server/core/kit/module.ts';
import { TEST_DATA_KEY, TEST_PASSWORD } from './constants.ts';

export const testKeys = deriveKeys(Buffer.from(TEST_DATA_KEY, 'hex'));

/** A fresh copy of the migrated, seeded template database: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `wuwei_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const fileUrl = new URL(url);
    fileUrl.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: fileUrl.toString(), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
}

/** A fresh empty database (not migrated): PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set. */
export async function createEmptyDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' });
  const name = `wuwei_e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const fileUrl = new URL(url);
  fileUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: fileUrl.toString(), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole HTTP app over a fresh copy of the seeded test county (or the given database), driven in process with
 * `app.request()`; the platform's modules unless another kit is given.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { kit?: Kit; database?: Database } = {},
) {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-test-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    WUWEI_DATA_DIR: dataDir,
    WUWEI_DATA_KEY: TEST_DATA_KEY,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const app = createApp({ db: database.db, keys: testKeys, config, logger, kit: options.kit });
  // The server's job runner with the server's handlers (the import's validation and commit run on it), polling
  // fast; no schedules, so nothing runs that a test did not ask for.
  const jobs = startJobRunner({
    db: database.db,
    logger,
    exclusive: database.kind === 'pglite',
    pollMs: 20,
    handlers: backgroundWork(database, testKeys, logger, options.kit).handlers,
  });

  /** Sends a request; `cookie` signs it in, JSON bodies get their content type. */
  async function request(
    method: string,
    url: string,
    options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(url, { method, headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  /** Signs in and returns the session cookie. */
  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const response = await request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.text}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return cookie;
  }

  return {
    app,
    db: database.db,
    database,
    config,
    request,
    login,
    jobs,
    close: async () => {
      await jobs.stop();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
