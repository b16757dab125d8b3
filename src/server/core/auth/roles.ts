import type { Text } from '../http/errors.ts';

/** Every permission string, `entity:action`. Later modules add theirs here. */
export const permissions = [
  'territory:read',
  'territory:write',
  'account:read',
  'account:write',
  'audit:read',
  'personal:reveal',
  'resident:read',
  'resident:write',
  'resident:import',
  'resident:export',
] as const;
export type Permission = (typeof permissions)[number];

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
  permissions: readonly Permission[];
  /** Scope kinds this role can be assigned with; the first is the usual one. */
  scopeKinds: readonly ScopeKind[];
};

const registryFull = ['resident:read', 'resident:write', 'resident:import', 'resident:export'] as const;

export const roles: Record<RoleCode, RoleDefinition> = {
  county_admin: {
    code: 'county_admin',
    name: { zh: '县级管理员', en: 'County administrator' },
    rank: 100,
    permissions,
    scopeKinds: ['all'],
  },
  street_admin: {
    code: 'street_admin',
    name: { zh: '街道管理员', en: 'Street administrator' },
    rank: 80,
    permissions: [
      'territory:read',
      'territory:write',
      'account:read',
      'account:write',
      'audit:read',
      'personal:reveal',
      ...registryFull,
    ],
    scopeKinds: ['street'],
  },
  inspector: {
    code: 'inspector',
    name: { zh: '只读督查员', en: 'Read-only inspector' },
    rank: 70,
    permissions: ['territory:read', 'account:read', 'audit:read', 'resident:read', 'resident:export'],
    scopeKinds: ['all', 'street', 'community'],
  },
  community_secretary: {
    code: 'community_secretary',
    name: { zh: '社区书记', en: 'Community secretary' },
    rank: 60,
    permissions: [
      'territory:read',
      'account:read',
      'account:write',
      'audit:read',
      'personal:reveal',
      ...registryFull,
    ],
    scopeKinds: ['community'],
  },
  community_worker: {
    code: 'community_worker',
    name: { zh: '社区工作者', en: 'Community worker' },
    rank: 50,
    permissions: ['territory:read', 'personal:reveal', ...registryFull],
    scopeKinds: ['community'],
  },
  branch_secretary: {
    code: 'branch_secretary',
    name: { zh: '网格党支部书记', en: 'Branch secretary' },
    rank: 40,
    permissions: ['territory:read', 'resident:read'],
    scopeKinds: ['grids', 'community'],
  },
  grid_worker: {
    code: 'grid_worker',
    name: { zh: '网格员', en: 'Grid worker' },
    rank: 30,
    permissions: ['territory:read', 'resident:read', 'resident:write'],
    scopeKinds: ['grids'],
  },
  building_leader: {
    code: 'building_leader',
    name: { zh: '红色楼长', en: 'Building leader' },
    rank: 20,
    permissions: ['resident:read'],
    scopeKinds: ['buildings'],
  },
  party_member: {
    code: 'party_member',
    name: { zh: '党员', en: 'Party member' },
    rank: 10,
    permissions: [],
    scopeKinds: ['self'],
  },
  volunteer: {
    code: 'volunteer',
    name: { zh: '志愿者', en: 'Volunteer' },
    rank: 10,
    permissions: [],
    scopeKinds: ['self'],
  },
  merchant: {
    code: 'merchant',
    name: { zh: '商户', en: 'Merchant' },
    rank: 10,
    permissions: [],
    scopeKinds: ['self'],
  },
  resident: {
    code: 'resident',
    name: { zh: '居民', en: 'Resident' },
    rank: 0,
    permissions: [],
    scopeKinds: ['self'],
  },
};

export function isRoleCode(value: string): value is RoleCode {
  return value in roles;
}
