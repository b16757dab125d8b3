import type { Logger } from 'pino';
import { authMaintenance } from './core/auth/auth-maintenance.ts';
import type { DataKeys } from './core/auth/personal-data.ts';
import type { Database } from './core/db/client.ts';
import { registryMaintenance } from './core/jobs/maintenance.ts';
import type { JobHandler } from './core/jobs/runner.ts';
import type { Schedule } from './core/jobs/schedules.ts';
import { registryImportJobs } from './modules/registry/registry-import.jobs.ts';

/**
 * Every job handler and schedule of the platform, for the server's job runner (and the test app's): the Excel
 * import's validation and commit, the pruning of ended sessions, and the embedded database's maintenance
 * (PostgreSQL has autovacuum).
 */
export function backgroundWork(
  database: Pick<Database, 'kind' | 'db'>,
  keys: DataKeys,
  logger: Logger,
): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const work = [
    registryImportJobs({ db: database.db, keys, logger }),
    authMaintenance(database.db, logger),
    ...(database.kind === 'pglite' ? [registryMaintenance(database.db, logger)] : []),
  ];
  return {
    handlers: Object.assign({}, ...work.map((w) => w.handlers)) as Record<string, JobHandler>,
    schedules: work.flatMap((w) => w.schedules),
  };
}
