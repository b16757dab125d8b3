import { inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { plannerBarriers, plannerProposals } from './planner.tables.ts';

const modes: Record<string, { zh: string; en: string }> = {
  fresh: { zh: '重新划分', en: 'fresh' },
  adjust: { zh: '在现有网格上调整', en: 'adjust' },
};

/** How the audit log names the planner's entities and reads its fields. */
export const plannerAudit: Pick<AuditDeclaration, 'names' | 'fields' | 'entityFields'> = {
  names: {
    plan_proposal: async (db: Executor, ids: string[]) =>
      (
        await db
          .select({
            id: plannerProposals.id,
            code: plannerProposals.territoryCode,
            mode: plannerProposals.mode,
          })
          .from(plannerProposals)
          .where(inArray(plannerProposals.id, ids))
      ).map((r) => ({ id: r.id, name: `${r.code} · ${modes[r.mode]?.zh ?? r.mode}`, territoryCode: r.code })),
    plan_barrier: async (db: Executor, ids: string[]) =>
      (
        await db
          .select({ id: plannerBarriers.id, name: plannerBarriers.name, code: plannerBarriers.territoryCode })
          .from(plannerBarriers)
          .where(inArray(plannerBarriers.id, ids))
      ).map((r) => ({ id: r.id, name: r.name, territoryCode: r.code })),
  },
  fields: {
    barriers: { zh: '障碍线数', en: 'Barrier lines' },
    targetHouseholds: { zh: '每格目标户数', en: 'Households per grid' },
    tolerance: { zh: '容差', en: 'Tolerance' },
    gridCount: { zh: '网格数', en: 'Grids' },
    changedBuildings: { zh: '调整楼栋数', en: 'Buildings changing grid' },
    points: { zh: '点数', en: 'Points' },
    count: { zh: '条数', en: 'Count' },
    gridsCreated: { zh: '新建网格', en: 'Grids created' },
    gridsRetired: { zh: '撤销网格', en: 'Grids retired' },
    buildingsMoved: { zh: '调整楼栋', en: 'Buildings moved' },
    householdsMoved: { zh: '调整住户', en: 'Households moved' },
    residentsMoved: { zh: '调整居民', en: 'Residents moved' },
    gridWorkersMoved: { zh: '随网格调整的网格员', en: 'Grid workers moved' },
    affectedGrids: { zh: '涉及网格（待通知）', en: 'Grids affected (to be told)' },
    buildingIds: { zh: '楼栋', en: 'Buildings', entity: 'building' },
  },
  entityFields: {
    plan_proposal: {
      mode: { zh: '方式', en: 'Mode', values: modes },
      grids: { zh: '方案网格数', en: 'Proposed grids' },
      grid: { zh: '网格', en: 'Grid' },
    },
    plan_barrier: {
      kind: {
        zh: '类型',
        en: 'Kind',
        values: {
          road: { zh: '道路', en: 'Road' },
          river: { zh: '河流', en: 'River' },
          rail: { zh: '铁路', en: 'Rail line' },
        },
      },
      name: { zh: '名称', en: 'Name' },
    },
  },
};
