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
 * Vacuums the registry tables and refreshes the planner's statistics after a bulk load (demo seed, import); not
 * inside a transaction. PGlite has no autovacuum: without statistics the planner works blind (a cold fact sheet took
 * 110–135 ms instead of 12–30 ms), and without the visibility map counts cannot be read from indexes alone (a
 * capped name-search count: 5.5 ms instead of 0.6 ms). On the full demo county this takes well under a second.
 */
export async function vacuumAnalyzeRegistry(db: Executor): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${REGISTRY_TABLES.join(', ')}`));
}
