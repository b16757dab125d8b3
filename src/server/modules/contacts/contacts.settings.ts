import { defineSetting } from '../../core/settings/settings.ts';

/** The county's defaults of contact assignment; a community may set its own (PUT /contacts/settings). */
export const leaderMaxLoad = defineSetting({
  key: 'contacts.leaderMaxLoad',
  label: { zh: '楼栋长联系户数上限（默认）', en: 'Households per building leader, at most (default)' },
  help: {
    zh: '自动分配联系户时，每名楼栋长（单元长）最多联系的户数；社区可另行设置',
    en: 'The most households the automatic proposal gives one building (unit) leader; a community may set its own',
  },
  input: { kind: 'integer', min: 1, max: 500, unit: { zh: '户', en: 'households' } },
  default: 80,
});

export const centralMaxLoad = defineSetting({
  key: 'contacts.centralMaxLoad',
  label: { zh: '党员中心户联系户数上限（默认）', en: 'Households per central household, at most (default)' },
  help: {
    zh: '新认定的党员中心户默认最多联系的户数（常为 10–15 户）；社区可另行设置，每户也可单独调整',
    en: 'The default load of a newly designated central household (10–15 is usual); a community or a household may differ',
  },
  input: { kind: 'integer', min: 1, max: 200, unit: { zh: '户', en: 'households' } },
  default: 15,
});

export const maxContactDistance = defineSetting({
  key: 'contacts.maxDistance',
  label: { zh: '联系人最远距离（默认）', en: 'Farthest contact (default)' },
  help: {
    zh: '不在同一楼栋或小区时，联系人所在楼栋与住户楼栋之间的最远直线距离',
    en: 'Outside the same building or compound, the farthest a contact’s building may be from the household’s',
  },
  input: { kind: 'integer', min: 50, max: 5000, unit: { zh: '米', en: 'metres' } },
  default: 500,
});
