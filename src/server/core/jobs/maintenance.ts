import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { vacuumAnalyze } from '../db/statistics.ts';
import type { JobHandler } from './runner.ts';
import { schedule, type Schedule } from './schedules.ts';

/** The job's kind and schedule name (kept from when only the registry's tables were maintained). */
export const TABLE_MAINTENANCE = 'db.registry-maintenance';

/**
 * PGlite has no autovacuum: the tables modules name in `maintain` are vacuumed and analysed at 00:00, 06:00, 12:00 and 18:00, so
 * index-only counts and the planner's statistics keep up with edits made through the screens (bulk loads vacuum at
 * once). The schedule is kept in the database: a restart neither delays nor repeats it, and a slot missed while the
 * server was down runs once when it starts. Vacuuming twice is harmless, as a handler's retry must be.
 */
export function tableMaintenance(
  db: Db,
  logger: Logger,
  tables: readonly string[],
): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [TABLE_MAINTENANCE]: async () => {
        const started = Date.now();
        await vacuumAnalyze(db, tables);
        logger.info({ ms: Date.now() - started }, 'tables vacuumed and analysed');
      },
    },
    schedules: [schedule(TABLE_MAINTENANCE, '0 */6 * * *', TABLE_MAINTENANCE)],
  };
}
