/**
 * The county's offline base layer (territory_base_lines): roads and rivers the map draws under the boundaries
 * when no tile base map is configured. A place's map gets every line of its county (a few hundred short line
 * strings at most; the map's view shows the part around the place).
 */
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { baseLines, type BaseLineKind } from './territory.tables.ts';

export type BaseLine = { kind: BaseLineKind; line: [number, number][] };

/** The base lines of the county holding the place `code` (a county code is its first six digits). */
export async function baseLinesOf(db: Executor, code: string): Promise<BaseLine[]> {
  const county = code.slice(0, 6);
  return db
    .select({ kind: baseLines.kind, line: baseLines.line })
    .from(baseLines)
    .where(startsWith(baseLines.territoryCode, county))
    .orderBy(
      sql`case ${baseLines.kind} when 'river' then 0 when 'main_road' then 1 else 2 end`,
      asc(baseLines.territoryCode),
      asc(baseLines.id),
    );
}
