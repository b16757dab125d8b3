import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { buildings } from '../registry/registry.public.ts';
import { roundGrids, roundHouseholds, rounds, roundVisitPhotos, roundVisits } from './rounds.tables.ts';

/**
 * After buildings moved to another grid (a grid plan applied), the open rounds follow the registry, so that who serves
 * a household now is who visits it, calls it and reads its visits: a listed household of those buildings takes its
 * building's new grid when that grid lies in the round's place (a county's, street's or community's round: always,
 * plans never cross a community), else it leaves the round (a grid's round: the household is another grid's now);
 * its visits and their photos take its new grid code; the per-grid counters of the grids concerned are counted again
 * from the list. Closed rounds keep the grids they were done in (history). Inside the caller's transaction.
 *
 * Locks as a visit does, households first and then their grids' counters, so a visit running alongside waits rather
 * than deadlocks, and none is counted twice or lost: one that wrote before is in the recount, one after adds to it.
 */
export async function followBuildingGrids(tx: Executor, buildingIds: string[]): Promise<void> {
  if (buildingIds.length === 0) return;
  const ids = sql`(select unnest(${sql.param(buildingIds)}::uuid[]))`;
  const moved = await rowsOf<{ round_id: string; old_grid: string; new_grid: string; stays: boolean }>(
    tx,
    sql`select rh.round_id, rh.grid_id as old_grid, b.grid_id as new_grid,
        left(b.territory_code, length(r.territory_code)) = r.territory_code as stays
      from ${roundHouseholds} rh
      join ${rounds} r on r.id = rh.round_id and r.status = 'open'
      join ${buildings} b on b.id = rh.building_id
      where rh.building_id in ${ids} and rh.grid_id <> b.grid_id
      for update of rh`,
  );
  if (moved.length === 0) return;
  const pairs = new Map<string, { roundId: string; gridId: string }>();
  for (const m of moved) {
    pairs.set(`${m.round_id}:${m.old_grid}`, { roundId: m.round_id, gridId: m.old_grid });
    if (m.stays) pairs.set(`${m.round_id}:${m.new_grid}`, { roundId: m.round_id, gridId: m.new_grid });
  }
  const touched = [...pairs.values()];
  const touchedRows = sql`(select * from unnest(${sql.param(touched.map((p) => p.roundId))}::uuid[],
    ${sql.param(touched.map((p) => p.gridId))}::uuid[]))`;
  const moving = sql`from ${rounds} r, ${buildings} b
    where r.id = rh.round_id and r.status = 'open' and b.id = rh.building_id and rh.building_id in ${ids}
      and rh.grid_id <> b.grid_id`;
  const inPlace = sql`left(b.territory_code, length(r.territory_code)) = r.territory_code`;
  await tx.execute(sql`delete from ${roundHouseholds} rh using ${rounds} r, ${buildings} b
    where r.id = rh.round_id and r.status = 'open' and b.id = rh.building_id and rh.building_id in ${ids}
      and rh.grid_id <> b.grid_id and not ${inPlace}`);
  await tx.execute(sql`update ${roundHouseholds} rh set grid_id = b.grid_id, territory_code = b.territory_code
    ${moving} and ${inPlace}`);
  await tx.execute(sql`update ${roundVisits} v set territory_code = rh.territory_code
    from ${roundHouseholds} rh, ${rounds} r
    where r.id = v.round_id and r.status = 'open' and rh.round_id = v.round_id and rh.household_id = v.household_id
      and v.building_id in ${ids} and v.territory_code <> rh.territory_code`);
  await tx.execute(sql`update ${roundVisitPhotos} p set territory_code = v.territory_code
    from ${roundVisits} v, ${rounds} r
    where v.id = p.visit_id and r.id = v.round_id and r.status = 'open' and v.building_id in ${ids}
      and p.territory_code <> v.territory_code`);
  // The counters, counted again in place: their rows locked first, so a visit that holds one commits before the
  // recount reads the list, and one that waits adds its own to the recounted row (a row deleted and inserted again
  // would lose it). A grid left with none of the round's households drops out (none of them can be being visited:
  // they are this transaction's, locked above).
  await tx.execute(sql`select 1 from ${roundGrids} where (round_id, grid_id) in ${touchedRows} for update`);
  await tx.execute(sql`insert into ${roundGrids} (round_id, grid_id, territory_code, households, visited, covered)
    select round_id, grid_id, min(territory_code), count(*)::int, (count(*) filter (where visits > 0))::int,
      (count(*) filter (where state <> 'pending'))::int
    from ${roundHouseholds} where (round_id, grid_id) in ${touchedRows}
    group by round_id, grid_id
    on conflict (round_id, grid_id) do update set territory_code = excluded.territory_code,
      households = excluded.households, visited = excluded.visited, covered = excluded.covered`);
  await tx.execute(sql`delete from ${roundGrids} g where (g.round_id, g.grid_id) in ${touchedRows}
    and not exists (select 1 from ${roundHouseholds} rh where rh.round_id = g.round_id and rh.grid_id = g.grid_id)`);
  await tx.execute(sql`update ${rounds} r set households =
      (select coalesce(sum(g.households), 0)::int from ${roundGrids} g where g.round_id = r.id)
    where r.id in (select unnest(${sql.param([...new Set(touched.map((p) => p.roundId))])}::uuid[]))`);
}
