import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me } from '../../server/core/auth/auth.schemas.ts';
import type { roleCatalogueSchema } from '../../server/modules/accounts/accounts.schemas.ts';
import type { Permission } from '../../server/core/auth/roles.ts';
import { api, ApiError } from './api-client.ts';

export type { Me, Permission };
export type RoleAssignment = Me['roles'][number];

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return (await api<{ data: Me }>('GET', '/me')).data;
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

export type RoleInfo = z.infer<typeof roleCatalogueSchema>['data'][number];

/** The role catalogue (names in both languages, scope kinds), marking which roles the caller may grant. */
export function useRoleCatalogue() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: async () => (await api<{ data: RoleInfo[] }>('GET', '/roles')).data,
    staleTime: 10 * 60_000,
  });
}
