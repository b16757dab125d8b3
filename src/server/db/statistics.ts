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

/** How often the embedded database's registry tables are vacuumed and analysed while the server runs. */
export const MAINTENANCE_INTERVAL_MS = 6 * 3_600_000;

/**
 * PGlite has no autovacuum: vacuum and analyse the registry tables a minute after start and then every
 * MAINTENANCE_INTERVAL_MS, so index-only counts and the planner's statistics keep up with edits made through the
 * screens (bulk loads vacuum at once). Returns a function that stops it.
 */
export function scheduleMaintenance(
  db: Executor,
  report: (outcome: { ms: number } | { error: unknown }) => void,
  firstDelayMs = 60_000,
): () => void {
  let timer: NodeJS.Timeout;
  const run = (delay: number) => {
    timer = setTimeout(() => {
      const started = Date.now();
      vacuumAnalyzeRegistry(db).then(
        () => report({ ms: Date.now() - started }),
        (error: unknown) => report({ error }),
      );
      run(MAINTENANCE_INTERVAL_MS);
    }, delay);
    timer.unref();
  };
  run(firstDelayMs);
  return () => clearTimeout(timer);
}
