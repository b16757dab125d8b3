import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import {
  allianceUnits,
  partyMembers,
  partyOrgPlaces,
  partyOrgs,
  partyRegistrations,
  partySecretaries,
  workUnits,
} from './party.tables.ts';

/*
 * Test factories of the party module: `build*` makes one complete row without touching the database (the demo
 * generator builds every row with them and inserts in bulk); `insert*` writes rows for a test, as they are, without
 * permission checks, audit or access.
 */

const DEFAULT_DAY = '2025-01-01';

export type PartyOrgRow = RowOf<
  typeof partyOrgs,
  'id' | 'kind' | 'parentId' | 'communityCode' | 'name' | 'startsOn' | 'endsOn' | 'mergedInto'
>;
export type PartyOrgPlaceRow = RowOf<
  typeof partyOrgPlaces,
  'orgId' | 'placeKind' | 'placeId' | 'territoryCode'
>;
export type PartyMemberRow = RowOf<
  typeof partyMembers,
  'id' | 'personId' | 'branchId' | 'groupId' | 'status' | 'centralHousehold' | 'startsOn' | 'endsOn'
>;
export type PartySecretaryRow = RowOf<
  typeof partySecretaries,
  'id' | 'orgId' | 'personId' | 'isCadre' | 'cadreUnit' | 'startsOn' | 'endsOn'
>;
export type AllianceUnitRow = RowOf<
  typeof allianceUnits,
  'id' | 'allianceId' | 'name' | 'kind' | 'contact' | 'startsOn' | 'endsOn'
>;
export type WorkUnitRow = RowOf<typeof workUnits, 'id' | 'name' | 'kind'>;
export type PartyRegistrationRow = RowOf<
  typeof partyRegistrations,
  | 'id'
  | 'personId'
  | 'workUnitId'
  | 'householdId'
  | 'communityCode'
  | 'territoryCode'
  | 'skills'
  | 'availability'
  | 'status'
  | 'branchId'
  | 'reviewedBy'
  | 'reviewedAt'
  | 'reason'
  | 'startsOn'
  | 'endsOn'
  | 'transferredTo'
>;

const KIND_NAME = { alliance: '党建共同体', branch: '网格党支部', group: '楼栋党小组' } as const;

export function buildPartyOrg(
  spec: Partial<PartyOrgRow> & Pick<PartyOrgRow, 'kind' | 'communityCode'>,
): PartyOrgRow {
  return {
    id: spec.id ?? newId(),
    kind: spec.kind,
    parentId: spec.parentId ?? null,
    communityCode: spec.communityCode,
    name: spec.name ?? KIND_NAME[spec.kind],
    startsOn: spec.startsOn ?? DEFAULT_DAY,
    endsOn: spec.endsOn ?? null,
    mergedInto: spec.mergedInto ?? null,
  };
}

export function buildPartyOrgPlace(spec: PartyOrgPlaceRow): PartyOrgPlaceRow {
  return { ...spec };
}

export function buildPartyMember(
  spec: Partial<PartyMemberRow> & Pick<PartyMemberRow, 'personId' | 'branchId'>,
): PartyMemberRow {
  return {
    id: spec.id ?? newId(),
    personId: spec.personId,
    branchId: spec.branchId,
    groupId: spec.groupId ?? null,
    status: spec.status ?? 'formal',
    centralHousehold: spec.centralHousehold ?? false,
    startsOn: spec.startsOn ?? DEFAULT_DAY,
    endsOn: spec.endsOn ?? null,
  };
}

export function buildPartySecretary(
  spec: Partial<PartySecretaryRow> & Pick<PartySecretaryRow, 'orgId' | 'personId'>,
): PartySecretaryRow {
  const isCadre = spec.isCadre ?? false;
  return {
    id: spec.id ?? newId(),
    orgId: spec.orgId,
    personId: spec.personId,
    isCadre,
    cadreUnit: spec.cadreUnit ?? (isCadre ? '县直机关' : null),
    startsOn: spec.startsOn ?? DEFAULT_DAY,
    endsOn: spec.endsOn ?? null,
  };
}

export function buildAllianceUnit(
  spec: Partial<AllianceUnitRow> & Pick<AllianceUnitRow, 'allianceId'>,
): AllianceUnitRow {
  return {
    id: spec.id ?? newId(),
    allianceId: spec.allianceId,
    name: spec.name ?? '驻区单位',
    kind: spec.kind ?? 'resident_unit',
    contact: spec.contact ?? null,
    startsOn: spec.startsOn ?? DEFAULT_DAY,
    endsOn: spec.endsOn ?? null,
  };
}

export function buildWorkUnit(spec: Partial<WorkUnitRow> & Pick<WorkUnitRow, 'name'>): WorkUnitRow {
  return { id: spec.id ?? newId(), name: spec.name, kind: spec.kind ?? 'government' };
}

/** A registration: approved (placed in `branchId`, from its `startsOn`) when a branch is given, else submitted. */
export function buildPartyRegistration(
  spec: Partial<PartyRegistrationRow> &
    Pick<PartyRegistrationRow, 'personId' | 'workUnitId' | 'householdId' | 'territoryCode'>,
): PartyRegistrationRow {
  const branchId = spec.branchId ?? null;
  const status = spec.status ?? (branchId ? 'approved' : 'submitted');
  return {
    id: spec.id ?? newId(),
    personId: spec.personId,
    workUnitId: spec.workUnitId,
    householdId: spec.householdId,
    communityCode: spec.communityCode ?? spec.territoryCode.slice(0, 12),
    territoryCode: spec.territoryCode,
    skills: spec.skills ?? [],
    availability: spec.availability ?? null,
    status,
    branchId,
    reviewedBy: spec.reviewedBy ?? null,
    reviewedAt:
      spec.reviewedAt ??
      (status === 'submitted' ? null : new Date(`${spec.startsOn ?? DEFAULT_DAY}T09:00:00+08:00`)),
    reason: spec.reason ?? null,
    startsOn:
      spec.startsOn !== undefined
        ? spec.startsOn
        : status === 'submitted' || status === 'rejected'
          ? null
          : DEFAULT_DAY,
    endsOn: spec.endsOn ?? null,
    transferredTo: spec.transferredTo ?? null,
  };
}

/** Inserts an organisation with the places it covers (grids of a branch, buildings of a group: give their codes). */
export async function insertPartyOrg(
  tx: Executor,
  spec: Parameters<typeof buildPartyOrg>[0] & { places?: { id: string; territoryCode: string }[] },
): Promise<PartyOrgRow> {
  const { places = [], ...columns } = spec;
  const row = buildPartyOrg(columns);
  await tx.transaction(async (t) => {
    await t.insert(partyOrgs).values(row);
    if (places.length) {
      await t.insert(partyOrgPlaces).values(
        places.map((p) =>
          buildPartyOrgPlace({
            orgId: row.id,
            placeKind: row.kind === 'group' ? 'building' : 'grid',
            placeId: p.id,
            territoryCode: p.territoryCode,
          }),
        ),
      );
    }
  });
  return row;
}

export async function insertPartyMember(tx: Executor, spec: Parameters<typeof buildPartyMember>[0]) {
  const row = buildPartyMember(spec);
  await tx.transaction((t) => t.insert(partyMembers).values(row));
  return row;
}

export async function insertPartySecretary(tx: Executor, spec: Parameters<typeof buildPartySecretary>[0]) {
  const row = buildPartySecretary(spec);
  await tx.transaction((t) => t.insert(partySecretaries).values(row));
  return row;
}

export async function insertWorkUnit(tx: Executor, spec: Parameters<typeof buildWorkUnit>[0]) {
  const row = buildWorkUnit(spec);
  await tx.transaction((t) => t.insert(workUnits).values(row));
  return row;
}

export async function insertPartyRegistration(
  tx: Executor,
  spec: Parameters<typeof buildPartyRegistration>[0],
) {
  const row = buildPartyRegistration(spec);
  await tx.transaction((t) => t.insert(partyRegistrations).values(row));
  return row;
}
