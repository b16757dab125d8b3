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
  householdGridHistory,
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
  residentsRegriddedIn: {
    zh: '期间因网格调整划入居民',
    en: 'Residents whose building joined the place by a grid change in the period',
  },
  residentsRegriddedOut: {
    zh: '期间因网格调整划出居民',
    en: 'Residents whose building left the place by a grid change in the period',
  },
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
  const count = sql<number>`count(*)::int`;
  // The resident's row is present when its period holds `at` (read from residents_residence_idx alone).
  const rowPresent = and(
    sql`${residents.movedInAt} <= ${t}`,
    sql`(${residents.movedOutAt} is null or ${residents.movedOutAt} > ${t})`,
    inPlace(place, residents.territoryCode, residents.buildingId),
  );
  const earlierPresent = and(
    sql`${residenceHistory.startsAt} <= ${t}`,
    sql`${residenceHistory.endsAt} > ${t}`,
    inPlace(place, residenceHistory.territoryCode, residenceHistory.buildingId),
  );
  // Residents holding a tag at `at`: one uncorrelated set, hashed once.
  const taggedThen = sql`(
    select g.resident_id from ${residentTags} g where g.since <= ${t}
    union
    select g.resident_id from ${residentTagHistory} g where g.starts_at <= ${t} and g.ends_at > ${t}
  )`;
  const [[row], [earlier], [rowKey], [earlierKey], [homes], [earlierHomes], [blocks]] = await Promise.all([
    db.select({ n: count }).from(residents).where(rowPresent),
    db.select({ n: count }).from(residenceHistory).where(earlierPresent),
    db
      .select({ n: count })
      .from(residents)
      .where(and(rowPresent, sql`${residents.id} in ${taggedThen}`)),
    db
      .select({ n: count })
      .from(residenceHistory)
      .where(and(earlierPresent, sql`${residenceHistory.residentId} in ${taggedThen}`)),
    // A household's row holds its grid since its last earlier placement ended (household_grid_history, a grid plan
    // applied); at `at` it counts by the placement holding then.
    db
      .select({ n: count })
      .from(households)
      .where(
        and(
          sql`${households.createdAt} <= ${t}`,
          sql`(${households.movedOutAt} is null or ${households.movedOutAt} > ${t})`,
          inPlace(place, households.territoryCode, households.buildingId),
          sql`not exists (select 1 from ${householdGridHistory} p where p.household_id = ${households.id} and p.ends_at > ${t})`,
        ),
      ),
    db
      .select({ n: count })
      .from(householdGridHistory)
      .where(
        and(
          sql`${householdGridHistory.startsAt} <= ${t}`,
          sql`${householdGridHistory.endsAt} > ${t}`,
          inPlace(place, householdGridHistory.territoryCode, householdGridHistory.buildingId),
          sql`exists (select 1 from ${households} h where h.id = ${householdGridHistory.householdId}
            and (h.moved_out_at is null or h.moved_out_at > ${t}))`,
        ),
      ),
    db
      .select({ n: count })
      .from(buildings)
      .where(and(inPlace(place, buildings.territoryCode, buildings.id), sql`${buildings.createdAt} <= ${t}`)),
  ]);
  // A resident's periods do not overlap, so the counts of the two tables add up.
  return {
    buildings: blocks?.n ?? 0,
    households: (homes?.n ?? 0) + (earlierHomes?.n ?? 0),
    residents: (row?.n ?? 0) + (earlier?.n ?? 0),
    keyPopulation: (rowKey?.n ?? 0) + (earlierKey?.n ?? 0),
  };
}

/**
 * Flows from `from` (the first record when absent) to `to`, both moments included. Each residence period of a
 * resident begins with a registration, a move or a return and ends with a move or a move-out; a period in the place
 * whose start falls in the window counts as registered (new to the registry) or moved in (from outside the place, or
 * back after leaving), one whose end falls in it as moved out when the resident went outside the place or left the
 * registry. Moves within the place count neither way, so stock at the end = stock before the start + registered +
 * moved in − moved out. A building going to another grid (a grid plan applied) moves nobody: its residents count as
 * regridded in or out where the grid change crosses the place's edge, so that stock at the end = stock before +
 * registered + moved in − moved out + regridded in − regridded out.
 */
export async function flowsBetween(db: Executor, place: Place, from: Date | undefined, to: Date) {
  const t = to.toISOString();
  const f = from?.toISOString();
  const within = (column: SQLWrapper) =>
    f ? sql`(${column} >= ${f} and ${column} <= ${t})` : sql`${column} <= ${t}`;
  const count = (where: SQL) => sql<number>`count(*) filter (where ${where})::int`;
  const arrivals = (arrival: SQLWrapper, fromCode: SQLWrapper) => ({
    registered: count(sql`${arrival} = 'registered'`),
    movedIn: count(
      sql`(${arrival} = 'returned' or (${arrival} = 'moved' and ${outsidePlace(place, fromCode)}))`,
    ),
    regriddedIn: count(sql`(${arrival} = 'regridded' and ${outsidePlace(place, fromCode)})`),
  });
  const [[rowStarts], [rowEnds], [earlier], [homes]] = await Promise.all([
    // Residents' rows: periods that began in the window…
    db
      .select(arrivals(residents.arrival, residents.movedFromCode))
      .from(residents)
      .where(and(within(residents.movedInAt), inPlace(place, residents.territoryCode, residents.buildingId))),
    // …and that ended in it (a row's period ends only by moving out of the registry).
    db
      .select({ movedOut: sql<number>`count(*)::int` })
      .from(residents)
      .where(
        and(
          sql`${residents.movedOutAt} is not null`,
          within(residents.movedOutAt),
          inPlace(place, residents.territoryCode, residents.buildingId),
        ),
      ),
    // Earlier periods, begun or ended in the window.
    db
      .select({
        ...arrivals(
          sql`case when ${within(residenceHistory.startsAt)} then ${residenceHistory.arrival} end`,
          residenceHistory.movedFromCode,
        ),
        movedOut: count(
          sql`${within(residenceHistory.endsAt)} and (${residenceHistory.departure} = 'moved_out' or (${residenceHistory.departure} = 'moved' and ${outsidePlace(place, residenceHistory.movedToCode)}))`,
        ),
        regriddedOut: count(
          sql`${within(residenceHistory.endsAt)} and ${residenceHistory.departure} = 'regridded' and ${outsidePlace(place, residenceHistory.movedToCode)}`,
        ),
      })
      .from(residenceHistory)
      .where(
        and(
          sql`(${within(residenceHistory.startsAt)} or ${within(residenceHistory.endsAt)})`,
          inPlace(place, residenceHistory.territoryCode, residenceHistory.buildingId),
        ),
      ),
    db
      .select({
        registered: count(within(households.createdAt)),
        movedOut: count(sql`${households.movedOutAt} is not null and ${within(households.movedOutAt)}`),
      })
      .from(households)
      .where(
        and(
          sql`(${within(households.createdAt)} or (${households.movedOutAt} is not null and ${within(households.movedOutAt)}))`,
          inPlace(place, households.territoryCode, households.buildingId),
        ),
      ),
  ]);
  const people = {
    registered: (rowStarts?.registered ?? 0) + (earlier?.registered ?? 0),
    movedIn: (rowStarts?.movedIn ?? 0) + (earlier?.movedIn ?? 0),
    movedOut: (rowEnds?.movedOut ?? 0) + (earlier?.movedOut ?? 0),
    regriddedIn: (rowStarts?.regriddedIn ?? 0) + (earlier?.regriddedIn ?? 0),
    regriddedOut: earlier?.regriddedOut ?? 0,
  };
  return {
    residentsRegistered: people?.registered ?? 0,
    residentsMovedIn: people?.movedIn ?? 0,
    residentsMovedOut: people?.movedOut ?? 0,
    residentsRegriddedIn: people.regriddedIn,
    residentsRegriddedOut: people.regriddedOut,
    householdsRegistered: homes?.registered ?? 0,
    householdsMovedOut: homes?.movedOut ?? 0,
  };
}
