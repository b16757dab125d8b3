import type { Executor } from '../db/client.ts';
import { demoDeferred } from './deferred.tables.ts';

/**
 * Whether the demo county's history is still loading after a first start (src/demo/deferred.ts): none when there is
 * no such load (not a demo county, or one seeded in one go), loading until the last batch is in, then done.
 */
export async function demoHistoryState(
  db: Executor,
): Promise<{ state: 'none' | 'loading' | 'done'; rowsImported: number }> {
  const [row] = await db
    .select({ state: demoDeferred.state, rowsImported: demoDeferred.rowsImported })
    .from(demoDeferred)
    .limit(1);
  if (!row) return { state: 'none', rowsImported: 0 };
  return { state: row.state === 'done' ? 'done' : 'loading', rowsImported: row.rowsImported };
}
