import type { Text } from '../http/errors.ts';

/**
 * A permission string, `entity:action`. Each module declares its own (`defineModule({ permissions })`) with the roles
 * that hold them (`grants`); the kernel's are below. The set is assembled at start (core/kit.ts), and an unknown
 * permission in a grant or a route stops the start.
 */
export type Permission = `${string}:${string}`;

/** The kernel's own permissions: reading the audit log, and seeing personal data in clear. */
export const corePermissions = {
  'audit:read': { zh: '查看操作日志', en: 'Read the audit log' },
  'personal:reveal': { zh: '查看完整个人信息（留痕）', en: 'Reveal personal data (audited)' },
  'settings:manage': { zh: '修改全县设置', en: 'Change the county’s settings' },
} as const satisfies Record<Permission, Text>;

export const coreGrants: Partial<Record<RoleCode, Permission[]>> = {
  street_admin: ['audit:read', 'personal:reveal'],
  inspector: ['audit:read'],
  community_secretary: ['audit:read', 'personal:reveal'],
  community_worker: ['personal:reveal'],
};

export const scopeKinds = ['all', 'street', 'community', 'grids', 'buildings', 'self'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const roleCodes = [
  'county_admin',
  'street_admin',
  'community_secretary',
  'community_worker',
  'branch_secretary',
  'grid_worker',
  'building_leader',
  'party_member',
  'volunteer',
  'resident',
  'merchant',
  'inspector',
] as const;
export type RoleCode = (typeof roleCodes)[number];

export type RoleDefinition = {
  code: RoleCode;
  name: Text;
  /** Higher ranks may grant lower ranks; nobody grants a rank above their own. */
  rank: number;
  /** Holds every permission of every module (the county administrator); the others hold what modules grant. */
  allPermissions?: true;
  /** Scope kinds this role can be assigned with; the first is the usual one. */
  scopeKinds: readonly ScopeKind[];
};

export const roles: Record<RoleCode, RoleDefinition> = {
  county_admin: {
    code: 'county_admin',
    name: { zh: '县级管理员', en: 'County administrator' },
    rank: 100,
    allPermissions: true,
    scopeKinds: ['all'],
  },
  street_admin: {
    code: 'street_admin',
    name: { zh: '街道管理员', en: 'Street administrator' },
    rank: 80,
    scopeKinds: ['street'],
  },
  inspector: {
    code: 'inspector',
    name: { zh: '只读督查员', en: 'Read-only inspector' },
    rank: 70,
    scopeKinds: ['all', 'street', 'community'],
  },
  community_secretary: {
    code: 'community_secretary',
    name: { zh: '社区书记', en: 'Community secretary' },
    rank: 60,
    scopeKinds: ['community'],
  },
  community_worker: {
    code: 'community_worker',
    name: { zh: '社区工作者', en: 'Community worker' },
    rank: 50,
    scopeKinds: ['community'],
  },
  branch_secretary: {
    code: 'branch_secretary',
    name: { zh: '网格党支部书记', en: 'Branch secretary' },
    rank: 40,
    scopeKinds: ['grids', 'community'],
  },
  grid_worker: {
    code: 'grid_worker',
    name: { zh: '网格员', en: 'Grid worker' },
    rank: 30,
    scopeKinds: ['grids'],
  },
  building_leader: {
    code: 'building_leader',
    name: { zh: '红色楼长', en: 'Building leader' },
    rank: 20,
    scopeKinds: ['buildings'],
  },
  party_member: {
    code: 'party_member',
    name: { zh: '党员', en: 'Party member' },
    rank: 10,
    scopeKinds: ['self'],
  },
  volunteer: {
    code: 'volunteer',
    name: { zh: '志愿者', en: 'Volunteer' },
    rank: 10,
    scopeKinds: ['self'],
  },
  merchant: {
    code: 'merchant',
    name: { zh: '商户', en: 'Merchant' },
    rank: 10,
    scopeKinds: ['self'],
  },
  resident: {
    code: 'resident',
    name: { zh: '居民', en: 'Resident' },
    rank: 0,
    scopeKinds: ['self'],
  },
};

export function isRoleCode(value: string): value is RoleCode {
  return value in roles;
}
