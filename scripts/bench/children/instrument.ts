import fs from 'node:fs';
import type { Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { ChildMessage, ChildStats, ParentMessage } from './protocol.ts';

/** Counters the database wrappers add to; read by the runner through `stats` messages. */
export const dbCounters = { queries: 0, queryMs: 0 };

const http = { requests: 0, inFlight: 0 };

/**
 * Counts the requests the server receives and those still running, so per-request figures can divide by what
 * the server actually handled, including requests still in flight when the load generator stopped.
 */
export function countRequests(server: unknown): void {
  (server as Server).on('request', (_req, res) => {
    http.requests += 1;
    http.inFlight += 1;
    res.once('close', () => {
      http.inFlight -= 1;
    });
  });
}

/** Wraps an async method so every call is counted and timed (wall time until its promise settles). */
export function countCalls(prototype: object, method: string): boolean {
  const target = prototype as Record<string, unknown>;
  const original = target[method];
  if (typeof original !== 'function') return false;
  target[method] = function counted(this: unknown, ...args: unknown[]) {
    dbCounters.queries += 1;
    const started = performance.now();
    const result: unknown = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).finally === 'function') {
      return (result as Promise<unknown>).finally(() => {
        dbCounters.queryMs += performance.now() - started;
      });
    }
    dbCounters.queryMs += performance.now() - started;
    return result;
  };
  return true;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function snapshot(): ChildStats {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const loop = performance.eventLoopUtilization();
  return {
    pid: process.pid,
    atMs: performance.now(),
    requests: http.requests,
    inFlight: http.inFlight,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    loopIdleMs: loop.idle,
    loopActiveMs: loop.active,
    queries: dbCounters.queries,
    queryMs: dbCounters.queryMs,
  };
}

/**
 * Makes this process a bench child: answers stats and profiling requests, and exits when the runner goes away
 * (the IPC channel closes) or asks it to stop (SIGTERM/SIGINT), after `close` has run.
 */
export function serveAsChild(close: () => Promise<void>): {
  ready(url: string, startupMs: number, info?: Record<string, unknown>): void;
} {
  if (!process.send) throw new Error('run this file through the bench runner (it needs an IPC channel)');
  let session: Session | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(0), 3000);
    timer.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (raw: ParentMessage) => {
    void (async () => {
      try {
        switch (raw.type) {
          case 'stats':
            send({ type: 'stats', id: raw.id, stats: snapshot() });
            break;
          case 'profile-start':
            session = new Session();
            session.connect();
            await session.post('Profiler.enable');
            await session.post('Profiler.setSamplingInterval', { interval: 100 });
            await session.post('Profiler.start');
            send({ type: 'profile-started', id: raw.id });
            break;
          case 'profile-stop': {
            if (!session) throw new Error('no profile is running');
            const { profile } = await session.post('Profiler.stop');
            session.disconnect();
            session = null;
            fs.writeFileSync(raw.file, JSON.stringify(profile));
            send({ type: 'profile-stopped', id: raw.id, file: raw.file });
            break;
          }
        }
      } catch (error) {
        send({ type: 'failed', id: raw.id, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  return {
    ready: (url, startupMs, info = {}) => send({ type: 'ready', url, startupMs, info }),
  };
}

/** Reports a start-up failure to the runner and exits non-zero once the message is out. */
export function failChild(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(message);
  setTimeout(() => process.exit(1), 1000).unref();
  if (!process.send) process.exit(1);
  process.send({ type: 'failed', message } satisfies ChildMessage, () => process.exit(1));
}
