import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

/**
 * One audit row as GET /audit returns it: the raw codes, and the same entry in plain words (`actionLabel`,
 * `entityTypeLabel`, `entityName`, `actor`, `changeList`), both languages, personal data masked.
 */
export type AuditRow = Schemas['AuditRow'];
export type AuditChange = AuditRow['changeList'][number];
export type AuditActor = Schemas['AuditActor'];

export type AuditFilter = {
  q?: string;
  action?: string;
  entityType?: string;
  actorId?: string;
  /** ISO datetimes with offset. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter] as const satisfies QueryKey,
    queryFn: () => api.get('/audit', { query: filter }),
    placeholderData: keepPreviousData,
  });
}

/** Accounts with entries the caller may read, by part of their name (the actor filter). */
export function useAuditActors(q: string) {
  return useQuery({
    queryKey: ['audit', 'actors', q] as const satisfies QueryKey,
    queryFn: () => api.get('/audit/actors', { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
