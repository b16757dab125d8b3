import type { Executor } from '../db/client.ts';
import type { jobs } from './jobs.tables.ts';

// What a job handler is and receives, apart from the runner (runner.ts), so that handlers of the kernel's own jobs
// (prune.ts) import no runner.

export type Job = typeof jobs.$inferSelect;

export type JobContext = {
  /** The claimed row: `attempts` counts this attempt, `payload` is what was enqueued. */
  job: Job;
  /** Aborted when this runner lost the job's lease (another runner may be running it now): stop and return. */
  signal: AbortSignal;
  /**
   * Extends the lease. The runner does so on its own every third of the lease; a handler looping over many items may
   * call it too (cheap: at most one statement per tenth of the lease). Throws once the lease is lost. Inside a
   * transaction, pass it: on an exclusive database (PGlite, one statement at a time for everyone) a renewal outside
   * the transaction would wait for the transaction to end, which waits for the renewal.
   */
  heartbeat: (within?: Executor) => Promise<void>;
};

/**
 * Does one job. It must be idempotent: a job runs at least once, and more than once when a runner dies (or stalls
 * past its lease) after the work but before marking it done. Throwing schedules a retry with backoff, until the
 * job's attempts are used up and it is dead. Do the work's writes in one transaction, and check first whether a
 * previous attempt already did them.
 */
export type JobHandler = ((context: JobContext) => Promise<void> | void) & {
  /**
   * Runs in the transaction that marks a job of this kind dead (its last attempt threw, or its worker died with no
   * attempts left), when this runner records that: the place to record the final failure on the business row, so
   * that the row can never be left waiting for a job that will not run again. A throw keeps the job as it was (it is
   * taken over again once its lease runs out).
   */
  onDead?: (tx: Executor, job: Job, error: string) => Promise<void>;
};
