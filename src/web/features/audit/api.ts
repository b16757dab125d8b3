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

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter] as const satisfies QueryKey,
    queryFn: () => api.get('/audit', { query: filter }),
    placeholderData: keepPreviousData,
  });
}
