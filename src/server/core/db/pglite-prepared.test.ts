import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedPglite, toParam } from './pglite-prepared.ts';

describe('PreparedPglite', () => {
  let pglite: PGlite;
  let client: PreparedPglite;
  const preparedOnServer = async () =>
    (await pglite.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;

  beforeAll(async () => {
    pglite = await PGlite.create();
    client = new PreparedPglite(pglite, 3);
    await pglite.exec(
      `create table t (id int primary key, name text, tags text[], doc jsonb, at timestamptz)`,
    );
  });
  afterAll(() => pglite.close());

  it('answers exactly what PGlite.query answers, in both row modes', async () => {
    await pglite.query(
      `insert into t values (1, '王', '{a,b}', '{"k":1}', '2026-01-02T03:04:05Z'), (2, null, null, null, null)`,
    );
    for (const rowMode of ['array', 'object'] as const) {
      const text = 'select id, name, tags, doc, at, $1::int + 1 as next from t order by id';
      const expected = await pglite.query(text, [41], { rowMode });
      const actual = await client.query(text, [41], { rowMode });
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.fields).toEqual(expected.fields);
    }
    const update = await client.query(`update t set name = $1 where id = $2`, ['李', 2]);
    expect(update.affectedRows).toBe(1);
  });

  it("gives a value's UTF-8 bytes as PGlite.query's text would encode them, null for NULL or no row", async () => {
    const text = `select string_agg(name || $1::text, ',' order by id) from t where id = any($2::int[])`;
    const expected = (await pglite.query<{ string_agg: string }>(text, ['"王\n', [1, 2]])).rows[0]!
      .string_agg;
    const bytes = await client.valueBytes(text, ['"王\n', [1, 2]]);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(expected);
    // A buffer of its own: it can be moved to another thread.
    expect(bytes!.byteOffset).toBe(0);
    expect(bytes!.buffer.byteLength).toBe(bytes!.byteLength);
    expect(await client.valueBytes('select null::text')).toBeNull();
    expect(await client.valueBytes('select name from t where false')).toBeNull();
    await expect(client.valueBytes('select 1 / $1::int', [0])).rejects.toMatchObject({
      message: 'division by zero',
      code: '22012',
    });
    // The engine is usable after the failure.
    expect(Buffer.from((await client.valueBytes(`select 'ok'`))!).toString()).toBe('ok');
  });

  it('prepares a statement once and reuses it', async () => {
    const before = await preparedOnServer();
    for (let i = 0; i < 5; i++) await client.query('select $1::int * 2 as x', [i]);
    expect(await preparedOnServer()).toBe(before + 1);
    expect((await client.query<{ x: number }>('select $1::int * 2 as x', [21])).rows).toEqual([{ x: 42 }]);
  });

  it('sends parameters as node-postgres does: arrays quoted and escaped, objects as JSON, dates in ISO', async () => {
    const awkward = ['a"b', 'c\\d', null, '{x,y}', '', '王 五', 'NULL'];
    const { rows } = await client.query<{ v: (string | null)[] }>('select $1::text[] as v', [awkward]);
    expect(rows[0]!.v).toEqual(awkward);
    const nested = await client.query<{ v: number[][] }>('select $1::int[][] as v', [
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(nested.rows[0]!.v).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const json = await client.query<{ v: unknown }>('select $1::jsonb as v', [{ a: [1, 'x'], b: null }]);
    expect(json.rows[0]!.v).toEqual({ a: [1, 'x'], b: null });
    const at = new Date('2026-11-29T08:00:00.000Z');
    const when = await client.query<{ v: Date }>('select $1::timestamptz as v', [at]);
    expect(when.rows[0]!.v.toISOString()).toBe(at.toISOString());
    const long = '幸福家园'.repeat(5000) + '🏠';
    const texts = await client.query<{ n: number; tail: string; empty: boolean; missing: boolean }>(
      "select length($1::text) as n, right($1::text, 2) as tail, $2::text = '' as empty, $3::text is null as missing",
      [long, '', null],
    );
    expect(texts.rows).toEqual([{ n: 20_001, tail: '园🏠', empty: true, missing: true }]);
    expect(toParam(true)).toBe('true');
    expect(toParam(10n)).toBe('10');
    expect(toParam(new Uint8Array([1, 255]))).toBe('\\x01ff');
    expect(toParam(undefined)).toBeNull();
  });

  it('stays usable after errors, and never caches a statement that failed', async () => {
    await expect(client.query('select * from missing_table')).rejects.toThrow(/missing_table/);
    await expect(client.query('insert into t (id) values ($1)', [1])).rejects.toThrow(/duplicate key/);
    await expect(client.query('insert into t (id) values ($1)', [1])).rejects.toThrow(/duplicate key/);
    expect((await client.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n).toBe(2);
  });

  it('keeps statements prepared in a transaction that rolls back, and rolls back the data', async () => {
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into t (id, name) values ($1, $2)', [10, '赵']);
        await tx.query('select name from t where id = $1', [10]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await client.query('select name from t where id = $1', [10])).rows).toEqual([]);
    const committed = await client.transaction(async (tx) => {
      await tx.query('insert into t (id, name) values ($1, $2)', [11, '钱']);
      return (await tx.query<{ name: string }>('select name from t where id = $1', [11])).rows;
    });
    expect(committed).toEqual([{ name: '钱' }]);
  });

  it('re-prepares a statement whose table changed shape', async () => {
    const text = 'select * from t where id = $1';
    await client.query(text, [1]);
    await pglite.exec('alter table t add column extra int default 7');
    const { rows } = await client.query<{ extra: number }>(text, [1]);
    expect(rows[0]!.extra).toBe(7);
  });

  it('keeps at most its limit of statements, closing the least recently used', async () => {
    for (let i = 0; i < 10; i++) await client.query(`select ${i} + $1::int as v`, [1]);
    await client.query('select 1 as v');
    expect(client.preparedCount).toBeLessThanOrEqual(3);
    expect(await preparedOnServer()).toBeLessThanOrEqual(3 + 1);
  });
});
