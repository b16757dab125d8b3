import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

/**
 * Vacuums tables and refreshes the planner's statistics after a bulk load (demo seed, import); not
 * inside a transaction. PGlite has no autovacuum: without statistics the planner works blind (a cold fact sheet took
 * 110–135 ms instead of 12–30 ms), and without the visibility map counts cannot be read from indexes alone (a
 * capped name-search count: 5.5 ms instead of 0.6 ms). On the full demo county this takes well under a second.
 */
export async function vacuumAnalyze(db: Executor, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(sql.raw(`vacuum (analyze) ${tableList(tables)}`));
}

/**
 * Refreshes the planner's statistics of tables a write has just grown by a large share (a round opened over a county
 * adds 80,000 rows to a table of 440,000). Until autovacuum notices (a minute or more; never on PGlite), the planner
 * takes the new key for a rare one and may pick an index that matches only its first column: a visit's lookup of its
 * (round, household) row read the whole round through round_households_code_idx, 157 ms instead of 0.1 ms, and the
 * county's visits queued behind it on PostgreSQL (44 a second instead of hundreds). Samples, does not scan: well
 * under a second; may run inside a transaction.
 */
export async function analyzeTables(db: Executor, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(sql.raw(`analyze ${tableList(tables)}`));
}

function tableList(tables: readonly string[]): string {
  for (const table of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  }
  return tables.join(', ');
}
