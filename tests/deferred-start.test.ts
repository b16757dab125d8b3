import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { deferredFolder } from '../src/demo/deferred.ts';
import { loadConfig } from '../src/server/config.ts';
import { startPlatform, type Platform } from '../src/server/main.ts';
import { createStartupReport } from '../src/server/startup/report.ts';
import { TEST_DATA_KEY, TEST_PASSWORD } from './support/constants.ts';

// A first start on PGlite opens the platform on the demo's present and loads its history afterwards (src/demo/
// deferred.ts); an interrupted one goes on at the next start. PostgreSQL seeds in one transaction.
describe.skipIf(Boolean(process.env.DATABASE_URL))('a first demo start on PGlite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-first-start-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    WUWEI_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    WUWEI_DEMO: 'on',
    WUWEI_DEMO_SCALE: '0.03',
    WUWEI_DEMO_PASSWORD: TEST_PASSWORD,
    WUWEI_DATA_KEY: TEST_DATA_KEY,
  });
  let platform: Platform | undefined;
  afterAll(async () => {
    await platform?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const counts = async () => {
    const db = new PGlite(path.join(dataDir, 'pglite'));
    try {
      const row = async (query: string) => (await db.query<Record<string, unknown>>(query)).rows[0]!;
      return {
        residents: Number((await row('select count(*) as n from residents')).n),
        dutyTasks: Number((await row('select count(*) as n from duty_tasks')).n),
        roundVisits: Number((await row('select count(*) as n from round_visits')).n),
        state: String((await row('select state from demo_deferred')).state),
      };
    } finally {
      await db.close();
    }
  };

  it('opens before the history is in, goes on with it after an interruption, and ends with all of it', async () => {
    platform = await startPlatform(config);
    // Open on the present: the sign-in works while the history is still on its way.
    const signIn = await fetch(`${platform.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const settled = await Promise.race([
      platform.deferred.then(() => 'done'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 50)),
    ]);
    expect(settled).toBe('pending');
    // Stopped before the history is in: what was imported stays, the rest comes at the next start.
    await platform.close();
    await expect(platform.deferred).rejects.toThrow();
    platform = undefined;
    const stopped = await counts();
    expect(stopped.state).toBe('pending');
    expect(stopped.residents).toBeGreaterThan(0);
    expect(fs.existsSync(deferredFolder(dataDir))).toBe(true);

    platform = await startPlatform(config);
    await platform.deferred;
    await platform.close();
    platform = undefined;
    const done = await counts();
    expect(done.state).toBe('done');
    expect(done.residents).toBe(stopped.residents);
    expect(done.dutyTasks).toBeGreaterThan(stopped.dutyTasks);
    expect(done.roundVisits).toBeGreaterThan(0);
    expect(fs.existsSync(deferredFolder(dataDir))).toBe(false);

    // All in, but a working copy left behind (a stop between the last import and its removal): removed at start.
    fs.mkdirSync(path.join(deferredFolder(dataDir), 'pglite'), { recursive: true });
    platform = await startPlatform(config);
    await platform.deferred;
    await platform.close();
    platform = undefined;
    expect(fs.existsSync(deferredFolder(dataDir))).toBe(false);

    // Marked pending with no working copy (a start stopped in the second it takes to make it): the platform opens,
    // says why the history cannot come and what to do, and does not try.
    const db = new PGlite(path.join(dataDir, 'pglite'));
    await db.query(`update demo_deferred set state = 'pending'`);
    await db.close();
    let printed = '';
    const report = createStartupReport(
      { write: (text: string) => ((printed += text), true) },
      { live: false },
    );
    platform = await startPlatform(config, undefined, { report });
    await platform.deferred;
    await platform.close();
    platform = undefined;
    expect(printed).toContain("the demo's history cannot be loaded");
    expect((await counts()).state).toBe('pending');
  }, 240_000);
});
