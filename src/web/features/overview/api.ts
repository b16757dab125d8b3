import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

/** GET /insights/overview: a place's figures, age structure, key populations and each child area's numbers. */
export type Overview = Schemas['Overview'];
export type OverviewChild = Overview['children'][number];

const overviewQuery = (territoryId: string | undefined) => ({
  queryKey: ['insights', 'overview', territoryId ?? ''] as const satisfies QueryKey,
  queryFn: async () => (await api.get('/insights/overview', { query: { territoryId } })).data,
  staleTime: 60_000,
});

/** The overview of a place, or of the top of the caller's scope without one; null when the scope is empty. */
export function useOverview(territoryId: string | undefined, enabled = true) {
  return useQuery({ ...overviewQuery(territoryId), enabled, placeholderData: keepPreviousData });
}

// A stable function, so the combined list only changes when an overview arrives.
const dataOf = (results: { data?: Overview | null }[]) => results.map((r) => r.data ?? null);

/** The overviews of several places at once (the map's grids of a whole street). */
export function useOverviews(territoryIds: string[]): (Overview | null)[] {
  return useQueries({ queries: territoryIds.map((id) => overviewQuery(id)), combine: dataOf });
}

/** GET /insights/figures: every figure of the report for a place (the whole scope without one), as of today. */
export function useFigures(territoryId: string | undefined) {
  return useQuery({
    queryKey: ['insights', 'figures', territoryId ?? ''] as const satisfies QueryKey,
    queryFn: () => api.get('/insights/figures', { query: { territoryId } }),
    staleTime: 60_000,
  });
}

export type Trends = Schemas['Trends'];

/** GET /insights/trends: chosen figures over the last `periods` months, quarters or years. */
export function useTrends(
  territoryId: string | undefined,
  keys: readonly string[],
  interval: 'month' | 'quarter' | 'year',
  periods: number,
) {
  return useQuery({
    queryKey: [
      'insights',
      'trends',
      territoryId ?? '',
      keys.join(','),
      interval,
      periods,
    ] as const satisfies QueryKey,
    queryFn: async () =>
      (await api.get('/insights/trends', { query: { territoryId, keys: keys.join(','), interval, periods } }))
        .data,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
