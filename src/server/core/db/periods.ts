import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * SQL: a period is on during `day` (YYYY-MM-DD). Every period in the platform's tables (a term, a post, a membership)
 * runs from `startsOn` to `endsOn`, both days included; `endsOn` null means still on. Figures as of a past day and
 * today's lists use this one rule.
 */
export function activeOn(period: { startsOn: SQLWrapper; endsOn: SQLWrapper }, day: string): SQL {
  return sql`(${period.startsOn} <= ${day}::date and (${period.endsOn} is null or ${period.endsOn} >= ${day}::date))`;
}

/** The day in Asia/Shanghai (UTC+8) of an instant (YYYY-MM-DD): the day periods, ages and figures are counted on. */
export function shanghaiDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
