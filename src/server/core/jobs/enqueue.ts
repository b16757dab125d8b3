import { and, eq, inArray, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { afterEachTransaction, type Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { jobs } from './jobs.tables.ts';

export type EnqueueOptions = {
  /**
   * Idempotency key: while a job with this key is kept (done jobs a week, see PRUNE_DONE_AFTER_DAYS), enqueueing
   * again does nothing and returns that job's id.
   */
  key?: string;
  /** Not before this time; now by default. */
  runAt?: Date;
  /** Attempts before the job is dead; DEFAULT_MAX_ATTEMPTS by default. */
  maxAttempts?: number;
  /**
   * With a key: a job with this key that is already finished (done or dead) gives its key up, and a new job is
   * queued; only a queued or running one makes this enqueue a no-op. For work that may rightly be asked for again
   * once the last run ended (the caller's own state change then guards against doing it twice).
   */
  renew?: boolean;
};

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Queues a job and returns its id. Pass the business transaction as `executor`: the job row is then the outbox,
 * committed with the write that needs it and gone if that write rolls back. The handler of `kind` receives
 * `payload` (JSON; null or undefined become `{}`) and must be idempotent (docs/decisions/jobs-queue.md).
 */
export async function enqueue(
  executor: Executor,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, not ${maxAttempts}`);
  }
  if (options.renew && options.key !== undefined) {
    await executor
      .update(jobs)
      .set({ idempotencyKey: null, updatedAt: sql`now()` })
      .where(and(eq(jobs.idempotencyKey, options.key), inArray(jobs.status, ['done', 'dead'])));
  }
  const [inserted] = await executor
    .insert(jobs)
    .values({
      id: newId(),
      kind,
      // jsonb null would be SQL null here: an absent payload is an empty object.
      payload: payload ?? {},
      maxAttempts,
      runAt: options.runAt,
      idempotencyKey: options.key,
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey, where: sql`idempotency_key is not null` })
    .returning({ id: jobs.id });
  let id = inserted?.id;
  if (id === undefined) {
    const [existing] = await executor
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.idempotencyKey, options.key!));
    if (!existing) throw new Error(`job with key "${options.key}" neither inserted nor found`);
    id = existing.id;
  }
  if (executor instanceof PgTransaction) wakeAfterTransaction = true;
  else wakeRunners();
  return id;
}

/** Runners of this process, woken when this process enqueues (others find the job when they next poll). */
const runners = new Set<() => void>();
let wakeAfterTransaction = false;

afterEachTransaction(() => {
  // The job is visible once its transaction commits. This may be another transaction ending first: a spare wake costs
  // one claim query, a missed one waits for the next poll.
  if (!wakeAfterTransaction) return;
  wakeAfterTransaction = false;
  wakeRunners();
});

function wakeRunners(): void {
  for (const wake of runners) wake();
}

/** Wakes `wake` whenever this process enqueues a job; returns a function that stops it. */
export function onEnqueue(wake: () => void): () => void {
  runners.add(wake);
  return () => runners.delete(wake);
}
