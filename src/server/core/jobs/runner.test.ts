import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSecondHandle, waitFor } from '../../../../tests/support/second-handle.ts';
import { createTestDatabase } from '../../../../tests/support/test-app.ts';
import type { Database, Db } from '../db/client.ts';
import { enqueue } from './enqueue.ts';
import { jobs } from './jobs.tables.ts';
import { PRUNE_KIND, pruneJobs } from './prune.ts';
import { LeaseLostError, retryDelay, startJobRunner, type JobHandler, type JobRunner } from './runner.ts';

let database: Database;
let db: Db;
const silent = pino({ level: 'silent' });
const runners: JobRunner[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await db.execute(sql`create table job_test_runs (job_id uuid not null, worker text not null)`);
});
afterAll(() => database.close());
beforeEach(async () => {
  await db.delete(jobs);
  await db.execute(sql`delete from job_test_runs`);
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** A runner that polls often and retries after a few milliseconds, stopped after the test. */
function run(
  handlers: Record<string, JobHandler>,
  options: Partial<Parameters<typeof startJobRunner>[0]> = {},
) {
  const runner = startJobRunner({
    db,
    logger: silent,
    handlers,
    pollMs: 20,
    retry: { baseMs: 5, maxMs: 20 },
    ...options,
  });
  runners.push(runner);
  return runner;
}

async function jobById(id: string) {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job!;
}

async function untilSettled(id: string, status: 'done' | 'dead' = 'done') {
  await waitFor(async () => (await jobById(id)).status === status, `job ${id} ${status}`);
  return jobById(id);
}

describe('enqueue', () => {
  it('queues a job with its payload, due now, with the default attempts', async () => {
    const id = await enqueue(db, 'test.hello', { name: '张三', n: 1 });
    const job = await jobById(id);
    expect(job).toMatchObject({ kind: 'test.hello', payload: { name: '张三', n: 1 }, status: 'queued' });
    expect(job.attempts).toBe(0);
    expect(job.maxAttempts).toBe(5);
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('with an idempotency key, a second enqueue is a no-op returning the first job', async () => {
    const first = await enqueue(db, 'test.remind', { to: 1 }, { key: 'remind:1' });
    const second = await db.transaction((tx) => enqueue(tx, 'test.remind', { to: 2 }, { key: 'remind:1' }));
    const other = await enqueue(db, 'test.remind', { to: 3 }, { key: 'remind:2' });
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    const rows = await db.select().from(jobs).where(eq(jobs.kind, 'test.remind'));
    expect(rows.map((r) => r.payload)).toEqual(expect.arrayContaining([{ to: 1 }, { to: 3 }]));
    expect(rows).toHaveLength(2);
    // Jobs without a key are never folded together.
    await enqueue(db, 'test.plain', {});
    await enqueue(db, 'test.plain', {});
    expect(await db.$count(jobs, eq(jobs.kind, 'test.plain'))).toBe(2);
  });

  it('is part of the business transaction: committed with it, gone when it rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, 'test.outbox', { order: 'rolled back' });
        throw new Error('the business rule refused the write');
      }),
    ).rejects.toThrow('refused');
    expect(await db.$count(jobs, eq(jobs.kind, 'test.outbox'))).toBe(0);
    await db.transaction((tx) => enqueue(tx, 'test.outbox', { order: 'committed' }));
    expect(await db.$count(jobs, eq(jobs.kind, 'test.outbox'))).toBe(1);
  });

  it('refuses a max attempts below one', async () => {
    await expect(enqueue(db, 'test.x', {}, { maxAttempts: 0 })).rejects.toThrow(RangeError);
  });
});

describe('the runner', () => {
  it('runs a due job once and marks it done; a job due later waits', async () => {
    const seen: unknown[] = [];
    const now = await enqueue(db, 'test.hello', { n: 1 });
    const later = await enqueue(db, 'test.hello', { n: 2 }, { runAt: new Date(Date.now() + 3_600_000) });
    run({ 'test.hello': ({ job }) => void seen.push(job.payload) });
    const done = await untilSettled(now);
    expect(done).toMatchObject({ attempts: 1, lockedBy: null, lockedUntil: null, lastError: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await jobById(later)).status).toBe('queued');
  });

  it('retries a failing job with growing delays, then it is dead with the last error kept', async () => {
    const attempts: { attempt: number; runAt: Date }[] = [];
    const id = await enqueue(db, 'test.flaky', {}, { maxAttempts: 3 });
    run({
      'test.flaky': ({ job }) => {
        attempts.push({ attempt: job.attempts, runAt: job.runAt });
        throw new Error(`gateway down (attempt ${job.attempts})`);
      },
    });
    const dead = await untilSettled(id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, lastError: 'gateway down (attempt 3)', lockedBy: null });
    expect(dead.finishedAt).toBeInstanceOf(Date);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Each retry was put off: its run_at moved later.
    expect(attempts[1]!.runAt.getTime()).toBeGreaterThan(attempts[0]!.runAt.getTime());
    expect(attempts[2]!.runAt.getTime()).toBeGreaterThan(attempts[1]!.runAt.getTime());
  });

  it('a job that fails and then succeeds is done, its earlier error kept', async () => {
    const id = await enqueue(db, 'test.once-flaky', {});
    run({
      'test.once-flaky': ({ job }) => {
        if (job.attempts === 1) throw new Error('first try fails');
      },
    });
    expect(await untilSettled(id)).toMatchObject({ attempts: 2, lastError: 'first try fails' });
  });

  it('a job of a kind nobody handles is dead at once, saying so', async () => {
    const id = await enqueue(db, 'test.nobody', {});
    run({});
    expect(await untilSettled(id, 'dead')).toMatchObject({
      attempts: 1,
      lastError: 'no handler for job kind "test.nobody"',
    });
  });

  it('takes over a job whose worker died (lease expired) and finishes it once; a live lease is left alone', async () => {
    const orphan = await enqueue(db, 'test.resume', { n: 1 });
    const held = await enqueue(db, 'test.resume', { n: 2 });
    await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        lockedBy: 'dead-worker',
        lockedUntil: sql`now() - interval '1 second'`,
      })
      .where(eq(jobs.id, orphan));
    await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        lockedBy: 'live-worker',
        lockedUntil: sql`now() + interval '1 hour'`,
      })
      .where(eq(jobs.id, held));
    const runner = run({
      'test.resume': async ({ job }) => {
        await db.execute(sql`insert into job_test_runs values (${job.id}, ${runner.workerId})`);
      },
    });
    const done = await untilSettled(orphan);
    expect(done).toMatchObject({ attempts: 2, lastError: 'the lease of dead-worker expired' });
    expect(await db.execute(sql`select count(*)::int as n from job_test_runs`)).toMatchObject({
      rows: [{ n: 1 }],
    });
    expect(await jobById(held)).toMatchObject({ status: 'running', lockedBy: 'live-worker', attempts: 1 });
  });

  it('a job whose dead worker used its last attempt is dead when taken over', async () => {
    const id = await enqueue(db, 'test.resume', {}, { maxAttempts: 1 });
    await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        lockedBy: 'dead-worker',
        lockedUntil: sql`now() - interval '1 second'`,
      })
      .where(eq(jobs.id, id));
    let ran = false;
    run({ 'test.resume': () => void (ran = true) });
    expect(await untilSettled(id, 'dead')).toMatchObject({
      attempts: 2,
      lastError: 'the lease of dead-worker expired; no attempts left',
    });
    expect(ran).toBe(false);
  });

  it('extends the lease while the handler works', async () => {
    const id = await enqueue(db, 'test.long', {});
    let extended = false;
    run(
      {
        'test.long': async ({ job }) => {
          const first = job.lockedUntil!.getTime();
          await waitFor(async () => (await jobById(job.id)).lockedUntil!.getTime() > first, 'a heartbeat');
          extended = true;
        },
      },
      { leaseMs: 600 },
    );
    await untilSettled(id);
    expect(extended).toBe(true);
  });

  it('aborts the handler when another runner took its job over, and records nothing of its own', async () => {
    const id = await enqueue(db, 'test.stolen', {});
    let reason: unknown;
    run(
      {
        'test.stolen': async ({ job, signal }) => {
          // Another runner takes the job over (as if this one had stalled past its lease).
          await db
            .update(jobs)
            .set({ attempts: job.attempts + 1, lockedBy: 'other-worker' })
            .where(eq(jobs.id, job.id));
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          reason = signal.reason;
        },
      },
      { leaseMs: 300 },
    );
    await waitFor(() => reason !== undefined, 'the abort');
    expect(reason).toBeInstanceOf(LeaseLostError);
    // The row is the other runner's: still running, under its name.
    expect(await jobById(id)).toMatchObject({ status: 'running', lockedBy: 'other-worker', attempts: 2 });
  });

  it('wakes at once when this process enqueues, in a transaction or not', async () => {
    const seen: string[] = [];
    run({ 'test.wake': ({ job }) => void seen.push(job.id) }, { pollMs: 60_000 });
    const direct = await enqueue(db, 'test.wake', {});
    await untilSettled(direct);
    const inTransaction = await db.transaction((tx) => enqueue(tx, 'test.wake', {}));
    await untilSettled(inTransaction);
    expect(seen).toEqual([direct, inTransaction]);
  });

  it('stop() waits for the jobs running now', async () => {
    const id = await enqueue(db, 'test.slow', {});
    let started = false;
    let release!: () => void;
    const runner = startJobRunner({
      db,
      logger: silent,
      pollMs: 20,
      handlers: {
        'test.slow': async () => {
          started = true;
          await new Promise<void>((resolve) => (release = resolve));
        },
      },
    });
    await waitFor(() => started, 'the job to start');
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await jobById(id)).status).toBe('done');
  });

  it('two runners on separate connections run each of 200 jobs exactly once', async () => {
    const second = await openSecondHandle(database);
    try {
      const counting =
        (handle: Db, worker: string): JobHandler =>
        async ({ job }) => {
          await handle.execute(sql`insert into job_test_runs values (${job.id}, ${worker})`);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        };
      run({ 'test.count': counting(db, 'a') }, { concurrency: 4, workerId: 'a' });
      run({ 'test.count': counting(second.db, 'b') }, { db: second.db, concurrency: 4, workerId: 'b' });
      await db.transaction(async (tx) => {
        for (let i = 0; i < 200; i++) await enqueue(tx, 'test.count', { i });
      });
      await waitFor(
        async () =>
          (await db.$count(jobs, and(eq(jobs.kind, 'test.count'), eq(jobs.status, 'done')))) === 200,
        '200 jobs done',
        60_000,
      );
      const [row] = await db
        .select({
          runs: sql<number>`count(*)::int`,
          jobs: sql<number>`count(distinct job_id)::int`,
          a: sql<number>`(count(*) filter (where worker = 'a'))::int`,
          b: sql<number>`(count(*) filter (where worker = 'b'))::int`,
        })
        .from(sql`job_test_runs`);
      expect(row).toMatchObject({ runs: 200, jobs: 200 });
      expect(row!.a).toBeGreaterThan(0);
      expect(row!.b).toBeGreaterThan(0);
      // No job was claimed twice: each took one attempt.
      expect(await db.$count(jobs, sql`kind = 'test.count' and attempts <> 1`)).toBe(0);
    } finally {
      await Promise.all(runners.splice(0).map((runner) => runner.stop()));
      await second.close();
    }
  });
});

describe('a long transaction in a handler', () => {
  it('renews its lease from inside the transaction without waiting for itself (PGlite serves one connection)', async () => {
    // Without `exclusive`, a renewal on PGlite waits for the open transaction, which waits for the renewal: the
    // 100,000-row import commit hung this way. On PostgreSQL the renewal goes through its own connection.
    let beats = 0;
    run(
      {
        'test.long': async ({ job, heartbeat }) => {
          await db.transaction(async (tx) => {
            for (let i = 0; i < 6; i++) {
              await new Promise((resolve) => setTimeout(resolve, 120));
              await heartbeat(tx);
              beats++;
            }
            await tx.execute(sql`insert into job_test_runs values (${job.id}, 'long')`);
          });
        },
      },
      { leaseMs: 1_000, exclusive: database.kind === 'pglite' },
    );
    const id = await enqueue(db, 'test.long', {});
    const job = await untilSettled(id);
    expect(job.attempts).toBe(1);
    expect(beats).toBe(6);
    expect(await db.execute(sql`select count(*)::int as n from job_test_runs`)).toMatchObject({
      rows: [{ n: 1 }],
    });
  });
});

describe('retry delays', () => {
  it('double with each attempt, up to the maximum, with jitter between half and all of it', () => {
    const limits = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelay(n, limits, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, limits, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(30, limits, () => 1)).toBe(60_000);
    expect(retryDelay(30, limits, () => 0)).toBe(30_000);
    for (let n = 1; n < 40; n++) {
      const delay = retryDelay(n, limits);
      expect(delay).toBeGreaterThanOrEqual(Math.min(60_000, 1000 * 2 ** (n - 1)) / 2);
      expect(delay).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('pruning', () => {
  it('deletes done jobs after a week and dead ones after 90 days, nothing else', async () => {
    const ids = {
      oldDone: await enqueue(db, 'test.p', {}),
      newDone: await enqueue(db, 'test.p', {}),
      oldDead: await enqueue(db, 'test.p', {}),
      oldishDead: await enqueue(db, 'test.p', {}),
      queued: await enqueue(db, 'test.p', {}),
    };
    const finish = (id: string, status: 'done' | 'dead', daysAgo: number) =>
      db
        .update(jobs)
        .set({ status, finishedAt: sql`now() - make_interval(days => ${daysAgo}::int)` })
        .where(eq(jobs.id, id));
    await finish(ids.oldDone, 'done', 8);
    await finish(ids.newDone, 'done', 6);
    await finish(ids.oldDead, 'dead', 91);
    await finish(ids.oldishDead, 'dead', 30);
    expect(await pruneJobs(db)).toBe(2);
    const left = (await db.select({ id: jobs.id }).from(jobs)).map((r) => r.id).sort();
    expect(left).toEqual([ids.newDone, ids.oldishDead, ids.queued].sort());
  });

  it('is the runner own job kind', () => {
    expect(() => startJobRunner({ db, logger: silent, handlers: { [PRUNE_KIND]: async () => {} } })).toThrow(
      /the runner's own/,
    );
  });
});
