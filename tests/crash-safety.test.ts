import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../src/server/auth/auth.tables.ts';
import { loadConfig } from '../src/server/config.ts';
import { startPlatform } from '../src/server/main.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-crash-'));
const baseUrl = process.env.DATABASE_URL;
const dbName = `wuwei_crash_${process.pid}`;
const databaseUrl = baseUrl
  ? Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString()
  : undefined;

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(text);
  await client.end();
}

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
    if (baseUrl) await adminQuery(`create database ${dbName}`);
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
});
