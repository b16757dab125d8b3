import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, ApiError, type Schemas } from '../../api/client.ts';
import { offlineGet, offlineSet } from '../../app/offline.ts';

export type Round = Schemas['Round'];
export type RoundBuilding = Schemas['RoundBuilding'];
export type RoundHousehold = Schemas['RoundHousehold'];
export type VisitOutcome = Schemas['RecordVisitRequest']['outcome'];
export type VisitBody = Schemas['RecordVisitRequest'];

export const outcomes: VisitOutcome[] = ['met', 'nobody_home', 'refused', 'moved_out', 'vacant'];
/** Outcomes that need a note (the server refuses them without one). */
export const outcomesWithNote: VisitOutcome[] = ['refused', 'moved_out', 'vacant'];

const keys = {
  openRounds: ['rounds', 'workbench', 'open'] as const,
  buildings: (roundId: string) => ['rounds', 'workbench', 'buildings', roundId] as const,
  households: (roundId: string, buildingId: string) =>
    ['rounds', 'workbench', 'households', roundId, buildingId] as const,
} satisfies QueryKeys;

/**
 * Loads from the server and keeps a copy on the device; without a connection, answers the copy it last kept (and
 * says so: `offline`). Other errors stay errors.
 */
async function keptOnDevice<T>(key: readonly unknown[], load: () => Promise<T>): Promise<Kept<T>> {
  const storageKey = key.join(':');
  try {
    const data = await load();
    // Kept in the background: the write waits for the device to be bound to the user (offline.ts), /me may be later.
    void offlineSet(storageKey, { data, at: new Date().toISOString() });
    return { data, offline: false, at: null };
  } catch (error) {
    const kept =
      error instanceof ApiError && error.status === 0
        ? await offlineGet<{ data: T; at: string }>(storageKey)
        : undefined;
    if (kept) {
      return { data: kept.data, offline: true, at: kept.at };
    }
    throw error;
  }
}
export type Kept<T> = { data: T; offline: boolean; at: string | null };

/**
 * The device's copy of a list, read once the hook mounts (IndexedDB and WebCrypto: milliseconds), shown while the
 * server's answer is on its way (placeholderData): on a phone's connection the workbench opens on the lists it last
 * had instead of waiting for three requests in a row, then shows the fresh ones.
 */
function useDeviceCopy<T>(key: readonly unknown[], enabled: boolean): Kept<T> | undefined {
  const storageKey = key.join(':');
  const [copy, setCopy] = useState<{ key: string; kept: Kept<T> | undefined }>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    offlineGet<{ data: T; at: string }>(storageKey).then(
      (kept) => {
        if (live) setCopy({ key: storageKey, kept: kept && { data: kept.data, offline: false, at: null } });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [storageKey, enabled]);
  return copy?.key === storageKey ? copy.kept : undefined;
}

/**
 * The first screen as this device last had it, when it was kept for `userId` (the user the session cookie names:
 * session.ts keptUserHint): the user, the open rounds and the first round's buildings, read before the phone entry
 * draws (IndexedDB and WebCrypto: milliseconds), so that it opens on them instead of waiting for /me, the rounds and
 * the buildings; the server's answers replace them as they come. Nothing when the device kept them for someone else.
 */
export async function readFirstScreen(userId: string): Promise<
  | {
      me: Schemas['Me'];
      rounds: { key: readonly unknown[]; value: Kept<Schemas['Round'][]> };
      buildings?: { key: readonly unknown[]; value: Kept<Schemas['RoundBuilding'][]> };
    }
  | undefined
> {
  const [me, rounds] = await Promise.all([
    offlineGet<Schemas['Me']>('me'),
    offlineGet<{ data: Schemas['Round'][] }>(keys.openRounds.join(':')),
  ]);
  if (!me || me.id !== userId || !rounds) return undefined;
  const first = rounds.data[0];
  const buildings = first
    ? await offlineGet<{ data: Schemas['RoundBuilding'][] }>(keys.buildings(first.id).join(':'))
    : undefined;
  const kept = <T>(data: T): Kept<T> => ({ data, offline: false, at: null });
  return {
    me,
    rounds: { key: keys.openRounds, value: kept(rounds.data) },
    ...(first && buildings
      ? { buildings: { key: keys.buildings(first.id), value: kept(buildings.data) } }
      : {}),
  };
}

/** The workbench's lists (open rounds, buildings, households), to forget from memory with the device's copy. */
export const workbenchListsKey = ['rounds', 'workbench'] as const;

/** The open rounds concerning the caller: the query, also asked for by the phone entry as it starts (phone.tsx). */
export const openRoundsQuery = {
  queryKey: keys.openRounds,
  queryFn: () =>
    keptOnDevice(keys.openRounds, async () => (await api.get('/rounds', { query: { status: 'open' } })).data),
  retry: false,
} as const;

/** The open rounds concerning the caller (the phone works on the first one). */
export function useOpenRounds() {
  const copy = useDeviceCopy<Schemas['Round'][]>(keys.openRounds, true);
  return useQuery({ ...openRoundsQuery, placeholderData: copy });
}

/** My buildings in the round: the query, also started by the phone entry once the open rounds are known. */
export function roundBuildingsQuery(roundId: string) {
  return {
    queryKey: keys.buildings(roundId),
    queryFn: () =>
      keptOnDevice(
        keys.buildings(roundId),
        async () =>
          (await api.get('/rounds/{id}/buildings', { path: { id: roundId }, query: { pageSize: 500 } })).data,
      ),
    retry: false,
  } as const;
}

/** My buildings in the round (a grid worker's grids, a leader's buildings) with pending/covered counts. */
export function useRoundBuildings(roundId: string | undefined) {
  const copy = useDeviceCopy<Schemas['RoundBuilding'][]>(keys.buildings(roundId ?? ''), Boolean(roundId));
  return useQuery({
    ...roundBuildingsQuery(roundId ?? ''),
    placeholderData: copy,
    enabled: Boolean(roundId),
  });
}

/** A building's households in unit / floor / room order, with their coverage and members (phones masked). */
export function useBuildingHouseholds(roundId: string | undefined, buildingId: string | undefined) {
  const copy = useDeviceCopy<Schemas['RoundHousehold'][]>(
    keys.households(roundId ?? '', buildingId ?? ''),
    Boolean(roundId && buildingId),
  );
  return useQuery({
    queryKey: keys.households(roundId ?? '', buildingId ?? ''),
    placeholderData: copy,
    queryFn: () =>
      keptOnDevice(
        keys.households(roundId!, buildingId!),
        async () =>
          (
            await api.get('/rounds/{id}/households', {
              path: { id: roundId! },
              query: { buildingId, pageSize: 500 },
            })
          ).data,
      ),
    enabled: Boolean(roundId && buildingId),
    retry: false,
  });
}

/** Tap to call: the number comes from an audited request, then the phone dials it. */
export function useRoundCall() {
  return useApiMutation(
    'POST /rounds/{id}/calls',
    async ({ roundId, residentId }: { roundId: string; residentId: string }, send) =>
      (await send({ path: { id: roundId }, body: { residentId } })).data,
  );
}

export type TodayTask = Schemas['DutyTask'];

/** Today's duty tasks of the caller (open today, and overdue ones), kept on the device for a day without signal. */
export function useTodayTasks(enabled: boolean) {
  const key = ['duties', 'workbench', 'today'] as const satisfies QueryKeys[string];
  return useQuery({
    queryKey: key,
    queryFn: () =>
      // The evidence note (encrypted on the server) is not kept on the phone: the list needs titles and days only.
      keptOnDevice(key, async () =>
        (await api.get('/duties/tasks/mine', { query: { view: 'today' } })).data.map((task) => ({
          ...task,
          note: null,
        })),
      ),
    enabled,
    staleTime: 60_000,
  });
}
