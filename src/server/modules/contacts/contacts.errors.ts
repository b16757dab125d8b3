import { defineErrors } from '../../core/http/errors.ts';

/** The contacts module's own errors (the rules of 联系挂包). */
export const contactErrors = defineErrors({
  proposalStale: {
    code: 'CONTACT_PROPOSAL_STALE',
    status: 409,
    text: () => ({
      zh: '审核之后联系人或住户已有变化，方案未应用；请重新生成方案并审核',
      en: 'Contacts or households changed since the proposal was reviewed; nothing was applied. Propose again and review',
    }),
  },
  alreadyCentral: {
    code: 'CONTACT_ALREADY_CENTRAL',
    status: 409,
    text: () => ({
      zh: '该户已是党员中心户',
      en: 'This household is already a central household',
    }),
  },
  notPartyMember: {
    code: 'CONTACT_NOT_PARTY_MEMBER',
    status: 409,
    text: () => ({
      zh: '只有本社区在册党员（居住在本社区）的家庭可认定为党员中心户',
      en: 'Only the household of a party member living in this community can be a central household',
    }),
  },
  overLoad: {
    code: 'CONTACT_OVER_LOAD',
    status: 409,
    text: (load: number, maxLoad: number) => ({
      zh: `该联系人已联系 ${load} 户，上限为 ${maxLoad} 户；确需超出上限请勾选确认后再提交`,
      en: `This contact already looks after ${load} households, at most ${maxLoad}; confirm to go above the load`,
    }),
  },
  householdMovedOut: {
    code: 'CONTACT_HOUSEHOLD_MOVED_OUT',
    status: 409,
    text: () => ({
      zh: '该户已迁出，不能指定联系人',
      en: 'This household has moved out: it takes no contact',
    }),
  },
  noContact: {
    code: 'CONTACT_NONE',
    status: 409,
    text: () => ({ zh: '该户没有这一类联系人', en: 'This household has no contact of this kind' }),
  },
  alreadyEnded: {
    code: 'CONTACT_ALREADY_ENDED',
    status: 409,
    text: () => ({ zh: '该党员中心户已撤销', en: 'This central household has already ended' }),
  },
});
