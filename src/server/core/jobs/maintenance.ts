import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { vacuumAnalyzeRegistry } from '../db/statistics.ts';
import type { JobHandler } from './runner.ts';
import { schedule, type Schedule } from './schedules.ts';

export const REGISTRY_MAINTENANCE = 'db.registry-maintenance';

/**
 * PGlite has no autovacuum: the registry tables are vacuumed and analysed at 00:00, 06:00, 12:00 and 18:00, so
 * index-only counts and the planner's statistics keep up with edits made through the screens (bulk loads vacuum at
 * once). The schedule is kept in the database: a restart neither delays nor repeats it, and a slot missed while the
 * server was down runs once when it starts. Vacuuming twice is harmless, as a handler's retry must be.
 */
export function registryMaintenance(
  db: Db,
  logger: Logger,
): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [REGISTRY_MAINTENANCE]: async () => {
        const started = Date.now();
        await vacuumAnalyzeRegistry(db);
        logger.info({ ms: Date.now() - started }, 'registry tables vacuumed and analysed');
      },
    },
    schedules: [schedule(REGISTRY_MAINTENANCE, '0 */6 * * *', REGISTRY_MAINTENANCE)],
  };
}
