import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { volunteerTeamMembers, volunteerTeams, volunteers } from './volunteers.tables.ts';

export type VolunteerRow = RowOf<
  typeof volunteers,
  'id' | 'personId' | 'territoryCode' | 'skills' | 'availability' | 'startsOn' | 'endsOn'
>;
export type VolunteerSpec = Partial<VolunteerRow> & Pick<VolunteerRow, 'personId' | 'territoryCode'>;

/** A volunteer profile row (no database): anytime, no skills, since 2024-01-01 unless given. */
export function buildVolunteer(spec: VolunteerSpec): VolunteerRow {
  return {
    id: spec.id ?? newId(),
    personId: spec.personId,
    territoryCode: spec.territoryCode,
    skills: spec.skills ?? [],
    availability: spec.availability ?? 'anytime',
    startsOn: spec.startsOn ?? '2024-01-01',
    endsOn: spec.endsOn ?? null,
  };
}

export type VolunteerTeamRow = RowOf<
  typeof volunteerTeams,
  'id' | 'parentId' | 'kind' | 'name' | 'territoryCode' | 'startsOn' | 'endsOn'
>;
export type VolunteerTeamSpec = Partial<VolunteerTeamRow> & Pick<VolunteerTeamRow, 'name' | 'territoryCode'>;

/** A corps row, or a sub-team row when a `parentId` is given (no database). */
export function buildVolunteerTeam(spec: VolunteerTeamSpec): VolunteerTeamRow {
  return {
    id: spec.id ?? newId(),
    parentId: spec.parentId ?? null,
    kind: spec.kind ?? (spec.parentId ? 'team' : 'corps'),
    name: spec.name,
    territoryCode: spec.territoryCode,
    startsOn: spec.startsOn ?? '2022-01-01',
    endsOn: spec.endsOn ?? null,
  };
}

export type VolunteerTeamMemberRow = RowOf<
  typeof volunteerTeamMembers,
  'id' | 'teamId' | 'volunteerId' | 'startsOn' | 'endsOn'
>;

export function buildVolunteerTeamMember(
  spec: Partial<VolunteerTeamMemberRow> & Pick<VolunteerTeamMemberRow, 'teamId' | 'volunteerId'>,
): VolunteerTeamMemberRow {
  return {
    id: spec.id ?? newId(),
    teamId: spec.teamId,
    volunteerId: spec.volunteerId,
    startsOn: spec.startsOn ?? '2024-01-01',
    endsOn: spec.endsOn ?? null,
  };
}

/** Inserts a volunteer profile as given (test set-up, no audit). Returns its id. */
export async function insertVolunteer(tx: Executor, spec: VolunteerSpec): Promise<string> {
  const row = buildVolunteer(spec);
  await tx.transaction((t) => t.insert(volunteers).values(row));
  return row.id;
}

/** Inserts a corps or sub-team as given (test set-up, no audit). Returns its id. */
export async function insertVolunteerTeam(tx: Executor, spec: VolunteerTeamSpec): Promise<string> {
  const row = buildVolunteerTeam(spec);
  await tx.transaction((t) => t.insert(volunteerTeams).values(row));
  return row.id;
}

/** Inserts a membership as given (test set-up, no audit). */
export async function insertVolunteerTeamMember(
  tx: Executor,
  spec: Partial<VolunteerTeamMemberRow> & Pick<VolunteerTeamMemberRow, 'teamId' | 'volunteerId'>,
): Promise<string> {
  const row = buildVolunteerTeamMember(spec);
  await tx.transaction((t) => t.insert(volunteerTeamMembers).values(row));
  return row.id;
}
