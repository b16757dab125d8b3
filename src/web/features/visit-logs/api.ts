import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type VisitLog = Schemas['VisitLog'];
export type VisitLogDetail = Schemas['VisitLogDetail'];
export type VisitLogKind = VisitLog['kind'];
export type FollowUp = VisitLog['followUp'];
export type CreateVisitLogInput = Schemas['CreateVisitLogRequest'];

export const visitLogKinds: VisitLogKind[] = ['need', 'conflict', 'opinion', 'other'];
export const followUps: FollowUp[] = ['none', 'open', 'in_progress', 'done'];

export type VisitLogFilter = {
  q?: string;
  kind?: VisitLogKind;
  tag?: string;
  followUp?: FollowUp;
  territoryId?: string;
  mine?: 'true';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

const keys = {
  list: (filter: VisitLogFilter) => ['visit-logs', 'list', filter] as const,
  detail: (id: string) => ['visit-logs', 'detail', id] as const,
  tags: ['visit-logs', 'tags'] as const,
  households: (q: string) => ['visit-logs', 'households', q] as const,
  buildings: (q: string) => ['visit-logs', 'buildings', q] as const,
} satisfies QueryKeys;

export function useVisitLogs(filter: VisitLogFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => api.get('/visit-logs', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useVisitLog(id: string | null) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: async () => (await api.get('/visit-logs/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

export function useVisitLogTags() {
  return useQuery({
    queryKey: keys.tags,
    queryFn: async () => (await api.get('/visit-logs/tags')).data,
    staleTime: 60_000,
  });
}

/** Households inside the caller's scope by address (the form's picker). */
export function useHouseholdOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.households(q),
    queryFn: async () =>
      (await api.get('/households', { query: { q: q || undefined, page: 1, pageSize: 20 } })).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Buildings inside the caller's scope by name (the form's picker). */
export function useBuildingOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.buildings(q),
    queryFn: async () =>
      (await api.get('/buildings', { query: { q: q || undefined, page: 1, pageSize: 20 } })).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWriteVisitLog() {
  return useApiMutation(
    'POST /visit-logs',
    async (body: CreateVisitLogInput, send) => (await send({ body })).data,
  );
}

export function useEditVisitLog() {
  return useApiMutation(
    'PATCH /visit-logs/{id}',
    async (
      {
        id,
        ...body
      }: { id: string; kind?: VisitLogKind; text?: string; tags?: string[]; occurredOn?: string },
      send,
    ) => (await send({ path: { id }, body })).data,
  );
}

export function useComment() {
  return useApiMutation(
    'POST /visit-logs/{id}/comments',
    async ({ id, text }: { id: string; text: string }, send) =>
      (await send({ path: { id }, body: { text } })).data,
  );
}

export function useSetFollowUp() {
  return useApiMutation(
    'POST /visit-logs/{id}/follow-up',
    async ({ id, followUp }: { id: string; followUp: FollowUp }, send) =>
      (await send({ path: { id }, body: { followUp } })).data,
  );
}
