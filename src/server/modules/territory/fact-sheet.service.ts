import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { registryCondition, territoryCodeCondition, type Scope } from '../../auth/scope.ts';
import type { Executor } from '../../db/client.ts';
import { createVersionedCache, scopeKey } from '../../db/versioned-cache.ts';
import { escapeLike } from '../../db/like.ts';
import { buildings, households, residents, residentTags, type KeyPopulationTag } from './registry.tables.ts';
import { territoryDetail } from './territory.service.ts';
import { territories } from './territory.tables.ts';

/** Five-year age bands, the last open-ended, as on a census age pyramid. */
export const AGE_BANDS = Array.from({ length: 18 }, (_, i) => (i < 17 ? `${i * 5}-${i * 5 + 4}` : '85+'));

/** The latest birth date of someone who is `years` old on the ISO day `on`. */
function birthDateYearsBefore(on: string, years: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/** Where a registry aggregate is taken: a territory subtree (by code prefix) intersected with the caller's scope. */
export type StatsPlace = { code?: string; scope: Scope; asOf?: Date };

function placeCondition(place: StatsPlace, codeColumn: SQLWrapper, buildingColumn: SQLWrapper): SQL {
  return and(
    registryCondition(place.scope, codeColumn, buildingColumn),
    place.code ? sql`${codeColumn} like ${escapeLike(place.code) + '%'}` : undefined,
  )!;
}

/** Households present on `asOf`: registered by then and not moved out before it. */
function householdsPresent(asOf?: Date): SQL {
  return asOf
    ? sql`${households.createdAt} <= ${asOf.toISOString()} and (${households.movedOutAt} is null or ${households.movedOutAt} > ${asOf.toISOString()})`
    : sql`${households.movedOutAt} is null`;
}

function residentsPresent(asOf?: Date): SQL {
  return asOf
    ? sql`${residents.createdAt} <= ${asOf.toISOString()} and (${residents.movedOutAt} is null or ${residents.movedOutAt} > ${asOf.toISOString()})`
    : sql`${residents.movedOutAt} is null`;
}

/** Counts of households and residents, age pyramid and key populations of a place. Every number is a query. */
export async function registryStats(db: Executor, place: StatsPlace) {
  const on = (place.asOf ?? new Date()).toISOString().slice(0, 10);
  // Ages by comparing birth dates with cut-off dates: the same answer as age(), without computing it per row.
  const reached = (years: number) => sql`${residents.birthDate} <= ${birthDateYearsBefore(on, years)}::date`;
  const band = sql.join(
    AGE_BANDS.slice(1).map((_, i) => sql`(${reached((i + 1) * 5)})::int`),
    sql` + `,
  );
  const residentWhere = and(
    placeCondition(place, residents.territoryCode, residents.buildingId),
    residentsPresent(place.asOf),
  );
  const [[h], [r], pyramid, tags] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)::int`,
        permanent: sql<number>`count(*) filter (where ${households.kind} = 'permanent')::int`,
        floating: sql<number>`count(*) filter (where ${households.kind} = 'floating')::int`,
        vacant: sql<number>`count(*) filter (where ${households.kind} = 'vacant')::int`,
        rented: sql<number>`count(*) filter (where ${households.tenure} = 'rented')::int`,
      })
      .from(households)
      .where(
        and(
          placeCondition(place, households.territoryCode, households.buildingId),
          householdsPresent(place.asOf),
        ),
      ),
    db
      .select({
        total: sql<number>`count(*)::int`,
        male: sql<number>`count(*) filter (where ${residents.gender} = 'male')::int`,
        female: sql<number>`count(*) filter (where ${residents.gender} = 'female')::int`,
        registered: sql<number>`count(*) filter (where ${residents.residency} = 'registered')::int`,
        floating: sql<number>`count(*) filter (where ${residents.residency} = 'floating')::int`,
        partyMembers: sql<number>`count(*) filter (where ${residents.politicalStatus} in ('party_member', 'probationary_member'))::int`,
        under18: sql<number>`count(*) filter (where not ${reached(18)})::int`,
        over60: sql<number>`count(*) filter (where ${reached(60)})::int`,
        over80: sql<number>`count(*) filter (where ${reached(80)})::int`,
      })
      .from(residents)
      .where(residentWhere),
    db
      .select({
        band: sql<number>`${band}`.as('band'),
        male: sql<number>`count(*) filter (where ${residents.gender} = 'male')::int`,
        female: sql<number>`count(*) filter (where ${residents.gender} = 'female')::int`,
      })
      .from(residents)
      .where(residentWhere)
      .groupBy(sql`1`),
    db
      .select({
        tag: residentTags.tag,
        careLevel: residentTags.careLevel,
        count: sql<number>`count(*)::int`,
      })
      .from(residentTags)
      .innerJoin(residents, eq(residents.id, residentTags.residentId))
      .where(residentWhere)
      .groupBy(residentTags.tag, residentTags.careLevel),
  ]);
  const [keyPopulation] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(
      and(residentWhere, sql`exists (select 1 from ${residentTags} t where t.resident_id = ${residents.id})`),
    );
  const byBand = new Map(pyramid.map((p) => [Number(p.band), p]));
  const byTag = new Map<
    KeyPopulationTag,
    { tag: KeyPopulationTag; count: number; byCareLevel: Record<string, number> }
  >();
  for (const t of tags) {
    const entry = byTag.get(t.tag) ?? { tag: t.tag, count: 0, byCareLevel: { 1: 0, 2: 0, 3: 0 } };
    entry.count += t.count;
    entry.byCareLevel[String(t.careLevel)] = (entry.byCareLevel[String(t.careLevel)] ?? 0) + t.count;
    byTag.set(t.tag, entry);
  }
  return {
    households: h!,
    residents: r!,
    agePyramid: AGE_BANDS.map((band, i) => ({
      band,
      male: byBand.get(i)?.male ?? 0,
      female: byBand.get(i)?.female ?? 0,
    })),
    keyPopulation: {
      total: keyPopulation?.n ?? 0,
      byTag: [...byTag.values()].sort((a, b) => b.count - a.count),
    },
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
            households: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null)::int`,
            vacant: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null and ${households.kind} = 'vacant')::int`,
            rented: sql<number>`count(${households.id}) filter (where ${households.movedOutAt} is null and ${households.tenure} = 'rented')::int`,
            residents: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings.id} and r.moved_out_at is null)`,
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
    // Building leaders are appointed in the people module; until it exists every building shows none.
    buildings: buildingRows.map((b) => ({ ...b, leader: null })),
    children,
    generatedAt: new Date().toISOString(),
  };
}

/** Households, residents and key-population residents of each child area, in one query per table. */
export async function childStats(
  db: Executor,
  scope: Scope,
  children: { id: string; code: string; name: string; level: string }[],
) {
  if (children.length === 0) return [];
  const length = children[0]!.code.length;
  const codes = children.map((c) => c.code);
  // The length is inlined (a number, not user input) so that select, where and group by name the same expression.
  const prefix = sql`substr(${residents.territoryCode}, 1, ${sql.raw(String(length))})`;
  const householdPrefix = sql`substr(${households.territoryCode}, 1, ${sql.raw(String(length))})`;
  const [h, r] = await Promise.all([
    db
      .select({ code: householdPrefix.mapWith(String), n: sql<number>`count(*)::int` })
      .from(households)
      .where(
        and(
          registryCondition(scope, households.territoryCode, households.buildingId),
          sql`${households.movedOutAt} is null`,
          inArray(householdPrefix, codes),
        ),
      )
      .groupBy(householdPrefix),
    db
      .select({
        code: prefix.mapWith(String),
        n: sql<number>`count(*)::int`,
        key: sql<number>`count(*) filter (where exists (select 1 from ${residentTags} t where t.resident_id = ${residents.id}))::int`,
      })
      .from(residents)
      .where(
        and(
          registryCondition(scope, residents.territoryCode, residents.buildingId),
          sql`${residents.movedOutAt} is null`,
          inArray(prefix, codes),
        ),
      )
      .groupBy(prefix),
  ]);
  const hh = new Map(h.map((x) => [x.code, x.n]));
  const rr = new Map(r.map((x) => [x.code, x]));
  return children.map((c) => ({
    ...c,
    households: hh.get(c.code) ?? 0,
    residents: rr.get(c.code)?.n ?? 0,
    keyPopulation: rr.get(c.code)?.key ?? 0,
  }));
}

/** The number of buildings of a place within the scope. */
export async function countBuildings(db: Executor, place: StatsPlace): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(buildings)
    .where(
      and(
        placeCondition(place, buildings.territoryCode, buildings.id),
        place.asOf ? sql`${buildings.createdAt} <= ${place.asOf.toISOString()}` : undefined,
      ),
    );
  return row?.n ?? 0;
}

/** Counts of territory nodes by level under a code, within the scope. */
export async function countTerritories(db: Executor, scope: Scope, code?: string) {
  const [row] = await db
    .select({
      streets: sql<number>`count(*) filter (where ${territories.level} = 'street')::int`,
      communities: sql<number>`count(*) filter (where ${territories.level} = 'community')::int`,
      grids: sql<number>`count(*) filter (where ${territories.level} = 'grid')::int`,
    })
    .from(territories)
    .where(
      and(
        territoryCodeCondition(scope, territories.code),
        code ? sql`${territories.code} like ${escapeLike(code) + '%'}` : undefined,
      ),
    );
  return row ?? { streets: 0, communities: 0, grids: 0 };
}
