import { and, asc, eq, sql } from 'drizzle-orm';
import { decrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { buildingChats, leaderTerms } from '../leaders/leaders.public.ts';
import { partyOrgPlaces, partyOrgs, partySecretaries } from '../party/party.public.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { buildings, shanghaiDay, units } from '../registry/registry.public.ts';
import { ancestorsOf, loadInScope, territories } from '../territory/territory.public.ts';
import { activeOn } from '../../core/db/periods.ts';

/** A person as a card or a public page names them: the mobile only when they agreed to publish it. */
function servant(
  keys: DataKeys,
  row: { name: string; mobileEnc: string | null; publishMobile: boolean | null },
) {
  return { name: row.name, phone: row.publishMobile && row.mobileEnc ? decrypt(keys, row.mobileEnc) : null };
}

/**
 * Who serves a building today (一卡一牌): its building and unit leaders, the grid's workers, the secretary of the
 * grid's branch and the leader of the building's party group, with the phones each agreed to publish; the
 * building's WeChat group; where it lies.
 */
export async function buildingServants(db: Executor, keys: DataKeys, buildingId: string) {
  const day = shanghaiDay();
  const [building] = await db
    .select({
      id: buildings.id,
      code: buildings.code,
      name: buildings.name,
      compound: buildings.compound,
      gridId: buildings.gridId,
      gridCode: buildings.territoryCode,
      unitCount: buildings.unitCount,
      floors: buildings.floors,
      gridName: territories.name,
    })
    .from(buildings)
    .innerJoin(territories, eq(territories.id, buildings.gridId))
    .where(eq(buildings.id, buildingId))
    .limit(1);
  if (!building) return null;
  const personColumns = {
    name: persons.name,
    mobileEnc: persons.mobileEnc,
    publishMobile: persons.publishMobile,
  };
  const secretaryOf = (kind: 'branch' | 'group', placeId: string) =>
    db
      .select({ org: partyOrgs.name, ...personColumns })
      .from(partyOrgPlaces)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partyOrgPlaces.orgId))
      .leftJoin(
        partySecretaries,
        and(
          eq(partySecretaries.orgId, partyOrgs.id),
          activeOn({ startsOn: partySecretaries.startsOn, endsOn: partySecretaries.endsOn }, day),
        ),
      )
      .leftJoin(persons, eq(persons.id, partySecretaries.personId))
      .where(
        and(
          eq(partyOrgPlaces.placeId, placeId),
          eq(partyOrgs.kind, kind),
          activeOn({ startsOn: partyOrgs.startsOn, endsOn: partyOrgs.endsOn }, day),
        ),
      )
      .orderBy(asc(partyOrgs.startsOn))
      .limit(1);
  const [leaders, workers, [branch], [group], [chat], places] = await Promise.all([
    db
      .select({
        ...personColumns,
        unitNumber: units.number,
        tags: leaderTerms.tags,
        endsOn: leaderTerms.endsOn,
      })
      .from(leaderTerms)
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .leftJoin(units, eq(units.id, leaderTerms.unitId))
      .where(
        and(
          eq(leaderTerms.buildingId, buildingId),
          eq(leaderTerms.status, 'approved'),
          activeOn({ startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn }, day),
        ),
      )
      .orderBy(sql`${units.number} nulls first`),
    db
      .select({ ...personColumns, employment: gridWorkers.employment })
      .from(gridWorkers)
      .innerJoin(persons, eq(persons.id, gridWorkers.personId))
      .where(
        and(
          eq(gridWorkers.gridId, building.gridId),
          activeOn({ startsOn: gridWorkers.startsOn, endsOn: gridWorkers.endsOn }, day),
        ),
      )
      .orderBy(gridWorkers.employment, persons.name),
    secretaryOf('branch', building.gridId),
    secretaryOf('group', building.id),
    db.select().from(buildingChats).where(eq(buildingChats.buildingId, buildingId)).limit(1),
    ancestorsOf(db, building.gridCode),
  ]);
  const named = (level: string) => places.find((p) => p.level === level)?.name ?? null;
  const partyOrg = (row: typeof branch) =>
    row ? { name: row.org, secretary: row.name ? servant(keys, { ...row, name: row.name }) : null } : null;
  return {
    building: {
      id: building.id,
      code: building.code,
      name: building.name,
      compound: building.compound,
      unitCount: building.unitCount,
      floors: building.floors,
      street: named('street'),
      community: named('community'),
      grid: building.gridName,
    },
    leaders: leaders.map((l) => ({
      ...servant(keys, l),
      unitNumber: l.unitNumber,
      tags: l.tags,
      termEndsOn: l.endsOn,
    })),
    workers: workers.map((w) => ({ ...servant(keys, w), employment: w.employment })),
    branch: partyOrg(branch),
    group: partyOrg(group),
    chat: chat ? { name: chat.name, memberCount: chat.memberCount, qrImage: chat.qrImage } : null,
  };
}

/**
 * Who serves a place today, for its fact sheet and map: the workers of each grid in it, the branch covering each
 * grid with its secretary, and each building's leaders, with the phones each agreed to publish.
 */
export async function placeServants(db: Executor, keys: DataKeys, scope: Scope, territoryId: string) {
  const place = await loadInScope(db, scope, territoryId);
  const day = shanghaiDay();
  const personColumns = {
    name: persons.name,
    mobileEnc: persons.mobileEnc,
    publishMobile: persons.publishMobile,
  };
  const [workers, branches, leaders] = await Promise.all([
    db
      .select({ ...personColumns, gridId: gridWorkers.gridId, employment: gridWorkers.employment })
      .from(gridWorkers)
      .innerJoin(persons, eq(persons.id, gridWorkers.personId))
      .where(
        and(
          startsWith(gridWorkers.territoryCode, place.code),
          territoryCodeCondition(scope, gridWorkers.territoryCode),
          activeOn({ startsOn: gridWorkers.startsOn, endsOn: gridWorkers.endsOn }, day),
        ),
      )
      .orderBy(gridWorkers.territoryCode, gridWorkers.employment, persons.name),
    db
      .select({
        gridId: partyOrgPlaces.placeId,
        branch: partyOrgs.name,
        name: persons.name,
        mobileEnc: persons.mobileEnc,
        publishMobile: persons.publishMobile,
      })
      .from(partyOrgPlaces)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partyOrgPlaces.orgId))
      .leftJoin(
        partySecretaries,
        and(
          eq(partySecretaries.orgId, partyOrgs.id),
          activeOn({ startsOn: partySecretaries.startsOn, endsOn: partySecretaries.endsOn }, day),
        ),
      )
      .leftJoin(persons, eq(persons.id, partySecretaries.personId))
      .where(
        and(
          eq(partyOrgPlaces.placeKind, 'grid'),
          eq(partyOrgs.kind, 'branch'),
          startsWith(partyOrgPlaces.territoryCode, place.code),
          territoryCodeCondition(scope, partyOrgPlaces.territoryCode),
          activeOn({ startsOn: partyOrgs.startsOn, endsOn: partyOrgs.endsOn }, day),
        ),
      )
      .orderBy(partyOrgPlaces.territoryCode, partyOrgs.startsOn),
    db
      .select({ ...personColumns, buildingId: leaderTerms.buildingId, unitNumber: units.number })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .leftJoin(units, eq(units.id, leaderTerms.unitId))
      .where(
        and(
          startsWith(buildings.territoryCode, place.code),
          registryCondition(scope, buildings.territoryCode, buildings.id),
          eq(leaderTerms.status, 'approved'),
          activeOn({ startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn }, day),
        ),
      )
      .orderBy(buildings.code, sql`${units.number} nulls first`),
  ]);
  const grids = await db
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(
      and(
        eq(territories.level, 'grid'),
        startsWith(territories.code, place.code),
        territoryCodeCondition(scope, territories.code),
      ),
    )
    .orderBy(asc(territories.code));
  return {
    grids: grids.map((g) => {
      const branch = branches.find((b) => b.gridId === g.id);
      return {
        ...g,
        workers: workers
          .filter((w) => w.gridId === g.id)
          .map((w) => ({ ...servant(keys, w), employment: w.employment })),
        branch: branch
          ? {
              name: branch.branch,
              secretary: branch.name ? servant(keys, { ...branch, name: branch.name }) : null,
            }
          : null,
      };
    }),
    buildings: [...new Set(leaders.map((l) => l.buildingId))].map((buildingId) => ({
      buildingId,
      leaders: leaders
        .filter((l) => l.buildingId === buildingId)
        .map((l) => ({ ...servant(keys, l), unitNumber: l.unitNumber })),
    })),
  };
}
