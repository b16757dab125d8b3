import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../src/server/core/auth/auth.tables.ts';
import { registryImports } from '../src/server/modules/registry/registry-import.tables.ts';
import { residents } from '../src/server/modules/registry/registry.tables.ts';
import { loadConfig } from '../src/server/config.ts';
import { openConfiguredDatabase, type Db } from '../src/server/core/db/client.ts';
import { startPlatform } from '../src/server/main.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-crash-'));
const baseUrl = process.env.DATABASE_URL;
const dbName = `wuwei_crash_${process.pid}`;
/** The import killed twice: as large as the benchmark's (bench-results/import.json). */
const ROWS = 100_000;
const databaseUrl = baseUrl
  ? Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString()
  : undefined;

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(text);
  await client.end();
}

beforeAll(async () => {
  if (baseUrl) await adminQuery(`create database ${dbName}`);
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (baseUrl) await adminQuery(`drop database if exists ${dbName} with (force)`);
});

/** Runs the writer until it has committed `atLeast` accounts, then kills it without warning. */
function writeThenKill(atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, WUWEI_DATA_DIR: dataDir };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/crash-writer.ts')],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let created = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      created += chunk
        .toString()
        .split('\n')
        .filter((line) => line.startsWith('created')).length;
      if (created >= atLeast) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(created) : reject(new Error(stderr)),
    );
  });
}

describe('a crash in the middle of writes', () => {
  it('leaves no half-written record, and the platform restarts on the same data', async () => {
    const created = await writeThenKill(15);
    expect(created).toBeGreaterThanOrEqual(15);

    const config = loadConfig({
      WUWEI_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const platform = await startPlatform(config);
    try {
      expect(await (await fetch(`${platform.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const { db } = platform.database;
      const [accounts] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.username} like 'crash%'`);
      const [audits] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(eq(auditLog.action, 'user.created'));
      // Every account that exists has its audit row and its roles; at least those acknowledged were kept.
      expect(accounts!.n).toBeGreaterThanOrEqual(created);
      expect(audits!.n).toBe(accounts!.n);
      const [orphans] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(
          sql`${users.username} like 'crash%' and not exists (select 1 from role_assignments r where r.user_id = ${users.id})`,
        );
      expect(orphans!.n).toBe(0);
      const login = await fetch(`${platform.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `crash${created - 1}`, password: 'Crash-pass-1' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await platform.close();
    }
  }, 120_000);

  it('a 100,000-row import killed during validation, then during commit, finishes once after each restart', async () => {
    const validating = await importThenKill(
      { CRASH_STEP: 'validate', CRASH_ROWS: String(ROWS) },
      /^validating (\S+)/,
    );
    const id = validating[1]!;
    const config = loadConfig({
      WUWEI_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const settled = async (db: Db, status: string) => {
      for (const deadline = Date.now() + 400_000; Date.now() < deadline;) {
        const [row] = await db.select().from(registryImports).where(eq(registryImports.id, id));
        if (row!.status === status) return row!;
        if (row!.status === 'failed') throw new Error(`import failed: ${JSON.stringify(row!.failure)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`import not ${status}`);
    };
    // A job left running by the killed process waits out its lease (60 s): shortened here, the killed runner's only
    // (this process's runner has this pid in its id).
    const expireLeases = (db: Db) =>
      db.execute(
        sql`update jobs set locked_until = now()
            where status = 'running' and locked_by not like ${`%:${process.pid}:%`}`,
      );
    // What the kill left, read before a platform starts (its runner would take the job over once the lease ends, and
    // on PGlite a read waits for the job's transaction).
    const afterKill = async <T>(read: (db: Db) => Promise<T>): Promise<T> => {
      const database = await openConfiguredDatabase(config);
      try {
        return await read(database.db);
      } finally {
        await database.close();
      }
    };
    // Killed in the middle: part of the file checked, the rest not.
    const [validatingRow] = await afterKill((db) =>
      db.select().from(registryImports).where(eq(registryImports.id, id)),
    );
    expect(validatingRow!.status).toBe('validating');
    expect(validatingRow!.processedRows).toBeGreaterThan(0);
    expect(validatingRow!.processedRows).toBeLessThan(ROWS);
    let platform = await startPlatform(config);
    try {
      await expireLeases(platform.database.db);
      const row = await settled(platform.database.db, 'validated');
      expect(row).toMatchObject({
        processedRows: ROWS,
        validRows: ROWS,
        errorRows: 0,
        newHouseholds: ROWS,
      });
    } finally {
      await platform.close();
    }

    await importThenKill(
      { CRASH_STEP: 'commit', CRASH_IMPORT: id, CRASH_COMMIT_DELAY_MS: '0' },
      /^committing /,
    );
    // Where the kill lands in the commit is not aimed: on PGlite the commit's answer reaches the client only once
    // the commit's transaction is over, so the import may already be committed (it must then stay committed once).
    const [afterCommitKill] = await afterKill((db) =>
      db.select().from(registryImports).where(eq(registryImports.id, id)),
    );
    expect(['committing', 'committed']).toContain(afterCommitKill!.status);
    platform = await startPlatform(config);
    try {
      const { db } = platform.database;
      await expireLeases(db);
      const row = await settled(db, 'committed');
      expect(row.committedResidents).toBe(ROWS);
      const [written] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(residents)
        .where(eq(residents.name, '崩溃测试'));
      expect(written!.n).toBe(ROWS);
      const [audits] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.action} = 'registry.imported' and ${auditLog.entityId} = ${id}`);
      expect(audits!.n).toBe(1);
    } finally {
      await platform.close();
    }
  }, 900_000);
});

/** Runs the importer child until it prints a line matching `until`, then kills it; returns the match. */
function importThenKill(extra: Record<string, string>, until: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, WUWEI_DATA_DIR: dataDir, ...extra };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/crash-importer.ts')],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let found: RegExpExecArray | null = null;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        found ??= until.exec(line);
      }
      if (found) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' && found ? resolve(found) : reject(new Error(stderr)),
    );
  });
}
