import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type Coverage = Schemas['Coverage'];
export type ServiceCards = Schemas['ServiceCards'];
export type PlaceServiceCards = Schemas['PlaceServiceCards'];
export type BuildingServants = Schemas['BuildingServants'];
export type PlaceServants = Schemas['PlaceServants'];

export function useCoverage(territoryId: string | undefined, maxLoad: number | undefined) {
  return useQuery({
    queryKey: ['organisation', 'coverage', territoryId ?? '', maxLoad ?? ''] as const satisfies QueryKey,
    queryFn: async () => (await api.get('/coverage', { query: { territoryId, maxLoad } })).data,
  });
}

/** A building's contact cards: the page's hook, and the route's prefetch (manifest.ts) with the same key. */
export const serviceCardsQuery = (buildingId: string) =>
  queryOptions({
    queryKey: ['organisation', 'cards', buildingId] as const satisfies QueryKey,
    queryFn: async () => (await api.get('/buildings/{id}/service-cards', { path: { id: buildingId } })).data,
  });

export function useServiceCards(buildingId: string | undefined) {
  return useQuery({ ...serviceCardsQuery(buildingId ?? ''), enabled: Boolean(buildingId) });
}

/** Every building's contact cards of a grid or a community, as one print set. */
export const placeServiceCardsQuery = (territoryId: string) =>
  queryOptions({
    queryKey: ['organisation', 'place-cards', territoryId] as const satisfies QueryKey,
    queryFn: async () =>
      (await api.get('/territories/{id}/service-cards', { path: { id: territoryId } })).data,
  });

export function usePlaceServiceCards(territoryId: string | undefined) {
  return useQuery({ ...placeServiceCardsQuery(territoryId ?? ''), enabled: Boolean(territoryId) });
}

/** Who serves a place (GET /territories/{id}/servants), for the fact sheet and the map. */
export function usePlaceServants(territoryId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['organisation', 'servants', territoryId ?? ''] as const satisfies QueryKey,
    queryFn: async () =>
      (await api.get('/territories/{id}/servants', { path: { id: territoryId ?? '' } })).data,
    enabled: Boolean(territoryId) && enabled,
  });
}

export function usePublicBuilding(token: string | undefined) {
  return useQuery({
    queryKey: ['organisation', 'public', token ?? ''] as const satisfies QueryKey,
    queryFn: async () => (await api.get('/public/buildings/{token}', { path: { token: token ?? '' } })).data,
    enabled: Boolean(token),
    retry: false,
  });
}
