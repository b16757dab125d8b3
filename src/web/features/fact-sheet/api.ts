import { useQuery } from '@tanstack/react-query';
import type { factSheet } from '../../../server/modules/registry/fact-sheet.service.ts';
import { api } from '../../app/api-client.ts';

/** The fact sheet (一口清) of a territory node, as GET /territories/{id}/fact-sheet answers it. */
export type FactSheet = Awaited<ReturnType<typeof factSheet>>;
export type FactSheetBuilding = FactSheet['buildings'][number];
export type FactSheetChild = FactSheet['children'][number];

export function useFactSheet(id: string | undefined) {
  return useQuery({
    queryKey: ['fact-sheet', id ?? ''],
    queryFn: async () => (await api<{ data: FactSheet }>('GET', `/territories/${id}/fact-sheet`)).data,
    enabled: Boolean(id),
  });
}
