import { and, count, gte, isNull, lte, sql } from 'drizzle-orm';
import { territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { territories } from '../territory/territory.public.ts';
import { visitLogs } from './visitlogs.tables.ts';

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

/**
 * `visitLogs`: logs written (created) between `from` and `asOf` (now when absent) in the place, inside the scope. A
 * flow, so no stock as of a day is needed.
 */
export async function countVisitLogFigures(
  db: Executor,
  scope: Scope,
  code?: string,
  from?: Date,
  asOf?: Date,
): Promise<Record<string, number>> {
  const places = await placesOf(db, scope, code);
  if (places.length === 0) return { visitLogs: 0 };
  const [row] = await db
    .select({ n: count() })
    .from(visitLogs)
    .where(
      and(
        from ? gte(visitLogs.createdAt, from) : undefined,
        lte(visitLogs.createdAt, asOf ?? new Date()),
        sql`(${sql.join(
          places.map((p) => startsWith(visitLogs.territoryCode, p)),
          sql` or `,
        )})`,
        territoryCodeCondition(scope, visitLogs.territoryCode),
      ),
    );
  return { visitLogs: row!.n };
}
