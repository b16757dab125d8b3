/** Reading buildings: the scoped building list (pickers, map), and the lookups other modules use for scopes. */
import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { containsPattern, startsWith } from '../../core/db/like.ts';
import { buildings, households, residents, residentTags } from './registry.tables.ts';
import { jsonRows } from '../../core/db/bulk.ts';
import { territoryCodeInScope } from './registry.common.ts';

export async function searchBuildings(
  db: Executor,
  scope: Scope,
  filter: { q?: string; territoryId?: string; page: number; pageSize: number },
) {
  const territoryCode = filter.territoryId
    ? await territoryCodeInScope(db, scope, filter.territoryId)
    : undefined;
  const where = and(
    registryCondition(scope, buildings.territoryCode, buildings.id),
    territoryCode ? startsWith(buildings.territoryCode, territoryCode) : undefined,
    filter.q ? sql`${buildings.name} like ${containsPattern(filter.q)}` : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      // Subqueries name "buildings".id: drizzle leaves a one-table select's columns unqualified, and a bare
      // "id" inside them would be the household's or resident's own id.
      .select({
        id: buildings.id,
        code: buildings.code,
        name: buildings.name,
        compound: buildings.compound,
        kind: buildings.kind,
        floors: buildings.floors,
        unitCount: buildings.unitCount,
        lng: buildings.lng,
        lat: buildings.lat,
        propertyCompany: buildings.propertyCompany,
        gridId: buildings.gridId,
        gridCode: buildings.territoryCode,
        households: sql<number>`(select count(*)::int from ${households} h where h.building_id = ${buildings}.id and h.moved_out_at is null)`,
        residents: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings}.id and r.moved_out_at is null)`,
      })
      .from(buildings)
      .where(where)
      .orderBy(asc(buildings.code))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(buildings)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** Buildings by id with the grid code they lie in: used to check the buildings named in role assignments. */
export function buildingsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: buildings.id, code: buildings.territoryCode })
    .from(buildings)
    .where(inArray(buildings.id, ids));
}

/** SQL subquery: ids of the buildings inside the scope, for other modules' scoped queries. */
export function buildingIdsInScope(scope: Scope): SQL {
  return sql`(select b.id from ${buildings} b where ${registryCondition(scope, sql.raw('b.territory_code'), sql.raw('b.id'))})`;
}

/**
 * Every building under a territory code with its point and today's counts (households and residents living there,
 * residents holding a key-population tag), in code order, as one JSON text: the grid planner's input.
 */
export function buildingCountsUnder(db: Executor, code: string) {
  return jsonRows<{
    id: string;
    code: string;
    name: string;
    lng: number | null;
    lat: number | null;
    gridId: string;
    territoryCode: string;
    households: number;
    residents: number;
    keyPopulation: number;
  }>(
    db,
    sql`select b.id, b.code, b.name, b.lng, b.lat, b.grid_id as "gridId", b.territory_code as "territoryCode",
        coalesce(h.n, 0)::int as households, coalesce(r.n, 0)::int as residents, coalesce(r.k, 0)::int as "keyPopulation"
      from ${buildings} b
      left join (select building_id, count(*) as n from ${households}
        where moved_out_at is null and ${startsWith(households.territoryCode, code)} group by building_id) h
        on h.building_id = b.id
      left join (select building_id, count(*) as n,
          count(*) filter (where exists (select 1 from ${residentTags} t where t.resident_id = ${residents}.id)) as k
        from ${residents} where moved_out_at is null and ${startsWith(residents.territoryCode, code)}
        group by building_id) r on r.building_id = b.id
      where ${startsWith(sql.raw('b.territory_code'), code)}
      order by b.code`,
  );
}
