import { defineErrors } from '../../core/http/errors.ts';

/** The rounds module's own errors (the rules of 敲门行动). */
export const roundErrors = defineErrors({
  roundClosed: {
    code: 'ROUND_CLOSED',
    status: 409,
    text: (name: string) => ({
      zh: `敲门行动“${name}”已结束，不能再记录走访`,
      en: `The round “${name}” is closed; no more visits can be recorded`,
    }),
  },
  closedForCalls: {
    code: 'ROUND_CLOSED_FOR_CALLS',
    status: 409,
    text: (name: string) => ({
      zh: `敲门行动“${name}”已结束，不能再从行动清单拨打居民电话`,
      en: `The round “${name}” is closed; its list no longer gives residents’ numbers`,
    }),
  },
  closedForPhotos: {
    code: 'ROUND_CLOSED_FOR_PHOTOS',
    status: 409,
    text: (name: string) => ({
      zh: `敲门行动“${name}”已结束，不能再添加或更换走访照片`,
      en: `The round “${name}” is closed; a visit’s photo can no longer be added or replaced`,
    }),
  },
  clientIdTaken: {
    code: 'ROUND_VISIT_CLIENT_ID_TAKEN',
    status: 409,
    text: () => ({
      zh: '该走访编号已被另一次走访使用，本次走访未保存；请重新记录',
      en: 'This visit’s client id is used by another visit; the visit was not saved. Record it again',
    }),
  },
  householdMovedOut: {
    code: 'ROUND_HOUSEHOLD_MOVED_OUT',
    status: 409,
    text: (room: string) => ({
      zh: `${room} 户已迁出，走访未保存；请刷新清单`,
      en: `The household in ${room} has moved out; the visit was not saved. Refresh the list`,
    }),
  },
  notCovered: {
    code: 'ROUND_NOT_COVERED',
    status: 409,
    text: (pending: number, total: number) => ({
      zh: `还有 ${pending} 户（共 ${total} 户）未覆盖，不能结束；如确需结束，请填写原因`,
      en: `${pending} of ${total} households are not covered yet; give a reason to close the round anyway`,
    }),
  },
  alreadyClosed: {
    code: 'ROUND_ALREADY_CLOSED',
    status: 409,
    text: () => ({ zh: '该敲门行动已结束', en: 'The round is already closed' }),
  },
});
