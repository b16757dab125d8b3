import { defineModule } from '../../core/kit/module.ts';
import { generateAccountsDemo } from './accounts.demo.ts';
import { accountErrors } from './accounts.errors.ts';
import { accountRoutes } from './accounts.routes.ts';

/** Account administration: create, disable, reset passwords, roles with their scopes. */
export const accountsModule = defineModule({
  name: 'accounts',
  routes: accountRoutes,
  permissions: {
    'account:read': { zh: '查看账号', en: 'Read accounts' },
    'account:write': { zh: '管理账号', en: 'Manage accounts' },
  },
  grants: {
    street_admin: ['account:read', 'account:write'],
    inspector: ['account:read'],
    community_secretary: ['account:read', 'account:write'],
  },
  errors: accountErrors,
  audit: {
    actions: {
      'user.created': { zh: '新建账号', en: 'Account created' },
      'user.updated': { zh: '修改账号', en: 'Account updated' },
      'user.disabled': { zh: '停用账号', en: 'Account disabled' },
      'user.enabled': { zh: '启用账号', en: 'Account enabled' },
      'user.password_reset': { zh: '重置密码', en: 'Password reset' },
      'user.roles_changed': { zh: '分配角色', en: 'Roles changed' },
      'user.mobile_taken': { zh: '手机号已被占用（拒绝）', en: 'Mobile number in use (refused)' },
    },
    fields: { accounts: { zh: '账号数', en: 'Accounts' } },
  },
  demo: { after: ['territory', 'registry'], generate: generateAccountsDemo },
});
