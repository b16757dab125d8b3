import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { persons } from '../people/people.public.ts';
import { territories } from '../territory/territory.public.ts';
import { getRound, householdInScope, shareOf } from './rounds.service.ts';
import { roundGrids, roundHouseholds, roundVisitors, roundVisits } from './rounds.tables.ts';

/**
 * Live progress of a round inside the scope: the whole (as the scope sees it), per community and per grid from the
 * per-grid counters, and per visitor (visits and distinct households).
 */
export function roundProgress(db: Executor, scope: Scope, roundId: string) {
  // Read far more often than visits change it (a county's dashboards and phones polling): kept per process until a
  // write to the rounds' tables, or to the names it shows (grids, people: the registry's data set).
  return progressCache(db, JSON.stringify([scopeKey(scope), roundId]), () =>
    computeProgress(db, scope, roundId),
  );
}

const progressCache = createVersionedCache<Awaited<ReturnType<typeof computeProgress>>>(
  ['rounds', 'registry'],
  200,
);

async function computeProgress(db: Executor, scope: Scope, roundId: string) {
  const round = await getRound(db, scope, roundId);
  const gridScope =
    scope.buildingIds.length > 0 ? undefined : territoryCodeCondition(scope, roundGrids.territoryCode);
  const gridRows = gridScope
    ? await db
        .select({
          id: roundGrids.gridId,
          code: roundGrids.territoryCode,
          name: territories.name,
          households: roundGrids.households,
          visited: roundGrids.visited,
          covered: roundGrids.covered,
        })
        .from(roundGrids)
        .innerJoin(territories, eq(territories.id, roundGrids.gridId))
        .where(and(eq(roundGrids.roundId, roundId), gridScope))
        .orderBy(asc(roundGrids.territoryCode))
    : await db
        .select({
          id: roundHouseholds.gridId,
          code: roundHouseholds.territoryCode,
          name: territories.name,
          households: sql<number>`count(*)::int`,
          visited: sql<number>`(count(*) filter (where ${roundHouseholds.visits} > 0))::int`,
          covered: sql<number>`(count(*) filter (where ${roundHouseholds.state} <> 'pending'))::int`,
        })
        .from(roundHouseholds)
        .innerJoin(territories, eq(territories.id, roundHouseholds.gridId))
        .where(and(eq(roundHouseholds.roundId, roundId), householdInScope(scope)))
        .groupBy(roundHouseholds.gridId, roundHouseholds.territoryCode, territories.name)
        .orderBy(asc(roundHouseholds.territoryCode));
  const grids = gridRows.map((g) => ({ ...g, share: shareOf(g.covered, g.households) }));
  // Communities: the grids' parents (a grid code is its community's code + 3 digits).
  const byCommunity = new Map<string, { households: number; visited: number; covered: number }>();
  for (const g of grids) {
    const code = g.code.slice(0, -3);
    const c = byCommunity.get(code) ?? { households: 0, visited: 0, covered: 0 };
    c.households += g.households;
    c.visited += g.visited;
    c.covered += g.covered;
    byCommunity.set(code, c);
  }
  const names = byCommunity.size
    ? await db
        .select({ code: territories.code, name: territories.name })
        .from(territories)
        .where(inArray(territories.code, [...byCommunity.keys()]))
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const communities = [...byCommunity.entries()].map(([code, c]) => ({
    code,
    name: nameOf.get(code) ?? code,
    ...c,
    share: shareOf(c.covered, c.households),
  }));
  // Per visitor: the per-grid visitor counters summed over the scope's grids (a leader's buildings: their visits).
  const counted =
    scope.buildingIds.length > 0
      ? await db
          .select({
            userId: roundVisits.visitorUserId,
            personId: roundVisits.visitorPersonId,
            visits: sql<number>`count(*)::int`,
            households: sql<number>`count(distinct ${roundVisits.householdId})::int`,
          })
          .from(roundVisits)
          .where(
            and(
              eq(roundVisits.roundId, roundId),
              registryCondition(scope, roundVisits.territoryCode, roundVisits.buildingId),
            ),
          )
          .groupBy(roundVisits.visitorUserId, roundVisits.visitorPersonId)
      : await db
          .select({
            userId: sql<
              string | null
            >`(array_agg(${roundVisitors.visitorUserId}) filter (where ${roundVisitors.visitorUserId} is not null))[1]`,
            personId: sql<
              string | null
            >`(array_agg(${roundVisitors.visitorPersonId}) filter (where ${roundVisitors.visitorPersonId} is not null))[1]`,
            visits: sql<number>`sum(${roundVisitors.visits})::int`,
            households: sql<number>`sum(${roundVisitors.households})::int`,
          })
          .from(roundVisitors)
          .where(
            and(
              eq(roundVisitors.roundId, roundId),
              territoryCodeCondition(scope, roundVisitors.territoryCode),
            ),
          )
          .groupBy(roundVisitors.visitorKey);
  const personIds = counted.flatMap((p) => (p.personId ? [p.personId] : []));
  const userIds = counted.flatMap((p) => (p.userId ? [p.userId] : []));
  const [personNames, userNames] = await Promise.all([
    personIds.length
      ? db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, personIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const personName = new Map(personNames.map((p) => [p.id, p.name]));
  const userName = new Map(userNames.map((u) => [u.id, u.name]));
  const people = counted
    .map((p) => ({
      userId: p.userId,
      name: (p.personId && personName.get(p.personId)) || (p.userId && userName.get(p.userId)) || '',
      visits: p.visits,
      households: p.households,
    }))
    .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    round: round.coverage,
    communities,
    grids,
    people,
  };
}
