import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The demo's deferred data (src/demo/deferred.ts), one row. A first start on PGlite writes it `pending` with the rest
 * of the demo county; the platform opens, the deferred modules' rows are generated in a copy of the database and
 * imported batch by batch, each batch's transaction counting itself in `batches_done`; the last sets `done`. A start
 * that finds it `pending` goes on from the copy. In the copy itself, the deferred modules' transaction sets
 * `seeded` and its transaction id: its rows are the ones that id wrote.
 */
export const demoDeferred = pgTable(
  'demo_deferred',
  {
    id: smallint('id').primaryKey().default(1),
    state: text('state').notNull(),
    txid: bigint('txid', { mode: 'number' }),
    batchesDone: integer('batches_done').notNull().default(0),
    rowsImported: bigint('rows_imported', { mode: 'number' }).notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    check('demo_deferred_one_row', sql`${t.id} = 1`),
    check('demo_deferred_state', sql`${t.state} in ('pending', 'seeded', 'done')`),
  ],
);
