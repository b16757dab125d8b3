import { useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';

export type OrgNode = Schemas['PartyOrgNode'];
export type OrgDetail = Schemas['PartyOrg'];
export type Registration = Schemas['PartyRegistration'];
export type RegistrationStatus = Registration['status'];

const keys = {
  orgs: (territoryId: string) => ['party', 'orgs', territoryId] as const,
  org: (id: string) => ['party', 'org', id] as const,
  units: (territoryId: string) => ['party', 'alliance-units', territoryId] as const,
  registrations: (territoryId: string, status: string) =>
    ['party', 'registrations', territoryId, status] as const,
  workUnits: ['party', 'work-units'] as const,
  people: (q: string) => ['people', 'search', q] as const,
} satisfies QueryKeys;

/** The organisations of a community (a flat list with counts). */
export function useCommunityOrgs(territoryId: string | undefined) {
  return useQuery({
    queryKey: keys.orgs(territoryId ?? ''),
    queryFn: async () => (await api.get('/party/orgs', { query: { territoryId: territoryId ?? '' } })).data,
    enabled: Boolean(territoryId),
  });
}

export function useOrg(id: string | null) {
  return useQuery({
    queryKey: keys.org(id ?? ''),
    queryFn: async () => (await api.get('/party/orgs/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

export function useAllianceUnits(territoryId: string | undefined) {
  return useQuery({
    queryKey: keys.units(territoryId ?? ''),
    queryFn: async () =>
      (await api.get('/party/alliance-units', { query: { territoryId: territoryId ?? '' } })).data,
    enabled: Boolean(territoryId),
  });
}

export function useRegistrations(territoryId: string | undefined, status: RegistrationStatus | undefined) {
  return useQuery({
    queryKey: keys.registrations(territoryId ?? '', status ?? ''),
    queryFn: async () => (await api.get('/party/registrations', { query: { territoryId, status } })).data,
  });
}

export function useWorkUnits() {
  return useQuery({
    queryKey: keys.workUnits,
    queryFn: async () => (await api.get('/party/work-units')).data,
  });
}

/** Persons within the caller's scope whose name contains `q` (to add as members). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: keys.people(q),
    queryFn: async () => (await api.get('/people', { query: { q, pageSize: 30 } })).data,
    enabled: q.trim().length > 0,
  });
}

export function useCreateOrg() {
  return useApiMutation(
    'POST /party/orgs',
    async (body: ApiBody<'post', '/party/orgs'>, send) => (await send({ body })).data,
  );
}

export function useUpdateOrg() {
  return useApiMutation(
    'PATCH /party/orgs/{id}',
    async ({ id, ...body }: { id: string } & ApiBody<'patch', '/party/orgs/{id}'>, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useMergeOrg() {
  return useApiMutation(
    'POST /party/orgs/{id}/merge',
    async ({ id, intoId }: { id: string; intoId: string }, send) =>
      (await send({ path: { id }, body: { intoId } })).data,
  );
}

export function useDissolveOrg() {
  return useApiMutation(
    'POST /party/orgs/{id}/dissolve',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export function useAddMember() {
  return useApiMutation(
    'POST /party/members',
    async (body: ApiBody<'post', '/party/members'>, send) => (await send({ body })).data,
  );
}

export function useEndMember() {
  return useApiMutation(
    'POST /party/members/{id}/end',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export function useAppointSecretary() {
  return useApiMutation(
    'POST /party/secretaries',
    async (body: ApiBody<'post', '/party/secretaries'>, send) => await send({ body }),
  );
}

export function useEndSecretary() {
  return useApiMutation(
    'POST /party/secretaries/{id}/end',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export function useApproveRegistration() {
  return useApiMutation(
    'POST /party/registrations/{id}/approve',
    async ({ id, branchId }: { id: string; branchId: string }, send) =>
      await send({ path: { id }, body: { branchId } }),
  );
}

export function useRejectRegistration() {
  return useApiMutation(
    'POST /party/registrations/{id}/reject',
    async ({ id, reason }: { id: string; reason: string }, send) =>
      (await send({ path: { id }, body: { reason } })).data,
  );
}

export type AllianceUnit = Schemas['AllianceUnit'];

export function useAddAllianceUnit() {
  return useApiMutation(
    'POST /party/alliance-units',
    async (body: ApiBody<'post', '/party/alliance-units'>, send) => (await send({ body })).data,
  );
}

export function useEndAllianceUnit() {
  return useApiMutation(
    'POST /party/alliance-units/{id}/end',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export type RegistrationHome = NonNullable<Schemas['PartyRegistrationHome']>;

/** The caller's own registrations and where they live (to register themself). */
export function useMyRegistrations() {
  return useQuery({
    queryKey: ['party', 'registrations', 'mine'] as const,
    queryFn: async () => (await api.get('/party/registrations/mine')).data,
  });
}

export function useMyHome() {
  return useQuery({
    queryKey: ['party', 'registrations', 'home'] as const,
    queryFn: async () => (await api.get('/party/registrations/home')).data,
  });
}

/** The skills the registration form suggests (the server's list; members may type others). */
export function useSkillSuggestions() {
  return useQuery({
    queryKey: ['party', 'registrations', 'skills'] as const,
    queryFn: async () => (await api.get('/party/registrations/skills')).data,
    staleTime: Infinity,
  });
}

/** Households of a community by address (building, unit, room), for a transfer. */
export function useHouseholdSearch(territoryId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['registry', 'households', { territoryId, q, page: 1, pageSize: 20 }] as const,
    queryFn: async () =>
      (await api.get('/households', { query: { territoryId, q: q || undefined, page: 1, pageSize: 20 } }))
        .data,
    enabled: Boolean(territoryId),
  });
}

export function useRegister() {
  return useApiMutation(
    'POST /party/registrations',
    async (body: ApiBody<'post', '/party/registrations'>, send) => (await send({ body })).data,
  );
}

export function useDeregister() {
  return useApiMutation(
    'POST /party/registrations/{id}/deregister',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export function useTransferRegistration() {
  return useApiMutation(
    'POST /party/registrations/{id}/transfer',
    async ({ id, ...body }: { id: string; territoryId: string; householdId: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}
