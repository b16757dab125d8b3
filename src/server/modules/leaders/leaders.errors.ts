import { defineErrors } from '../../core/http/errors.ts';

const statusZh: Record<string, string> = {
  submitted: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** The leaders module's own errors (the rules of 一楼一长, 一年一聘). */
export const leaderErrors = defineErrors({
  buildingTaken: {
    code: 'LEADER_BUILDING_TAKEN',
    status: 409,
    text: (name: string, from: string, to: string) => ({
      zh: `该楼栋（单元）在 ${from} 至 ${to} 已有楼长“${name}”，同一时间只能有一名楼长`,
      en: `The building (unit) already has a leader, ${name}, from ${from} to ${to}; one leader at a time`,
    }),
  },
  termsOverlap: {
    code: 'LEADER_TERMS_OVERLAP',
    status: 409,
    text: (from: string, to: string) => ({
      zh: `此人在该楼栋已有 ${from} 至 ${to} 的任期，任期不能重叠`,
      en: `This person already has a term on this building from ${from} to ${to}; terms cannot overlap`,
    }),
  },
  wrongStatus: {
    code: 'LEADER_TERM_STATUS',
    status: 409,
    text: (status: string) => ({
      zh: `该任期当前状态为“${statusZh[status] ?? status}”，不能执行此操作`,
      en: `The term is ${status}; this cannot be done now`,
    }),
  },
  termOver: {
    code: 'LEADER_TERM_OVER',
    status: 409,
    text: (endsOn: string) => ({
      zh: `该任期已于 ${endsOn} 结束`,
      en: `The term ended on ${endsOn}`,
    }),
  },
  alreadyRenewed: {
    code: 'LEADER_TERM_RENEWED',
    status: 409,
    text: () => ({ zh: '该任期已续聘', en: 'The term has already been renewed' }),
  },
});
