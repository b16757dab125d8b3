import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type ApiBody, type Schemas } from '../../api/client.ts';

export type Volunteer = NonNullable<Schemas['Volunteer']>;
export type VolunteerTeam = Schemas['VolunteerTeam'];
export type VolunteerTeamDetail = Schemas['VolunteerTeamDetail'];
export type Availability = Volunteer['availability'];

export const availabilities: readonly Availability[] = ['weekdays', 'weekends', 'evenings', 'anytime'];

export type VolunteerFilter = {
  q?: string;
  territoryId?: string;
  skill?: string;
  availability?: Availability;
  status: 'active' | 'ended' | 'all';
  page: number;
  pageSize: number;
};

const keys = {
  list: (filter: VolunteerFilter) => ['volunteers', 'list', filter] as const,
  me: ['volunteers', 'me'] as const,
  teams: (territoryId?: string) => ['volunteers', 'teams', territoryId ?? ''] as const,
  team: (id: string) => ['volunteers', 'team', id] as const,
} satisfies QueryKeys;

export function useVolunteers(filter: VolunteerFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: async () => {
      const answer = await api.get('/volunteers', { query: filter });
      // The Volunteer component is nullable in the document (GET /volunteers/me answers null): never in a list.
      return { ...answer, data: answer.data.filter((v): v is Volunteer => v !== null) };
    },
    placeholderData: keepPreviousData,
  });
}

export function useMyVolunteer() {
  return useQuery({ queryKey: keys.me, queryFn: async () => (await api.get('/volunteers/me')).data });
}

export function useTeams(territoryId?: string) {
  return useQuery({
    queryKey: keys.teams(territoryId),
    queryFn: async () =>
      (await api.get('/volunteer-teams', { query: { territoryId, status: 'active' } })).data,
  });
}

export function useTeam(id: string | null) {
  return useQuery({
    queryKey: keys.team(id ?? ''),
    queryFn: async () => (await api.get('/volunteer-teams/{id}', { path: { id: id ?? '' } })).data,
    enabled: Boolean(id),
  });
}

export function useRegister() {
  return useApiMutation(
    'POST /volunteers',
    async (body: ApiBody<'post', '/volunteers'>, send) => (await send({ body })).data as Volunteer,
  );
}

export function useRegisterMyself() {
  return useApiMutation(
    'POST /volunteers/me',
    async (body: ApiBody<'post', '/volunteers/me'>, send) => (await send({ body })).data,
  );
}

export function useEndVolunteer() {
  return useApiMutation('POST /volunteers/{id}/end', async (id: string, send) =>
    send({ path: { id }, body: {} }),
  );
}

export function useCreateTeam() {
  return useApiMutation(
    'POST /volunteer-teams',
    async (body: ApiBody<'post', '/volunteer-teams'>, send) => (await send({ body })).data,
  );
}

export function useRenameTeam() {
  return useApiMutation(
    'PATCH /volunteer-teams/{id}',
    async ({ id, name }: { id: string; name: string }, send) => send({ path: { id }, body: { name } }),
  );
}

export function useDissolveTeam() {
  return useApiMutation('POST /volunteer-teams/{id}/dissolve', async (id: string, send) =>
    send({ path: { id }, body: {} }),
  );
}

export function useJoinTeam() {
  return useApiMutation(
    'POST /volunteer-teams/{id}/join',
    async ({ id, volunteerId }: { id: string; volunteerId: string }, send) =>
      send({ path: { id }, body: { volunteerId } }),
  );
}

export function useLeaveTeam() {
  return useApiMutation(
    'POST /volunteer-teams/{id}/leave',
    async ({ id, volunteerId }: { id: string; volunteerId: string }, send) =>
      send({ path: { id }, body: { volunteerId } }),
  );
}

/** Persons of the caller's scope by name, for registering a volunteer. */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'search', q] as const,
    queryFn: async () => (await api.get('/people', { query: { q, page: 1, pageSize: 20 } })).data,
    enabled: q.trim().length > 0,
  });
}
