import { and, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { codeInScope, registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { startsWith } from '../../core/db/like.ts';
import {
  addCounts,
  AGE_BANDS,
  emptyCounts,
  gridCounts,
  groupedCounts,
  shanghaiDay,
  tagsByKind,
  type RegistryCounts,
} from './grid-stats.ts';
import { buildings, households, residents, residentTags } from './registry.tables.ts';
import { territoryDetail } from '../territory/territory.public.ts';

/**
 * Where a registry aggregate is taken: a territory subtree (by code prefix) intersected with the caller's scope.
 * Counts are today's; figures as of a past day come from the rows' valid periods (registry.figures.ts).
 */
export type StatsPlace = { code?: string; scope: Scope };

function placeCondition(place: StatsPlace, codeColumn: SQLWrapper, buildingColumn: SQLWrapper): SQL {
  return and(
    registryCondition(place.scope, codeColumn, buildingColumn),
    place.code ? startsWith(codeColumn, place.code) : undefined,
  )!;
}

/**
 * The registry counts of a place within the scope. Today's counts for territory scopes are sums of the per-grid
 * counts (grid-stats.ts: only grids a write touched are counted again); a building leader's scope is counted
 * directly with the same grouped statements.
 */
export async function placeCounts(db: Executor, place: StatsPlace): Promise<RegistryCounts> {
  if (place.scope.buildingIds.length === 0) {
    const sum = emptyCounts();
    for (const [code, counts] of await gridCounts(db)) {
      if ((!place.code || code.startsWith(place.code)) && codeInScope(place.scope, code)) {
        addCounts(sum, counts);
      }
    }
    return sum;
  }
  return directCounts(db, place);
}

/** The same counts straight from the records (a building scope; tests compare the two). */
export async function directCounts(db: Executor, place: StatsPlace): Promise<RegistryCounts> {
  const groups = await groupedCounts(db, {
    on: shanghaiDay(),
    byGrid: false,
    residents: and(
      placeCondition(place, residents.territoryCode, residents.buildingId),
      sql`${residents.movedOutAt} is null`,
    ),
    households: and(
      placeCondition(place, households.territoryCode, households.buildingId),
      sql`${households.movedOutAt} is null`,
    ),
    buildings: placeCondition(place, buildings.territoryCode, buildings.id),
  });
  return groups.get('') ?? emptyCounts();
}

/** Counts of households and residents, age pyramid and key populations of a place. Every number is a query. */
export async function registryStats(db: Executor, place: StatsPlace) {
  return presentCounts(await placeCounts(db, place));
}

/** RegistryCounts as the fact sheet, overview and figures show them. */
export function presentCounts(counts: RegistryCounts) {
  return {
    households: counts.households,
    residents: counts.residents,
    agePyramid: AGE_BANDS.map((band, i) => ({
      band,
      male: counts.pyramid.male[i]!,
      female: counts.pyramid.female[i]!,
    })),
    keyPopulation: { total: counts.keyPopulation, byTag: tagsByKind(counts.tags) },
  };
}

/**
 * The grid fact sheet (一口清): everything a grid worker recites about their grid, on one page. For a community or
 * higher it lists the child areas instead of buildings.
 */
export function factSheet(db: Executor, scope: Scope, territoryId: string) {
  return factSheetCache(db, JSON.stringify([scopeKey(scope), territoryId]), () =>
    computeFactSheet(db, scope, territoryId),
  );
}

const factSheetCache = createVersionedCache<Awaited<ReturnType<typeof computeFactSheet>>>('registry');

async function computeFactSheet(db: Executor, scope: Scope, territoryId: string) {
  const node = await territoryDetail(db, scope, territoryId);
  const stats = await registryStats(db, { code: node.code, scope });
  const buildingRows =
    node.level === 'grid'
      ? await db
          .select({
            id: buildings.id,
            code: buildings.code,
            name: buildings.name,
            kind: buildings.kind,
            floors: buildings.floors,
            unitCount: buildings.unitCount,
            propertyCompany: buildings.propertyCompany,
            compound: buildings.compound,
            households: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null)::int`,
            vacant: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null and ${households.kind} = 'vacant')::int`,
            rented: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null and ${households.tenure} = 'rented')::int`,
            residents: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings.id} and r.moved_out_at is null)`,
            keyPopulation: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings.id} and r.moved_out_at is null and exists (select 1 from ${residentTags} t where t.resident_id = r.id))`,
          })
          .from(buildings)
          .leftJoin(households, eq(households.buildingId, buildings.id))
          .where(eq(buildings.gridId, node.id))
          .groupBy(buildings.id)
          .orderBy(asc(buildings.code))
      : [];
  const children =
    node.level === 'grid'
      ? []
      : await childStats(
          db,
          scope,
          node.children.map((c) => ({ id: c.id, code: c.code, name: c.name, level: c.level })),
        );
  return {
    territory: {
      id: node.id,
      level: node.level,
      code: node.code,
      name: node.name,
      ancestors: node.ancestors,
      counts: node.counts,
    },
    ...stats,
    // Who leads each building comes from the organisation module (GET /territories/{id}/servants).
    buildings: buildingRows,
    children,
    generatedAt: new Date().toISOString(),
  };
}

/** Households, residents and key-population residents of each child area, within the scope. */
export async function childStats(
  db: Executor,
  scope: Scope,
  children: { id: string; code: string; name: string; level: string }[],
) {
  const of = (c: (typeof children)[number], counts: RegistryCounts) => ({
    ...c,
    households: counts.households.total,
    residents: counts.residents.total,
    keyPopulation: counts.keyPopulation,
  });
  if (scope.buildingIds.length > 0) {
    return Promise.all(children.map(async (c) => of(c, await placeCounts(db, { code: c.code, scope }))));
  }
  // One pass over the grids, each added to the child whose code starts it (children of a level share a length).
  const sums = new Map(children.map((c) => [c.code, emptyCounts()]));
  const lengths = [...new Set(children.map((c) => c.code.length))];
  for (const [code, counts] of await gridCounts(db)) {
    if (!codeInScope(scope, code)) continue;
    for (const length of lengths) {
      const sum = sums.get(code.slice(0, length));
      if (sum) addCounts(sum, counts);
    }
  }
  return children.map((c) => of(c, sums.get(c.code)!));
}

/** The number of buildings of a place within the scope. */
export async function countBuildings(db: Executor, place: StatsPlace): Promise<number> {
  return (await placeCounts(db, place)).buildings;
}
