import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { households } from '../registry/registry.public.ts';
import { centralHouseholds, contactAssignments } from './contacts.tables.ts';

/**
 * After households' grids changed (a grid plan applied), the contact assignments and central households in force
 * of those households follow them to the new grid code (ended ones keep the grid they had). Inside the caller's
 * transaction.
 */
export async function followHouseholdGrids(tx: Executor, householdBuildingIds: string[]) {
  if (householdBuildingIds.length === 0) return;
  const ids = sql`(select unnest(${sql.param(householdBuildingIds)}::uuid[]))`;
  await tx.execute(sql`update ${contactAssignments} a set territory_code = h.territory_code
    from ${households} h where h.id = a.household_id and h.building_id in ${ids}
      and a.ends_on is null and a.territory_code <> h.territory_code`);
  await tx.execute(sql`update ${centralHouseholds} c set territory_code = h.territory_code
    from ${households} h where h.id = c.household_id and h.building_id in ${ids}
      and c.ends_on is null and c.territory_code <> h.territory_code`);
}
