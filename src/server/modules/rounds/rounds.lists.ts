import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskMobile } from '../../core/auth/personal-data.ts';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { containsPattern } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { buildings, residents } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { roundErrors } from './rounds.errors.ts';
import type { RoundBuildingFilter, RoundHouseholdFilter } from './rounds.schemas.ts';
import { roundInScope, type Deps } from './rounds.service.ts';
import { roundHouseholds, rounds } from './rounds.tables.ts';

/** SQL: a round's household lies inside the scope: its grid inside, or its building a leader's. */
const householdInScope = (scope: Scope) =>
  registryCondition(scope, roundHouseholds.territoryCode, roundHouseholds.buildingId);

async function requireRound(db: Executor, scope: Scope, roundId: string) {
  const [round] = await db
    .select({ id: rounds.id, name: rounds.name, status: rounds.status })
    .from(rounds)
    .where(and(eq(rounds.id, roundId), roundInScope(scope)));
  if (!round) throw errors.notFound();
  return round;
}

/** SQL: part of the room number, or of the building's name or compound (the address a worker types). */
function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return or(
    sql`${roundHouseholds.room} like ${pattern}`,
    sql`${buildings.name} like ${pattern}`,
    sql`${buildings.compound} like ${pattern}`,
  );
}

function stateCondition(state: RoundHouseholdFilter['state']): SQL | undefined {
  if (!state) return undefined;
  if (state === 'covered') return sql`${roundHouseholds.state} <> 'pending'`;
  return eq(roundHouseholds.state, state);
}

const gridNames = territories;

/**
 * A page of a round's households inside the scope (a grid worker's grids, a leader's buildings), filtered by grid,
 * building, coverage state and text, in building / unit / floor / room order, each with its coverage and (for a
 * caller who may read residents: `residentScope`) its present members with masked phones, the head first.
 */
export async function roundHouseholdPage(
  { db, keys }: Deps,
  scope: Scope,
  residentScope: Scope | null,
  roundId: string,
  filter: RoundHouseholdFilter,
) {
  await requireRound(db, scope, roundId);
  const where = and(
    eq(roundHouseholds.roundId, roundId),
    householdInScope(scope),
    filter.gridId ? eq(roundHouseholds.gridId, filter.gridId) : undefined,
    filter.buildingId ? eq(roundHouseholds.buildingId, filter.buildingId) : undefined,
    stateCondition(filter.state),
    searchCondition(filter.q),
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        householdId: roundHouseholds.householdId,
        gridId: roundHouseholds.gridId,
        gridName: gridNames.name,
        buildingId: roundHouseholds.buildingId,
        buildingCode: roundHouseholds.buildingCode,
        buildingName: buildings.name,
        compound: buildings.compound,
        unitNumber: roundHouseholds.unitNumber,
        floor: roundHouseholds.floor,
        room: roundHouseholds.room,
        state: roundHouseholds.state,
        visits: roundHouseholds.visits,
        lastOutcome: roundHouseholds.lastOutcome,
        lastVisitedAt: roundHouseholds.lastVisitedAt,
      })
      .from(roundHouseholds)
      .innerJoin(buildings, eq(buildings.id, roundHouseholds.buildingId))
      .innerJoin(gridNames, eq(gridNames.id, roundHouseholds.gridId))
      .where(where)
      .orderBy(
        asc(roundHouseholds.buildingCode),
        asc(roundHouseholds.unitNumber),
        asc(roundHouseholds.floor),
        asc(roundHouseholds.room),
        asc(roundHouseholds.householdId),
      )
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(roundHouseholds)
      .innerJoin(buildings, eq(buildings.id, roundHouseholds.buildingId))
      .where(where),
  ]);
  const members = new Map<string, { id: string; name: string; relation: string; phone: string | null }[]>();
  if (residentScope && rows.length) {
    const found = await db
      .select({
        id: residents.id,
        householdId: residents.householdId,
        name: residents.name,
        relation: residents.relation,
        phoneEnc: residents.phoneEnc,
      })
      .from(residents)
      .where(
        and(
          inArray(
            residents.householdId,
            rows.map((r) => r.householdId),
          ),
          isNull(residents.movedOutAt),
          registryCondition(residentScope, residents.territoryCode, residents.buildingId),
        ),
      )
      .orderBy(sql`${residents.relation} <> 'head'`, asc(residents.name), asc(residents.id));
    for (const r of found) {
      const list = members.get(r.householdId!) ?? [];
      list.push({
        id: r.id,
        name: r.name,
        relation: r.relation,
        phone: r.phoneEnc ? maskMobile(decrypt(keys, r.phoneEnc)) : null,
      });
      members.set(r.householdId!, list);
    }
  }
  return {
    data: rows.map((r) => ({
      ...r,
      covered: r.state !== 'pending',
      lastVisitedAt: r.lastVisitedAt?.toISOString() ?? null,
      members: members.get(r.householdId) ?? [],
    })),
    page: { page: filter.page, pageSize: filter.pageSize, total: count?.n ?? 0 },
  };
}

/**
 * A round's buildings inside the scope (the phone's "my buildings": a grid worker's grids, a leader's buildings),
 * by building code, each with its households, pending, covered and visited counts.
 */
export async function roundBuildingPage(
  db: Executor,
  scope: Scope,
  roundId: string,
  filter: RoundBuildingFilter,
) {
  await requireRound(db, scope, roundId);
  const where = and(
    eq(roundHouseholds.roundId, roundId),
    householdInScope(scope),
    filter.gridId ? eq(roundHouseholds.gridId, filter.gridId) : undefined,
    filter.q
      ? or(
          sql`${buildings.name} like ${containsPattern(filter.q)}`,
          sql`${buildings.compound} like ${containsPattern(filter.q)}`,
        )
      : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        buildingId: roundHouseholds.buildingId,
        buildingCode: roundHouseholds.buildingCode,
        buildingName: buildings.name,
        compound: buildings.compound,
        gridId: roundHouseholds.gridId,
        gridName: gridNames.name,
        households: sql<number>`count(*)::int`,
        pending: sql<number>`(count(*) filter (where ${roundHouseholds.state} = 'pending'))::int`,
        covered: sql<number>`(count(*) filter (where ${roundHouseholds.state} <> 'pending'))::int`,
        visited: sql<number>`(count(*) filter (where ${roundHouseholds.visits} > 0))::int`,
      })
      .from(roundHouseholds)
      .innerJoin(buildings, eq(buildings.id, roundHouseholds.buildingId))
      .innerJoin(gridNames, eq(gridNames.id, roundHouseholds.gridId))
      .where(where)
      .groupBy(
        roundHouseholds.buildingId,
        roundHouseholds.buildingCode,
        buildings.name,
        buildings.compound,
        roundHouseholds.gridId,
        gridNames.name,
      )
      .orderBy(asc(roundHouseholds.buildingCode), asc(roundHouseholds.buildingId))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(distinct ${roundHouseholds.buildingId})::int` })
      .from(roundHouseholds)
      .innerJoin(buildings, eq(buildings.id, roundHouseholds.buildingId))
      .where(where),
  ]);
  return { data: rows, page: { page: filter.page, pageSize: filter.pageSize, total: count?.n ?? 0 } };
}

/**
 * Tap to call during a round: the clear phone of a present member of one of the round's households inside the
 * visitor's scope, as listed and where they live now (the round open: 409 once closed), audited (`round.resident_called`) as the leaders' call is. Anyone else: 404.
 */
export async function callRoundResident(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  roundId: string,
  residentId: string,
) {
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, scope, roundId);
    if (round.status !== 'open') throw roundErrors.closedForCalls(round.name);
    const [resident] = await tx
      .select({
        id: residents.id,
        householdId: residents.householdId,
        territoryCode: residents.territoryCode,
        phoneEnc: residents.phoneEnc,
      })
      .from(residents)
      .innerJoin(
        roundHouseholds,
        and(eq(roundHouseholds.roundId, roundId), eq(roundHouseholds.householdId, residents.householdId)),
      )
      .where(
        and(
          eq(residents.id, residentId),
          isNull(residents.movedOutAt),
          householdInScope(scope),
          // Where the resident lives now, too: the clear number is for whoever serves them today.
          registryCondition(scope, residents.territoryCode, residents.buildingId),
        ),
      )
      .limit(1);
    if (!resident) throw errors.notFound();
    await appendAudit(tx, actor, {
      action: 'round.resident_called',
      entityType: 'resident',
      entityId: resident.id,
      territoryCode: resident.territoryCode,
      changes: { fields: ['phone'], roundId, householdId: resident.householdId },
    });
    return { phone: resident.phoneEnc ? decrypt(keys, resident.phoneEnc) : null };
  });
}
