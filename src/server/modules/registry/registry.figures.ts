/**
 * The registry's figures of the report for a place and a period. Stock figures (buildings, households, residents,
 * key population) are today's per-grid counts (grid-stats.ts) when no past day is asked; as of a past day they are
 * counted from each row's valid period: a household from its registration to its move-out, a resident where each of
 * their residence periods placed them (the resident's row, then `residence_history`), a tag while it was held (the
 * tag's row since `since`, then `resident_tag_history`). Flow figures count what happened during the period: residents
 * registered in the place, moved in from elsewhere (another place of the county, or back after leaving the registry),
 * moved out (to another place or out of the registry), households registered and moved out.
 */
import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import type { FigureContext } from '../../core/kit/module.ts';
import { placeCounts } from './fact-sheet.service.ts';
import {
  buildings,
  households,
  residenceHistory,
  residents,
  residentTagHistory,
  residentTags,
} from './registry.tables.ts';

export const registryFigureKeys = {
  buildings: { zh: '楼栋数', en: 'Buildings' },
  households: { zh: '住户数', en: 'Households' },
  residents: { zh: '居民数', en: 'Residents' },
  keyPopulation: { zh: '重点人群', en: 'Key population' },
  residentsRegistered: { zh: '期间新登记居民', en: 'Residents registered in the period' },
  residentsMovedIn: { zh: '期间迁入居民', en: 'Residents moved in during the period' },
  residentsMovedOut: { zh: '期间迁出居民', en: 'Residents moved out during the period' },
  householdsRegistered: { zh: '期间新登记住户', en: 'Households registered in the period' },
  householdsMovedOut: { zh: '期间迁出住户', en: 'Households moved out during the period' },
};

type Place = { scope: Scope; code?: string };

/** The place's rows: inside the caller's scope (grid codes or buildings) and under the place's code. */
function inPlace(place: Place, codeColumn: SQLWrapper, buildingColumn: SQLWrapper): SQL {
  return and(
    registryCondition(place.scope, codeColumn, buildingColumn),
    place.code ? startsWith(codeColumn, place.code) : undefined,
  )!;
}

/**
 * SQL: the grid code `code` lies outside the place (null: no grid at all). Judged by the code alone: for a scope of
 * buildings every other grid's code is outside, and so is a move between two of its buildings.
 */
function outsidePlace(place: Place, code: SQLWrapper): SQL {
  const inside = and(
    territoryCodeCondition(place.scope, code),
    place.code ? startsWith(code, place.code) : undefined,
  );
  return sql`(${code} is null or not coalesce(${inside}, false))`;
}

/** Every registry figure of the context: stock as of `asOf` (today when absent), flows from `from` to `asOf`. */
export async function registryFigures({ db, scope, code, from, asOf }: FigureContext) {
  const place = { scope, code };
  const [stock, flows] = await Promise.all([
    asOf ? stockAsOf(db, place, asOf) : stockNow(db, place),
    flowsBetween(db, place, from, asOf ?? new Date()),
  ]);
  return { ...stock, ...flows };
}

async function stockNow(db: Executor, place: Place) {
  const counts = await placeCounts(db, place);
  return {
    buildings: counts.buildings,
    households: counts.households.total,
    residents: counts.residents.total,
    keyPopulation: counts.keyPopulation,
  };
}

/** Stock figures as of the moment `at`, from the rows' valid periods. */
export async function stockAsOf(db: Executor, place: Place, at: Date) {
  const t = at.toISOString();
  // Residents holding a tag at `at`: one uncorrelated set, hashed once, rather than a lookup per resident.
  const taggedThen = sql`(
    select g.resident_id from ${residentTags} g where g.since <= ${t}
    union all
    select g.resident_id from ${residentTagHistory} g where g.starts_at <= ${t} and g.ends_at > ${t}
  )`;
  const [[people], [homes], [blocks]] = await Promise.all([
    db
      .select({
        residents: sql<number>`count(*)::int`,
        key: sql<number>`count(*) filter (where p.id in ${taggedThen})::int`,
      })
      .from(
        sql`(
          select ${residents.id} as id from ${residents}
          where ${residents.movedInAt} <= ${t}
            and (${residents.movedOutAt} is null or ${residents.movedOutAt} > ${t})
            and ${inPlace(place, residents.territoryCode, residents.buildingId)}
          union all
          select ${residenceHistory.residentId} from ${residenceHistory}
          where ${residenceHistory.startsAt} <= ${t} and ${residenceHistory.endsAt} > ${t}
            and ${inPlace(place, residenceHistory.territoryCode, residenceHistory.buildingId)}
        ) p`,
      ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(households)
      .where(
        and(
          inPlace(place, households.territoryCode, households.buildingId),
          sql`${households.createdAt} <= ${t}`,
          sql`(${households.movedOutAt} is null or ${households.movedOutAt} > ${t})`,
        ),
      ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(buildings)
      .where(and(inPlace(place, buildings.territoryCode, buildings.id), sql`${buildings.createdAt} <= ${t}`)),
  ]);
  return {
    buildings: blocks?.n ?? 0,
    households: homes?.n ?? 0,
    residents: people?.residents ?? 0,
    keyPopulation: people?.key ?? 0,
  };
}

/**
 * Flows from `from` (the first record when absent) to `to`, both moments included. Each residence period of a
 * resident begins with a registration, a move or a return and ends with a move or a move-out; a period in the place
 * whose start falls in the window counts as registered (new to the registry) or moved in (from outside the place, or
 * back after leaving), one whose end falls in it as moved out when the resident went outside the place or left the
 * registry. Moves within the place count neither way, so stock at the end = stock before the start + registered +
 * moved in − moved out.
 */
export async function flowsBetween(db: Executor, place: Place, from: Date | undefined, to: Date) {
  const t = to.toISOString();
  const f = from?.toISOString();
  const within = (column: SQLWrapper) =>
    f ? sql`(${column} >= ${f} and ${column} <= ${t})` : sql`${column} <= ${t}`;
  const periods = sql`(
    select ${residents.territoryCode} as code, ${residents.buildingId} as building_id,
      ${residents.movedInAt} as starts_at, ${residents.arrival} as arrival, ${residents.movedFromCode} as from_code,
      ${residents.movedOutAt} as ends_at, 'moved_out' as departure, null::text as to_code
    from ${residents}
    union all
    select ${residenceHistory.territoryCode}, ${residenceHistory.buildingId}, ${residenceHistory.startsAt},
      ${residenceHistory.arrival}, ${residenceHistory.movedFromCode}, ${residenceHistory.endsAt},
      ${residenceHistory.departure}, ${residenceHistory.movedToCode}
    from ${residenceHistory}
  )`;
  const code = sql.raw('p.code');
  const startIn = within(sql.raw('p.starts_at'));
  const endIn = sql`(p.ends_at is not null and ${within(sql.raw('p.ends_at'))})`;
  const [[people], [homes]] = await Promise.all([
    db
      .select({
        registered: sql<number>`count(*) filter (where ${startIn} and p.arrival = 'registered')::int`,
        movedIn: sql<number>`count(*) filter (
          where ${startIn}
            and (p.arrival = 'returned' or (p.arrival = 'moved' and ${outsidePlace(place, sql.raw('p.from_code'))}))
        )::int`,
        movedOut: sql<number>`count(*) filter (
          where ${endIn} and (p.departure = 'moved_out' or ${outsidePlace(place, sql.raw('p.to_code'))})
        )::int`,
      })
      .from(sql`${periods} p`)
      .where(and(inPlace(place, code, sql.raw('p.building_id')), sql`(${startIn} or ${endIn})`)),
    db
      .select({
        registered: sql<number>`count(*) filter (where ${within(households.createdAt)})::int`,
        movedOut: sql<number>`count(*) filter (where ${households.movedOutAt} is not null and ${within(households.movedOutAt)})::int`,
      })
      .from(households)
      .where(inPlace(place, households.territoryCode, households.buildingId)),
  ]);
  return {
    residentsRegistered: people?.registered ?? 0,
    residentsMovedIn: people?.movedIn ?? 0,
    residentsMovedOut: people?.movedOut ?? 0,
    householdsRegistered: homes?.registered ?? 0,
    householdsMovedOut: homes?.movedOut ?? 0,
  };
}
