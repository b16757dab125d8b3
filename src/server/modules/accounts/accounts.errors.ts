import { defineErrors } from '../../core/http/errors.ts';

/** The accounts module's own errors. */
export const accountErrors = defineErrors({
  mobileSearchNotAllowed: {
    code: 'MOBILE_SEARCH_NOT_ALLOWED',
    status: 403,
    text: () => ({
      zh: '按手机号查找账号，需要在您可查看的全部账号范围内拥有“查看完整个人信息”的权限；请按用户名或姓名查找',
      en: 'Finding accounts by mobile number needs the right to reveal personal data wherever you may read accounts; search by username or name instead',
    }),
  },
});
