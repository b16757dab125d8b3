import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../../tests/support/test-app.ts';
import { rowsOf } from './bulk.ts';
import type { Database, Executor } from './client.ts';
import { openSecondHandle } from '../../../../tests/support/second-handle.ts';
import { createVersionedCache, dataVersion, noteLocalWrite } from './versioned-cache.ts';

describe('versioned cache', () => {
  let database: Database;
  const bump = async (name: string) => {
    await database.db.execute(sql`update data_versions set version = version + 1 where name = ${name}`);
    noteLocalWrite();
  };

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await database.migrate();
    await database.db.execute(
      sql`insert into data_versions (name, version) values ('cache_a', 0), ('cache_b', 0), ('cache_c', 0)`,
    );
  });
  afterAll(() => database.close());

  it('keeps a value until one of the data sets it reads changes, and only then', async () => {
    const cache = createVersionedCache<number>(['cache_a', 'cache_b']);
    let computed = 0;
    const read = () => cache(database.db, 'k', () => Promise.resolve(++computed));
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await bump('cache_c');
    expect(await read()).toBe(1);
    await bump('cache_b');
    expect(await read()).toBe(2);
    await bump('cache_a');
    expect(await read()).toBe(3);
    expect(await read()).toBe(3);
  });

  it('with one data set, as before; a failed computation is not kept', async () => {
    const cache = createVersionedCache<number>('cache_c');
    let computed = 0;
    const failing = cache(database.db, 'k', () => Promise.reject(new Error('no')));
    await expect(failing).rejects.toThrow('no');
    expect(await cache(database.db, 'k', () => Promise.resolve(++computed))).toBe(1);
    await bump('cache_a');
    expect(await cache(database.db, 'k', () => Promise.resolve(++computed))).toBe(1);
    await bump('cache_c');
    expect(await cache(database.db, 'k', () => Promise.resolve(++computed))).toBe(2);
  });

  it('sums a sharded data set: writers on two connections bump shards of their own and do not wait for each other', async () => {
    const before = await dataVersion(database.db, 'rounds');
    // A write to a rounds table bumps a shard, not the 'rounds' row.
    await database.db.execute(sql`update rounds set name = name where false`);
    const [base] = await rowsOf<{ version: string }>(
      database.db,
      sql`select version from data_versions where name = 'rounds'`,
    );
    expect(Number(base!.version)).toBe(0);
    expect(await dataVersion(database.db, 'rounds')).toBe(before + 1);
    if (database.kind === 'pglite') return; // one connection: nothing to wait for
    // Another transaction holds every shard but one, its own (pid mod 16) included: a writer takes the free one at
    // once instead of waiting for the other's commit (migration 0033; before, it waited on its own shard).
    const second = await openSecondHandle(database);
    try {
      const pid = async (db: Executor) =>
        Number((await rowsOf<{ pid: number }>(db, sql`select pg_backend_pid() as pid`))[0]!.pid);
      let free = '';
      await database.db.transaction(async (writer) => {
        free = `rounds#${((await pid(writer)) + 1) % 16}`;
        await second.db.transaction(async (holder) => {
          await holder.execute(sql`select name from data_versions
            where name >= 'rounds#' and name < 'rounds$' and name <> ${free} for update`);
          await writer.execute(sql`set local lock_timeout = '2s'`);
          await writer.execute(sql`update rounds set name = name where false`);
          // Again in the same transaction: the shard it holds, no second one.
          await writer.execute(sql`update rounds set name = name where false`);
        });
      });
      const [shard] = await rowsOf<{ version: string }>(
        database.db,
        sql`select version from data_versions where name = ${free}`,
      );
      expect(Number(shard!.version)).toBeGreaterThanOrEqual(2);
      expect(await dataVersion(database.db, 'rounds')).toBe(before + 3);
    } finally {
      await second.close();
    }
  });
});
