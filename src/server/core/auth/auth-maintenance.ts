import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Executor } from '../db/client.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { schedule, type Schedule } from '../jobs/schedules.ts';
import { pruneNotifications } from '../notifications/notifications.ts';
import { loginFailures, sessions } from './auth.tables.ts';
import { throttle } from './auth.service.ts';

export const AUTH_PRUNE = 'auth.prune';

/**
 * Deletes what sign-in no longer needs: sessions that have ended (expired or revoked) and are older than the
 * known-address rule looks back (`throttle.knownAddressMs`, 90 days), and failed attempts older than the throttle's
 * window. Both tables would otherwise grow for ever, and the known-address check reads an account's sessions.
 */
export async function pruneAuth(
  db: Executor,
  now = new Date(),
): Promise<{ sessions: number; failures: number }> {
  const oldSessions = await db
    .delete(sessions)
    .where(
      and(
        lt(sessions.createdAt, new Date(now.getTime() - throttle.knownAddressMs)),
        or(lt(sessions.expiresAt, now), isNotNull(sessions.revokedAt)),
      ),
    )
    .returning({ id: sessions.id });
  const oldFailures = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - throttle.windowMs)))
    .returning({ id: sql`1` });
  return { sessions: oldSessions.length, failures: oldFailures.length };
}

/**
 * The daily prune (04:11, server time zone) as a scheduled job, also of read notifications older than 180 days;
 * deleting twice is harmless.
 */
export function authMaintenance(
  db: Executor,
  logger: Logger,
): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [AUTH_PRUNE]: async () =>
        logger.info(
          { ...(await pruneAuth(db)), notifications: await pruneNotifications(db) },
          'ended sessions, old sign-in failures and old read notifications pruned',
        ),
    },
    schedules: [schedule(AUTH_PRUNE, '11 4 * * *', AUTH_PRUNE)],
  };
}
