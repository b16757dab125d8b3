import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

/** One audit row as GET /audit returns it; `actorRole` holds the actor's role codes at the time, comma-separated. */
export type AuditRow = Schemas['AuditRow'];

export type AuditFilter = {
  q?: string;
  action?: string;
  entityType?: string;
  /** ISO datetimes with offset. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/** Actions the platform writes today, for the filter; rows with other actions still show by code. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.password_changed',
  'user.roles_changed',
  'personal.revealed',
  'territory.created',
  'territory.updated',
  'household.created',
  'household.updated',
  'household.moved_out',
  'resident.created',
  'resident.updated',
  'resident.moved',
  'resident.moved_out',
  'resident.exported',
  'resident.looked_up',
  'registry.imported',
  'person.created',
  'person.account_linked',
  'person.account_unlinked',
  'demo.seeded',
] as const;

export const auditEntityTypes = [
  'user',
  'session',
  'territory',
  'county',
  'household',
  'resident',
  'registry_import',
  'person',
] as const;

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter] as const satisfies QueryKey,
    queryFn: () => api.get('/audit', { query: filter }),
    placeholderData: keepPreviousData,
  });
}
