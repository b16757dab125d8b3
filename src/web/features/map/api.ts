import { useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type ApiQuery, type Schemas } from '../../api/client.ts';

export type TerritoryMap = Schemas['TerritoryMap'];
/** The areas drawn: the node's children, or every grid below it. */
export type MapAreas = NonNullable<ApiQuery<'get', '/territories/{id}/map'>['areas']>;
export type Geometry = NonNullable<TerritoryMap['territory']['boundary']>;
export type AreaFeature = TerritoryMap['areas']['features'][number];
export type BuildingFeature = NonNullable<TerritoryMap['buildings']>['features'][number];
/** A tile layer of the county's base map (settings territory.baseMap …), as the server resolved it. */
export type BaseLayer = TerritoryMap['baseMap']['layers'][number];
/** A road or river of the county's offline base layer (territory_base_lines). */
export type BaseLine = TerritoryMap['baseMap']['lines'][number];

/**
 * GET /territories/{id}/map: everything the map draws for a place in one request — its outline and breadcrumb,
 * its areas with boundaries and counts, its building points (for a community or grid), and the county's base map.
 * Under the territory keys, so renaming or adding a node refreshes it (and a changed setting, see cache.ts).
 */
export function useTerritoryMap(territoryId: string | null, areas: MapAreas, enabled = true) {
  return useQuery({
    queryKey: ['territory', 'map', territoryId ?? '', areas] as const satisfies QueryKey,
    queryFn: async () =>
      (
        await api.get('/territories/{id}/map', {
          path: { id: territoryId ?? '' },
          query: { areas: areas === 'children' ? undefined : areas },
        })
      ).data,
    enabled: Boolean(territoryId) && enabled,
    staleTime: 60_000,
  });
}
