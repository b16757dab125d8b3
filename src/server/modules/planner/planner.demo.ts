import type { DemoContext } from '../../core/kit/module.ts';
import { newId } from '../../core/db/ids.ts';
import { demoCounty, demoTerritory } from '../territory/territory.public.ts';
import { plannerBarriers } from './planner.tables.ts';

/**
 * The planner's demo data: the demo town's main roads and its river as barrier lines of the county (drawn at the
 * county, so every plan in it uses them), as the county's planners would have drawn them.
 */
export async function generatePlannerDemo(context: DemoContext): Promise<Record<string, number>> {
  const county = demoTerritory(context).find((n) => n.level === 'county')!;
  let road = 0;
  const rows = demoCounty(context).town.barriers.map((b) => ({
    id: newId(),
    territoryCode: county.code,
    kind: b.kind,
    name: b.kind === 'river' ? '沭河' : `主干道${++road}`,
    line: b.line,
  }));
  if (rows.length > 0) await context.tx.insert(plannerBarriers).values(rows);
  return { barriers: rows.length };
}
