import { useQuery } from '@tanstack/react-query';
import type { MapAreas, TerritoryMap } from '../../../server/modules/registry/places.schemas.ts';
import { api, toQuery } from '../../app/api-client.ts';

export type { MapAreas, TerritoryMap };
export type Geometry = NonNullable<TerritoryMap['territory']['boundary']>;
export type AreaFeature = TerritoryMap['areas']['features'][number];
export type BuildingFeature = NonNullable<TerritoryMap['buildings']>['features'][number];

/**
 * GET /territories/{id}/map: everything the map draws for a place in one request — its outline and breadcrumb,
 * its areas with boundaries and counts, and its building points (for a community or grid). Under the territory
 * keys, so renaming or adding a node refreshes it.
 */
export function useTerritoryMap(territoryId: string | null, areas: MapAreas, enabled = true) {
  return useQuery({
    queryKey: ['territory', 'map', territoryId ?? '', areas] as const,
    queryFn: async () =>
      (
        await api<{ data: TerritoryMap }>(
          'GET',
          `/territories/${territoryId}/map${toQuery({ areas: areas === 'children' ? null : areas })}`,
        )
      ).data,
    enabled: Boolean(territoryId) && enabled,
    staleTime: 60_000,
  });
}
