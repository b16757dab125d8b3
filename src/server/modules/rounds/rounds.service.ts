import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import { registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import type { RoundView } from './rounds.schemas.ts';
import { roundGrids, roundHouseholds, rounds } from './rounds.tables.ts';

/*
 * Rounds as the caller's scope sees them: which rounds concern it, their coverage inside it, and the scope conditions
 * the module's other files share. Opening and closing: rounds.opening.ts; visits: rounds.visits.ts; live progress:
 * rounds.progress.ts; the workbench's lists: rounds.lists.ts; photos and a household's visits: rounds.photos.ts.
 */

export type Deps = { db: Db; keys: DataKeys };

/** The visitor key of a visit with neither a person nor an account (none through the API). */
export const NO_VISITOR = '00000000-0000-0000-0000-000000000000';

type Coverage = { households: number; visited: number; covered: number; share: number };

export const shareOf = (covered: number, total: number) => (total === 0 ? 1 : covered / total);

/**
 * SQL: the round concerns the scope: its territory lies inside the scope, or the scope (a grid worker's grids, a
 * leader's buildings) lies inside the round's territory (a county-wide round reaches every grid worker).
 */
export function roundInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  for (const prefix of scope.codes) {
    parts.push(
      sql`(${startsWith(rounds.territoryCode, prefix)} or ${prefix} like ${rounds.territoryCode} || '%')`,
    );
  }
  if (scope.buildingIds.length) {
    parts.push(
      sql`exists (select 1 from ${buildings} b where b.id = any(${sql.param(scope.buildingIds)}::uuid[])
        and b.territory_code like ${rounds.territoryCode} || '%')`,
    );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** SQL: a round's household (or a visit) lies inside the scope: its grid inside, or its building a leader's. */
export const householdInScope = (scope: Scope) =>
  registryCondition(scope, roundHouseholds.territoryCode, roundHouseholds.buildingId);

/**
 * Coverage of rounds as the scope sees them: the per-grid counters summed over the grids inside the scope (a leader's
 * buildings are counted from the round's household list).
 */
async function coverageOf(db: Executor, scope: Scope, roundIds: string[]): Promise<Map<string, Coverage>> {
  const result = new Map<string, Coverage>();
  if (roundIds.length === 0) return result;
  const rows =
    scope.buildingIds.length > 0
      ? await db
          .select({
            roundId: roundHouseholds.roundId,
            households: sql<number>`count(*)::int`,
            visited: sql<number>`(count(*) filter (where ${roundHouseholds.visits} > 0))::int`,
            covered: sql<number>`(count(*) filter (where ${roundHouseholds.state} <> 'pending'))::int`,
          })
          .from(roundHouseholds)
          .where(and(inArray(roundHouseholds.roundId, roundIds), householdInScope(scope)))
          .groupBy(roundHouseholds.roundId)
      : await db
          .select({
            roundId: roundGrids.roundId,
            households: sql<number>`coalesce(sum(${roundGrids.households}), 0)::int`,
            visited: sql<number>`coalesce(sum(${roundGrids.visited}), 0)::int`,
            covered: sql<number>`coalesce(sum(${roundGrids.covered}), 0)::int`,
          })
          .from(roundGrids)
          .where(
            and(
              inArray(roundGrids.roundId, roundIds),
              territoryCodeCondition(scope, roundGrids.territoryCode),
            ),
          )
          .groupBy(roundGrids.roundId);
  for (const r of rows) {
    result.set(r.roundId, { ...r, share: shareOf(r.covered, r.households) });
  }
  return result;
}

const roundColumns = {
  id: rounds.id,
  territoryId: rounds.territoryId,
  territoryCode: rounds.territoryCode,
  territoryName: territories.name,
  name: rounds.name,
  purpose: rounds.purpose,
  startsOn: rounds.startsOn,
  endsOn: rounds.endsOn,
  checklist: rounds.checklist,
  status: rounds.status,
  openedAt: rounds.openedAt,
  closedAt: rounds.closedAt,
  closeReason: rounds.closeReason,
};
type RoundRow = Awaited<ReturnType<typeof selectRounds>>[number];

function selectRounds(db: Executor, where: SQL | undefined) {
  return db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(territories, eq(territories.id, rounds.territoryId))
    .where(where)
    .orderBy(desc(rounds.startsOn), desc(rounds.openedAt), asc(rounds.id));
}

const emptyCoverage: Coverage = { households: 0, visited: 0, covered: 0, share: 1 };

function presentRound(row: RoundRow, coverage: Coverage | undefined): RoundView {
  return {
    ...row,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    coverage: coverage ?? emptyCoverage,
  };
}

/** Rounds concerning the caller's scope, newest first, each with its coverage inside the scope. */
export async function listRounds(db: Executor, scope: Scope, filter: { status?: 'open' | 'closed' }) {
  const rows = await selectRounds(
    db,
    and(roundInScope(scope), filter.status ? eq(rounds.status, filter.status) : undefined),
  );
  const coverage = await coverageOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentRound(r, coverage.get(r.id)));
}

/** One round concerning the scope (404 otherwise). */
export async function getRound(db: Executor, scope: Scope, id: string): Promise<RoundView> {
  const [row] = await selectRounds(db, and(eq(rounds.id, id), roundInScope(scope)));
  if (!row) throw errors.notFound();
  return presentRound(row, (await coverageOf(db, scope, [id])).get(id));
}
