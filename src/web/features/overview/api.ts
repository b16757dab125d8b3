import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { overview } from '../../../server/modules/insights/insights.service.ts';
import { toQuery, api } from '../../app/api-client.ts';

/** GET /insights/overview: a place's figures, age structure, key populations and each child area's numbers. */
export type Overview = NonNullable<Awaited<ReturnType<typeof overview>>>;
export type OverviewChild = Overview['children'][number];

const overviewQuery = (territoryId: string | undefined) => ({
  queryKey: ['insights', 'overview', territoryId ?? ''] as const,
  queryFn: async () =>
    (await api<{ data: Overview | null }>('GET', `/insights/overview${toQuery({ territoryId })}`)).data,
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
