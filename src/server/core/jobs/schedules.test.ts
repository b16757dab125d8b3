import { eq, like, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSecondHandle, waitFor } from '../../../../tests/support/second-handle.ts';
import { createTestDatabase } from '../../../../tests/support/test-app.ts';
import type { Database, Db } from '../db/client.ts';
import { parseCron } from './cron.ts';
import { jobSchedules, jobs } from './jobs.tables.ts';
import { startJobRunner, type JobRunner } from './runner.ts';
import { declareSchedules, fireDueSchedules, registerSchedules, schedule, slotKey } from './schedules.ts';

let database: Database;
let db: Db;
const silent = pino({ level: 'silent' });
const runners: JobRunner[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  await db.delete(jobs);
  await db.delete(jobSchedules).where(like(jobSchedules.name, 'test.%'));
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** Sets a schedule's next_run_at to its last slot at least `minutes` ago (found within `window`), as if it were due. */
async function dueSince(name: string, cron: string, minutes: number, window = 2 * 86_400_000): Promise<Date> {
  const parsed = parseCron(cron);
  const before = Date.now() - minutes * 60_000;
  let slot = parsed.next(new Date(before - window))!;
  for (let next = parsed.next(slot)!; next.getTime() <= before; next = parsed.next(next)!) slot = next;
  await db
    .insert(jobSchedules)
    .values({ name, cron, timeZone: 'Asia/Shanghai', nextRunAt: slot })
    .onConflictDoUpdate({ target: jobSchedules.name, set: { nextRunAt: slot } });
  return slot;
}

async function nextRunAt(name: string): Promise<Date> {
  const [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, name));
  return row!.nextRunAt;
}

describe('declaring schedules', () => {
  it('refuses a bad expression, one that never fires, and a name declared twice', () => {
    expect(() => schedule('test.bad', '* * *', 'test.tick')).toThrow(/expected 5 fields/);
    expect(() => schedule('test.never', '0 0 30 2 *', 'test.tick')).toThrow(/never fires/);
    const s = schedule('test.twice', '* * * * *', 'test.tick');
    expect(() => declareSchedules([s, s], 'Asia/Shanghai')).toThrow(/declared twice/);
  });

  it('registers the next slot; a restart keeps it, a changed expression starts over', async () => {
    const now = new Date('2026-03-01T00:00:30Z');
    await registerSchedules(db, declareSchedules([schedule('test.r', '0 * * * *', 'test.tick')], 'UTC'), now);
    expect(await nextRunAt('test.r')).toEqual(new Date('2026-03-01T01:00:00Z'));
    const later = new Date('2026-03-01T05:00:30Z');
    await registerSchedules(
      db,
      declareSchedules([schedule('test.r', '0 * * * *', 'test.tick')], 'UTC'),
      later,
    );
    expect(await nextRunAt('test.r')).toEqual(new Date('2026-03-01T01:00:00Z'));
    await registerSchedules(
      db,
      declareSchedules([schedule('test.r', '30 * * * *', 'test.tick')], 'UTC'),
      later,
    );
    expect(await nextRunAt('test.r')).toEqual(new Date('2026-03-01T05:30:00Z'));
  });
});

describe('firing schedules', () => {
  it('a due slot enqueues one job with the slot key, and next_run_at moves to the next slot after now', async () => {
    const cron = '*/5 * * * *';
    const slot = await dueSince('test.tick', cron, 3 * 60);
    const declared = declareSchedules([schedule('test.tick', cron, 'test.tick', { n: 1 })], 'Asia/Shanghai');
    expect(await fireDueSchedules(db, declared)).toBe(1);
    // Three hours of missed slots collapse into one job.
    const queued = await db.select().from(jobs).where(eq(jobs.kind, 'test.tick'));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ idempotencyKey: slotKey('test.tick', slot), payload: { n: 1 } });
    const next = await nextRunAt('test.tick');
    expect(next.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    expect(await fireDueSchedules(db, declared)).toBe(0);
  });

  it('of two processes firing the same due slot at once, exactly one enqueues', async () => {
    const second = await openSecondHandle(database);
    try {
      const declared = declareSchedules([schedule('test.race', '* * * * *', 'test.tick')], 'Asia/Shanghai');
      for (let round = 0; round < 10; round++) {
        await dueSince('test.race', '* * * * *', round + 1, 5 * 60_000);
        const fired = await Promise.all([
          fireDueSchedules(db, declared),
          fireDueSchedules(second.db, declared),
        ]);
        expect(fired[0] + fired[1]).toBe(1);
      }
      expect(await db.$count(jobs, eq(jobs.kind, 'test.tick'))).toBe(10);
    } finally {
      await second.close();
    }
  });

  it('with two runners, a due slot runs its job once', async () => {
    const second = await openSecondHandle(database);
    try {
      const cron = '0 3 * * *';
      const slot = await dueSince('test.daily', cron, 1);
      const runs: string[] = [];
      const declare = () => [schedule('test.daily', cron, 'test.daily')];
      for (const [handle, worker] of [
        [db, 'a'],
        [second.db, 'b'],
      ] as const) {
        runners.push(
          startJobRunner({
            db: handle,
            logger: silent,
            workerId: worker,
            pollMs: 20,
            schedules: declare(),
            handlers: { 'test.daily': () => void runs.push(worker) },
          }),
        );
      }
      await waitFor(
        async () => (await db.$count(jobs, sql`kind = 'test.daily' and status = 'done'`)) === 1,
        'the daily job done',
      );
      // The slot has moved on, in the transaction that enqueued its job: no runner can fire it again, and any other
      // job for it would be visible already.
      const moved = await nextRunAt('test.daily');
      expect(moved.getTime()).toBeGreaterThan(Date.now());
      expect(runs).toHaveLength(1);
      const all = await db.select().from(jobs).where(eq(jobs.kind, 'test.daily'));
      expect(all.map((j) => j.idempotencyKey)).toEqual([slotKey('test.daily', slot)]);
    } finally {
      await Promise.all(runners.splice(0).map((runner) => runner.stop()));
      await second.close();
    }
  });
});
