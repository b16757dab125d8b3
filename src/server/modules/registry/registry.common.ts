/** What the registry's reads and writes share: the service dependencies, addresses, ages, a place inside the scope. */
import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { errors } from '../../core/http/errors.ts';
import { territories } from '../territory/territory.public.ts';

export type Deps = { db: Db; keys: DataKeys };

export { ageOn, formatAddress } from './registry.format.ts';

/**
 * SQL: the age in whole years today of a birth-date column, as `ageOn` counts it (today's UTC date). Every order by
 * age sorts by this and then by something unrelated to the birth date (the id): ordering by the birth date itself
 * would place a resident between others of known birth dates, and the birth date with the ID card's region code and
 * last four rebuilds the masked number.
 */
export function ageInYears(birthDate: SQLWrapper, today: Date = new Date()): SQL<number> {
  // YYYYMMDD today minus YYYYMMDD born, in whole ten-thousands: the years, less one before the birthday. A third
  // cheaper than extract(year from age(…)) (300,000 rows sorted: 130 ms instead of 200 on PostgreSQL), and the same.
  const day = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return sql<number>`((${day}::int - (date_part('year', ${birthDate})::int * 10000
    + date_part('month', ${birthDate})::int * 100 + date_part('day', ${birthDate})::int)) / 10000)`;
}

/** The code of a territory node inside the scope (404 otherwise), to narrow a registry query to its subtree. */
export async function territoryCodeInScope(db: Executor, scope: Scope, territoryId: string): Promise<string> {
  const [node] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(eq(territories.id, territoryId));
  if (!node) throw errors.notFound();
  // A building leader's scope names buildings, not territory: they may still filter by the grid of those buildings.
  if (!scope.all && !codeInScope(scope, node.code) && scope.buildingIds.length === 0) throw errors.notFound();
  return node.code;
}
