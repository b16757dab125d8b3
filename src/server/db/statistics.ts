import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

const REGISTRY_TABLES = [
  'territories',
  'buildings',
  'units',
  'households',
  'residents',
  'resident_tags',
  'registry_history',
];

/**
 * Refreshes the planner's statistics of the registry tables after a bulk load (demo seed, import). PGlite has no
 * autovacuum, so without this the planner works blind: a cold fact sheet took 110–135 ms instead of 12–30 ms.
 */
export async function analyzeRegistry(db: Executor): Promise<void> {
  await db.execute(sql.raw(`analyze ${REGISTRY_TABLES.join(', ')}`));
}
