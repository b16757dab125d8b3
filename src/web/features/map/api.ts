import { useQueries, useQuery } from '@tanstack/react-query';
import type { Building } from '../registry/api.ts';
import { api, toQuery, type Paged } from '../../app/api-client.ts';
import type { TerritoryDetail } from '../territory/api.ts';

export type Geometry = NonNullable<TerritoryDetail['boundary']>;

// The same cache entries as the territory browser's node details.
const detailQuery = (id: string) => ({
  queryKey: ['territory', 'detail', id] as const,
  queryFn: async () => (await api<{ data: TerritoryDetail }>('GET', `/territories/${id}`)).data,
  staleTime: 5 * 60_000,
});

type Boundaries = { byId: Map<string, Geometry | null>; pending: boolean };

// A stable function, so the combined result only changes when a boundary arrives.
function combineBoundaries(results: { data?: TerritoryDetail; isPending: boolean }[]): Boundaries {
  const byId = new Map<string, Geometry | null>();
  for (const r of results) if (r.data) byId.set(r.data.id, r.data.boundary);
  return { byId, pending: results.some((r) => r.isPending) };
}

/**
 * The boundaries of the given nodes: one request per node the map shows, only for the children of the place
 * being looked at, and cached (with the territory browser's node details) for the next visit.
 */
export function useBoundaries(ids: string[]): Boundaries {
  return useQueries({ queries: ids.map(detailQuery), combine: combineBoundaries });
}

const PAGE = 200;
/** More buildings than this are not drawn: a street or the county is read through its areas instead. */
export const BUILDING_LIMIT = 1000;

/** Buildings with coordinates in a place, all pages up to BUILDING_LIMIT (needs resident:read). */
export function useBuildingsIn(territoryId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['map', 'buildings', territoryId ?? ''],
    queryFn: async () => {
      const first = await api<Paged<Building>>(
        'GET',
        `/buildings${toQuery({ territoryId, pageSize: PAGE })}`,
      );
      const pages = Math.min(Math.ceil(first.page.total / PAGE), BUILDING_LIMIT / PAGE);
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
          api<Paged<Building>>('GET', `/buildings${toQuery({ territoryId, pageSize: PAGE, page: i + 2 })}`),
        ),
      );
      return {
        buildings: [first, ...rest].flatMap((p) => p.data),
        total: first.page.total,
      };
    },
    enabled: Boolean(territoryId) && enabled,
    staleTime: 60_000,
  });
}
