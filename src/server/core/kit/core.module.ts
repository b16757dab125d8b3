import { authMaintenance } from '../auth/auth-maintenance.ts';
import { auditRoutes } from '../auth/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { coreGrants, corePermissions } from '../auth/roles.ts';
import { createRouter } from '../http/openapi.ts';
import { settingsRoutes } from '../settings/settings.routes.ts';
import { defineModule } from './module.ts';

/**
 * The kernel's own declaration, listed first in src/server/modules.ts: sign-in and sessions, the audit log, the
 * permission to see personal data in clear, and the daily pruning of ended sessions. (Table maintenance on PGlite is
 * assembled by the kit from every module's `maintain`, see src/server/background.ts.)
 */
export const coreModule = defineModule({
  name: 'core',
  routes: (deps) =>
    createRouter()
      .route('/', authRoutes(deps))
      .route('/', auditRoutes(deps))
      .route('/', settingsRoutes(deps)),
  permissions: corePermissions,
  grants: coreGrants,
  audit: {
    actions: {
      'auth.login': { zh: '登录', en: 'Sign-in' },
      'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
      'auth.logout': { zh: '退出登录', en: 'Sign-out' },
      'user.password_changed': { zh: '修改密码', en: 'Password changed' },
      'personal.revealed': { zh: '查看敏感信息', en: 'Personal data revealed' },
      'demo.seeded': { zh: '生成演示数据', en: 'Demo data generated' },
      'setting.changed': { zh: '修改系统设置', en: 'Setting changed' },
    },
    entityTypes: {
      user: { zh: '账号', en: 'Account' },
      session: { zh: '登录会话', en: 'Session' },
      county: { zh: '县（区）', en: 'County' },
      setting: { zh: '系统设置', en: 'Setting' },
    },
  },
  jobs: ({ db, logger }) => authMaintenance(db, logger),
});
