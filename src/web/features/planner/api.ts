import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';

export type ProposalSummary = Schemas['PlanProposalSummary'];
export type Proposal = Schemas['PlanProposal'];
export type ProposalMap = Schemas['PlanProposalMap'];
export type PlanMeasures = Schemas['PlanMeasures'];
export type Barrier = Schemas['PlanBarrier'];
export type Applied = Schemas['PlanApplied'];
export type ProposalInput = ApiBody<'post', '/planner/proposals'>;
export type GridPolygons = Proposal['polygons'];
export type BarrierKind = Barrier['kind'];
export const barrierKinds: BarrierKind[] = ['road', 'river', 'rail'];

const keys = {
  list: (territoryId?: string) => ['planner', 'proposals', territoryId ?? ''] as const,
  one: (id: string) => ['planner', 'proposal', id] as const,
  map: (id: string) => ['planner', 'map', id] as const,
  barriers: (territoryId?: string) => ['planner', 'barriers', territoryId ?? ''] as const,
} satisfies QueryKeys;

/** Proposals of the place (and the places below it), newest first. */
export function useProposals(territoryId?: string, enabled = true) {
  return useQuery({
    queryKey: keys.list(territoryId),
    queryFn: async () => (await api.get('/planner/proposals', { query: { territoryId } })).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function proposalQuery(id: string) {
  return {
    queryKey: keys.one(id),
    queryFn: async () => (await api.get('/planner/proposals/{id}', { path: { id } })).data,
  };
}

/** A proposal: measures against today's, grids, changes and polygons. */
export function useProposal(id: string | null) {
  return useQuery({ ...proposalQuery(id ?? ''), enabled: Boolean(id) });
}

/** Its buildings' points with today's and the proposed grid, today's polygons and the barriers. */
export function useProposalMap(id: string | null) {
  return useQuery({
    queryKey: keys.map(id ?? ''),
    queryFn: async () => (await api.get('/planner/proposals/{id}/map', { path: { id: id! } })).data,
    enabled: Boolean(id),
  });
}

export function useBarriers(territoryId?: string) {
  return useQuery({
    queryKey: keys.barriers(territoryId),
    queryFn: async () => (await api.get('/planner/barriers', { query: { territoryId } })).data,
    enabled: Boolean(territoryId),
  });
}

export function useCreateProposal() {
  return useApiMutation(
    'POST /planner/proposals',
    async (body: ProposalInput, send) => (await send({ body })).data,
  );
}

export function useMoveBuilding(id: string) {
  return useApiMutation(
    'POST /planner/proposals/{id}/moves',
    async (body: { buildingId: string; toGrid: string } | { buildingIds: string[]; toGrid: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useApplyProposal(id: string) {
  return useApiMutation(
    'POST /planner/proposals/{id}/apply',
    async (_: void, send) => (await send({ path: { id } })).data,
  );
}

export function useAddBarrier() {
  return useApiMutation(
    'POST /planner/barriers',
    async (body: ApiBody<'post', '/planner/barriers'>, send) => (await send({ body })).data,
  );
}

export function useImportBarriers() {
  return useApiMutation(
    'POST /planner/barriers/import',
    async (body: ApiBody<'post', '/planner/barriers/import'>, send) => (await send({ body })).data,
  );
}

export function useDeleteBarrier() {
  return useApiMutation('DELETE /planner/barriers/{id}', async (id: string, send) => {
    await send({ path: { id } });
  });
}

/** Buildings of the place matching `q` (to pin them), needs resident:read like the building search. */
export function usePlaceBuildings(territoryId: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['planner', 'buildings', territoryId ?? '', q] as const,
    queryFn: async () =>
      (await api.get('/buildings', { query: { territoryId, q: q || undefined, pageSize: 30 } })).data,
    enabled: Boolean(territoryId) && enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
