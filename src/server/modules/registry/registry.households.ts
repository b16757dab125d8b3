/** Reading households: search by address, and the household card (户卡) with its members and history. */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { registryCondition, registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { containsPattern, startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import type { HouseholdFilter } from './registry.schemas.ts';
import { buildings, households, residents, units } from './registry.tables.ts';
import { ageInYears, formatAddress, territoryCodeInScope, type Deps } from './registry.common.ts';
import {
  gridsInScope,
  historyOf,
  presentResident,
  relationRank,
  selectResidents,
} from './registry.residents.ts';
import { territories } from '../territory/territory.public.ts';

const grid = alias(territories, 'grid');

const householdColumns = {
  id: households.id,
  buildingId: households.buildingId,
  buildingName: buildings.name,
  unitNumber: units.number,
  room: households.room,
  kind: households.kind,
  tenure: households.tenure,
  note: households.note,
  gridId: grid.id,
  gridCode: grid.code,
  gridName: grid.name,
  movedOutAt: households.movedOutAt,
  size: sql<number>`(select count(*)::int from ${residents} m where m.household_id = ${households.id} and m.moved_out_at is null)`,
  head: sql<string[] | null>`(select array[h.id::text, h.name] from ${residents} h
    where h.household_id = ${households.id} and h.relation = 'head' and h.moved_out_at is null
    order by h.id limit 1)`,
};

function selectHouseholds(db: Executor) {
  return db
    .select(householdColumns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(grid, eq(grid.id, buildings.gridId));
}

type HouseholdRow = Awaited<ReturnType<ReturnType<typeof selectHouseholds>['execute']>>[number];

function presentHousehold({ head, ...row }: HouseholdRow) {
  return {
    ...row,
    headId: head?.[0] ?? null,
    headName: head?.[1] ?? null,
    address: formatAddress(row.buildingName, row.unitNumber, row.room),
    movedOutAt: row.movedOutAt?.toISOString() ?? null,
  };
}

/** Parses “幸福家园3号楼 2单元 302” into a building-name part, an optional unit and an optional room. */
export function parseAddressQuery(q: string): { building: string; unit?: number; room?: string } {
  const unit = /(\d+)\s*单元/.exec(q);
  const room = /(\d+[A-Za-z]?)\s*室?\s*$/.exec(q.replace(/(\d+)\s*单元/, ' '));
  let building = q.replace(/(\d+)\s*单元/, ' ');
  if (room && (unit || /\s/.test(q.trim()))) building = building.slice(0, room.index);
  return {
    building: building.replace(/\s+/g, '').replace(/室$/, ''),
    unit: unit ? Number(unit[1]) : undefined,
    room: room && (unit || /\s/.test(q.trim())) ? room[1] : undefined,
  };
}

/** Households within the scope, found by address (building name, unit, room) and filters. */
export async function searchHouseholds({ db }: Deps, scope: Scope, filter: HouseholdFilter) {
  const territoryCode = filter.territoryId
    ? await territoryCodeInScope(db, scope, filter.territoryId)
    : undefined;
  const address = filter.q ? parseAddressQuery(filter.q) : undefined;
  const where = and(
    registryCondition(scope, households.territoryCode, households.buildingId),
    isNull(households.movedOutAt),
    territoryCode ? startsWith(households.territoryCode, territoryCode) : undefined,
    filter.buildingId ? eq(households.buildingId, filter.buildingId) : undefined,
    filter.kind ? eq(households.kind, filter.kind) : undefined,
    filter.tenure ? eq(households.tenure, filter.tenure) : undefined,
    address?.building ? sql`${buildings.name} like ${containsPattern(address.building)}` : undefined,
    address?.unit !== undefined ? eq(units.number, address.unit) : undefined,
    address?.room ? eq(households.room, address.room) : undefined,
  );
  const [rows, total] = await Promise.all([
    selectHouseholds(db)
      .where(where)
      .orderBy(asc(buildings.code), asc(units.number), asc(households.room), asc(households.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    householdTotal(db, scope, filter, territoryCode, where),
  ]);
  return { rows: rows.map(presentHousehold), total };
}

/** The exact number of households the filter selects: from the per-grid counts when they hold it (place, kind). */
async function householdTotal(
  db: Executor,
  scope: Scope,
  filter: HouseholdFilter,
  territoryCode: string | undefined,
  where: SQL | undefined,
): Promise<number> {
  if (
    !filter.q &&
    filter.buildingId === undefined &&
    filter.tenure === undefined &&
    (scope.all || scope.buildingIds.length === 0)
  ) {
    let total = 0;
    for (const counts of await gridsInScope(db, scope, territoryCode)) {
      total += filter.kind ? counts.households[filter.kind] : counts.households.total;
    }
    return total;
  }
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(where);
  return row?.total ?? 0;
}

export async function loadHousehold(db: Executor, scope: Scope, id: string) {
  const [row] = await selectHouseholds(db).where(eq(households.id, id)).limit(1);
  if (!row || !registryRowInScope(scope, row.gridCode, row.buildingId)) throw errors.notFound();
  return row;
}

/** The household card: address, kind, its current members (masked) and its history. */
export async function householdCard({ db, keys }: Deps, scope: Scope, id: string) {
  const row = await loadHousehold(db, scope, id);
  const [members, history] = await Promise.all([
    selectResidents(db)
      .where(and(eq(residents.householdId, id), isNull(residents.movedOutAt)))
      .orderBy(relationRank, desc(ageInYears(residents.birthDate)), asc(residents.id)),
    historyOf(db, 'household', id),
  ]);
  return { ...presentHousehold(row), members: members.map((m) => presentResident(keys, m)), history };
}
