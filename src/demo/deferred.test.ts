import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../tests/support/constants.ts';
import { testKeys } from '../../tests/support/test-app.ts';
import { openDatabase, pgliteClientOf, type Database } from '../server/core/db/client.ts';
import {
  exportDeferred,
  importDeferredBatch,
  importSchema,
  loadContinuation,
  markDeferredDone,
  parentsFirst,
  saveContinuation,
  type DeferredBatch,
} from './deferred.ts';
import { seedDemo, seedDemoDeferred, seedDemoPresent } from './seed.ts';

// The split seed of a first start (src/demo/deferred.ts) is PGlite's: on PostgreSQL the seed is one transaction.
const options = { seed: 5, scale: 0.03, password: TEST_PASSWORD };

const count = async (db: PGlite, table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`)).rows[0]!.n;

/** Every row of a table, ids included, as one hash: two databases hold the very same rows. */
const digest = async (db: PGlite, table: string) =>
  (
    await db.query<{ d: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from "${table}" t`,
    )
  ).rows[0]!.d;

const tablesOf = async (db: PGlite) =>
  (
    await db.query<{ t: string }>(
      `select relname as t from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' order by 1`,
    )
  ).rows.map((r) => r.t);

describe.skipIf(Boolean(process.env.DATABASE_URL))('the demo seed in two, the second part imported', () => {
  let root: string;
  let main: Database;
  let copy: Database;
  let whole: Database;
  let batches: DeferredBatch[];
  let deferredTables: string[];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-deferred-'));
    const present = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'main'), bulkLoad: true });
    await present.migrate();
    const continuation = await seedDemoPresent(present.db, testKeys, options);
    await present.close();
    fs.cpSync(path.join(root, 'main'), path.join(root, 'copy'), { recursive: true });
    // The continuation goes through its sealed file, as a resumed start reads it.
    saveContinuation(root, testKeys, continuation);
    expect(fs.readFileSync(path.join(root, 'continuation'), 'utf8')).not.toContain('admin');
    copy = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'copy'), bulkLoad: true });
    const { txid } = await seedDemoDeferred(copy.db, testKeys, options, loadContinuation(root, testKeys));
    batches = [];
    await exportDeferred(pgliteClientOf(copy)!, txid, (batch) => {
      batches.push(batch);
      return Promise.resolve();
    });
    deferredTables = [...new Set(batches.map((b) => b.table))];
    main = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'main') });
    whole = await openDatabase({ kind: 'pglite' });
    await whole.migrate();
    await seedDemo(whole.db, testKeys, options);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([main?.close(), copy?.close(), whole?.close()]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('exports only what the deferred modules wrote, parents before children, in bounded batches', () => {
    expect(deferredTables).toEqual(
      expect.arrayContaining([
        'duty_tasks',
        'rounds',
        'round_households',
        'round_visits',
        'visit_logs',
        'contact_assignments',
        'party_members',
      ]),
    );
    expect(deferredTables).not.toContain('residents');
    expect(deferredTables).not.toContain('data_versions');
    expect(deferredTables.indexOf('rounds')).toBeLessThan(deferredTables.indexOf('round_households'));
    expect(batches.map((b) => b.index)).toEqual(batches.map((_, i) => i));
    for (const batch of batches) {
      expect(batch.text.endsWith('\n')).toBe(true);
      expect(batch.text.split('\n').length - 1).toBe(batch.rows);
    }
    expect(batches.filter((b) => b.table === 'round_visits').length).toBeGreaterThan(1);
  });

  it('orders tables parents first whatever order they are named in', () => {
    const keys = [
      { child: 'c', parent: 'b', columns: ['b_id'], parentColumns: ['id'] },
      { child: 'b', parent: 'a', columns: ['a_id'], parentColumns: ['id'] },
      { child: 'b', parent: 'b', columns: ['up'], parentColumns: ['id'] },
    ];
    expect(parentsFirst(['c', 'b', 'a'], keys)).toEqual(['a', 'b', 'c']);
  });

  it('imports a rounds row deleted meanwhile without its children, resumes after an interruption, and then holds what one seed makes', async () => {
    const db = pgliteClientOf(main)!;
    const schema = await importSchema(db);
    const first: { rows: number; inserted: number; table: string }[] = [];
    const roundsLast = batches.findLastIndex((b) => b.table === 'rounds');
    for (const batch of batches.slice(0, roundsLast + 1)) {
      first.push({ ...(await importDeferredBatch(db, batch, schema)), rows: batch.rows, table: batch.table });
    }
    // A user deletes a round while the rest is on its way: its grids and visitors (foreign keys to it) are left out.
    const [gone] = (await db.query<{ id: string }>('select id from rounds order by id limit 1')).rows;
    await db.query('delete from rounds where id = $1', [gone!.id]);
    const half = roundsLast + 1 + Math.floor((batches.length - roundsLast - 1) / 2);
    for (const batch of batches.slice(roundsLast + 1, half)) {
      first.push({ ...(await importDeferredBatch(db, batch, schema)), rows: batch.rows, table: batch.table });
    }
    // Interrupted: a new start sends every batch again; those already imported are skipped.
    const again = [];
    for (const batch of batches) again.push(await importDeferredBatch(db, batch, schema));
    expect(again.slice(0, half).every((r) => r.skipped)).toBe(true);
    expect(again.slice(half).some((r) => r.skipped)).toBe(false);
    await markDeferredDone(db);

    const copied = pgliteClientOf(copy)!;
    const ofGone = async (d: PGlite, table: string) =>
      (
        await d.query<{ n: number }>(`select count(*)::int as n from "${table}" where round_id = $1`, [
          gone!.id,
        ])
      ).rows[0]!.n;
    const filtered = ['round_grids', 'round_visitors'];
    for (const table of filtered) {
      expect(await ofGone(copied, table)).toBeGreaterThan(0);
      expect(await ofGone(db, table)).toBe(0);
    }
    // Every row sent was written the first time, but for the deleted round's: inserted, or (a present row the
    // deferred transaction rewrote: the party members' central-household flag) updated to its new values.
    const sent = [...first, ...again.slice(half).map((r, i) => ({ ...r, ...batches[half + i]! }))];
    for (const batch of sent.filter((b) => !filtered.includes(b.table))) {
      expect(batch.inserted, batch.table).toBe(batch.rows);
    }
    for (const table of deferredTables.filter((t) => !filtered.includes(t) && t !== 'rounds')) {
      expect(await digest(db, table), table).toBe(await digest(copied, table));
    }
    // Every table as many rows as the one-transaction seed of the same seed and scale (ids are random): the split
    // goes on with the same random stream and shared results.
    const one = pgliteClientOf(whole)!;
    for (const table of await tablesOf(db)) {
      if (['demo_deferred', 'data_versions', 'grid_versions'].includes(table)) continue;
      const lost = table === 'rounds' ? 1 : filtered.includes(table) ? await ofGone(copied, table) : 0;
      expect(await count(db, table), table).toBe((await count(one, table)) - lost);
    }
    const audit = async (d: PGlite) =>
      JSON.stringify(
        (await d.query(`select action, changes from audit_log where action = 'demo.seeded'`)).rows,
      );
    expect(await audit(db)).toBe(await audit(one));
    expect((await db.query<{ state: string }>('select state from demo_deferred')).rows[0]!.state).toBe(
      'done',
    );
  }, 120_000);
});
