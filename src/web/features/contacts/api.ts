import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';

export type ContactCoverage = Schemas['ContactCoverage'];
export type CentralHousehold = Schemas['CentralHousehold'];
export type CentralCandidate = Schemas['CentralHouseholdCandidate'];
export type ContactProposal = Schemas['ContactProposal'];
export type ContactSettings = Schemas['ContactSettings'];
export type ContactKind = ContactProposal['kind'];
export type UncoveredKind = ContactKind | 'any';

const keys = {
  coverage: (communityId: string) => ['contacts', 'coverage', communityId] as const,
  uncovered: (q: object) => ['contacts', 'uncovered', q] as const,
  central: (communityId: string, status: string) => ['contacts', 'central', communityId, status] as const,
  candidates: (communityId: string) => ['contacts', 'candidates', communityId] as const,
  settings: (communityId: string) => ['contacts', 'settings', communityId] as const,
  proposal: (communityId: string, kind: string) => ['contacts', 'proposal', communityId, kind] as const,
} satisfies QueryKeys;

/** Coverage of the caller's scope per community (no id), or of one community per grid. */
export function useContactCoverage(communityId?: string) {
  return useQuery({
    queryKey: keys.coverage(communityId ?? ''),
    queryFn: async () =>
      (await api.get('/contacts/coverage', { query: communityId ? { communityId } : {} })).data,
    placeholderData: keepPreviousData,
  });
}

export function useUncovered(q: {
  communityId: string;
  kind: UncoveredKind;
  gridId?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: keys.uncovered(q),
    queryFn: () => api.get('/contacts/uncovered', { query: q }),
    placeholderData: keepPreviousData,
  });
}

export function useCentralHouseholds(communityId: string, status: 'active' | 'ended' | 'all') {
  return useQuery({
    queryKey: keys.central(communityId, status),
    queryFn: async () =>
      (await api.get('/contacts/central-households', { query: { communityId, status } })).data,
  });
}

export function useCentralCandidates(communityId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.candidates(communityId),
    queryFn: async () =>
      (await api.get('/contacts/central-households/candidates', { query: { communityId } })).data,
    enabled,
  });
}

export function useContactSettings(communityId: string) {
  return useQuery({
    queryKey: keys.settings(communityId),
    queryFn: async () => (await api.get('/contacts/settings', { query: { communityId } })).data,
  });
}

/** The proposal is computed when asked for (the "propose" button), not on opening the page. */
export function useProposal(communityId: string, kind: ContactKind, enabled: boolean) {
  return useQuery({
    queryKey: keys.proposal(communityId, kind),
    queryFn: async () => (await api.get('/contacts/proposal', { query: { communityId, kind } })).data,
    enabled,
    staleTime: Infinity,
  });
}

export function usePutContactSettings() {
  return useApiMutation(
    'PUT /contacts/settings',
    async (body: Schemas['ContactSettingsRequest'], send) => (await send({ body })).data,
  );
}

export function useDesignate() {
  return useApiMutation(
    'POST /contacts/central-households',
    async (body: Schemas['DesignateCentralHouseholdRequest'], send) => (await send({ body })).data,
  );
}

export function useEndCentral() {
  return useApiMutation(
    'POST /contacts/central-households/{id}/end',
    async ({ id, reason }: { id: string; reason?: string }, send) =>
      (await send({ path: { id }, body: reason ? { reason } : {} })).data,
  );
}

export function useApplyProposal() {
  return useApiMutation(
    'POST /contacts/proposal/apply',
    async (body: Schemas['ApplyContactProposalRequest'], send) => (await send({ body })).data,
  );
}
