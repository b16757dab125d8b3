import { defineErrors } from '../../core/http/errors.ts';

/** The visit logs' own errors. */
export const visitLogErrors = defineErrors({
  notAuthor: {
    code: 'VISIT_LOG_NOT_AUTHOR',
    status: 403,
    text: () => ({ zh: '只能修改自己写的民情日志', en: 'Only the author may edit a visit log' }),
  },
  locked: {
    code: 'VISIT_LOG_LOCKED',
    status: 409,
    text: (why: 'commented' | 'old') =>
      why === 'commented'
        ? {
            zh: '日志已有批注，不能再修改；可在批注下补充说明',
            en: 'The log has been commented on and can no longer be edited',
          }
        : {
            zh: '日志写成已超过 7 天，不能再修改',
            en: 'The log was written more than 7 days ago and can no longer be edited',
          },
  },
  notFollowUp: {
    code: 'VISIT_LOG_FOLLOW_UP_FORBIDDEN',
    status: 403,
    text: () => ({
      zh: '只有作者或可批注的干部能改变跟进状态',
      en: 'Only the author or a supervisor who may comment can change the follow-up status',
    }),
  },
});
