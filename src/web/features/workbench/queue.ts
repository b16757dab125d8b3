import { useSyncExternalStore } from 'react';
import { refresh } from '../../api/cache.ts';
import { api, ApiError } from '../../api/client.ts';
import { offlineRead, offlineWrite } from '../../app/offline.ts';
import { queryClient } from '../../app/providers.tsx';
import type { VisitBody } from './api.ts';

/** A visit recorded on the phone, waiting to be sent (its clientId makes the server store it once). */
export type QueuedVisit = {
  roundId: string;
  body: VisitBody & { clientId: string; visitedAt: string };
  /** "3号楼 1单元 1201": what the user sees in the lists. */
  label: string;
  buildingId: string;
};
/** A visit the server refused (moved out meanwhile, round closed, …): shown in 未能提交 until dismissed. */
export type FailedVisit = QueuedVisit & { code: string; message: string; failedAt: string };

type State = { queue: QueuedVisit[]; failed: FailedVisit[]; sending: boolean };

const QUEUE = 'visits.queue';
const FAILED = 'visits.failed';

let state: State = {
  queue: offlineRead<QueuedVisit[]>(QUEUE) ?? [],
  failed: offlineRead<FailedVisit[]>(FAILED) ?? [],
  sending: false,
};
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  if (next.queue) offlineWrite(QUEUE, state.queue);
  if (next.failed) offlineWrite(FAILED, state.failed);
  for (const listener of listeners) listener();
}

/** Re-reads the device's copy (another tab, or a sign-in that forgot it). */
function reload() {
  set({ queue: offlineRead<QueuedVisit[]>(QUEUE) ?? [], failed: offlineRead<FailedVisit[]>(FAILED) ?? [] });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue, the refused visits and whether a sending run is under way. */
export function useVisitQueue(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** Records a visit: into the queue at once (kept on the device), then sent when there is a connection. */
export function enqueueVisit(visit: QueuedVisit) {
  set({ queue: [...state.queue, visit] });
  void sendQueue();
}

export function dismissFailed(clientId: string) {
  set({ failed: state.failed.filter((f) => f.body.clientId !== clientId) });
}

let running: Promise<void> | null = null;

/**
 * Sends the queue in order, one visit at a time, each until the server has answered it: stored (201) or already
 * stored (200, same clientId) leaves the queue; a refusal (4xx: moved out, round closed, out of scope, bad input)
 * moves it to the failed list with the server's message; no connection or a server error stops the run and keeps
 * the rest for the next one (the connection's return, the next visit, or the 30 s timer).
 */
export function sendQueue(): Promise<void> {
  running ??= (async () => {
    // Yield first, so that `running` holds this run before its end (finally) clears it.
    await Promise.resolve();
    set({ sending: true });
    let sent = 0;
    try {
      while (state.queue.length > 0) {
        const item = state.queue[0]!;
        try {
          await api.post('/rounds/{id}/visits', { path: { id: item.roundId }, body: item.body });
          sent += 1;
        } catch (error) {
          const refused =
            error instanceof ApiError &&
            error.status >= 400 &&
            error.status < 500 &&
            ![401, 408, 429].includes(error.status);
          if (!refused) break;
          const failed: FailedVisit = {
            ...item,
            code: error.code,
            message: error.message,
            failedAt: new Date().toISOString(),
          };
          set({ failed: [...state.failed, failed] });
        }
        set({ queue: state.queue.filter((q) => q.body.clientId !== item.body.clientId) });
      }
    } finally {
      running = null;
      set({ sending: false });
      if (sent > 0) await refresh(queryClient, 'POST /rounds/{id}/visits');
    }
  })();
  return running;
}

let started = false;

/** Sends the queue when the connection returns, on start and every 30 s while something waits. Once per app. */
export function startVisitQueue() {
  if (started) return;
  started = true;
  reload();
  window.addEventListener('online', () => void sendQueue());
  window.addEventListener('storage', (e) => {
    if (e.key?.includes('visits.')) reload();
  });
  setInterval(() => {
    if (state.queue.length > 0 && navigator.onLine) void sendQueue();
  }, 30_000);
  void sendQueue();
}
