import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from './client.ts';
import { insertColumns, rowsOf, withIndexesDeferred } from './bulk.ts';

const parts = pgTable('bulk_parts', {
  id: integer('id').primaryKey(),
  thingId: integer('thing_id'),
});

const things = pgTable('bulk_things', {
  id: integer('id').primaryKey(),
  code: text('code'),
  name: text('name'),
});

describe('bulk loads', () => {
  let database: Database;
  const indexes = async () =>
    rowsOf<{ indexname: string; indexdef: string }>(
      database.db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'bulk_things' order by indexname`,
    );

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await database.db.execute(
      sql.raw(`create table bulk_things (id int primary key, code text unique, name text)`),
    );
    await database.db.execute(sql.raw(`create index bulk_things_name_idx on bulk_things (name)`));
    await database.db.execute(
      sql.raw(
        `create index bulk_things_lower_idx on bulk_things (lower(name) text_pattern_ops) where code is not null`,
      ),
    );
  });
  afterAll(() => database.close());

  it('loads with the secondary indexes dropped and builds each again as it was defined', async () => {
    const before = await indexes();
    expect(before.map((i) => i.indexname)).toEqual([
      'bulk_things_code_key',
      'bulk_things_lower_idx',
      'bulk_things_name_idx',
      'bulk_things_pkey',
    ]);
    const during = await database.db.transaction((tx) =>
      withIndexesDeferred(tx, [things], async () => {
        const ids = Array.from({ length: 25_000 }, (_, i) => i + 1);
        await insertColumns(tx, things, {
          id: ids,
          code: ids.map((i) => (i % 2 ? `C${i}` : null)),
          name: ids.map((i) => `名${i % 997}`),
        });
        return (
          await rowsOf<{ indexname: string }>(
            tx,
            sql`select indexname from pg_indexes where tablename = 'bulk_things' order by indexname`,
          )
        ).map((r) => r.indexname);
      }),
    );
    // Constraint indexes (primary key, unique) stay; the others are gone while the rows go in.
    expect(during).toEqual(['bulk_things_code_key', 'bulk_things_pkey']);
    expect(await indexes()).toEqual(before);
    const counted = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from bulk_things where name = '名5'`,
    );
    expect(counted[0]!.n).toBe(26);
  });

  it('leaves the indexes as they were when the load fails (the transaction rolls back)', async () => {
    const before = await indexes();
    await expect(
      database.db.transaction((tx) =>
        withIndexesDeferred(tx, [things], async () => {
          await insertColumns(tx, things, { id: [1], code: ['again'], name: ['x'] });
        }),
      ),
    ).rejects.toThrow();
    expect(await indexes()).toEqual(before);
  });

  describe('foreign keys', () => {
    const keys = async () =>
      rowsOf<{ conname: string; definition: string }>(
        database.db,
        sql`select conname, pg_get_constraintdef(oid) as definition from pg_constraint
          where conrelid = 'bulk_parts'::regclass and contype = 'f'`,
      );
    beforeAll(async () => {
      await database.db.execute(
        sql.raw(
          `create table bulk_parts (id int primary key,
            thing_id int constraint bulk_parts_thing_fk references bulk_things (id) on delete cascade)`,
        ),
      );
    });

    it('are dropped while the rows go in and added back as they were', async () => {
      const before = await keys();
      expect(before).toEqual([
        {
          conname: 'bulk_parts_thing_fk',
          definition: 'FOREIGN KEY (thing_id) REFERENCES bulk_things(id) ON DELETE CASCADE',
        },
      ]);
      const during = await database.db.transaction((tx) =>
        withIndexesDeferred(tx, [parts], async () => {
          await insertColumns(tx, parts, { id: [1, 2, 3], thingId: [1, 2, null] });
          return rowsOf(
            tx,
            sql`select conname from pg_constraint where conrelid = 'bulk_parts'::regclass and contype = 'f'`,
          );
        }),
      );
      expect(during).toEqual([]);
      expect(await keys()).toEqual(before);
    });

    it('still refuse a row that breaks them: the load fails as it ends and nothing stays', async () => {
      const before = await keys();
      await expect(
        database.db.transaction((tx) =>
          withIndexesDeferred(tx, [parts], async () => {
            await insertColumns(tx, parts, { id: [10, 11], thingId: [1, 999_999] });
          }),
        ),
      ).rejects.toThrow(/bulk_parts_thing_fk/);
      expect(await keys()).toEqual(before);
      const [left] = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from bulk_parts where id >= 10`,
      );
      expect(left!.n).toBe(0);
    });
  });
  describe('loading into empty tables', () => {
    const heads = pgTable('bulk_heads', { id: integer('id').primaryKey() });
    const fileOf = async (table: string) =>
      (
        await rowsOf<{ file: string }>(
          database.db,
          sql`select relfilenode::text as file from pg_class where relname = ${table}`,
        )
      )[0]!.file;
    beforeAll(async () => {
      await database.db.execute(sql.raw(`create table bulk_heads (id int primary key)`));
      await database.db.execute(
        sql.raw(`create table bulk_tails (id int primary key, head_id int references bulk_heads (id))`),
      );
    });

    it('gives an empty table and the empty tables referencing it new files (no write-ahead log under wal_level=minimal)', async () => {
      const [head, tail] = [await fileOf('bulk_heads'), await fileOf('bulk_tails')];
      await database.db.transaction((tx) =>
        withIndexesDeferred(tx, [heads], () => insertColumns(tx, heads, { id: [1, 2, 3] })),
      );
      expect(await fileOf('bulk_heads')).not.toBe(head);
      expect(await fileOf('bulk_tails')).not.toBe(tail);
      const [n] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from bulk_heads`);
      expect(n!.n).toBe(3);
    });

    it('never empties a table holding rows, nor one whose referencing table holds rows', async () => {
      await database.db.execute(sql.raw(`insert into bulk_tails values (1, 1)`));
      await database.db.execute(sql.raw(`delete from bulk_heads where id in (2, 3)`));
      const head = await fileOf('bulk_heads');
      // bulk_heads holds a row: it keeps it, and its file.
      await database.db.transaction((tx) =>
        withIndexesDeferred(tx, [heads], () => insertColumns(tx, heads, { id: [4] })),
      );
      expect(await fileOf('bulk_heads')).toBe(head);
      const rows = await rowsOf<{ id: number }>(database.db, sql`select id from bulk_heads order by id`);
      expect(rows.map((r) => r.id)).toEqual([1, 4]);
      const [tails] = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from bulk_tails`,
      );
      expect(tails!.n).toBe(1);
    });
  });
});
