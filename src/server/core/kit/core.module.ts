import { authMaintenance } from '../auth/auth-maintenance.ts';
import { auditRoutes } from '../auth/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { coreGrants, corePermissions } from '../auth/roles.ts';
import { createRouter } from '../http/openapi.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { demoRoutes } from '../demo/demo.routes.ts';
import { preferencesRoutes } from '../preferences/preferences.routes.ts';
import { settingsRoutes } from '../settings/settings.routes.ts';
import { settingNames } from '../settings/settings.ts';
import { inArray, eq } from 'drizzle-orm';
import { scopeAnchors, sessions, users } from '../auth/auth.tables.ts';
import { roles } from '../auth/roles.ts';
import type { Executor } from '../db/client.ts';
import { defineModule } from './module.ts';

/** Accounts by their name (the name officials know them by; account names are not personal data here). */
const userNames = (db: Executor, ids: string[]) =>
  db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));

/** A place a scope is anchored on (a territory node or a building), through the kernel's view over both. */
const placeNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: scopeAnchors.id, name: scopeAnchors.name, territoryCode: scopeAnchors.code })
    .from(scopeAnchors)
    .where(inArray(scopeAnchors.id, ids));

const roleNames = Object.fromEntries(Object.values(roles).map((r) => [r.code, r.name]));

/** A session by its account's name. */
const sessionNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: sessions.id, name: users.displayName })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.id, ids));

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
      .route('/', settingsRoutes(deps))
      .route('/', preferencesRoutes(deps))
      .route('/', notificationsRoutes(deps))
      .route('/', demoRoutes(deps)),
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
      'preference.changed': { zh: '修改个人偏好', en: 'Preference changed' },
    },
    entityTypes: {
      user: { zh: '账号', en: 'Account' },
      session: { zh: '登录会话', en: 'Session' },
      county: { zh: '县（区）', en: 'County' },
      setting: { zh: '系统设置', en: 'Setting' },
    },
    // Fields many modules write mean one thing everywhere: declared here once.
    fields: {
      id: { zh: '编号', en: 'Id' },
      name: { zh: '名称', en: 'Name' },
      kind: { zh: '类型', en: 'Kind' },
      status: { zh: '状态', en: 'Status' },
      startsOn: { zh: '开始日期', en: 'Starts on' },
      endsOn: { zh: '结束日期', en: 'Ends on' },
      startsAt: { zh: '开始时间', en: 'Starts at' },
      endsAt: { zh: '结束时间', en: 'Ends at' },
      reason: { zh: '原因', en: 'Reason' },
      note: { zh: '备注', en: 'Note' },
      tags: { zh: '标签', en: 'Tags' },
      code: { zh: '编码', en: 'Code' },
      parentId: { zh: '上级', en: 'Parent' },
      idCard: { zh: '身份证号', en: 'ID-card number' },
      phone: { zh: '电话', en: 'Phone' },
      mobile: { zh: '手机号', en: 'Mobile' },
      birthDate: { zh: '出生日期', en: 'Birth date' },
      gender: {
        zh: '性别',
        en: 'Gender',
        values: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } },
      },
      fields: {
        zh: '涉及字段',
        en: 'Fields',
        values: {
          idCard: { zh: '身份证号', en: 'ID-card number' },
          phone: { zh: '电话', en: 'Phone' },
          mobile: { zh: '手机号', en: 'Mobile' },
          birthDate: { zh: '出生日期', en: 'Birth date' },
        },
      },
      account: { zh: '登录账号', en: 'Account' },
      displayName: { zh: '姓名', en: 'Name' },
      username: { zh: '用户名', en: 'User name' },
      password: { zh: '密码', en: 'Password' },
      userId: { zh: '账号', en: 'Account', entity: 'user' },
      roles: { zh: '角色', en: 'Roles' },
      role: { zh: '角色', en: 'Role', values: roleNames },
      scopeKind: {
        zh: '范围',
        en: 'Scope',
        values: {
          all: { zh: '全县', en: 'County-wide' },
          street: { zh: '街道', en: 'Street' },
          community: { zh: '社区', en: 'Community' },
          grids: { zh: '网格', en: 'Grids' },
          buildings: { zh: '楼栋', en: 'Buildings' },
          self: { zh: '本人', en: 'Self' },
        },
      },
      scopeIds: { zh: '范围内', en: 'Places', entity: 'place' },
      seed: { zh: '随机种子', en: 'Seed' },
      scale: { zh: '规模', en: 'Scale' },
      rows: { zh: '行数', en: 'Rows' },
      value: { zh: '设定值', en: 'Value' },
      preference: { zh: '偏好', en: 'Preference' },
    },
    entityFields: {
      user: {
        status: {
          zh: '状态',
          en: 'Status',
          values: { active: { zh: '启用', en: 'Active' }, disabled: { zh: '停用', en: 'Disabled' } },
        },
      },
    },
    names: { user: userNames, session: sessionNames, place: placeNames, setting: settingNames },
    systemActors: {
      // The demo seed's actor name (src/demo/seed.ts).
      演示数据生成: { zh: '系统（演示数据）', en: 'System (demo data)' },
    },
  },
  jobs: ({ db, logger }) => authMaintenance(db, logger),
});
