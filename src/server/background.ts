import type { Logger } from 'pino';
import type { DataKeys } from './core/auth/personal-data.ts';
import type { Database } from './core/db/client.ts';
import { tableMaintenance } from './core/jobs/maintenance.ts';
import type { JobHandler } from './core/jobs/runner.ts';
import type { Schedule } from './core/jobs/schedules.ts';
import type { Kit } from './core/kit/module.ts';
import { kit as platformKit } from './modules.ts';

/**
 * Every job handler and schedule of the platform, for the server's job runner (and the test app's): each module's
 * `jobs`, and on the embedded database the maintenance of the tables modules name in `maintain` (PostgreSQL has
 * autovacuum). Two modules handling one job kind stop the start.
 */
export function backgroundWork(
  database: Pick<Database, 'kind' | 'db'>,
  keys: DataKeys,
  logger: Logger,
  kit: Kit = platformKit,
): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const deps = { db: database.db, keys, logger, databaseKind: database.kind };
  const work = kit.modules.flatMap((m) => (m.jobs ? [{ module: m.name, ...m.jobs(deps) }] : []));
  if (database.kind === 'pglite') {
    work.push({ module: 'core', ...tableMaintenance(database.db, logger, kit.maintainedTables) });
  }
  const handlers: Record<string, JobHandler> = {};
  const owners = new Map<string, string>();
  for (const w of work) {
    for (const [kind, handler] of Object.entries(w.handlers)) {
      if (owners.has(kind)) {
        throw new Error(
          `module kit: job kind "${kind}" is handled by both "${owners.get(kind)}" and "${w.module}"`,
        );
      }
      owners.set(kind, w.module);
      handlers[kind] = handler;
    }
  }
  return { handlers, schedules: work.flatMap((w) => w.schedules ?? []) };
}
