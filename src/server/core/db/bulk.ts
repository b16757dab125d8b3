import { sql, getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * Inserts many rows with one `insert … select from unnest(array, array, …)` statement per chunk: one parameter per
 * column instead of one per value, several times faster than multi-row VALUES on PGlite and PostgreSQL alike.
 * `columns` maps the table's property names to arrays of equal length (null allowed); `onChunk` hears the rows
 * inserted so far after each chunk.
 */
export async function insertColumns<T extends PgTable>(
  tx: Executor,
  table: T,
  columns: Partial<Record<keyof T['_']['columns'] & string, unknown[]>>,
  chunkSize = 10_000,
  onChunk?: (inserted: number) => void,
): Promise<number> {
  const all = getTableColumns(table);
  const names = Object.keys(columns) as (keyof typeof all & string)[];
  const length = columns[names[0]!]?.length ?? 0;
  for (const name of names) {
    if ((columns[name] as unknown[]).length !== length) {
      throw new Error(`column ${name} has a different length`);
    }
  }
  for (let start = 0; start < length; start += chunkSize) {
    const arrays: SQL[] = names.map((name) => {
      const column = all[name]!;
      const slice = (columns[name] as unknown[]).slice(start, start + chunkSize);
      return sql`${sql.param(slice)}::${sql.raw(column.getSQLType())}[]`;
    });
    const target = sql.raw(names.map((n) => `"${all[n]!.name}"`).join(', '));
    await tx.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${target}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
    onChunk?.(Math.min(length, start + chunkSize));
  }
  return length;
}

/** Column arrays for `insertColumns`: one empty array per named column, typed by what the column accepts. */
export type ColumnArrays<T extends PgTable, K extends keyof T['$inferInsert']> = {
  [P in K]-?: Exclude<T['$inferInsert'][P], undefined>[];
};

export function columnArrays<T extends PgTable, K extends keyof T['$inferInsert'] & string>(
  _table: T,
  names: readonly K[],
): ColumnArrays<T, K> {
  return Object.fromEntries(names.map((name) => [name, []])) as unknown as ColumnArrays<T, K>;
}

/** A complete row of the named columns, as a module's factory builds it (`pushRow` appends it to column arrays). */
export type RowOf<T extends PgTable, K extends keyof T['$inferInsert']> = {
  [P in K]-?: Exclude<T['$inferInsert'][P], undefined>;
};

/**
 * Appends one row to column arrays: each array takes the row's value of its column (the row's other properties are
 * left out). Demo generators build every row with their module's factory and still insert in bulk.
 */
export function pushRow<A extends Record<string, unknown[]>>(
  arrays: A,
  row: { [P in keyof A]: A[P][number] },
): void {
  for (const name in arrays) arrays[name]!.push(row[name]);
}

/**
 * Runs a bulk load with the named tables' secondary indexes and foreign keys dropped, then builds them again in the
 * same transaction: one sorted build per index instead of a B-tree insertion per row, and one check per foreign key
 * (a join over the whole table) instead of a lookup per inserted row; several times faster for a large load into
 * indexed tables (the demo seed: 87 → about 70 s, most of it the per-row checks of 430,000 visits and 134,000
 * tasks). Indexes behind a primary key or unique constraint stay (they cannot be dropped without their constraint);
 * the others and the foreign keys come back exactly as they were defined, names included, and a row that breaks a
 * foreign key still fails the load (when the key is added back). Nothing inside `load` may depend on the dropped
 * indexes for speed.
 */
export async function withIndexesDeferred<R>(
  tx: Executor,
  tables: PgTable[],
  load: () => Promise<R>,
): Promise<R> {
  const names = tables.map((t) => getTableName(t));
  const list = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const indexes = await rowsOf<{ name: string; definition: string }>(
    tx,
    sql`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = current_schema()
      and i.tablename in (${list})
      and not exists (
        select 1 from pg_constraint c
        where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
      )
    order by i.indexname`,
  );
  const foreignKeys = await rowsOf<{ table: string; name: string; definition: string }>(
    tx,
    sql`
    select t.relname as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.relname in (${list})
    order by t.relname, c.conname`,
  );
  await truncateIfEmpty(tx, names);
  for (const key of foreignKeys) {
    await tx.execute(sql.raw(`alter table ${quoteIdent(key.table)} drop constraint ${quoteIdent(key.name)}`));
  }
  for (const index of indexes) await tx.execute(sql.raw(`drop index ${quoteIdent(index.name)}`));
  const result = await load();
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  for (const key of foreignKeys) {
    await tx.execute(
      sql.raw(
        `alter table ${quoteIdent(key.table)} add constraint ${quoteIdent(key.name)} ${key.definition}`,
      ),
    );
  }
  return result;
}

/**
 * Empties tables that are already empty, with the tables referencing them (also empty), by TRUNCATE: each gets new
 * files in this transaction, so with `wal_level=minimal` (the demo seed's PGlite, client.ts `bulkLoad`) what the
 * transaction loads into them is not also written to the write-ahead log. Changes nothing when any of them holds a
 * row (a load into a table in use keeps its rows and the ordinary path).
 */
async function truncateIfEmpty(tx: Executor, names: string[]): Promise<void> {
  const list = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const closure = await rowsOf<{ name: string }>(
    tx,
    sql`
    with recursive referencing(oid) as (
      select c.oid from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.relname in (${list})
      union
      select k.conrelid from pg_constraint k join referencing r on k.confrelid = r.oid where k.contype = 'f'
    )
    select c.relname as name from referencing r join pg_class c on c.oid = r.oid order by c.relname`,
  );
  const tables = closure.map((t) => quoteIdent(t.name));
  const [occupied] = await rowsOf<{ any: boolean }>(
    tx,
    sql.raw(`select ${tables.map((t) => `exists (select 1 from ${t})`).join(' or ')} as "any"`),
  );
  if (occupied?.any) return;
  await tx.execute(sql.raw(`truncate table ${tables.join(', ')}`));
}

/** The rows of a raw statement (both drivers answer `{ rows }`). */
export async function rowsOf<T>(tx: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * The rows of a raw statement read as one JSON text, in the statement's order: PGlite hands a large result to
 * JavaScript several times faster this way than row by row (80,000 households with their buildings: 0.4 s instead of
 * 0.8–1.6 s). The statement names its columns as T's fields; dates and timestamps arrive as text.
 */
export async function jsonRows<T>(tx: Executor, query: SQL): Promise<T[]> {
  const [row] = await rowsOf<{ rows: string }>(
    tx,
    sql`select coalesce(json_agg(q)::text, '[]') as "rows" from (${query}) q`,
  );
  return JSON.parse(row!.rows) as T[];
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
