import { z } from '@hono/zod-openapi';
import { bi } from './validation.ts';

/**
 * The first and last year a moment sent to the API may fall in (UTC). Other years are typing mistakes, and the
 * extremes the ISO format allows (year 0000, 9999 with an offset) lie outside what PostgreSQL's timestamptz holds:
 * unbounded they would reach the database and fail there instead of answering 400 on the field.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** Whether an ISO date-time (already checked for its format) names a moment inside FIRST_YEAR..LAST_YEAR. */
export function inDateTimeRange(value: string): boolean {
  const year = new Date(value).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * An ISO 8601 date-time with an offset (`2025-03-01T08:00:00+08:00`, `…Z`) between the years FIRST_YEAR and
 * LAST_YEAR, refused on its field in both languages otherwise. Every date-time a request carries (a query's from/to,
 * a body's moment) goes through this one rule.
 */
export function boundedDateTime() {
  return z.iso
    .datetime({
      offset: true,
      message: bi(
        '时间格式不正确，应为 ISO 8601 格式（如 2025-03-01T08:00:00+08:00）',
        'The time must be an ISO 8601 date-time (e.g. 2025-03-01T08:00:00+08:00)',
      ),
    })
    .refine(
      inDateTimeRange,
      bi(
        `时间须在 ${FIRST_YEAR} 年至 ${LAST_YEAR} 年之间`,
        `The time must lie between the years ${FIRST_YEAR} and ${LAST_YEAR}`,
      ),
    );
}
