/**
 * The demo's deferred data on a first start (issue 10; docs/decisions/demo-seed-speed.md): the county's present is
 * seeded and the platform opens on it; the deferred modules (`demo.deferred`: duty tasks, rounds, visit logs,
 * contacts) are generated meanwhile in a copy of the database by the seeding child, on the second core, and their
 * rows come over IPC in batches that the server imports, each in a short transaction, so that its one PGlite session
 * is never held for long.
 *
 * - Which rows: those the deferred transaction wrote in the copy (`xmin` at or after its transaction id; nothing else
 *   writes there), of every table but the version counters, which the server's own triggers bump as it imports.
 * - Order: parents before children (the tables' foreign keys), so a batch's rows find the rows they point to.
 * - Each batch goes through a temporary table into its table, only the rows whose parents exist (a user may have
 *   deleted a resident while the data was on its way). A row whose key is there already is one the deferred
 *   transaction rewrote (the contact assignments set party members' central-household flag) and takes its new
 *   values; a resumed import meets rows it already has, the same, and leaves them as they are.
 * - Each batch's transaction counts itself in `demo_deferred.batches_done`; at the end the data is marked `done`. A
 *   start that finds it `pending` runs the child again on the same copy (scripts/demo.ts --deferred-resume), and the
 *   batches already imported are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { decryptBytes, encryptBytes, type DataKeys } from '../server/core/auth/personal-data.ts';
import type { DemoContinuation, SeedStep } from './seed.ts';

/** Tables that are not data: version counters (bumped by the server's triggers as it imports), the mark itself. */
const NOT_IMPORTED = new Set(['data_versions', 'grid_versions', 'demo_deferred']);

/** The most bytes of rows one batch carries (one short transaction in the server: ~10,000 rows, ~0.2 s). */
export const BATCH_BYTES = 1024 * 1024;

/** One batch of one table's rows in COPY's text format (one row a line), numbered from 0 across the whole import. */
export type DeferredBatch = { index: number; table: string; columns: string[]; text: string; rows: number };

/**
 * What the seeding child (scripts/demo.ts) sends the server over IPC: its steps, then on a first PGlite start the
 * present ready, each batch of the deferred rows and their end. The server answers `deferred-ack` with each batch's
 * index, and with -1 once all is in.
 */
export type SeedChildMessage =
  | { type: 'database-ready'; ms: number }
  | { type: 'seed-step'; step: SeedStep }
  | { type: 'present-ready' }
  | { type: 'deferred-batch'; batch: DeferredBatch }
  | { type: 'deferred-end'; batches: number; rows: number };

/** Where the seeding child keeps the copy of the database and the seed's continuation: `<dataDir>/demo-deferred`. */
export function deferredFolder(dataDir: string): string {
  return path.join(dataDir, 'demo-deferred');
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Table = { name: string; columns: string[]; primaryKey: string[] };
type ForeignKey = { child: string; parent: string; columns: string[]; parentColumns: string[] };
type ImportSchema = { keys: ForeignKey[]; primaryKeys: Map<string, string[]> };

/** The schema's tables (columns in order, generated ones left out) and foreign keys. */
async function schemaOf(db: PGlite | Transaction): Promise<{ tables: Table[]; keys: ForeignKey[] }> {
  const tables = await db.query<Table>(`
    select c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by a.attnum) as columns,
      array(select a.attname::text from pg_constraint k, unnest(k.conkey) with ordinality u(n, i)
            join pg_attribute a on a.attrelid = c.oid and a.attnum = u.n
            where k.conrelid = c.oid and k.contype = 'p' order by u.i) as "primaryKey"
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  const keys = await db.query<ForeignKey>(`
    select t.relname as child, p.relname as parent,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
      array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
            join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as "parentColumns"
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace
    order by t.relname, k.conname`);
  return { tables: tables.rows, keys: keys.rows };
}

/** The tables in an order where each comes after the tables its foreign keys point to (self-references aside). */
export function parentsFirst(names: string[], keys: ForeignKey[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const wanted = new Set(names);
  const visit = (name: string) => {
    if (state.get(name)) return; // done, or a cycle: the foreign keys of a cycle are checked against what exists
    state.set(name, 'visiting');
    for (const key of keys) {
      if (key.child === name && key.parent !== name && wanted.has(key.parent)) visit(key.parent);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return order;
}

/**
 * The rows the deferred transaction `txid` wrote in this (copied) database, table by table, parents first, in
 * batches of at most BATCH_BYTES; each batch is handed to `send`, which resolves when the server has imported it.
 */
export async function exportDeferred(
  db: PGlite,
  txid: number,
  send: (batch: DeferredBatch) => Promise<void>,
): Promise<{ batches: number; rows: number }> {
  const { tables, keys } = await schemaOf(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  let index = 0;
  let rows = 0;
  for (const name of parentsFirst(
    tables.filter((t) => !NOT_IMPORTED.has(t.name)).map((t) => t.name),
    keys,
  )) {
    const table = byName.get(name)!;
    const list = table.columns.map(quote).join(', ');
    const copied = await db.query(
      `copy (select ${list} from ${quote(name)} where xmin::text::bigint >= ${Number(txid)}) to '/dev/blob'`,
    );
    const text = copied.blob ? await copied.blob.text() : '';
    if (!text) continue;
    if (table.primaryKey.length === 0) {
      throw new Error(`deferred demo data in "${name}", a table without a key: it cannot be resumed`);
    }
    // COPY's text format escapes newlines inside values: each line is one row.
    for (let start = 0; start < text.length;) {
      let end = Math.min(text.length, start + BATCH_BYTES);
      if (end < text.length) {
        // The batch ends after its last whole row (or after one row longer than a batch).
        const cut = text.lastIndexOf('\n', end - 1);
        end = cut >= start ? cut + 1 : text.indexOf('\n', end) + 1 || text.length;
      }
      const chunk = text.slice(start, end);
      const count = chunk.split('\n').length - 1;
      await send({ index, table: name, columns: table.columns, text: chunk, rows: count });
      index += 1;
      rows += count;
      start = end;
    }
  }
  return { batches: index, rows };
}

/** A table's foreign keys as one condition on its staged row `s`: each key null, or its parent row present. */
function parentsPresent(table: string, keys: ForeignKey[]): string {
  const conditions = keys
    .filter((k) => k.child === table)
    .map((k) => {
      const nulls = k.columns.map((c) => `s.${quote(c)} is null`);
      const match = k.columns.map((c, i) => `p.${quote(k.parentColumns[i]!)} = s.${quote(c)}`).join(' and ');
      const inParent = `exists (select 1 from ${quote(k.parent)} p where ${match})`;
      // A row may point to another of the same batch (a self-reference).
      const inBatch = k.parent === table ? ` or exists (select 1 from deferred_batch p where ${match})` : '';
      return `(${[...nulls, inParent].join(' or ')}${inBatch})`;
    });
  return conditions.length > 0 ? conditions.join(' and ') : 'true';
}

/**
 * Imports one batch into the server's database in one transaction, unless an earlier import already did
 * (`batches_done`). Returns the rows inserted (0 when skipped).
 */
export async function importDeferredBatch(
  db: PGlite,
  batch: DeferredBatch,
  schema: ImportSchema | null = null,
): Promise<{ inserted: number; skipped: boolean }> {
  const { keys, primaryKeys } = schema ?? (await importSchema(db));
  const primaryKey = primaryKeys.get(batch.table) ?? [];
  return db.transaction(async (tx) => {
    const [mark] = (
      await tx.query<{ state: string; batches_done: number }>(
        'select state, batches_done from demo_deferred where id = 1 for update',
      )
    ).rows;
    if (!mark || mark.state === 'done' || batch.index < mark.batches_done) {
      return { inserted: 0, skipped: true };
    }
    const list = batch.columns.map(quote).join(', ');
    await tx.exec(
      `create temporary table deferred_batch on commit drop as select ${list} from ${quote(batch.table)} with no data`,
    );
    await tx.query(`copy deferred_batch (${list}) from '/dev/blob'`, [], { blob: new Blob([batch.text]) });
    const selected = batch.columns.map((c) => `s.${quote(c)}`).join(', ');
    const rest = batch.columns.filter((c) => !primaryKey.includes(c)).map(quote);
    const onConflict =
      primaryKey.length > 0 && rest.length > 0
        ? `on conflict (${primaryKey.map(quote).join(', ')}) do update set
             ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}
           where (${rest.map((c) => `t.${c}`).join(', ')}) is distinct from (${rest.map((c) => `excluded.${c}`).join(', ')})`
        : 'on conflict do nothing';
    const inserted = await tx.query(
      `insert into ${quote(batch.table)} as t (${list}) select ${selected} from deferred_batch s
       where ${parentsPresent(batch.table, keys)} ${onConflict}`,
    );
    const count = inserted.affectedRows ?? 0;
    await tx.query(
      'update demo_deferred set batches_done = $1, rows_imported = rows_imported + $2 where id = 1',
      [batch.index + 1, count],
    );
    return { inserted: count, skipped: false };
  });
}

/** The foreign keys and primary keys of the server's database, read once for a whole import. */
export async function importSchema(db: PGlite): Promise<ImportSchema> {
  const { tables, keys } = await schemaOf(db);
  return { keys, primaryKeys: new Map(tables.map((t) => [t.name, t.primaryKey])) };
}

/** Whether the deferred data of this database is still to come (a first start's import not finished). */
export async function deferredPending(db: PGlite): Promise<boolean> {
  const result = await db.query<{ state: string }>(`select state from demo_deferred where id = 1`);
  return result.rows[0]?.state === 'pending';
}

/** Marks the deferred data done: every batch is in. */
export async function markDeferredDone(db: PGlite): Promise<void> {
  await db.query(`update demo_deferred set state = 'done', done_at = now() where id = 1`);
}

/**
 * The seed's continuation, kept beside the copy so that a start interrupted before the deferred modules committed can
 * go on: sealed with the data key (the shared results hold the demo accounts' names and numbers).
 */
export function saveContinuation(folder: string, keys: DataKeys, continuation: DemoContinuation): void {
  const sealed = encryptBytes(keys, v8.serialize(continuation));
  const file = path.join(folder, 'continuation');
  fs.writeFileSync(`${file}.partial`, sealed);
  fs.renameSync(`${file}.partial`, file);
}

export function loadContinuation(folder: string, keys: DataKeys): DemoContinuation {
  const sealed = fs.readFileSync(path.join(folder, 'continuation'), 'utf8');
  return v8.deserialize(decryptBytes(keys, sealed)) as DemoContinuation;
}
