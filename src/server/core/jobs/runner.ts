import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db/client.ts';
import { DEFAULT_TIME_ZONE } from './cron.ts';
import { onEnqueue } from './enqueue.ts';
import type { Job, JobHandler } from './handler.ts';
import { jobs } from './jobs.tables.ts';
import { PRUNE_KIND, pruneHandler, pruneSchedule } from './prune.ts';
import { declareSchedules, fireDueSchedules, registerSchedules, type Schedule } from './schedules.ts';

export type { Job, JobContext, JobHandler } from './handler.ts';

export type JobRunnerOptions = {
  /** The database itself, not a transaction. */
  db: Db;
  logger: Logger;
  /** Handler per job kind. A claimed job of a kind not here is dead at once. */
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** The zone schedules are read in; Asia/Shanghai (no daylight saving) by default. */
  timeZone?: string;
  /** Written to `locked_by`; host, pid and a random part by default. */
  workerId?: string;
  /** How often to look for due jobs and schedules when idle; 1 s by default. */
  pollMs?: number;
  /** How long a claim holds without a heartbeat; 60 s by default. */
  leaseMs?: number;
  /** Jobs run at once by this runner; 2 by default. */
  concurrency?: number;
  /** Backoff between attempts: base × 2^(attempt−1), at most max, halved by jitter at random; 10 s … 1 h by default. */
  retry?: { baseMs: number; maxMs: number };
  /**
   * The database serves one connection at a time (PGlite): a heartbeat inside a handler's transaction renews the
   * lease through that transaction. Elsewhere the renewal always goes through its own connection, so other runners
   * see it while the transaction is still open.
   */
  exclusive?: boolean;
};

export type JobRunner = {
  workerId: string;
  /** Stops claiming, then waits for the jobs running now to finish. */
  stop(): Promise<void>;
};

/** Raised in a handler's signal and heartbeat when another runner may have taken the job over. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lost the lease of job ${jobId}`);
    this.name = 'LeaseLostError';
  }
}

/** The delay before attempt `attempts + 1`: exponential in the attempts made, bounded, with "equal" jitter. */
export function retryDelay(
  attempts: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Runs due jobs until stopped (docs/decisions/jobs-queue.md): claims one at a time with `FOR UPDATE SKIP LOCKED`
 * under a lease it renews while the handler works, up to `concurrency` at once; enqueues the jobs of due schedules.
 * Several runners, in one process or many, may share a database: none claims a job another holds.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, logger } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 2;
  const retry = options.retry ?? { baseMs: 10_000, maxMs: 3_600_000 };
  if (PRUNE_KIND in options.handlers) throw new Error(`job kind "${PRUNE_KIND}" is the runner's own`);
  const handlers: Record<string, JobHandler> = { ...options.handlers, [PRUNE_KIND]: pruneHandler(db) };
  const declared = declareSchedules(
    [...(options.schedules ?? []), pruneSchedule],
    options.timeZone ?? DEFAULT_TIME_ZONE,
  );

  let stopped = false;
  let registered = false;
  let nextScheduleCheck = 0;
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<void> | undefined;
  let wanted = false;
  const running = new Set<Promise<void>>();

  /** Looks for work now, or right after the look under way. */
  function wake(): void {
    if (stopped) return;
    if (pumping) {
      wanted = true;
      return;
    }
    clearTimeout(timer);
    pumping = pump().finally(() => {
      pumping = undefined;
      if (stopped) return;
      if (wanted) {
        wanted = false;
        wake();
      } else {
        timer = setTimeout(wake, pollMs);
        timer.unref();
      }
    });
  }

  async function pump(): Promise<void> {
    try {
      if (!registered) {
        await registerSchedules(db, declared);
        registered = true;
      }
      if (Date.now() >= nextScheduleCheck) {
        nextScheduleCheck = Date.now() + pollMs;
        await fireDueSchedules(db, declared);
      }
      while (!stopped && running.size < concurrency) {
        const job = await claim();
        if (!job) break;
        const run: Promise<void> = execute(job).finally(() => {
          running.delete(run);
          wake();
        });
        running.add(run);
      }
    } catch (error) {
      logger.warn({ err: error, workerId }, 'job runner could not look for work');
    }
  }

  /** Takes the earliest due job, or one whose runner's lease ran out, and leases it to this runner. */
  async function claim(): Promise<Job | undefined> {
    // Only due rows match, and a running job's run_at is in the past: the claim reads the due end of jobs_due_idx.
    const [job] = await db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: workerId,
        lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        updatedAt: sql`now()`,
        lastError: sql`case when ${jobs.status} = 'running'
          then 'the lease of ' || coalesce(${jobs.lockedBy}, 'a runner') || ' expired' else ${jobs.lastError} end`,
      })
      .where(
        sql`${jobs.id} = (
          select id from jobs
          where run_at <= now() and status in ('queued', 'running')
            and (status = 'queued' or locked_until < now())
          order by run_at
          limit 1
          for update skip locked)`,
      )
      .returning();
    return job;
  }

  /** This runner's claim of the job, as a condition: a takeover bumped attempts and changed locked_by. */
  function held(job: Job) {
    return and(
      eq(jobs.id, job.id),
      eq(jobs.status, 'running'),
      eq(jobs.attempts, job.attempts),
      eq(jobs.lockedBy, workerId),
    );
  }

  async function execute(job: Job): Promise<void> {
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts, workerId });
    const controller = new AbortController();
    let lastBeat = Date.now();
    const heartbeat = async (within?: Executor) => {
      if (controller.signal.aborted) throw controller.signal.reason;
      if (Date.now() - lastBeat < leaseMs / 10) return;
      lastBeat = Date.now();
      const [still] = await (within && options.exclusive ? within : db)
        .update(jobs)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`, updatedAt: sql`now()` })
        .where(held(job))
        .returning({ id: jobs.id });
      if (!still) {
        controller.abort(new LeaseLostError(job.id));
        throw controller.signal.reason;
      }
    };
    const beats = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        if (!controller.signal.aborted) log.warn({ err: error }, 'could not extend the lease of a job');
      });
    }, leaseMs / 3);
    beats.unref();
    try {
      const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
      if (!handler) {
        await settle(job, log, { error: `no handler for job kind "${job.kind}"`, dead: true });
      } else if (job.attempts > job.maxAttempts) {
        // Claimed after a lease ran out (a crash counts as an attempt) with none left.
        await settle(job, log, { error: `${job.lastError}; no attempts left`, dead: true }, handler.onDead);
      } else {
        try {
          await handler({ job, signal: controller.signal, heartbeat });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const dead = job.attempts >= job.maxAttempts;
          log[dead ? 'error' : 'warn']({ err: error }, dead ? 'job failed, no attempts left' : 'job failed');
          await settle(job, log, { error: message, dead }, handler.onDead);
          return;
        }
        await settle(job, log, 'done');
      }
    } catch (error) {
      log.error(
        { err: error },
        'could not record the outcome of a job; it runs again once its lease runs out',
      );
    } finally {
      clearInterval(beats);
    }
  }

  /** Records the outcome, if the job is still this runner's. */
  async function settle(
    job: Job,
    log: Logger,
    outcome: 'done' | { error: string; dead: boolean },
    onDead?: JobHandler['onDead'],
  ) {
    const values =
      outcome === 'done'
        ? { status: 'done' as const, finishedAt: sql`now()` }
        : outcome.dead
          ? {
              status: 'dead' as const,
              finishedAt: sql`now()`,
              lastError: outcome.error.slice(0, MAX_ERROR_LENGTH),
            }
          : {
              status: 'queued' as const,
              runAt: sql`now() + make_interval(secs => ${retryDelay(job.attempts, retry) / 1000})`,
              lastError: outcome.error.slice(0, MAX_ERROR_LENGTH),
            };
    const record = async (executor: Executor) => {
      const [row] = await executor
        .update(jobs)
        .set({ ...values, lockedBy: null, lockedUntil: null, updatedAt: sql`now()` })
        .where(held(job))
        .returning({ id: jobs.id });
      if (row && onDead && outcome !== 'done' && outcome.dead) {
        await onDead(executor, job, outcome.error);
      }
      return row;
    };
    const dying = onDead && outcome !== 'done' && outcome.dead;
    const row = dying ? await db.transaction(record) : await record(db);
    if (!row) log.warn('lost the lease of a job before recording its outcome; another runner has it');
  }

  const stopWaking = onEnqueue(wake);
  wake();
  logger.debug({ workerId, concurrency, pollMs, leaseMs }, 'job runner started');

  return {
    workerId,
    async stop() {
      stopped = true;
      stopWaking();
      clearTimeout(timer);
      await pumping;
      while (running.size > 0) await Promise.all(running);
    },
  };
}
