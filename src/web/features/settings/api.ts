import { useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type Setting = Schemas['Setting'];

export const settingsKey = ['settings'] as const satisfies QueryKey;

/** The county's settings with their values (any signed-in user may read them). */
export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => (await api.get('/settings')).data,
    staleTime: 5 * 60_000,
  });
}

export function useSaveSetting() {
  return useApiMutation(
    'PUT /settings/{key}',
    async ({ key, value }: { key: string; value: number | string }, send) =>
      (await send({ path: { key }, body: { value } })).data,
  );
}
