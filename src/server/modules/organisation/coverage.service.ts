import { and, eq, sql, type SQLWrapper } from 'drizzle-orm';
import { registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn } from '../../core/db/periods.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { readSetting } from '../../core/settings/settings.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { partyOrgPlaces, partyOrgs, partySecretaries } from '../party/party.public.ts';
import { gridWorkers, maxWorkerLoad, persons } from '../people/people.public.ts';
import { buildings, gridCounts, households, shanghaiDay } from '../registry/registry.public.ts';
import { loadInScope, territories } from '../territory/territory.public.ts';

/** How many rows each list of the board carries; the totals count them all. */
export const COVERAGE_LIST_LIMIT = 200;
/** Terms ending within this many days are listed as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type CoverageQuery = { territoryId?: string; maxLoad?: number };

/**
 * The coverage board (覆盖情况) of a place inside the scope, as of today in Shanghai: buildings without a leader,
 * grids without a worker or a branch, branches without a secretary, leaders' terms ending within 30 days, and
 * workers whose load passes `maxLoad` households (the county's setting unless the caller names another). Each list gives its total and its first rows, worst first.
 */
export async function coverageBoard(db: Executor, scope: Scope, given: CoverageQuery) {
  const query = { ...given, maxLoad: given.maxLoad ?? (await readSetting(db, maxWorkerLoad)) };
  // Every table the board reads bumps the registry's data version (migrations 0003, 0012, 0013); the key holds the
  // day (scopeKey), so terms ending at midnight leave the board without a write.
  const key = JSON.stringify([scopeKey(scope), query.territoryId ?? null, query.maxLoad]);
  return boardCache(db, key, () => computeBoard(db, scope, query));
}

type Board = Awaited<ReturnType<typeof computeBoard>>;
const boardCache = createVersionedCache<Board>('registry', 200);

async function computeBoard(db: Executor, scope: Scope, query: CoverageQuery & { maxLoad: number }) {
  const place = query.territoryId ? await loadInScope(db, scope, query.territoryId) : null;
  const day = shanghaiDay();
  const maxLoad = query.maxLoad;
  const within = (column: SQLWrapper) =>
    and(territoryCodeCondition(scope, column), place ? startsWith(column, place.code) : undefined);

  const inGrids = within(territories.code);

  const hasLeader = sql`exists (select 1 from ${leaderTerms} lt where lt.building_id = ${buildings}.id
    and lt.unit_id is null and lt.status = 'approved' and lt.starts_on <= ${day}::date and lt.ends_on >= ${day}::date)`;
  const buildingWhere = and(
    registryCondition(scope, buildings.territoryCode, buildings.id),
    place ? startsWith(buildings.territoryCode, place.code) : undefined,
    sql`not ${hasLeader}`,
  );
  // Households of each listed building, counted only for the buildings without a leader (a handful for the county,
  // through households_building_idx), not grouped over every household of the place first.
  const buildingHouseholds = sql<number>`(select count(*)::int from ${households} h
    where h.building_id = ${buildings}.id and h.moved_out_at is null)`.as('households');

  const hasWorker = sql`exists (select 1 from ${gridWorkers} w where w.grid_id = ${territories}.id
    and ${activeOn({ startsOn: sql`w.starts_on`, endsOn: sql`w.ends_on` }, day)})`;
  const hasBranch = sql`exists (select 1 from ${partyOrgPlaces} p join ${partyOrgs} o on o.id = p.org_id
    where p.place_id = ${territories}.id and o.kind = 'branch'
      and ${activeOn({ startsOn: sql`o.starts_on`, endsOn: sql`o.ends_on` }, day)})`;

  const branchActive = and(
    eq(partyOrgs.kind, 'branch'),
    activeOn({ startsOn: partyOrgs.startsOn, endsOn: partyOrgs.endsOn }, day),
    within(partyOrgs.communityCode),
  );
  const hasSecretary = sql`exists (select 1 from ${partySecretaries} s where s.org_id = ${partyOrgs}.id
    and ${activeOn({ startsOn: sql`s.starts_on`, endsOn: sql`s.ends_on` }, day)})`;

  const until = addDays(day, EXPIRING_WITHIN_DAYS);
  const expiringWhere = and(
    eq(leaderTerms.status, 'approved'),
    sql`${leaderTerms.endsOn} >= ${day}::date and ${leaderTerms.endsOn} <= ${until}::date`,
    registryCondition(scope, buildings.territoryCode, buildings.id),
    place ? startsWith(buildings.territoryCode, place.code) : undefined,
  );

  const [
    buildingRows,
    [buildingTotal],
    workerlessRows,
    branchlessRows,
    secretarylessRows,
    [secretarylessTotal],
    expiringRows,
    [expiringTotal],
    workerGrids,
    counts,
  ] = await Promise.all([
    db
      .select({
        id: buildings.id,
        code: buildings.code,
        name: buildings.name,
        gridCode: buildings.territoryCode,
        households: buildingHouseholds,
      })
      .from(buildings)
      .where(buildingWhere)
      .orderBy(sql`"households" desc`, buildings.code)
      .limit(COVERAGE_LIST_LIMIT),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(buildings)
      .where(buildingWhere),
    db
      .select({ id: territories.id, code: territories.code, name: territories.name })
      .from(territories)
      .where(and(eq(territories.level, 'grid'), inGrids, sql`not ${hasWorker}`))
      .orderBy(territories.code),
    db
      .select({ id: territories.id, code: territories.code, name: territories.name })
      .from(territories)
      .where(and(eq(territories.level, 'grid'), inGrids, sql`not ${hasBranch}`))
      .orderBy(territories.code),
    db
      .select({ id: partyOrgs.id, name: partyOrgs.name, communityCode: partyOrgs.communityCode })
      .from(partyOrgs)
      .where(and(branchActive, sql`not ${hasSecretary}`))
      .orderBy(partyOrgs.communityCode, partyOrgs.name)
      .limit(COVERAGE_LIST_LIMIT),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(partyOrgs)
      .where(and(branchActive, sql`not ${hasSecretary}`)),
    db
      .select({
        id: leaderTerms.id,
        buildingId: buildings.id,
        buildingName: buildings.name,
        gridCode: buildings.territoryCode,
        personName: persons.name,
        endsOn: leaderTerms.endsOn,
        reminded: sql<boolean>`${leaderTerms.remindedAt} is not null`,
      })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .where(expiringWhere)
      .orderBy(leaderTerms.endsOn, buildings.code)
      .limit(COVERAGE_LIST_LIMIT),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .where(expiringWhere),
    // Every active worker of every grid in the place: loads share a grid's households among its workers.
    db
      .select({
        personId: gridWorkers.personId,
        name: persons.name,
        gridCode: gridWorkers.territoryCode,
        employment: gridWorkers.employment,
      })
      .from(gridWorkers)
      .innerJoin(persons, eq(persons.id, gridWorkers.personId))
      .where(
        and(
          activeOn({ startsOn: gridWorkers.startsOn, endsOn: gridWorkers.endsOn }, day),
          within(gridWorkers.territoryCode),
        ),
      ),
    gridCounts(db),
  ]);

  const workersPerGrid = new Map<string, number>();
  for (const w of workerGrids) workersPerGrid.set(w.gridCode, (workersPerGrid.get(w.gridCode) ?? 0) + 1);
  const gridNames = new Map(
    (
      await db
        .select({ code: territories.code, name: territories.name })
        .from(territories)
        .where(and(eq(territories.level, 'grid'), inGrids))
    ).map((g) => [g.code, g.name]),
  );
  const loads = new Map<
    string,
    {
      personId: string;
      name: string;
      load: number;
      grids: { code: string; name: string; households: number }[];
    }
  >();
  for (const w of workerGrids) {
    const gridHouseholds = counts.get(w.gridCode)?.households.total ?? 0;
    const share = gridHouseholds / (workersPerGrid.get(w.gridCode) ?? 1);
    const entry = loads.get(w.personId) ?? { personId: w.personId, name: w.name, load: 0, grids: [] };
    entry.load += share;
    entry.grids.push({
      code: w.gridCode,
      name: gridNames.get(w.gridCode) ?? w.gridCode,
      households: gridHouseholds,
    });
    loads.set(w.personId, entry);
  }
  const overloaded = [...loads.values()]
    .map((w) => ({ ...w, load: Math.round(w.load) }))
    .filter((w) => w.load > maxLoad)
    .sort((a, b) => b.load - a.load || a.name.localeCompare(b.name, 'zh-CN'));

  const withGridName = <T extends { gridCode: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, gridName: gridNames.get(r.gridCode) ?? null }));

  return {
    asOf: day,
    maxLoad,
    expiringWithinDays: EXPIRING_WITHIN_DAYS,
    buildingsWithoutLeader: { total: buildingTotal?.n ?? 0, rows: withGridName(buildingRows) },
    gridsWithoutWorker: { total: workerlessRows.length, rows: workerlessRows.slice(0, COVERAGE_LIST_LIMIT) },
    gridsWithoutBranch: { total: branchlessRows.length, rows: branchlessRows.slice(0, COVERAGE_LIST_LIMIT) },
    branchesWithoutSecretary: { total: secretarylessTotal?.n ?? 0, rows: secretarylessRows },
    termsExpiring: { total: expiringTotal?.n ?? 0, rows: withGridName(expiringRows) },
    workersOverLoad: { total: overloaded.length, rows: overloaded.slice(0, COVERAGE_LIST_LIMIT) },
  };
}
