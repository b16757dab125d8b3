/** Messages between the bench runner and its server children (over the Node IPC channel). */

/** What a child reports about itself; counters are cumulative since it started, the runner takes differences. */
export type ChildStats = {
  pid: number;
  /** performance.now() in the child when the snapshot was taken. */
  atMs: number;
  /** HTTP requests the server received, and those not yet answered or aborted. */
  requests: number;
  inFlight: number;
  /** process.cpuUsage() of the child, in microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** performance.eventLoopUtilization(): milliseconds the event loop was idle and active. */
  loopIdleMs: number;
  loopActiveMs: number;
  /** Database statements issued (BEGIN/COMMIT included) and the wall time spent waiting for them. */
  queries: number;
  queryMs: number;
};

export type ParentMessage =
  | { type: 'stats'; id: number }
  | { type: 'profile-start'; id: number }
  | { type: 'profile-stop'; id: number; file: string };

export type ChildMessage =
  | { type: 'ready'; url: string; startupMs: number; info: Record<string, unknown> }
  | { type: 'stats'; id: number; stats: ChildStats }
  | { type: 'profile-started'; id: number }
  | { type: 'profile-stopped'; id: number; file: string }
  | { type: 'failed'; id?: number; message: string };
