import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';

export type GridWorker = Schemas['GridWorker'];
export type GridLoad = Schemas['GridLoad'];
export type Employment = GridWorker['grids'][number]['employment'];
export type Occupation = GridWorker['grids'][number]['occupation'];

export const employments: readonly Employment[] = ['full_time', 'part_time'];
export const occupations: readonly Occupation[] = ['staff', 'delivery_rider', 'courier', 'other'];

export type WorkerFilter = {
  q?: string;
  territoryId?: string;
  employment?: Employment;
  occupation?: Occupation;
  overloaded?: 'true' | 'false';
  /** The load the user tries; the county's setting when absent. */
  maxLoad?: number;
  page: number;
  pageSize: number;
};
export type LoadFilter = { territoryId?: string; uncovered?: 'true' | 'false'; maxLoad?: number };

const keys = {
  list: (filter: WorkerFilter) => ['grid-workers', 'list', filter] as const,
  grids: (filter: LoadFilter) => ['grid-workers', 'grids', filter] as const,
} satisfies QueryKeys;

export function useGridWorkers(filter: WorkerFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => api.get('/grid-workers', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useGridLoads(filter: LoadFilter) {
  return useQuery({
    queryKey: keys.grids(filter),
    queryFn: () => api.get('/grid-workers/grids', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

/** Persons of the caller's scope by name, for choosing who to appoint. */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'search', q] as const,
    queryFn: async () => (await api.get('/people', { query: { q, page: 1, pageSize: 20 } })).data,
    enabled: q.trim().length > 0,
  });
}

export type AppointInput = ApiBody<'post', '/grid-workers'>;

export function useAppoint() {
  return useApiMutation('POST /grid-workers', async (body: AppointInput, send) => send({ body }));
}

export function useEndWorker() {
  return useApiMutation(
    'POST /grid-workers/{id}/end',
    async ({ id, ...body }: ApiBody<'post', '/grid-workers/{id}/end'> & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}
