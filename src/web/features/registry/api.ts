import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  buildingSchema,
  historySchema,
  householdCardSchema,
  householdSchema,
  residentSchema,
} from '../../../server/modules/registry/registry.schemas.ts';
import type {
  buildingKinds,
  genders,
  householdKinds,
  KeyPopulationTag,
  politicalStatuses,
  relations,
  residencyKinds,
  tenures,
} from '../../../server/modules/registry/registry.tables.ts';
import { api, toQuery, type Paged } from '../../app/api-client.ts';

export type Resident = z.infer<typeof residentSchema>;
/**
 * A history entry; `fromAddress` / `toAddress` are the formatted addresses of the households moved between,
 * optional until every server sends them.
 */
export type HistoryEntry = z.infer<typeof historySchema> & {
  fromAddress?: string | null;
  toAddress?: string | null;
};
export type ResidentDetail = Resident & { history: HistoryEntry[] };
export type Household = z.infer<typeof householdSchema>;
export type HouseholdCard = z.infer<typeof householdCardSchema>;
export type Building = z.infer<typeof buildingSchema>;
export type { KeyPopulationTag };
export type Gender = (typeof genders)[number];
export type Relation = (typeof relations)[number];
export type PoliticalStatus = (typeof politicalStatuses)[number];
export type Residency = (typeof residencyKinds)[number];
export type HouseholdKind = (typeof householdKinds)[number];
export type Tenure = (typeof tenures)[number];
export type BuildingKind = (typeof buildingKinds)[number];
export type TagInput = { tag: KeyPopulationTag; careLevel: number };

export type ResidentFilter = {
  q?: string;
  territoryId?: string;
  buildingId?: string;
  tag?: KeyPopulationTag;
  ageFrom?: number;
  ageTo?: number;
  includeMovedOut?: boolean;
  page: number;
  pageSize: number;
};

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
  all: ['registry'] as const,
  residents: (filter: ResidentFilter) => ['registry', 'residents', filter] as const,
  resident: (id: string) => ['registry', 'resident', id] as const,
  households: (filter: HouseholdFilter) => ['registry', 'households', filter] as const,
  household: (id: string) => ['registry', 'household', id] as const,
  buildings: (filter: BuildingFilter) => ['registry', 'buildings', filter] as const,
};

export type BuildingFilter = { q?: string; territoryId?: string; page: number; pageSize: number };

/** The query string of a resident filter; `includeMovedOut` only when set, as the API reads 'true'/'false'. */
export function residentQuery(filter: Omit<ResidentFilter, 'page' | 'pageSize'> & Partial<ResidentFilter>) {
  const { includeMovedOut, ...rest } = filter;
  return toQuery({ ...rest, includeMovedOut: includeMovedOut ? 'true' : undefined });
}

export function useResidents(filter: ResidentFilter) {
  return useQuery({
    queryKey: keys.residents(filter),
    queryFn: () => api<Paged<Resident>>('GET', `/residents${residentQuery(filter)}`),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | null) {
  return useQuery({
    queryKey: keys.resident(id ?? ''),
    queryFn: async () => (await api<{ data: ResidentDetail }>('GET', `/residents/${id}`)).data,
    enabled: Boolean(id),
  });
}

export function useHouseholds(filter: HouseholdFilter, enabled = true) {
  return useQuery({
    queryKey: keys.households(filter),
    queryFn: () => api<Paged<Household>>('GET', `/households${toQuery(filter)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: keys.household(id ?? ''),
    queryFn: async () => (await api<{ data: HouseholdCard }>('GET', `/households/${id}`)).data,
    enabled: Boolean(id),
  });
}

/** Buildings within the caller's scope, by part of the name. */
export function useBuildings(filter: BuildingFilter, enabled = true) {
  return useQuery({
    queryKey: keys.buildings(filter),
    queryFn: () => api<Paged<Building>>('GET', `/buildings${toQuery(filter)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every registry write refreshes lists, cards, fact sheets, the dashboard and the audit log. */
function useRegistryMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        [keys.all, ['fact-sheet'], ['insights'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export type ResidentInput = {
  name: string;
  gender?: Gender;
  birthDate?: string;
  idCard?: string | null;
  phone?: string | null;
  relation: Relation;
  politicalStatus: PoliticalStatus;
  residency: Residency;
  note?: string | null;
  tags: TagInput[];
};

export function useCreateResident() {
  return useRegistryMutation(
    async (input: ResidentInput & { householdId: string }) =>
      (await api<{ data: ResidentDetail }>('POST', '/residents', input)).data,
  );
}

export function useUpdateResident() {
  return useRegistryMutation(
    async ({ id, ...input }: Partial<ResidentInput> & { id: string }) =>
      (await api<{ data: ResidentDetail }>('PATCH', `/residents/${id}`, input)).data,
  );
}

export function useMoveResident() {
  return useRegistryMutation(
    async ({ id, ...input }: { id: string; householdId: string; relation: Relation; note?: string }) =>
      (await api<{ data: ResidentDetail }>('POST', `/residents/${id}/move`, input)).data,
  );
}

export function useMoveOutResident() {
  return useRegistryMutation(({ id, note }: { id: string; note?: string }) =>
    api<void>('POST', `/residents/${id}/move-out`, note ? { note } : {}),
  );
}

export type HouseholdInput = {
  buildingId: string;
  unitNumber: number;
  room: string;
  kind: HouseholdKind;
  tenure: Tenure;
  note?: string | null;
};

export function useCreateHousehold() {
  return useRegistryMutation(
    async (input: HouseholdInput) => (await api<{ data: HouseholdCard }>('POST', '/households', input)).data,
  );
}

export function useUpdateHousehold() {
  return useRegistryMutation(
    async ({ id, ...input }: { id: string; kind?: HouseholdKind; tenure?: Tenure; note?: string | null }) =>
      (await api<{ data: HouseholdCard }>('PATCH', `/households/${id}`, input)).data,
  );
}

export function useMoveOutHousehold() {
  return useRegistryMutation(({ id, note }: { id: string; note?: string }) =>
    api<void>('POST', `/households/${id}/move-out`, note ? { note } : {}),
  );
}

/** The clear ID-card number, phone and birth date of a resident; the server audits every call. */
export function useRevealResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (
        await api<{ data: { idCard: string | null; phone: string | null; birthDate: string } }>(
          'POST',
          `/residents/${id}/reveal`,
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/** The API path of the export of the filtered list (.xlsx), for downloadFile. */
export function residentExportPath(
  filter: Omit<ResidentFilter, 'page' | 'pageSize'>,
  reveal: boolean,
): string {
  const query = residentQuery(filter);
  const extra = `reveal=${reveal ? 'true' : 'false'}`;
  return `/residents/export${query ? `${query}&${extra}` : `?${extra}`}`;
}
