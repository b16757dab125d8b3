import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TerritoryNode,
  TerritoryTreeNode,
  territoryDetailSchema,
} from '../../../server/modules/territory/territory.schemas.ts';
import type { buildingSchema } from '../../../server/modules/registry/registry.schemas.ts';
import type { TerritoryLevel } from '../../../server/modules/territory/territory.tables.ts';
import { api, toQuery, type Paged } from '../../app/api-client.ts';

export type { TerritoryLevel, TerritoryNode, TerritoryTreeNode };
export type TerritoryDetail = z.infer<typeof territoryDetailSchema>;
export type Building = z.infer<typeof buildingSchema>;

export const territoryLevels: readonly TerritoryLevel[] = ['county', 'street', 'community', 'grid'];

/** The level a node's children have, or null for a grid. */
export function childLevelOf(level: TerritoryLevel): TerritoryLevel | null {
  return territoryLevels[territoryLevels.indexOf(level) + 1] ?? null;
}

const keys = {
  all: ['territory'] as const,
  tree: ['territory', 'tree'] as const,
  detail: (id: string) => ['territory', 'detail', id] as const,
};

/** The territory tree within the caller's scope, each node with its counts. */
export function useTerritoryTree(enabled = true) {
  return useQuery({
    queryKey: keys.tree,
    queryFn: async () => (await api<{ data: TerritoryTreeNode[] }>('GET', '/territories/tree')).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** One node with ancestors (breadcrumb) and children. */
export function useTerritory(id: string | null) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: async () => (await api<{ data: TerritoryDetail }>('GET', `/territories/${id}`)).data,
    enabled: Boolean(id),
  });
}

export type CreateTerritoryInput = { parentId: string; name: string; sequence?: number };

export function useCreateTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateTerritoryInput) =>
      (await api<{ data: TerritoryDetail }>('POST', '/territories', input)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRenameTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) =>
      (await api<{ data: TerritoryDetail }>('PATCH', `/territories/${id}`, { name })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
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
    queryKey: ['territory', 'buildings', q],
    queryFn: async () =>
      (await api<Paged<Building>>('GET', `/buildings${toQuery({ q, pageSize: 30 })}`)).data,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
