/**
 * Moving buildings to other grids (a grid plan applied, issue 12), inside the caller's transaction: each building's
 * grid, its households' grid and its residents' grid change at `at`, keeping history so that every household's and
 * resident's earlier grid stays queryable and figures as of past days stay true: a household's placement until
 * then goes to `household_grid_history`, a resident's residence period to `residence_history` (departure
 * `regridded` to the new grid, the new period arriving `regridded` from the old one: nobody moved, so the flows count
 * them apart from moves, registry.figures.ts). Households
 * and residents who had moved out keep the grid they left. Per-grid counters follow through the grid_versions
 * triggers (grid-stats.ts). Set-based: a county's re-planning is a few statements.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import {
  buildings,
  householdGridHistory,
  households,
  residenceHistory,
  residents,
} from './registry.tables.ts';

export type GridMove = { buildingId: string; gridId: string; gridCode: string };

export async function moveBuildingsToGrids(tx: Executor, moves: GridMove[], at: Date) {
  if (moves.length === 0) return { buildings: 0, households: 0, residents: 0 };
  const t = at.toISOString();
  const moved = sql`unnest(${sql.param(moves.map((m) => m.buildingId))}::uuid[],
      ${sql.param(moves.map((m) => m.gridId))}::uuid[], ${sql.param(moves.map((m) => m.gridCode))}::text[])
      as m(building_id, grid_id, code)`;
  // Households: the placement that ends now is kept, starting where the previous one ended (or at registration).
  const [homes] = await rowsOf<{ n: number }>(
    tx,
    sql`with kept as (
        insert into ${householdGridHistory} (id, household_id, building_id, territory_code, starts_at, ends_at)
        select gen_random_uuid(), h.id, h.building_id, h.territory_code,
          coalesce((select max(p.ends_at) from ${householdGridHistory} p where p.household_id = h.id), h.created_at),
          ${t}::timestamptz
        from ${households} h join ${moved} on m.building_id = h.building_id
        where h.moved_out_at is null and h.territory_code <> m.code
        returning household_id)
      select count(*)::int as n from kept`,
  );
  await tx.execute(sql`update ${households} h set territory_code = m.code, updated_at = ${t}::timestamptz
    from ${moved} where m.building_id = h.building_id and h.moved_out_at is null and h.territory_code <> m.code`);
  // Residents: their residence period ends now (moved to the new grid) and a new one starts.
  const [people] = await rowsOf<{ n: number }>(
    tx,
    sql`with kept as (
        insert into ${residenceHistory} (id, resident_id, household_id, building_id, territory_code, starts_at, ends_at,
          arrival, moved_from_code, departure, moved_to_code)
        select gen_random_uuid(), r.id, r.household_id, r.building_id, r.territory_code, r.moved_in_at,
          greatest(r.moved_in_at, ${t}::timestamptz), r.arrival, r.moved_from_code, 'regridded', m.code
        from ${residents} r join ${moved} on m.building_id = r.building_id
        where r.moved_out_at is null and r.territory_code is distinct from m.code
        returning resident_id)
      select count(*)::int as n from kept`,
  );
  await tx.execute(sql`update ${residents} r set moved_from_code = r.territory_code, territory_code = m.code,
      moved_in_at = greatest(r.moved_in_at, ${t}::timestamptz), arrival = 'regridded', updated_at = ${t}::timestamptz
    from ${moved} where m.building_id = r.building_id and r.moved_out_at is null
      and r.territory_code is distinct from m.code`);
  const [blocks] = await rowsOf<{ n: number }>(
    tx,
    sql`with changed as (update ${buildings} b set grid_id = m.grid_id, territory_code = m.code,
        updated_at = ${t}::timestamptz
      from ${moved} where m.building_id = b.id and (b.grid_id <> m.grid_id or b.territory_code <> m.code)
      returning b.id)
      select count(*)::int as n from changed`,
  );
  return { buildings: blocks?.n ?? 0, households: homes?.n ?? 0, residents: people?.n ?? 0 };
}
