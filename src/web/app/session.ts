import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, type ApiResponse, type Schemas } from '../api/client.ts';
import type { QueryKey } from '../api/cache.ts';
import { preferencesKey, preferencesQuery } from '../api/preferences.ts';
import { isOfflinePage } from './offline-page.ts';

export type Me = Schemas['Me'];
export type Permission = Me['permissions'][number];
export type RoleAssignment = Me['roles'][number];

export const meKey = ['me'] as const satisfies QueryKey;

/**
 * The user's preferences (GET /me/preferences) come with the session: fetched once, right after the user is known
 * (sign-in or the first /me), and put into the cache, so that a page drawn from them (the residents list's
 * columns) is right in its first paint. Not while a password change is required (the API refuses everything
 * else until then); a failure leaves it to the page that needs them to ask again.
 */
export async function primePreferences(client: QueryClient, me: Me | null): Promise<void> {
  if (!me || me.mustChangePassword) return;
  await client.prefetchQuery(preferencesQuery);
}

/**
 * The signed-in user, or null when nobody is signed in (401); their preferences are primed with them. Without a
 * connection, the phone workbench (/m/) opens as the user it last saw (offline.ts).
 */
export function useMe() {
  const client = useQueryClient();
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      let me: Me;
      try {
        me = (await api.get('/me')).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        const kept = isOfflinePage() ? await (await import('./offline.ts')).offlineGet<Me>('me') : undefined;
        if (error instanceof ApiError && error.status === 0 && kept) return kept;
        throw error;
      }
      if (isOfflinePage()) {
        const { offlineBindUser, offlineSet } = await import('./offline.ts');
        await offlineBindUser(me.id);
        await offlineSet('me', me);
      }
      // The phone pages use none (they are the desk lists' settings): not one more request in a row on a phone.
      if (!isOfflinePage() && client.getQueryData(preferencesKey) === undefined) {
        await primePreferences(client, me);
      }
      return me;
    },
    staleTime: 5 * 60_000,
  });
}

/**
 * The user the session cookie belongs to, as the server names them for the page (cookie `wuwei_user`, set with the
 * session, cleared with it); undefined when none. Only to decide whether the device's copy may be drawn before /me
 * answers: the session cookie itself is HttpOnly.
 */
export function sessionUserHint(): string | undefined {
  const found = document.cookie.split('; ').find((c) => c.startsWith('wuwei_user='));
  return found ? decodeURIComponent(found.slice('wuwei_user='.length)) || undefined : undefined;
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

/** Whether the signed-in user holds `permission`; false while loading or signed out. */
export function useCan(permission: Permission): boolean {
  return can(useMe().data, permission);
}

export type RoleInfo = ApiResponse<'get', '/roles'>['data'][number];

/** The role catalogue (names in both languages, scope kinds), marking which roles the caller may grant. */
export function useRoleCatalogue() {
  return useQuery({
    queryKey: ['roles'] as const satisfies QueryKey,
    queryFn: async () => (await api.get('/roles')).data,
    staleTime: 10 * 60_000,
  });
}
