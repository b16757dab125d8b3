import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type LeaderTerm = Schemas['LeaderTerm'];
export type TermStatus = LeaderTerm['status'];
export type Nomination = LeaderTerm['nomination'];
export type LeaderTag = LeaderTerm['tags'][number];
export type NominateInput = Schemas['NominateLeaderRequest'];

export const termStatuses: TermStatus[] = ['submitted', 'approved', 'rejected', 'withdrawn'];
export const nominations: Nomination[] = ['self', 'residents', 'organisation'];
export const leaderTags: LeaderTag[] = ['mass_leader', 'deliberator'];

export type TermFilter = {
  status?: TermStatus;
  expiringWithin?: number;
  active?: 'true' | 'false';
  page: number;
  pageSize: number;
};

const keys = {
  terms: (filter: TermFilter) => ['leaders', 'terms', filter] as const,
  me: ['leaders', 'me'] as const,
  households: (buildingId?: string) => ['leaders', 'households', buildingId ?? ''] as const,
  buildings: (q: string) => ['leaders', 'buildings', q] as const,
  residents: (buildingId: string) => ['leaders', 'residents', buildingId] as const,
  building: (buildingId: string) => ['leaders', 'building', buildingId] as const,
} satisfies QueryKeys;

export function useTerms(filter: TermFilter) {
  return useQuery({
    queryKey: keys.terms(filter),
    queryFn: () => api.get('/leaders/terms', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useMyLeaderPage() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => (await api.get('/leaders/me')).data,
  });
}

export function useMyHouseholds(buildingId?: string) {
  return useQuery({
    queryKey: keys.households(buildingId),
    queryFn: async () => (await api.get('/leaders/me/households', { query: { buildingId } })).data,
  });
}

/** Buildings inside the caller's scope, by part of the name (the nominate form's picker). */
export function useBuildingOptions(q: string) {
  return useQuery({
    queryKey: keys.buildings(q),
    queryFn: async () =>
      (await api.get('/buildings', { query: { q: q || undefined, page: 1, pageSize: 20 } })).data,
    placeholderData: keepPreviousData,
  });
}

/** Present residents of a building (the nominate form's picker). */
export function useBuildingResidents(buildingId: string | undefined) {
  return useQuery({
    queryKey: keys.residents(buildingId ?? ''),
    queryFn: async () =>
      (await api.get('/residents', { query: { buildingId, page: 1, pageSize: 200 } })).data,
    enabled: Boolean(buildingId),
  });
}

export function useNominate() {
  return useApiMutation(
    'POST /leaders/terms',
    async (body: NominateInput, send) => (await send({ body })).data,
  );
}

export function useReview() {
  return useApiMutation(
    'POST /leaders/terms/{id}/review',
    async ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; reason?: string }, send) =>
      send({ path: { id }, body }),
  );
}

export function useEndTerm() {
  return useApiMutation(
    'POST /leaders/terms/{id}/end',
    async ({ id, reason }: { id: string; reason: string }, send) =>
      (await send({ path: { id }, body: { reason } })).data,
  );
}

export function useRenewTerm() {
  return useApiMutation('POST /leaders/terms/{id}/renew', async (id: string, send) =>
    send({ path: { id }, body: {} }),
  );
}

export function useWithdraw() {
  return useApiMutation(
    'POST /leaders/terms/{id}/withdraw',
    async (id: string, send) => (await send({ path: { id }, body: {} })).data,
  );
}

export function useCall() {
  return useApiMutation(
    'POST /leaders/me/residents/{id}/call',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export type BuildingChat = Schemas['BuildingChat'];

/** A building's leaders and its residents' WeChat group. */
export function useBuildingLeaders(buildingId: string | null) {
  return useQuery({
    queryKey: keys.building(buildingId ?? ''),
    queryFn: async () => (await api.get('/leaders/buildings/{id}', { path: { id: buildingId ?? '' } })).data,
    enabled: Boolean(buildingId),
  });
}

/** Records a building's WeChat group: name, member count and a QR image (a PNG/JPEG data URL, or null). */
export function usePutChat() {
  return useApiMutation(
    'PUT /leaders/buildings/{id}/chat',
    async (
      { id, ...body }: { id: string; name: string; memberCount: number; qrImage: string | null },
      send,
    ) => (await send({ path: { id }, body })).data,
  );
}
