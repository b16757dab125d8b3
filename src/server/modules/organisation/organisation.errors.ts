import { defineErrors } from '../../core/http/errors.ts';

/** The organisation module's own errors. */
export const organisationErrors = defineErrors({
  tooManyCards: {
    code: 'CARDS_TOO_MANY',
    status: 400,
    text: (count: number, limit: number) => ({
      zh: `该区域共有 ${count} 户，一次最多打印 ${limit} 户的联系服务卡，请选择一个社区或网格`,
      en: `The place has ${count} households; at most ${limit} households' cards print at once — choose a community or a grid`,
    }),
  },
});
