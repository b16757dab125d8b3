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
