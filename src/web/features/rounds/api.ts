import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type Round = Schemas['Round'];
export type RoundHousehold = Schemas['RoundHousehold'];
export type RoundProgress = Schemas['RoundProgress'];
export type CoverageState = RoundHousehold['state'];
export type OpenRoundInput = Schemas['OpenRoundRequest'];

export const coverageStates: CoverageState[] = ['pending', 'met', 'documented', 'attempted'];

export type HouseholdFilter = {
  gridId?: string;
  state?: CoverageState | 'covered';
  q?: string;
  page: number;
  pageSize: number;
};

const keys = {
  list: (status?: string) => ['rounds', 'list', status ?? ''] as const,
  one: (id: string) => ['rounds', 'one', id] as const,
  progress: (id: string) => ['rounds', 'progress', id] as const,
  households: (id: string, filter: HouseholdFilter) => ['rounds', 'households', id, filter] as const,
  visits: (id: string, householdId: string) => ['rounds', 'visits', id, householdId] as const,
} satisfies QueryKeys;

export type HouseholdVisit = Schemas['RoundHouseholdVisit'];

/** A household's visits in the round, oldest first, each saying whether it has a photo. */
export function useHouseholdVisits(roundId: string, householdId: string | undefined) {
  return useQuery({
    queryKey: keys.visits(roundId, householdId ?? ''),
    queryFn: async () =>
      (await api.get('/households/{id}/visits', { path: { id: householdId! }, query: { roundId } })).data,
    enabled: Boolean(householdId),
  });
}

/** Where a visit's photo is read (an <img> sends the session cookie; the answer is never cached). */
export const visitPhotoUrl = (visitId: string) => `/api/v1/round-visits/${encodeURIComponent(visitId)}/photo`;

export function useRounds(status?: 'open' | 'closed') {
  return useQuery({
    queryKey: keys.list(status),
    queryFn: async () => (await api.get('/rounds', { query: { status } })).data,
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async () => (await api.get('/rounds/{id}', { path: { id } })).data,
  });
}

/** Live progress: asked again every 15 s while the page is open and the round open. */
export function useRoundProgress(id: string, live: boolean) {
  return useQuery({
    queryKey: keys.progress(id),
    queryFn: async () => (await api.get('/rounds/{id}/progress', { path: { id } })).data,
    refetchInterval: live ? 15_000 : false,
  });
}

export function useRoundHouseholds(id: string, filter: HouseholdFilter) {
  return useQuery({
    queryKey: keys.households(id, filter),
    queryFn: () =>
      api.get('/rounds/{id}/households', {
        path: { id },
        query: { ...filter, q: filter.q || undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOpenRound() {
  return useApiMutation('POST /rounds', async (body: OpenRoundInput, send) => (await send({ body })).data);
}

export function useCloseRound() {
  return useApiMutation(
    'POST /rounds/{id}/close',
    async ({ id, reason }: { id: string; reason?: string }, send) =>
      (await send({ path: { id }, body: reason ? { reason } : {} })).data,
  );
}
