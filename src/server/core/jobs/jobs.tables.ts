import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const jobStatuses = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Background work (docs/decisions/jobs-queue.md). A job is inserted in the transaction of the write that needs it
 * (the outbox), claimed by one runner with `FOR UPDATE SKIP LOCKED` and a lease, retried with backoff, and kept
 * after it is done (pruned after a week) or dead (kept for a person to read `last_error`).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    /** Attempts started, counted when claimed: a worker that died mid-job used one up. */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** Not before this time (a later retry, a reminder); a running job keeps the time it was due. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** The runner working on it, and until when: a lease past its time may be taken over by another runner. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** A second enqueue with the same key is a no-op, for as long as the job's row is kept. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_key')
      .on(t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // The claim reads the due end of this index only: queued and running jobs by run_at (see runner.ts).
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    // Pruning finished jobs by age.
    index('jobs_finished_idx')
      .on(t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
  ],
);

/**
 * When each declared schedule fires next. A slot is claimed by moving `next_run_at` on in the same transaction that
 * enqueues its job, so however many processes share the database, each slot enqueues once.
 */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  /** The declaration next_run_at was computed from: a changed declaration recomputes it. */
  cron: text('cron').notNull(),
  timeZone: text('time_zone').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
