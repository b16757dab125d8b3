import { and, eq, isNull, sql } from 'drizzle-orm';
import { territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';

/** The balance figure: grids within ±10% of 300 households. */
export const BALANCE_TARGET = 300;
export const BALANCE_TOLERANCE = 0.1;

/**
 * `gridPlanBalance`: the share (per cent, one decimal) of the place's grids in force today whose households living
 * there now lie within ±10% of 300, computed live from the registry (0 when the place has no grid).
 */
export async function countPlannerFigures(
  db: Executor,
  scope: Scope,
  code?: string,
): Promise<Record<string, number>> {
  const [row] = await db
    .select({
      grids: sql<number>`count(*)::int`,
      within: sql<number>`count(*) filter (where coalesce(h.n, 0) between ${BALANCE_TARGET * (1 - BALANCE_TOLERANCE)} and ${BALANCE_TARGET * (1 + BALANCE_TOLERANCE)})::int`,
    })
    .from(territories)
    .leftJoin(
      sql`(select ${households.territoryCode} as code, count(*) as n from ${households}
        where ${households.movedOutAt} is null group by ${households.territoryCode}) h`,
      sql`h.code = ${territories.code}`,
    )
    .where(
      and(
        eq(territories.level, 'grid'),
        isNull(territories.endsOn),
        territoryCodeCondition(scope, territories.code),
        code ? startsWith(territories.code, code) : undefined,
      ),
    );
  const grids = row?.grids ?? 0;
  return { gridPlanBalance: grids > 0 ? Math.round((1000 * (row?.within ?? 0)) / grids) / 10 : 0 };
}
