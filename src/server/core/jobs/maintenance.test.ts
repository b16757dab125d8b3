import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../tests/support/second-handle.ts';
import { createTestDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from '../db/client.ts';
import { jobSchedules, jobs } from './jobs.tables.ts';
import { TABLE_MAINTENANCE, tableMaintenance } from './maintenance.ts';
import { startJobRunner } from './runner.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** How often the residents table was vacuumed, as the statistics views say (PostgreSQL reports it lazily). */
async function vacuumCount(): Promise<number> {
  await database.db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await database.db
    .select({ n: sql<number>`vacuum_count::int` })
    .from(sql`pg_stat_user_tables`)
    .where(sql`relname = 'residents'`);
  return row?.n ?? 0;
}

describe('registry maintenance', () => {
  it('is scheduled every six hours, and its job vacuums and analyses the registry tables', async () => {
    const { db } = database;
    const before = await vacuumCount();
    const maintenance = tableMaintenance(db, pino({ level: 'silent' }), ['residents', 'households']);
    expect(maintenance.schedules).toMatchObject([{ name: TABLE_MAINTENANCE, cron: '0 */6 * * *' }]);
    // The slot of six hours ago was missed.
    await db.insert(jobSchedules).values({
      name: TABLE_MAINTENANCE,
      cron: '0 */6 * * *',
      timeZone: 'Asia/Shanghai',
      nextRunAt: sql`date_trunc('hour', now()) - interval '6 hours'`,
    });
    const runner = startJobRunner({ db, logger: pino({ level: 'silent' }), pollMs: 20, ...maintenance });
    try {
      await waitFor(
        async () => (await db.$count(jobs, eq(jobs.kind, TABLE_MAINTENANCE))) === 1,
        'the maintenance job',
      );
      await waitFor(async () => (await vacuumCount()) > before, 'a vacuum of the residents table');
      const [job] = await db.select().from(jobs).where(eq(jobs.kind, TABLE_MAINTENANCE));
      await waitFor(
        async () => (await db.$count(jobs, sql`${jobs.id} = ${job!.id} and status = 'done'`)) === 1,
        'the job done',
      );
    } finally {
      await runner.stop();
    }
    const [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, TABLE_MAINTENANCE));
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
  });
});
