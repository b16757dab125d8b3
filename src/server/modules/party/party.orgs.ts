import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import {
  accessStartsOn,
  endPositionAccess,
  grantPositionAccess,
  personCondition,
  persons,
  type OpenedAccount,
} from '../people/people.public.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { isFlaggedCentral } from './party.central.ts';
import { communityFor, invalid, loadOrg, orgInScope, today, type OrgRow } from './party.common.ts';
import type {
  AddMemberInput,
  AppointSecretaryInput,
  CreateOrgInput,
  MemberView,
  OrgDetail,
  OrgNode,
  UpdateMemberInput,
  UpdateOrgInput,
} from './party.schemas.ts';
import {
  allianceUnits,
  partyMembers,
  partyOrgPlaces,
  partyOrgs,
  partyRegistrations,
  partySecretaries,
} from './party.tables.ts';

export type Deps = { db: Db; keys: DataKeys };

const KIND_ZH = { alliance: '党建共同体', branch: '党支部', group: '党小组' } as const;

// ——— The organisation tree ———

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

/**
 * The places an organisation covers, checked: a branch's grids lie in its community, a group's buildings on its
 * branch's grids (400 on the field otherwise).
 */
async function resolvePlaces(
  tx: Executor,
  kind: 'branch' | 'group',
  communityCode: string,
  branchId: string | null,
  placeIds: string[],
) {
  const unique = [...new Set(placeIds)];
  if (unique.length === 0) return [];
  if (kind === 'branch') {
    const grids = await tx
      .select({ id: territories.id, code: territories.code, level: territories.level })
      .from(territories)
      .where(inArray(territories.id, unique));
    const found = new Map(grids.map((g) => [g.id, g]));
    unique.forEach((id, i) => {
      const grid = found.get(id);
      if (!grid || grid.level !== 'grid' || !grid.code.startsWith(communityCode)) {
        invalid(`placeIds.${i}`, 'not_in_community', {
          zh: '只能选择本社区的网格',
          en: 'Choose grids of this community only',
        });
      }
    });
    return grids.map((g) => ({ placeKind: 'grid' as const, placeId: g.id, territoryCode: g.code }));
  }
  const branchGrids = await tx
    .select({ id: partyOrgPlaces.placeId })
    .from(partyOrgPlaces)
    .where(eq(partyOrgPlaces.orgId, branchId!));
  const gridIds = new Set(branchGrids.map((g) => g.id));
  const rows = await tx
    .select({ id: buildings.id, gridId: buildings.gridId, territoryCode: buildings.territoryCode })
    .from(buildings)
    .where(inArray(buildings.id, unique));
  const found = new Map(rows.map((b) => [b.id, b]));
  unique.forEach((id, i) => {
    const building = found.get(id);
    if (!building || !gridIds.has(building.gridId)) {
      invalid(`placeIds.${i}`, 'not_in_branch', {
        zh: '只能选择本支部所辖网格内的楼栋',
        en: 'Choose buildings on the branch’s grids only',
      });
    }
  });
  return rows.map((b) => ({ placeKind: 'building' as const, placeId: b.id, territoryCode: b.territoryCode }));
}

/** Creates an alliance (one per community), a branch under an alliance or a group under a branch. */
export async function createOrg(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: CreateOrgInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    let communityCode: string;
    let parent: OrgRow | null = null;
    if (input.kind === 'alliance') {
      const community = await communityFor(tx, scope, input.territoryId!);
      if (!codeInScope(scope, community.code)) throw errors.notFound();
      communityCode = community.code;
      // Serialise alliances of one community: lock its node while checking.
      await tx
        .select({ id: territories.id })
        .from(territories)
        .where(eq(territories.id, community.id))
        .for('update');
      const [existing] = await tx
        .select({ id: partyOrgs.id })
        .from(partyOrgs)
        .where(
          and(
            eq(partyOrgs.kind, 'alliance'),
            eq(partyOrgs.communityCode, community.code),
            isNull(partyOrgs.endsOn),
          ),
        )
        .limit(1);
      if (existing) {
        throw errors.conflict('territoryId', {
          zh: '该社区已有党建共同体',
          en: 'This community already has an alliance',
        });
      }
    } else {
      parent = await loadOrg(tx, scope, input.parentId!, { current: true, lock: true });
      const wanted = input.kind === 'branch' ? 'alliance' : 'branch';
      if (parent.kind !== wanted) {
        invalid('parentId', 'parent_kind', {
          zh: input.kind === 'branch' ? '党支部须建在党建共同体下' : '党小组须建在党支部下',
          en: input.kind === 'branch' ? 'A branch belongs to an alliance' : 'A group belongs to a branch',
        });
      }
      communityCode = parent.communityCode;
    }
    const places =
      input.kind === 'alliance'
        ? []
        : await resolvePlaces(tx, input.kind, communityCode, parent?.id ?? null, input.placeIds ?? []);
    const id = newId();
    const startsOn = input.startsOn ?? today();
    await tx.insert(partyOrgs).values({
      id,
      kind: input.kind,
      parentId: parent?.id ?? null,
      communityCode,
      name: input.name,
      startsOn,
    });
    if (places.length) await tx.insert(partyOrgPlaces).values(places.map((p) => ({ orgId: id, ...p })));
    await appendAudit(tx, actor, {
      action: 'party.org_created',
      entityType: 'party_org',
      entityId: id,
      territoryCode: communityCode,
      changes: {
        kind: input.kind,
        name: input.name,
        parentId: parent?.id ?? null,
        places: places.map((p) => p.territoryCode),
        startsOn,
      },
    });
    return id;
  });
}

/** Renames an organisation and/or changes the places it covers; a branch secretary's grids follow. */
export async function updateOrg(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: UpdateOrgInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await loadOrg(tx, scope, id, { current: true, lock: true });
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== org.name) {
      await tx.update(partyOrgs).set({ name: input.name, updatedAt: new Date() }).where(eq(partyOrgs.id, id));
      changes.name = { from: org.name, to: input.name };
    }
    if (input.placeIds !== undefined) {
      if (org.kind === 'alliance') {
        invalid('placeIds', 'alliance', {
          zh: '党建共同体不覆盖具体网格',
          en: 'An alliance covers no places',
        });
      }
      const places = await resolvePlaces(tx, org.kind, org.communityCode, org.parentId, input.placeIds);
      if (org.kind === 'branch') {
        // The branch's groups keep their buildings on its grids.
        const kept = places.map((p) => p.placeId);
        const [stranded] = await tx
          .select({ id: partyOrgs.id })
          .from(partyOrgs)
          .innerJoin(partyOrgPlaces, eq(partyOrgPlaces.orgId, partyOrgs.id))
          .innerJoin(buildings, eq(buildings.id, partyOrgPlaces.placeId))
          .where(
            and(
              eq(partyOrgs.parentId, id),
              isNull(partyOrgs.endsOn),
              kept.length ? notInArray(buildings.gridId, kept) : undefined,
            ),
          )
          .limit(1);
        if (stranded) {
          throw errors.conflict('placeIds', {
            zh: '有党小组覆盖的楼栋在要移除的网格上，请先调整党小组',
            en: 'A group covers buildings on a grid being removed: change the group first',
          });
        }
      }
      await tx.delete(partyOrgPlaces).where(eq(partyOrgPlaces.orgId, id));
      if (places.length) await tx.insert(partyOrgPlaces).values(places.map((p) => ({ orgId: id, ...p })));
      changes.places = places.map((p) => p.territoryCode);
      if (org.kind === 'branch') await refreshSecretaryAccess(tx, keys, actor, id);
    }
    if (Object.keys(changes).length === 0) return;
    await appendAudit(tx, actor, {
      action: 'party.org_updated',
      entityType: 'party_org',
      entityId: id,
      territoryCode: org.communityCode,
      changes,
    });
  });
}

/** The grids a branch covers (its secretary's scope). */
async function branchGridIds(tx: Executor, branchId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: partyOrgPlaces.placeId })
    .from(partyOrgPlaces)
    .where(and(eq(partyOrgPlaces.orgId, branchId), eq(partyOrgPlaces.placeKind, 'grid')))
    .orderBy(asc(partyOrgPlaces.territoryCode));
  return rows.map((r) => r.id);
}

/** Re-grants the access of a branch's current secretary after its grids changed. */
async function refreshSecretaryAccess(tx: Executor, keys: DataKeys, actor: Actor, branchId: string) {
  const [secretary] = await tx
    .select({
      id: partySecretaries.id,
      personId: partySecretaries.personId,
      startsOn: partySecretaries.startsOn,
    })
    .from(partySecretaries)
    .where(and(eq(partySecretaries.orgId, branchId), isNull(partySecretaries.endsOn)))
    .limit(1);
  if (!secretary) return;
  await grantPositionAccess(
    tx,
    keys,
    actor,
    secretary.personId,
    secretaryAccess(secretary.id, secretary.startsOn, await branchGridIds(tx, branchId)),
  );
}

/** A branch secretary's access: branch_secretary over the branch's grids from the term's first day. */
function secretaryAccess(secretaryId: string, startsOn: string, gridIds: string[]) {
  return {
    role: 'branch_secretary' as const,
    scopeKind: 'grids' as const,
    scopeIds: gridIds,
    source: { kind: 'party_secretary', id: secretaryId },
    startsAt: accessStartsOn(startsOn),
    endsAt: null,
  };
}

/** Ends the current secretaries of organisations (and the access they gave). */
async function endSecretariesOf(tx: Executor, actor: Actor, orgIds: string[], day: string) {
  if (orgIds.length === 0) return;
  const ended = await tx
    .update(partySecretaries)
    .set({ endsOn: day })
    .where(and(inArray(partySecretaries.orgId, orgIds), isNull(partySecretaries.endsOn)))
    .returning({ id: partySecretaries.id });
  await endPositionAccess(
    tx,
    actor,
    ended.map((s) => s.id),
  );
}

/**
 * Merges organisation A into B (two branches of a community, or two groups of a branch): A's members, groups, places
 * and placed registrations move to B; A ends today with `mergedInto` B, its secretary's term with it.
 */
export async function mergeOrg(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  intoId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const from = await loadOrg(tx, scope, id, { current: true, lock: true });
    const into = await loadOrg(tx, scope, intoId, { current: true, lock: true });
    if (from.id === into.id) {
      invalid('intoId', 'same', { zh: '不能合并到自身', en: 'Choose another organisation' });
    }
    if (from.kind === 'alliance' || from.kind !== into.kind || from.communityCode !== into.communityCode) {
      invalid('intoId', 'kind', {
        zh: '只能合并同一社区的同级组织（党支部或党小组）',
        en: 'Merge into a branch or group of the same kind and community',
      });
    }
    if (from.kind === 'group' && from.parentId !== into.parentId) {
      invalid('intoId', 'other_branch', {
        zh: '党小组只能合并到同一支部的党小组',
        en: 'A group merges into a group of the same branch',
      });
    }
    const day = today();
    const now = new Date();
    let moved: number;
    if (from.kind === 'branch') {
      moved = (
        await tx
          .update(partyMembers)
          .set({ branchId: into.id, updatedAt: now })
          .where(and(eq(partyMembers.branchId, from.id), isNull(partyMembers.endsOn)))
          .returning({ id: partyMembers.id })
      ).length;
      await tx
        .update(partyOrgs)
        .set({ parentId: into.id, updatedAt: now })
        .where(and(eq(partyOrgs.parentId, from.id), isNull(partyOrgs.endsOn)));
      await tx
        .update(partyRegistrations)
        .set({ branchId: into.id, updatedAt: now })
        .where(and(eq(partyRegistrations.branchId, from.id), isNull(partyRegistrations.endsOn)));
    } else {
      moved = (
        await tx
          .update(partyMembers)
          .set({ groupId: into.id, updatedAt: now })
          .where(and(eq(partyMembers.groupId, from.id), isNull(partyMembers.endsOn)))
          .returning({ id: partyMembers.id })
      ).length;
    }
    // Places: B covers A's too (a place both covered stays once).
    await tx.execute(sql`insert into ${partyOrgPlaces} (org_id, place_kind, place_id, territory_code)
      select ${into.id}::uuid, place_kind, place_id, territory_code from ${partyOrgPlaces}
      where org_id = ${from.id}::uuid on conflict do nothing`);
    await tx.delete(partyOrgPlaces).where(eq(partyOrgPlaces.orgId, from.id));
    await endSecretariesOf(tx, actor, [from.id], day);
    await tx
      .update(partyOrgs)
      .set({ endsOn: day, mergedInto: into.id, updatedAt: now })
      .where(eq(partyOrgs.id, from.id));
    if (into.kind === 'branch') await refreshSecretaryAccess(tx, keys, actor, into.id);
    await appendAudit(tx, actor, {
      action: 'party.org_merged',
      entityType: 'party_org',
      entityId: from.id,
      territoryCode: from.communityCode,
      changes: { name: from.name, into: { id: into.id, name: into.name }, membersMoved: moved, endsOn: day },
    });
  });
}

const moveFirst = {
  zh: '该组织还有在册党员、下级组织或报到党员，请先转移',
  en: 'It still has members, groups or registered members: move them first',
};

/** Dissolves an organisation (today its last day): refused while it has current members, children or placements. */
export async function dissolveOrg({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await loadOrg(tx, scope, id, { current: true, lock: true });
    const [[members], [children], [placed]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(partyMembers)
        .where(
          and(or(eq(partyMembers.branchId, id), eq(partyMembers.groupId, id)), isNull(partyMembers.endsOn)),
        ),
      tx
        .select({ n: count() })
        .from(partyOrgs)
        .where(and(eq(partyOrgs.parentId, id), isNull(partyOrgs.endsOn))),
      tx
        .select({ n: count() })
        .from(partyRegistrations)
        .where(
          and(
            eq(partyRegistrations.branchId, id),
            eq(partyRegistrations.status, 'approved'),
            isNull(partyRegistrations.endsOn),
          ),
        ),
    ]);
    if ((members?.n ?? 0) + (children?.n ?? 0) + (placed?.n ?? 0) > 0) throw errors.conflict('id', moveFirst);
    const day = today();
    await endSecretariesOf(tx, actor, [id], day);
    await tx
      .update(allianceUnits)
      .set({ endsOn: day })
      .where(and(eq(allianceUnits.allianceId, id), isNull(allianceUnits.endsOn)));
    await tx.update(partyOrgs).set({ endsOn: day, updatedAt: new Date() }).where(eq(partyOrgs.id, id));
    await appendAudit(tx, actor, {
      action: 'party.org_dissolved',
      entityType: 'party_org',
      entityId: id,
      territoryCode: org.communityCode,
      changes: { kind: org.kind, name: org.name, endsOn: day },
    });
  });
}

// ——— Members ———

/** The branch (and group of it) a member is placed in, both current and inside the scope; 400 when they do not match. */
async function placement(tx: Executor, scope: Scope, branchId: string, groupId: string | null | undefined) {
  const branch = await loadOrg(tx, scope, branchId, { current: true });
  if (branch.kind !== 'branch') invalid('branchId', 'kind', { zh: '请选择党支部', en: 'Choose a branch' });
  if (groupId) {
    const group = await loadOrg(tx, scope, groupId, { current: true });
    if (group.kind !== 'group' || group.parentId !== branch.id) {
      invalid('groupId', 'not_in_branch', {
        zh: '党小组须属于该党员所在的党支部',
        en: 'The group must belong to the member’s branch',
      });
    }
  }
  return branch;
}

/** Adds a person inside the scope to a branch (and a group of it); a person is a member of one branch at a time. */
export async function addMember(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: AddMemberInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.id, input.personId), personCondition(scope, persons.id)))
      .limit(1)
      .for('update');
    if (!person) throw errors.notFound();
    const branch = await placement(tx, scope, input.branchId, input.groupId);
    const [already] = await tx
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(and(eq(partyMembers.personId, input.personId), isNull(partyMembers.endsOn)))
      .limit(1);
    if (already) {
      throw errors.conflict('personId', {
        zh: '此人已是某党支部的在册党员，请转移而不是重复添加',
        en: 'This person is already a member of a branch: move them instead',
      });
    }
    const id = newId();
    const row = {
      id,
      personId: input.personId,
      branchId: branch.id,
      groupId: input.groupId ?? null,
      status: input.status,
      // The flag follows the contacts module's designations (setCentralHouseholdFlag): a person designated keeps it.
      centralHousehold: await isFlaggedCentral(tx, input.personId),
      startsOn: input.startsOn ?? today(),
    };
    await tx.insert(partyMembers).values(row);
    await appendAudit(tx, actor, {
      action: 'party.member_added',
      entityType: 'party_member',
      entityId: id,
      territoryCode: branch.communityCode,
      changes: row,
    });
    return id;
  });
}

async function loadMember(tx: Executor, scope: Scope, id: string) {
  const [member] = await tx
    .select({ member: partyMembers, communityCode: partyOrgs.communityCode })
    .from(partyMembers)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.branchId))
    .where(and(eq(partyMembers.id, id), isNull(partyMembers.endsOn), orgInScope(scope)))
    .limit(1)
    .for('update', { of: partyMembers });
  if (!member) throw errors.notFound();
  return member;
}

/** Moves a member between branches and groups, or changes their status; leaving an organisation ends their office there. */
export async function updateMember(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: UpdateMemberInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, communityCode } = await loadMember(tx, scope, id);
    const branchId = input.branchId ?? member.branchId;
    const groupId =
      input.groupId !== undefined
        ? input.groupId
        : input.branchId && input.branchId !== member.branchId
          ? null
          : member.groupId;
    await placement(tx, scope, branchId, groupId);
    const next = {
      branchId,
      groupId,
      status: input.status ?? member.status,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (next[key] !== member[key]) changes[key] = { from: member[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(partyMembers)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(partyMembers.id, id));
    const left = [member.branchId, member.groupId].filter(
      (o): o is string => !!o && o !== branchId && o !== groupId,
    );
    await endOfficesOf(tx, actor, member.personId, left);
    await appendAudit(tx, actor, {
      action: 'party.member_changed',
      entityType: 'party_member',
      entityId: id,
      territoryCode: communityCode,
      changes,
    });
  });
}

/** Ends the terms a person holds in organisations they left (and the access those gave). */
async function endOfficesOf(tx: Executor, actor: Actor, personId: string, orgIds: string[]) {
  if (orgIds.length === 0) return;
  const ended = await tx
    .update(partySecretaries)
    .set({ endsOn: today() })
    .where(
      and(
        eq(partySecretaries.personId, personId),
        inArray(partySecretaries.orgId, orgIds),
        isNull(partySecretaries.endsOn),
      ),
    )
    .returning({ id: partySecretaries.id });
  await endPositionAccess(
    tx,
    actor,
    ended.map((s) => s.id),
  );
}

/** Ends a membership today (and any office the member held with it). */
export async function endMember({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, communityCode } = await loadMember(tx, scope, id);
    const day = today();
    await tx.update(partyMembers).set({ endsOn: day, updatedAt: new Date() }).where(eq(partyMembers.id, id));
    await endOfficesOf(
      tx,
      actor,
      member.personId,
      [member.branchId, member.groupId].filter((o): o is string => !!o),
    );
    await appendAudit(tx, actor, {
      action: 'party.member_ended',
      entityType: 'party_member',
      entityId: id,
      territoryCode: communityCode,
      changes: { endsOn: day },
    });
  });
}

// ——— Secretaries ———

/**
 * Appoints the secretary of a branch or the leader of a group: an active member of it, one current per organisation.
 * A branch secretary gets the branch_secretary role over the branch's grids (an account opened when they had none).
 */
export async function appointSecretary(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  input: AppointSecretaryInput,
): Promise<{ id: string; opened: OpenedAccount | null }> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, scope, input.orgId, { current: true, lock: true });
    if (org.kind === 'alliance') {
      invalid('orgId', 'kind', { zh: '请选择党支部或党小组', en: 'Choose a branch or a group' });
    }
    const [member] = await tx
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(
        and(
          eq(partyMembers.personId, input.personId),
          org.kind === 'branch' ? eq(partyMembers.branchId, org.id) : eq(partyMembers.groupId, org.id),
          isNull(partyMembers.endsOn),
        ),
      )
      .limit(1);
    if (!member) {
      throw errors.conflict('personId', {
        zh: `书记（组长）须是本${KIND_ZH[org.kind]}的在册党员`,
        en: 'The secretary must be an active member of this organisation',
      });
    }
    const [current] = await tx
      .select({ id: partySecretaries.id })
      .from(partySecretaries)
      .where(and(eq(partySecretaries.orgId, org.id), isNull(partySecretaries.endsOn)))
      .limit(1);
    if (current) {
      throw errors.conflict('orgId', {
        zh: '该组织已有在任书记（组长），请先结束其任期',
        en: 'This organisation has a secretary: end their term first',
      });
    }
    const id = newId();
    const row = {
      id,
      orgId: org.id,
      personId: input.personId,
      isCadre: input.isCadre ?? false,
      cadreUnit: input.isCadre ? (input.cadreUnit ?? null) : null,
      startsOn: input.startsOn ?? today(),
    };
    await tx.insert(partySecretaries).values(row);
    let opened: OpenedAccount | null = null;
    if (org.kind === 'branch') {
      opened = (
        await grantPositionAccess(
          tx,
          keys,
          actor,
          input.personId,
          secretaryAccess(id, row.startsOn, await branchGridIds(tx, org.id)),
        )
      ).opened;
    }
    await appendAudit(tx, actor, {
      action: 'party.secretary_appointed',
      entityType: 'party_secretary',
      entityId: id,
      territoryCode: org.communityCode,
      changes: row,
    });
    return { id, opened };
  });
}

export async function getSecretary(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select({
      id: partySecretaries.id,
      orgId: partySecretaries.orgId,
      personId: partySecretaries.personId,
      name: persons.name,
      isCadre: partySecretaries.isCadre,
      cadreUnit: partySecretaries.cadreUnit,
      startsOn: partySecretaries.startsOn,
      endsOn: partySecretaries.endsOn,
    })
    .from(partySecretaries)
    .innerJoin(persons, eq(persons.id, partySecretaries.personId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
    .where(and(eq(partySecretaries.id, id), orgInScope(scope)))
    .limit(1);
  if (!row) throw errors.notFound();
  return row;
}

/** Ends a secretary's term today; the access it gave ends at once. */
export async function endSecretary({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: partySecretaries.id, communityCode: partyOrgs.communityCode })
      .from(partySecretaries)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
      .where(and(eq(partySecretaries.id, id), isNull(partySecretaries.endsOn), orgInScope(scope)))
      .limit(1)
      .for('update', { of: partySecretaries });
    if (!row) throw errors.notFound();
    const day = today();
    await tx.update(partySecretaries).set({ endsOn: day }).where(eq(partySecretaries.id, id));
    await endPositionAccess(tx, actor, [id]);
    await appendAudit(tx, actor, {
      action: 'party.secretary_ended',
      entityType: 'party_secretary',
      entityId: id,
      territoryCode: row.communityCode,
      changes: { endsOn: day },
    });
  });
}

// ——— Alliance member units ———
