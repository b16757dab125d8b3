import { useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

/** The fact sheet (一口清) of a territory node, as GET /territories/{id}/fact-sheet answers it. */
export type FactSheet = Schemas['FactSheet'];
export type FactSheetBuilding = FactSheet['buildings'][number];
export type FactSheetChild = FactSheet['children'][number];

export function useFactSheet(id: string | undefined) {
  return useQuery({
    queryKey: ['fact-sheet', id ?? ''] as const satisfies QueryKey,
    queryFn: async () => (await api.get('/territories/{id}/fact-sheet', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}
