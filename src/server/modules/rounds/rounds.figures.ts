import { and, count, eq, gte, isNull, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { territories } from '../territory/territory.public.ts';
import { roundGrids, rounds, roundVisits } from './rounds.tables.ts';

/** The places a figure is about: the one asked for, else the scope's subtrees (the county for the whole county). */
async function placesOf(db: Executor, scope: Scope, code?: string): Promise<string[]> {
  if (code) return [code];
  if (!scope.all) return scope.codes;
  const [county] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(isNull(territories.parentId))
    .orderBy(territories.code)
    .limit(1);
  return county ? [county.code] : [];
}

/** SQL: the round's scope covers the place (the place's code starts with the round's territory code). */
const covers = (place: string): SQL => sql`${place} like ${rounds.territoryCode} || '%'`;

/**
 * The rounds' figures of a place as of `asOf` (now when absent):
 * - `doorKnockRounds`: rounds closed between `from` and `asOf` whose scope covers the place;
 * - `lastRoundCoverage`: the covered share (per cent, one decimal) of the place's households in the last round
 *   covering it closed by `asOf` (0 when there is none);
 * - `visits`: visits made between `from` and `asOf` in the place, inside the scope;
 * - `visitors`: the people (persons, else accounts) who made them (visits per person = visits ÷ visitors).
 */
export async function countRoundFigures(
  db: Executor,
  scope: Scope,
  code?: string,
  from?: Date,
  asOf?: Date,
): Promise<Record<string, number>> {
  const to = asOf ?? new Date();
  const places = await placesOf(db, scope, code);
  if (places.length === 0) return { doorKnockRounds: 0, lastRoundCoverage: 0, visits: 0, visitors: 0 };
  const coversAny = sql`(${sql.join(places.map(covers), sql` or `)})`;
  const inPlaces = (column: SQLWrapper) =>
    sql`(${sql.join(
      places.map((p) => startsWith(column, p)),
      sql` or `,
    )})`;
  const closedBy = and(eq(rounds.status, 'closed'), lte(rounds.closedAt, to));
  const [[closed], [last], [visited]] = await Promise.all([
    db
      .select({ n: count() })
      .from(rounds)
      .where(and(closedBy, from ? gte(rounds.closedAt, from) : undefined, coversAny)),
    db
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(closedBy, coversAny))
      .orderBy(sql`${rounds.closedAt} desc`, rounds.id)
      .limit(1),
    db
      .select({
        n: count(),
        visitors: sql<number>`count(distinct coalesce(${roundVisits.visitorPersonId}, ${roundVisits.visitorUserId}))::int`,
      })
      .from(roundVisits)
      .where(
        and(
          from ? gte(roundVisits.visitedAt, from) : undefined,
          lte(roundVisits.visitedAt, to),
          inPlaces(roundVisits.territoryCode),
          territoryCodeCondition(scope, roundVisits.territoryCode),
        ),
      ),
  ]);
  let lastRoundCoverage = 0;
  if (last) {
    const [c] = await db
      .select({
        households: sql<number>`coalesce(sum(${roundGrids.households}), 0)::int`,
        covered: sql<number>`coalesce(sum(${roundGrids.covered}), 0)::int`,
      })
      .from(roundGrids)
      .where(
        and(
          eq(roundGrids.roundId, last.id),
          inPlaces(roundGrids.territoryCode),
          territoryCodeCondition(scope, roundGrids.territoryCode),
        ),
      );
    if (c && c.households > 0) lastRoundCoverage = Math.round((c.covered / c.households) * 1000) / 10;
  }
  return {
    doorKnockRounds: closed!.n,
    lastRoundCoverage,
    visits: visited!.n,
    visitors: visited!.visitors,
  };
}
