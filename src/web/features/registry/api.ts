import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKey, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type ApiQuery, type ApiResponse, type Schemas } from '../../api/client.ts';

export type Resident = Schemas['Resident'];
export type ResidentDetail = ApiResponse<'get', '/residents/{id}'>['data'];
/** A history entry; `fromAddress` / `toAddress` are the formatted addresses of the households moved between. */
export type HistoryEntry = ResidentDetail['history'][number];
export type Household = Schemas['Household'];
export type HouseholdCard = Schemas['HouseholdCard'];
export type Building = Schemas['Building'];
export type TagInput = Resident['tags'][number];
export type KeyPopulationTag = TagInput['tag'];
export type Gender = Resident['gender'];
export type Relation = Resident['relation'];
export type PoliticalStatus = Resident['politicalStatus'];
export type Residency = Resident['residency'];
export type HouseholdKind = Household['kind'];
export type Tenure = Household['tenure'];
export type BuildingKind = Building['kind'];

export type ResidentFilter = {
  q?: string;
  territoryId?: string;
  buildingId?: string;
  tag?: KeyPopulationTag;
  ageFrom?: number;
  ageTo?: number;
  includeMovedOut?: boolean;
  sort?: ResidentSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};
export type ResidentSort = NonNullable<ApiQuery<'get', '/residents'>>['sort'] & string;

export type HouseholdFilter = {
  q?: string;
  territoryId?: string;
  buildingId?: string;
  kind?: HouseholdKind;
  tenure?: Tenure;
  page: number;
  pageSize: number;
};

const keys = {
  residents: (filter: ResidentFilter) => ['registry', 'residents', filter] as const,
  resident: (id: string) => ['registry', 'resident', id] as const,
  households: (filter: HouseholdFilter) => ['registry', 'households', filter] as const,
  household: (id: string) => ['registry', 'household', id] as const,
  buildings: (filter: BuildingFilter) => ['registry', 'buildings', filter] as const,
} satisfies QueryKeys;

export type BuildingFilter = { q?: string; territoryId?: string; page: number; pageSize: number };

/** The query of a resident filter; `includeMovedOut` only when set, as the API reads 'true'/'false'. */
export function residentQuery(
  filter: Omit<ResidentFilter, 'page' | 'pageSize'> & Partial<ResidentFilter>,
): ApiQuery<'get', '/residents'> {
  const { includeMovedOut, ...rest } = filter;
  return { ...rest, includeMovedOut: includeMovedOut ? 'true' : undefined };
}

export function useResidents(filter: ResidentFilter) {
  return useQuery({
    queryKey: keys.residents(filter),
    queryFn: () => api.get('/residents', { query: residentQuery(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | null) {
  return useQuery({
    queryKey: keys.resident(id ?? ''),
    queryFn: async () => (await api.get('/residents/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

export function useHouseholds(filter: HouseholdFilter, enabled = true) {
  return useQuery({
    queryKey: keys.households(filter),
    queryFn: () => api.get('/households', { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: keys.household(id ?? ''),
    queryFn: async () => (await api.get('/households/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

/** Buildings within the caller's scope, by part of the name. */
export function useBuildings(filter: BuildingFilter, enabled = true) {
  return useQuery({
    queryKey: keys.buildings(filter),
    queryFn: () => api.get('/buildings', { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type ResidentInput = Omit<ApiBody<'post', '/residents'>, 'householdId' | 'tags'> & {
  relation: Relation;
  politicalStatus: PoliticalStatus;
  residency: Residency;
  tags: TagInput[];
};

export function useCreateResident() {
  return useApiMutation(
    'POST /residents',
    async (input: ResidentInput & { householdId: string }, send) => (await send({ body: input })).data,
  );
}

export function useUpdateResident() {
  return useApiMutation(
    'PATCH /residents/{id}',
    async ({ id, ...body }: Partial<ResidentInput> & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useMoveResident() {
  return useApiMutation(
    'POST /residents/{id}/move',
    async ({ id, ...body }: ApiBody<'post', '/residents/{id}/move'> & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useMoveOutResident() {
  return useApiMutation(
    'POST /residents/{id}/move-out',
    ({ id, note }: { id: string; note?: string }, send) => send({ path: { id }, body: note ? { note } : {} }),
  );
}

export type HouseholdInput = ApiBody<'post', '/households'> & { tenure: Tenure };

export function useCreateHousehold() {
  return useApiMutation(
    'POST /households',
    async (input: HouseholdInput, send) => (await send({ body: input })).data,
  );
}

export function useUpdateHousehold() {
  return useApiMutation(
    'PATCH /households/{id}',
    async ({ id, ...body }: ApiBody<'patch', '/households/{id}'> & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useMoveOutHousehold() {
  return useApiMutation(
    'POST /households/{id}/move-out',
    ({ id, note }: { id: string; note?: string }, send) => send({ path: { id }, body: note ? { note } : {} }),
  );
}

/** The clear ID-card number, phone and birth date of a resident; the server audits every call. */
export function useRevealResident() {
  return useApiMutation(
    'POST /residents/{id}/reveal',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export type ResidentExport = Schemas['ResidentExport'];

/** The query of an export of the filtered list (the list's filters, no order or page). */
export function residentExportQuery(
  filter: Omit<ResidentFilter, 'page' | 'pageSize'>,
  reveal: boolean,
): ApiQuery<'post', '/residents/exports'> {
  const { sort: _sort, order: _order, ...rest } = filter;
  return { ...residentQuery(rest), reveal: reveal ? 'true' : 'false' };
}

/** Starts an export in the background. */
export async function startResidentExport(query: ApiQuery<'post', '/residents/exports'>) {
  return (await api.post('/residents/exports', { query })).data;
}

/** An export's progress, polled every second until it is ready or failed. */
export function useResidentExport(id: string | null) {
  return useQuery({
    queryKey: ['registry', 'export', id ?? ''],
    queryFn: async () => (await api.get('/residents/exports/{id}', { path: { id: id ?? '' } })).data,
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' || status === undefined ? 1000 : false;
    },
  });
}

/**
 * GET /households/{id}/contacts (the contacts module): who looks after a household — its grid workers, its
 * building leader contact and its party-member central household (联系挂包). Read only by those with contact:read.
 */
export function useHouseholdContacts(householdId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['contacts', 'household', householdId ?? ''] as const satisfies QueryKey,
    queryFn: async () =>
      (await api.get('/households/{id}/contacts', { path: { id: householdId ?? '' } })).data,
    enabled: enabled && Boolean(householdId),
  });
}
