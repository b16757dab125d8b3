import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type ApiResponse, type Schemas } from '../api/client.ts';
import type { QueryKey } from '../api/cache.ts';

export type Me = Schemas['Me'];
export type Permission = Me['permissions'][number];
export type RoleAssignment = Me['roles'][number];

export const meKey = ['me'] as const satisfies QueryKey;

/** The signed-in user, or null when nobody is signed in (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return (await api.get('/me')).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
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
