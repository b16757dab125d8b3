import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildMessage, ChildStats, ParentMessage } from '../children/protocol.ts';
import { onCleanup } from './cleanup.ts';

export const childrenFolder = path.resolve(import.meta.dirname, '../children');

export type ServerChild = {
  name: string;
  pid: number;
  url: string;
  /** Milliseconds from process start of the script to listening (for the platform: migrations and demo seed too). */
  startupMs: number;
  info: Record<string, unknown>;
  stats(): Promise<ChildStats>;
  /** Stats once the server is idle again (the load generator's last requests are finished), or after 10 s. */
  settledStats(): Promise<ChildStats>;
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  /** Peak resident set (VmHWM) in bytes, from /proc; null where that is not readable. */
  peakRssBytes(): number | null;
  /** Resets VmHWM to the current RSS (Linux clear_refs 5), so the next peak is per measurement. */
  resetPeakRss(): boolean;
  stop(): Promise<void>;
};

/** Starts a bench child (`scripts/bench/children/<script>`) under tsx and waits until it reports its URL. */
export async function startServerChild(
  name: string,
  script: string,
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(childrenFolder, script)], {
    env: options.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Its own process group, so stopping it also stops what it started (the platform seeds in a child process).
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = onCleanup(
    `${name} (pid ${child.pid})`,
    () => stopChild(child, exited),
    () => killGroup(child, 'SIGKILL'),
  );

  let nextId = 1;
  const pending = new Map<number, { resolve: (m: ChildMessage) => void; reject: (e: Error) => void }>();
  const request = (message: ParentMessage): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      pending.set(message.id, { resolve, reject });
      child.send(message, (error) => {
        if (error) {
          pending.delete(message.id);
          reject(error);
        }
      });
    });

  const ready = new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${options.timeoutMs ?? 300_000} ms`)),
      options.timeoutMs ?? 300_000,
    );
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      if (message.type === 'failed' && message.id === undefined) {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message.split('\n')[0]}`));
        return;
      }
      const id = message.id;
      if (id === undefined) return;
      const waiter = pending.get(id);
      if (!waiter) return;
      pending.delete(id);
      if (message.type === 'failed') waiter.reject(new Error(`${name}: ${message.message}`));
      else waiter.resolve(message);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const error = new Error(`${name} exited with code ${code}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });

  let started: Extract<ChildMessage, { type: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid!;
  const stats = async () => {
    const reply = await request({ type: 'stats', id: nextId++ });
    if (reply.type !== 'stats') throw new Error(`${name}: unexpected reply ${reply.type}`);
    return reply.stats;
  };
  return {
    name,
    pid,
    url: started.url,
    startupMs: started.startupMs,
    info: started.info,
    stats,
    async settledStats() {
      // A request whose client hung up counts as closed while its handler may still be querying, so wait for
      // no open response and no new statement across two polls.
      const deadline = Date.now() + 10_000;
      let previous = await stats();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const snapshot = await stats();
        const quiet =
          snapshot.inFlight <= 0 && snapshot.queries === previous.queries && previous.inFlight <= 0;
        if (quiet || Date.now() > deadline) return snapshot;
        previous = snapshot;
      }
    },
    async profileStart() {
      await request({ type: 'profile-start', id: nextId++ });
    },
    async profileStop(file: string) {
      await request({ type: 'profile-stop', id: nextId++, file });
    },
    peakRssBytes: () => readVmHwm(pid),
    resetPeakRss() {
      try {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop,
  };
}

function readVmHwm(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Signals the child's process group (the child and anything it spawned). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** SIGTERM to the child's group, then SIGKILL if the child has not exited within five seconds. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  // Anything the child started and left behind goes too.
  killGroup(child, 'SIGKILL');
}
