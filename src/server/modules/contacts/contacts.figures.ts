import { sql } from 'drizzle-orm';
import { territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { households } from '../registry/registry.public.ts';
import { hasCentral, hasLeader } from './contacts.coverage.ts';
import { centralHouseholds } from './contacts.tables.ts';

/**
 * The contacts' figures of a place (inside the scope) as of `asOf` (now when absent), from valid periods:
 * - `centralHouseholds`: central households in force that day;
 * - `householdsWithoutContact`: households living there that day with neither a leader nor a central household
 *   contact in force (the contact still in office);
 * - `householdsWithoutLeaderContact`, `householdsWithoutCentralContact`: without a contact of that kind.
 */
export async function countContactFigures(
  db: Executor,
  scope: Scope,
  code?: string,
  asOf?: Date,
): Promise<Record<string, number>> {
  const at = asOf ?? new Date();
  const day = shanghaiDay(at);
  const place = (column: ReturnType<typeof sql.raw>) =>
    sql`${code ? startsWith(column, code) : sql`true`} and ${territoryCodeCondition(scope, column)}`;
  const [[counts], [centrals]] = await Promise.all([
    rowsOf<{ withoutLeader: number; withoutCentral: number; withoutContact: number }>(
      db,
      sql`select (count(*) filter (where not x.leader))::int as "withoutLeader",
        (count(*) filter (where not x.central))::int as "withoutCentral",
        (count(*) filter (where not x.leader and not x.central))::int as "withoutContact"
      from (select ${hasLeader(day)} as leader, ${hasCentral(day)} as central from ${households} h
        where h.created_at <= ${at.toISOString()}::timestamptz
        and (h.moved_out_at is null or h.moved_out_at > ${at.toISOString()}::timestamptz)
        and ${place(sql.raw('h.territory_code'))}) x`,
    ),
    rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${centralHouseholds} c
        where c.starts_on <= ${day}::date and (c.ends_on is null or c.ends_on >= ${day}::date)
        and ${place(sql.raw('c.territory_code'))}`,
    ),
  ]);
  return {
    centralHouseholds: centrals!.n,
    householdsWithoutContact: counts!.withoutContact,
    householdsWithoutLeaderContact: counts!.withoutLeader,
    householdsWithoutCentralContact: counts!.withoutCentral,
  };
}
