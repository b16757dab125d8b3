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
  clientIdTaken: {
    code: 'VISIT_LOG_CLIENT_ID_TAKEN',
    status: 409,
    text: () => ({
      zh: '该日志编号已被他人使用，日志未保存；请重新填写后提交',
      en: 'This log’s client id is used by someone else; the log was not saved. Write it again',
    }),
  },
  householdMovedOut: {
    code: 'VISIT_LOG_HOUSEHOLD_MOVED_OUT',
    status: 409,
    text: (room: string) => ({
      zh: `${room} 户已迁出，日志未保存；请改为关联楼栋或网格`,
      en: `The household in ${room} has moved out; the log was not saved. Attach it to the building or grid instead`,
    }),
  },
});
