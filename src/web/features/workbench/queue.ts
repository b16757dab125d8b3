import { useSyncExternalStore } from 'react';
import { refresh } from '../../api/cache.ts';
import { api, ApiError, type Schemas } from '../../api/client.ts';
import { uploadFile } from '../../app/files.ts';
import { offlineGet, offlineSet, onOfflineForgotten } from '../../app/offline.ts';
import { queryClient } from '../../app/providers.tsx';
import type { VisitBody } from './api.ts';
import { dataUrlBlob } from '../../components/photo.ts';

/** A visit recorded on the phone, waiting to be sent (its clientId makes the server store it once). */
export type QueuedVisit = {
  kind: 'visit';
  roundId: string;
  body: VisitBody & { clientId: string; visitedAt: string };
  /** "3号楼 1单元 1201": what the user sees in the lists. */
  label: string;
  buildingId: string;
  /** The photo taken with it (a downsized JPEG as a data URL), sent once the visit is stored. */
  photo?: string;
};
/** A visit's photo waiting to be sent: its visit is stored (the server's id). */
export type QueuedPhoto = {
  kind: 'photo';
  /** The visit's clientId + ':photo'. */
  id: string;
  visitId: string;
  photo: string;
  label: string;
  takenAt: string;
};
/** A visit log (民情日志) written on the phone, waiting to be sent (stored once per clientId too). */
export type QueuedLog = {
  kind: 'log';
  body: Schemas['CreateVisitLogRequest'] & { clientId: string };
  label: string;
  /** When it was written (the list of refusals shows it). */
  writtenAt: string;
};
/**
 * One of the user's duty tasks completed on the phone, waiting to be sent: its photo first when the item asks for one
 * (then dropped from the queue: kept on the phone only until the server has it), then the completion (its clientId
 * makes the server complete it once).
 */
export type QueuedTask = {
  kind: 'task';
  taskId: string;
  body: Schemas['CompleteDutyTaskRequest'] & { clientId: string };
  /** The task's title. */
  label: string;
  /** When it was done on the phone (the list of refusals shows it). */
  doneAt: string;
  /** The photo taken for it (a downsized JPEG as a data URL), until it is sent. */
  photo?: string;
};
export type QueuedItem = QueuedVisit | QueuedLog | QueuedPhoto | QueuedTask;
/** An item the server refused (moved out, round closed, …): shown in 未能提交 until dismissed. */
export type FailedItem = QueuedItem & { code: string; message: string; failedAt: string };

type State = { queue: QueuedItem[]; failed: FailedItem[]; sending: boolean };

const QUEUE = 'visits.queue';
const FAILED = 'visits.failed';

/** Items kept by earlier versions had no kind: they were visits. */
const withKind = <T extends { kind?: string }>(items: T[] | undefined) =>
  (items ?? []).map((item) => ({ kind: 'visit', ...item })) as unknown as (T & QueuedItem)[];

/** The id the server stores an item once under. */
export const itemId = (item: QueuedItem) => (item.kind === 'photo' ? item.id : item.body.clientId);

let state: State = { queue: [], failed: [], sending: false };
const listeners = new Set<() => void>();
/** Until the device's (encrypted) copy is read, writes wait for it. */
let loaded: Promise<void> | null = null;

function set(next: Partial<State>) {
  state = { ...state, ...next };
  if (next.queue) void offlineSet(QUEUE, state.queue);
  if (next.failed) void offlineSet(FAILED, state.failed);
  for (const listener of listeners) listener();
}

/** Reads the device's copy (once per app, after a sign-in forgot what was kept before). */
function load(): Promise<void> {
  loaded ??= (async () => {
    const [queue, failed] = await Promise.all([
      offlineGet<QueuedItem[]>(QUEUE),
      offlineGet<FailedItem[]>(FAILED),
    ]);
    // Items added while it was read stay after those kept.
    set({ queue: [...withKind(queue), ...state.queue], failed: [...withKind(failed), ...state.failed] });
  })();
  return loaded;
}

// Signed out, or another user signed in: the previous user's queue goes from memory too (never sent as the next).
onOfflineForgotten(() => {
  loaded = null;
  state = { queue: [], failed: [], sending: state.sending };
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue, the refused items and whether a sending run is under way. */
export function useVisitQueue(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** Records a visit, a log or a task's completion: into the queue at once (kept on the device), then sent when there is a connection. */
export function enqueue(item: QueuedItem) {
  void load().then(() => {
    set({ queue: [...state.queue, item] });
    void sendQueue();
  });
}

export function dismissFailed(id: string) {
  set({ failed: state.failed.filter((f) => itemId(f) !== id) });
}

/**
 * Sends one item; answers what must be sent next, at the queue's head, so that a lost connection in between keeps it:
 * a visit with a photo, once stored, is followed by its photo (with the stored visit's id); a task's photo, once
 * attached, by the task's completion (without the photo, which leaves the phone's queue then).
 */
async function send(item: QueuedItem): Promise<QueuedItem | null> {
  if (item.kind === 'task') {
    if (item.photo) {
      await uploadFile('/duties/task-photos', dataUrlBlob(item.photo), {
        field: 'photo',
        fields: { taskId: item.taskId },
      });
      return { kind: 'task', taskId: item.taskId, body: item.body, label: item.label, doneAt: item.doneAt };
    }
    // Dated when it was done on the phone, not when the connection came back.
    await api.post('/duties/tasks/{id}/complete', {
      path: { id: item.taskId },
      body: { ...item.body, doneAt: item.doneAt },
    });
    return null;
  }
  if (item.kind === 'log') {
    await api.post('/visit-logs', { body: item.body });
    return null;
  }
  if (item.kind === 'photo') {
    await uploadFile('/rounds/visit-photos', dataUrlBlob(item.photo), {
      field: 'photo',
      fields: { visitId: item.visitId },
    });
    return null;
  }
  const { data } = await api.post('/rounds/{id}/visits', { path: { id: item.roundId }, body: item.body });
  if (!item.photo) return null;
  return {
    kind: 'photo',
    id: `${item.body.clientId}:photo`,
    visitId: data.id,
    photo: item.photo,
    label: item.label,
    takenAt: item.body.visitedAt,
  };
}

let running: Promise<void> | null = null;

/**
 * Sends the queue in order, one item at a time, each until the server has answered it: stored (201) or already
 * stored (200, same clientId) leaves the queue; a refusal (4xx: moved out, round closed, out of scope, bad input)
 * moves it to the failed list with the server's message; no connection or a server error stops the run and keeps
 * the rest for the next one (the connection's return, the next item, or the 30 s timer).
 */
export function sendQueue(): Promise<void> {
  running ??= (async () => {
    // Yield first, so that `running` holds this run before its end (finally) clears it.
    await Promise.resolve();
    await load();
    set({ sending: true });
    const sent = new Set<QueuedItem['kind']>();
    try {
      while (state.queue.length > 0) {
        const item = state.queue[0]!;
        let next: QueuedItem | null = null;
        try {
          next = await send(item);
          sent.add(item.kind);
        } catch (error) {
          const refused =
            error instanceof ApiError &&
            error.status >= 400 &&
            error.status < 500 &&
            ![401, 408, 429].includes(error.status);
          if (!refused) break;
          const failed: FailedItem = {
            ...item,
            code: error.code,
            // A validation refusal says what is wrong field by field (a photo's format, a note's length).
            message: [error.message, ...error.details.map((d) => d.message)].join('：'),
            failedAt: new Date().toISOString(),
          };
          set({ failed: [...state.failed, failed] });
        }
        const rest = state.queue.filter((q) => itemId(q) !== itemId(item));
        set({ queue: next ? [next, ...rest] : rest });
      }
    } finally {
      running = null;
      set({ sending: false });
      if (sent.has('visit')) await refresh(queryClient, 'POST /rounds/{id}/visits');
      if (sent.has('log')) await refresh(queryClient, 'POST /visit-logs');
      if (sent.has('photo')) await refresh(queryClient, 'POST /rounds/visit-photos');
      if (sent.has('task')) await refresh(queryClient, 'POST /duties/tasks/{id}/complete');
    }
  })();
  return running;
}

let started = false;

/** Sends the queue when the connection returns, on start and every 30 s while something waits. Once per app. */
export function startVisitQueue() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void sendQueue());
  setInterval(() => {
    if (state.queue.length > 0 && navigator.onLine) void sendQueue();
  }, 30_000);
  void sendQueue();
}
