import { defineModule } from '../../core/kit/module.ts';
import { plannerAudit } from './planner.audit.ts';
import { generatePlannerDemo } from './planner.demo.ts';
import { plannerErrors } from './planner.errors.ts';
import { countPlannerFigures } from './planner.figures.ts';
import { plannerRoutes } from './planner.routes.ts';

/**
 * The grid planner (网格优化调整, issue 12): proposals that redraw or adjust the grids of a community, street or the
 * county to about 300 households each (the engine in engine/), barrier lines no grid may cross, editing a proposal
 * building by building, and applying it in one audited step that keeps every household's and resident's history.
 */
export const plannerModule = defineModule({
  name: 'planner',
  routes: plannerRoutes,
  permissions: {
    'planner:plan': { zh: '编制网格调整方案', en: 'Plan grids' },
    'planner:apply': { zh: '应用网格调整方案', en: 'Apply grid plans' },
  },
  grants: {
    street_admin: ['planner:plan', 'planner:apply'],
    community_secretary: ['planner:plan', 'planner:apply'],
  },
  errors: plannerErrors,
  audit: {
    actions: {
      'planner.proposal_created': { zh: '生成网格调整方案', en: 'Grid plan proposed' },
      'planner.building_moved': { zh: '调整方案中的楼栋归属', en: 'Building moved in a grid plan' },
      'planner.barrier_added': { zh: '添加网格边界障碍线', en: 'Barrier line added' },
      'planner.barriers_imported': { zh: '导入网格边界障碍线', en: 'Barrier lines imported' },
      'planner.barrier_deleted': { zh: '删除网格边界障碍线', en: 'Barrier line deleted' },
      'planner.proposal_applied': { zh: '应用网格调整方案', en: 'Grid plan applied' },
    },
    entityTypes: {
      plan_proposal: { zh: '网格调整方案', en: 'Grid plan' },
      plan_barrier: { zh: '障碍线', en: 'Barrier line' },
    },
    ...plannerAudit,
  },
  figures: [
    {
      keys: {
        gridPlanBalance: {
          zh: '户数在 300 户 ±10% 以内的网格占比（%）',
          en: 'Grids within ±10% of 300 households (%)',
        },
      },
      compute: ({ db, scope, code }) => countPlannerFigures(db, scope, code),
    },
  ],
  maintain: ['planner_proposals', 'planner_barriers'],
  // The demo town's main roads and river, after the territory demo drew the county from the town.
  demo: { after: ['territory'], generate: generatePlannerDemo },
});
