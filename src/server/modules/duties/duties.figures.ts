import { sql } from 'drizzle-orm';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { dutyTasks } from './duties.tables.ts';

/**
 * The duties' figures of a place (the one asked for, else the scope) as of `asOf` (now when absent):
 * - `dutyCompletionRate`: of the tasks due between `from` and `asOf` (Shanghai days) whose due day has passed by
 *   `asOf` or that were done by then, the share done by their due day (0 to 1, three decimals; 0 when none). Each
 *   task counts once (a shared one too).
 * - `dutyTasksOverdue`: tasks past their due day and not done as of `asOf` (whenever they were due).
 */
export async function countDutyFigures(
  db: Executor,
  scope: Scope,
  code?: string,
  from?: Date,
  asOf?: Date,
): Promise<Record<string, number>> {
  const at = asOf ?? new Date();
  const day = shanghaiDay(at);
  const doneBy = sql`(t.status = 'done' and t.done_at <= ${at.toISOString()}::timestamptz)`;
  const [row] = await rowsOf<{ counted: number; on_time: number; overdue: number }>(
    db,
    sql`select
      (count(*) filter (where t.due_on <= ${day}::date ${from ? sql`and t.due_on >= ${shanghaiDay(from)}::date` : sql``}
        and (t.due_on < ${day}::date or ${doneBy})))::int as counted,
      (count(*) filter (where t.due_on <= ${day}::date ${from ? sql`and t.due_on >= ${shanghaiDay(from)}::date` : sql``}
        and ${doneBy} and (t.done_at at time zone 'Asia/Shanghai')::date <= t.due_on))::int as on_time,
      (count(*) filter (where t.due_on < ${day}::date and not ${doneBy}))::int as overdue
    from ${dutyTasks} t
    where ${registryCondition(scope, sql.raw('t.territory_code'), sql.raw('t.building_id'))}
      ${code ? sql`and ${startsWith(sql.raw('t.territory_code'), code)}` : sql``}`,
  );
  const { counted, on_time, overdue } = row!;
  return {
    dutyCompletionRate: counted === 0 ? 0 : Math.round((on_time / counted) * 1000) / 1000,
    dutyTasksOverdue: overdue,
  };
}
