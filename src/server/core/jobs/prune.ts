import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { JobHandler } from './handler.ts';
import { schedule } from './schedules.ts';
import { jobs } from './jobs.tables.ts';

const BATCH = 5000;

/** Done jobs are deleted this long after they finished (their idempotency keys with them). */
export const PRUNE_DONE_AFTER_DAYS = 7;
/** Dead jobs are kept longer, for a person to read why they failed. */
export const PRUNE_DEAD_AFTER_DAYS = 90;

export const PRUNE_KIND = 'jobs.prune';

/** Every runner's own schedule: prune finished jobs once a day at 03:17. */
export const pruneSchedule = schedule(PRUNE_KIND, '17 3 * * *', PRUNE_KIND);

/** Deletes finished jobs past their keeping time, a batch per statement; returns how many. */
export async function pruneJobs(db: Db, heartbeat: () => Promise<void> = async () => {}): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db
      .delete(jobs)
      .where(
        sql`${jobs.id} in (
          select id from jobs
          where finished_at is not null
            and finished_at < now() - make_interval(days => case status when 'dead' then ${PRUNE_DEAD_AFTER_DAYS}::int
                                                                        else ${PRUNE_DONE_AFTER_DAYS}::int end)
          limit ${BATCH})`,
      )
      .returning({ id: jobs.id });
    const count = deleted.length;
    total += count;
    if (count < BATCH) return total;
    await heartbeat();
  }
}

export function pruneHandler(db: Db): JobHandler {
  return async ({ heartbeat }) => {
    await pruneJobs(db, heartbeat);
  };
}
