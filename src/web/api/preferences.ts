import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiMutation, type QueryKey } from './cache.ts';
import { api } from './client.ts';

/**
 * The signed-in user's preferences (GET /me/preferences), kept on the server so that they follow the user from
 * browser to browser. Read once per session, with the user (app/session.ts primes them; the key lives under `me`,
 * which signing in or out replaces); a change is put into the cache at once and then saved (PUT
 * /me/preferences/{key}).
 */
export const preferencesKey = ['me', 'preferences'] as const satisfies QueryKey;

export type Preferences = Record<string, unknown>;

/** The query, shared by the hook and by the session, which primes it (app/session.ts: primePreferences). */
export const preferencesQuery = {
  queryKey: preferencesKey,
  queryFn: async (): Promise<Preferences> => (await api.get('/me/preferences')).data,
  staleTime: Infinity,
};

/** The preferences: already in the cache once signed in (primed with the session); fetched here otherwise. */
export function usePreferences(enabled = true) {
  return useQuery({ ...preferencesQuery, enabled });
}

/** Sets a preference: in the cache at once, then on the server (a failed save keeps it for this session). */
export function useSetPreference() {
  const queryClient = useQueryClient();
  const mutation = useApiMutation(
    'PUT /me/preferences/{key}',
    async ({ key, value }: { key: string; value: unknown }, send) =>
      (await send({ path: { key }, body: { value } })).data,
  );
  return (key: string, value: unknown) => {
    queryClient.setQueryData<Preferences>(preferencesKey, (old) => ({ ...old, [key]: value }));
    mutation.mutate({ key, value });
  };
}
