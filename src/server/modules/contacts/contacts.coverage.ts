import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { buildings, households, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { centralHouseholds, contactAssignments, type ContactKind } from './contacts.tables.ts';
import { communityFor, placeOf, type Community } from './contacts.service.ts';

// Coverage (联系挂包): per grid and community, households without a contact, a household's contacts (split from
// contacts.service.ts, which keeps the settings and the central households; the proposal: contacts.apply.ts).

/** SQL fragments: a household (alias h) has a contact of the kind on `day` (its contact still in office). */
export function hasLeader(day: string, h = 'h'): SQL {
  return sql`exists (select 1 from ${contactAssignments} a where a.household_id = ${sql.raw(h)}.id
    and a.kind = 'leader' and a.starts_on <= ${day}::date and (a.ends_on is null or a.ends_on >= ${day}::date)
    and exists (select 1 from ${leaderTerms} lt where lt.person_id = a.person_id and lt.status = 'approved'
      and lt.starts_on <= ${day}::date and lt.ends_on >= ${day}::date))`;
}
export function hasCentral(day: string, h = 'h'): SQL {
  return sql`exists (select 1 from ${contactAssignments} a join ${centralHouseholds} c on c.id = a.central_household_id
    where a.household_id = ${sql.raw(h)}.id and a.kind = 'central_household'
    and a.starts_on <= ${day}::date and (a.ends_on is null or a.ends_on >= ${day}::date)
    and c.starts_on <= ${day}::date and (c.ends_on is null or c.ends_on >= ${day}::date))`;
}
function hasGridWorker(day: string): SQL {
  return sql`exists (select 1 from ${gridWorkers} gw where gw.grid_id = b.grid_id
    and gw.starts_on <= ${day}::date and (gw.ends_on is null or gw.ends_on >= ${day}::date))`;
}

/**
 * Coverage today inside the scope: per grid (of one community) or per community (of the whole scope), households
 * without a leader contact, without a central household, without either, in grids without a worker, and the central
 * households in force.
 */
export async function coverage(db: Executor, scope: Scope, communityId?: string) {
  const community = communityId ? await communityFor(db, scope, communityId) : null;
  // Read far more often than contacts change (a county's dashboards): kept per process until the registry's data
  // set changes, which every contacts, leaders, people and registry write bumps.
  return coverageCache(db, JSON.stringify([scopeKey(scope), community?.id ?? null]), () =>
    computeCoverage(db, scope, community),
  );
}

const coverageCache = createVersionedCache<Awaited<ReturnType<typeof computeCoverage>>>('registry', 200);

async function computeCoverage(db: Executor, scope: Scope, community: Community | null) {
  const day = shanghaiDay();
  const place = community ? startsWith(sql.raw('h.territory_code'), community.code) : sql`true`;
  const inScope = registryCondition(scope, sql.raw('h.territory_code'), sql.raw('h.building_id'));
  const perGrid = await rowsOf<{
    code: string;
    households: number;
    withoutLeader: number;
    withoutCentral: number;
    withoutContact: number;
    withoutGridWorker: number;
  }>(
    db,
    sql`select x.territory_code as code, count(*)::int as households,
      (count(*) filter (where not x.leader))::int as "withoutLeader",
      (count(*) filter (where not x.central))::int as "withoutCentral",
      (count(*) filter (where not x.leader and not x.central))::int as "withoutContact",
      (count(*) filter (where not x.worker))::int as "withoutGridWorker"
    from (select h.territory_code, ${hasLeader(day)} as leader, ${hasCentral(day)} as central,
        ${hasGridWorker(day)} as worker
      from ${households} h join ${buildings} b on b.id = h.building_id
      where h.moved_out_at is null and ${place} and ${inScope}) x
    group by x.territory_code`,
  );
  const centrals = await rowsOf<{ code: string; n: number }>(
    db,
    sql`select c.territory_code as code, count(*)::int as n from ${centralHouseholds} c
      where c.starts_on <= ${day}::date and (c.ends_on is null or c.ends_on >= ${day}::date)
      and ${community ? startsWith(sql.raw('c.territory_code'), community.code) : sql`true`}
      and ${registryCondition(scope, sql.raw('c.territory_code'), sql.raw('c.building_id'))}
      group by c.territory_code`,
  );
  const centralOf = new Map(centrals.map((c) => [c.code, c.n]));
  const codes = [...new Set([...perGrid.map((g) => g.code), ...centralOf.keys()])];
  const communityCodes = [...new Set(codes.map((c) => c.slice(0, -3)))];
  const names = codes.length
    ? await db
        .select({ id: territories.id, code: territories.code, name: territories.name })
        .from(territories)
        .where(inArray(territories.code, [...codes, ...communityCodes]))
    : [];
  const nodeOf = new Map(names.map((n) => [n.code, n]));
  const zero = () => ({
    households: 0,
    withoutLeader: 0,
    withoutCentral: 0,
    withoutContact: 0,
    withoutGridWorker: 0,
    centralHouseholds: 0,
  });
  type Counts = ReturnType<typeof zero>;
  const add = (into: Counts, from: Counts) => {
    for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
  };
  const grids = codes
    .map((code) => {
      const g = perGrid.find((p) => p.code === code);
      const counts: Counts = {
        ...zero(),
        ...(g ? { ...g, code: undefined } : {}),
        centralHouseholds: centralOf.get(code) ?? 0,
      };
      delete (counts as Record<string, unknown>).code;
      return { id: nodeOf.get(code)?.id ?? '', code, name: nodeOf.get(code)?.name ?? code, ...counts };
    })
    .filter((g) => g.id)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCommunity = new Map<string, Counts>();
  const total = zero();
  for (const g of grids) {
    const c = g.code.slice(0, -3);
    const counts = byCommunity.get(c) ?? zero();
    const { id: _i, code: _c, name: _n, ...gc } = g;
    add(counts, gc);
    add(total, gc);
    byCommunity.set(c, counts);
  }
  const communities = [...byCommunity.entries()]
    .map(([code, counts]) => ({
      id: nodeOf.get(code)?.id ?? '',
      code,
      name: nodeOf.get(code)?.name ?? code,
      ...counts,
    }))
    .filter((c) => c.id)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { day, total, communities, grids: community ? grids : [] };
}

/** Households of a community inside the scope without a contact of the kind (any: neither), in stairwell order. */
export async function uncoveredHouseholds(
  db: Executor,
  scope: Scope,
  query: { communityId: string; kind: ContactKind | 'any'; gridId?: string; page: number; pageSize: number },
) {
  const community = await communityFor(db, scope, query.communityId);
  const day = shanghaiDay();
  const missing =
    query.kind === 'leader'
      ? sql`not ${hasLeader(day)}`
      : query.kind === 'central_household'
        ? sql`not ${hasCentral(day)}`
        : sql`not ${hasLeader(day)} and not ${hasCentral(day)}`;
  const where = sql`h.moved_out_at is null and ${startsWith(sql.raw('h.territory_code'), community.code)}
    and ${registryCondition(scope, sql.raw('h.territory_code'), sql.raw('h.building_id'))}
    and ${query.gridId ? sql`b.grid_id = ${query.gridId}::uuid` : sql`true`} and ${missing}`;
  const [[count], rows] = await Promise.all([
    rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${households} h join ${buildings} b on b.id = h.building_id where ${where}`,
    ),
    rowsOf<{
      householdId: string;
      gridName: string;
      buildingName: string;
      unitNumber: number;
      room: string;
      leader: string | null;
      central: string | null;
    }>(
      db,
      sql`select h.id as "householdId", g.name as "gridName", b.name as "buildingName", u.number as "unitNumber",
        h.room,
        (select p.name from ${contactAssignments} a join ${persons} p on p.id = a.person_id
          where a.household_id = h.id and a.kind = 'leader' and a.ends_on is null limit 1) as leader,
        (select p.name from ${contactAssignments} a join ${persons} p on p.id = a.person_id
          where a.household_id = h.id and a.kind = 'central_household' and a.ends_on is null limit 1) as central
      from ${households} h join ${buildings} b on b.id = h.building_id join ${units} u on u.id = h.unit_id
      join ${territories} g on g.id = b.grid_id
      where ${where}
      order by b.code, u.number, h.room, h.id
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
  ]);
  return { data: rows, page: { page: query.page, pageSize: query.pageSize, total: count!.n } };
}

/** A phone as a contact card shows it: in full when the person agreed to publish it, else masked. */
function phoneOf(keys: DataKeys, p: { mobileEnc: string | null; publishMobile: boolean }) {
  if (!p.mobileEnc) return null;
  const mobile = decrypt(keys, p.mobileEnc);
  return p.publishMobile ? mobile : maskMobile(mobile);
}

/** A household's contacts today: its grid's workers, its leader and central household contacts, its building's leaders. */
export async function householdContacts(db: Executor, keys: DataKeys, scope: Scope, householdId: string) {
  const [household] = await db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      unitId: households.unitId,
      territoryCode: households.territoryCode,
      gridId: buildings.gridId,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(
      and(
        eq(households.id, householdId),
        registryCondition(scope, households.territoryCode, households.buildingId),
      ),
    )
    .limit(1);
  if (!household) throw errors.notFound();
  const day = shanghaiDay();
  const person = {
    personId: persons.id,
    name: persons.name,
    mobileEnc: persons.mobileEnc,
    publishMobile: persons.publishMobile,
  };
  const assignment = (kind: ContactKind) =>
    and(
      eq(contactAssignments.householdId, householdId),
      eq(contactAssignments.kind, kind),
      activeOn({ startsOn: contactAssignments.startsOn, endsOn: contactAssignments.endsOn }, day),
    );
  const [workers, [leader], [central], terms] = await Promise.all([
    db
      .select(person)
      .from(gridWorkers)
      .innerJoin(persons, eq(persons.id, gridWorkers.personId))
      .where(
        and(
          eq(gridWorkers.gridId, household.gridId),
          activeOn({ startsOn: gridWorkers.startsOn, endsOn: gridWorkers.endsOn }, day),
        ),
      )
      .orderBy(gridWorkers.employment, persons.name),
    db
      .select({ ...person, since: contactAssignments.startsOn, source: contactAssignments.source })
      .from(contactAssignments)
      .innerJoin(persons, eq(persons.id, contactAssignments.personId))
      .where(assignment('leader'))
      .limit(1),
    db
      .select({
        ...person,
        since: contactAssignments.startsOn,
        source: contactAssignments.source,
        centralHouseholdId: centralHouseholds.id,
        buildingName: buildings.name,
        unitNumber: units.number,
        room: households.room,
      })
      .from(contactAssignments)
      .innerJoin(centralHouseholds, eq(centralHouseholds.id, contactAssignments.centralHouseholdId))
      .innerJoin(persons, eq(persons.id, contactAssignments.personId))
      .innerJoin(households, eq(households.id, centralHouseholds.householdId))
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, centralHouseholds.buildingId))
      .where(
        and(
          assignment('central_household'),
          activeOn({ startsOn: centralHouseholds.startsOn, endsOn: centralHouseholds.endsOn }, day),
        ),
      )
      .limit(1),
    db
      .select({
        personId: persons.id,
        name: persons.name,
        unitNumber: units.number,
        unitId: leaderTerms.unitId,
      })
      .from(leaderTerms)
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .leftJoin(units, eq(units.id, leaderTerms.unitId))
      .where(
        and(
          eq(leaderTerms.buildingId, household.buildingId),
          eq(leaderTerms.status, 'approved'),
          activeOn({ startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn }, day),
        ),
      )
      .orderBy(sql`${units.number} nulls first`, persons.name),
  ]);
  return {
    householdId,
    gridWorkers: workers.map((w) => ({ personId: w.personId, name: w.name, phone: phoneOf(keys, w) })),
    leader: leader
      ? {
          personId: leader.personId,
          name: leader.name,
          phone: phoneOf(keys, leader),
          since: leader.since,
          source: leader.source,
        }
      : null,
    central: central
      ? {
          centralHouseholdId: central.centralHouseholdId,
          personId: central.personId,
          name: central.name,
          place: placeOf(central.buildingName, central.unitNumber, central.room),
          phone: phoneOf(keys, central),
          since: central.since,
          source: central.source,
        }
      : null,
    buildingLeaders: terms
      .filter((t) => t.unitId === null || t.unitId === household.unitId)
      .map((t) => ({ personId: t.personId, name: t.name, unitNumber: t.unitNumber })),
  };
}
