import { and, count, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { communityFor, invalid, loadOrg, today, type OrgRow } from './party.common.ts';
import type { Deps } from './party.orgs.ts';
import type { CreateOrgInput, UpdateOrgInput } from './party.schemas.ts';
import { endSecretariesOf, refreshSecretaryAccess } from './party.secretaries.ts';
import {
  allianceUnits,
  partyMembers,
  partyOrgPlaces,
  partyOrgs,
  partyRegistrations,
} from './party.tables.ts';

/* Changing the organisation tree: create, rename or re-place, merge, dissolve (each audited). */

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
