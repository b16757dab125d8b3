import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from './client.ts';
import { createVersionedCache, noteLocalWrite } from './versioned-cache.ts';

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
});
