import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';

export type TerritoryNode = Schemas['TerritoryNode'];
export type TerritoryTreeNode = Schemas['TerritoryTreeNode'];
export type TerritoryDetail = Schemas['TerritoryDetail'];
export type TerritoryLevel = TerritoryNode['level'];
export type Building = Schemas['Building'];

export const territoryLevels: readonly TerritoryLevel[] = ['county', 'street', 'community', 'grid'];

/** The level a node's children have, or null for a grid. */
export function childLevelOf(level: TerritoryLevel): TerritoryLevel | null {
  return territoryLevels[territoryLevels.indexOf(level) + 1] ?? null;
}

const keys = {
  tree: ['territory', 'tree'] as const,
  detail: (id: string) => ['territory', 'detail', id] as const,
  buildings: (q: string) => ['territory', 'buildings', q] as const,
} satisfies QueryKeys;

/** The territory tree within the caller's scope, each node with its counts. */
export function useTerritoryTree(enabled = true) {
  return useQuery({
    queryKey: keys.tree,
    queryFn: async () => (await api.get('/territories/tree')).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** One node with ancestors (breadcrumb) and children. */
export function useTerritory(id: string | null) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: async () => (await api.get('/territories/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

export type CreateTerritoryInput = ApiBody<'post', '/territories'>;

export function useCreateTerritory() {
  return useApiMutation(
    'POST /territories',
    async (input: CreateTerritoryInput, send) => (await send({ body: input })).data,
  );
}

export function useRenameTerritory() {
  return useApiMutation(
    'PATCH /territories/{id}',
    async ({ id, name }: { id: string; name: string }, send) =>
      (await send({ path: { id }, body: { name } })).data,
  );
}

/** Streets, communities and grids within the given roots, counting the roots themselves. */
export function totalCounts(roots: TerritoryTreeNode[]): TerritoryNode['counts'] {
  const total = { streets: 0, communities: 0, grids: 0 };
  for (const root of roots) {
    total.streets += root.counts.streets + (root.level === 'street' ? 1 : 0);
    total.communities += root.counts.communities + (root.level === 'community' ? 1 : 0);
    total.grids += root.counts.grids + (root.level === 'grid' ? 1 : 0);
  }
  return total;
}

/** Buildings within the caller's scope whose name or code matches `q` (needs resident:read). */
export function useBuildings(q: string, enabled = true) {
  return useQuery({
    queryKey: keys.buildings(q),
    queryFn: async () => (await api.get('/buildings', { query: { q, pageSize: 30 } })).data,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
