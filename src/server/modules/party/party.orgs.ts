import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { Db } from '../../core/db/client.ts';
import { persons } from '../people/people.public.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { communityFor, loadOrg, orgInScope } from './party.common.ts';
import type { MemberView, OrgDetail, OrgNode } from './party.schemas.ts';
import { partyMembers, partyOrgPlaces, partyOrgs, partySecretaries } from './party.tables.ts';

export type Deps = { db: Db; keys: DataKeys };

/*
 * The organisation tree (alliance → branch → group) per community as the caller sees it: the list and one
 * organisation's detail. Changing it: party.org-changes.ts; members: party.members.ts; secretaries:
 * party.secretaries.ts.
 */

/** The current organisations of a community the caller sees, with counts (a flat list; `parentId` builds the tree). */
export async function listOrgs({ db }: Deps, scope: Scope, territoryId: string): Promise<OrgNode[]> {
  const community = await communityFor(db, scope, territoryId);
  const orgs = await db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.communityCode, community.code), isNull(partyOrgs.endsOn), orgInScope(scope)))
    .orderBy(asc(partyOrgs.kind), asc(sql`${partyOrgs.name} collate "C"`), asc(partyOrgs.id));
  if (orgs.length === 0) return [];
  const ids = orgs.map((o) => o.id);
  const [byBranch, byGroup, secretaries, places] = await Promise.all([
    db
      .select({ id: partyMembers.branchId, n: count() })
      .from(partyMembers)
      .where(and(inArray(partyMembers.branchId, ids), isNull(partyMembers.endsOn)))
      .groupBy(partyMembers.branchId),
    db
      .select({ id: partyMembers.groupId, n: count() })
      .from(partyMembers)
      .where(and(inArray(partyMembers.groupId, ids), isNull(partyMembers.endsOn)))
      .groupBy(partyMembers.groupId),
    db
      .select({
        id: partySecretaries.id,
        orgId: partySecretaries.orgId,
        personId: partySecretaries.personId,
        name: persons.name,
        isCadre: partySecretaries.isCadre,
      })
      .from(partySecretaries)
      .innerJoin(persons, eq(persons.id, partySecretaries.personId))
      .where(and(inArray(partySecretaries.orgId, ids), isNull(partySecretaries.endsOn))),
    db
      .select({ id: partyOrgPlaces.orgId, n: count() })
      .from(partyOrgPlaces)
      .where(inArray(partyOrgPlaces.orgId, ids))
      .groupBy(partyOrgPlaces.orgId),
  ]);
  const counted = (rows: { id: string | null; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));
  const branchMembers = counted(byBranch);
  const groupMembers = counted(byGroup);
  const placeCounts = counted(places);
  return orgs.map((o) => {
    const own = secretaries.filter((s) => s.orgId === o.id);
    const secretary = own[0];
    return {
      id: o.id,
      kind: o.kind,
      parentId: o.parentId,
      communityCode: o.communityCode,
      name: o.name,
      startsOn: o.startsOn,
      counts: {
        members: (o.kind === 'group' ? groupMembers.get(o.id) : branchMembers.get(o.id)) ?? 0,
        secretaries: own.length,
        places: placeCounts.get(o.id) ?? 0,
      },
      secretary: secretary
        ? { id: secretary.id, personId: secretary.personId, name: secretary.name, isCadre: secretary.isCadre }
        : null,
    };
  });
}

const memberColumns = {
  id: partyMembers.id,
  personId: partyMembers.personId,
  name: persons.name,
  mobileEnc: persons.mobileEnc,
  publishMobile: persons.publishMobile,
  branchId: partyMembers.branchId,
  groupId: partyMembers.groupId,
  status: partyMembers.status,
  centralHousehold: partyMembers.centralHousehold,
  startsOn: partyMembers.startsOn,
  endsOn: partyMembers.endsOn,
};

type MemberRow = Omit<MemberView, 'mobile'> & { mobileEnc: string | null; publishMobile: boolean };

function presentMember(keys: DataKeys, row: MemberRow): MemberView {
  const mobile = row.mobileEnc ? decrypt(keys, row.mobileEnc) : null;
  return {
    id: row.id,
    personId: row.personId,
    name: row.name,
    mobile: mobile ? (row.publishMobile ? mobile : maskMobile(mobile)) : null,
    branchId: row.branchId,
    groupId: row.groupId,
    status: row.status,
    centralHousehold: row.centralHousehold,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  };
}

/** One organisation inside the scope: its places, current members, secretaries (latest first) and children. */
export async function getOrg({ db, keys }: Deps, scope: Scope, id: string): Promise<OrgDetail> {
  const org = await loadOrg(db, scope, id);
  const [places, members, secretaries, children] = await Promise.all([
    db
      .select({
        kind: partyOrgPlaces.placeKind,
        id: partyOrgPlaces.placeId,
        grid: { code: territories.code, name: territories.name },
        building: { code: buildings.code, name: buildings.name },
      })
      .from(partyOrgPlaces)
      .leftJoin(territories, eq(territories.id, partyOrgPlaces.placeId))
      .leftJoin(buildings, eq(buildings.id, partyOrgPlaces.placeId))
      .where(eq(partyOrgPlaces.orgId, id))
      .orderBy(asc(partyOrgPlaces.territoryCode), asc(partyOrgPlaces.placeId)),
    db
      .select(memberColumns)
      .from(partyMembers)
      .innerJoin(persons, eq(persons.id, partyMembers.personId))
      .where(
        and(
          org.kind === 'group' ? eq(partyMembers.groupId, id) : eq(partyMembers.branchId, id),
          isNull(partyMembers.endsOn),
        ),
      )
      .orderBy(asc(sql`${persons.name} collate "C"`), asc(partyMembers.id)),
    db
      .select({
        id: partySecretaries.id,
        personId: partySecretaries.personId,
        name: persons.name,
        isCadre: partySecretaries.isCadre,
        cadreUnit: partySecretaries.cadreUnit,
        startsOn: partySecretaries.startsOn,
        endsOn: partySecretaries.endsOn,
      })
      .from(partySecretaries)
      .innerJoin(persons, eq(persons.id, partySecretaries.personId))
      .where(eq(partySecretaries.orgId, id))
      .orderBy(desc(partySecretaries.startsOn), desc(partySecretaries.createdAt)),
    db
      .select({ id: partyOrgs.id, kind: partyOrgs.kind, name: partyOrgs.name })
      .from(partyOrgs)
      .where(and(eq(partyOrgs.parentId, id), isNull(partyOrgs.endsOn)))
      .orderBy(asc(sql`${partyOrgs.name} collate "C"`)),
  ]);
  return {
    id: org.id,
    kind: org.kind,
    parentId: org.parentId,
    communityCode: org.communityCode,
    name: org.name,
    startsOn: org.startsOn,
    endsOn: org.endsOn,
    mergedInto: org.mergedInto,
    places: places.map((p) => ({
      kind: p.kind,
      id: p.id,
      code: (p.kind === 'grid' ? p.grid?.code : p.building?.code) ?? '',
      name: (p.kind === 'grid' ? p.grid?.name : p.building?.name) ?? '',
    })),
    members: members.map((m) => presentMember(keys, m)),
    secretaries,
    children,
  };
}
