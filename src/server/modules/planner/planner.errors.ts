import { defineErrors } from '../../core/http/errors.ts';

/** The grid planner's own errors. */
export const plannerErrors = defineErrors({
  proposalStale: {
    code: 'PLANNER_PROPOSAL_STALE',
    status: 409,
    text: () => ({
      zh: '方案生成之后该区域的楼栋、住户或网格已有变化，方案未应用；请重新生成方案',
      en: 'Buildings, households or grids of this place changed since the proposal was made; nothing was applied. Plan again',
    }),
  },
  alreadyApplied: {
    code: 'PLANNER_ALREADY_APPLIED',
    status: 409,
    text: () => ({
      zh: '该方案已应用，不能再修改或应用',
      en: 'This proposal has already been applied; it can be neither edited nor applied again',
    }),
  },
  moveRefused: {
    code: 'PLANNER_MOVE_REFUSED',
    status: 409,
    text: (zh: string, en: string) => ({ zh, en }),
  },
  countyNeedsAdmin: {
    code: 'PLANNER_COUNTY_ADMIN_ONLY',
    status: 403,
    text: () => ({
      zh: '全县范围的网格方案只能由县级管理员应用',
      en: 'Only the county administrator applies a county-wide grid plan',
    }),
  },
});
