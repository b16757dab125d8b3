import type { AssignmentInput } from './accounts.schemas.ts';
import type { RoleCode } from '../../core/auth/roles.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoBuildingIds } from '../registry/registry.public.ts';
import { demoTerritory, type DemoNode } from '../territory/territory.public.ts';
import { buildAccount, insertAccountRows } from './accounts.factories.ts';

export type DemoAccount = {
  username: string;
  displayName: string;
  mobile: string;
  role: RoleCode;
  roles: AssignmentInput[];
};

/**
 * One demo account per role, anchored on the first street, its first community and that community's first grid
 * (the building leader on that grid's first building), so that every role's view can be tried at once. Mobile numbers use the 170 virtual-operator range, names are made up.
 */
export function demoAccounts(nodes: DemoNode[], leaderBuildingIds: string[]): DemoAccount[] {
  const street = nodes.find((n) => n.level === 'street')!;
  const community = nodes.find((n) => n.level === 'community' && n.parentId === street.id)!;
  const grids = nodes.filter((n) => n.level === 'grid' && n.parentId === community.id);
  const firstGrid = grids[0]!;
  const one = (role: RoleCode, scopeKind: AssignmentInput['scopeKind'], scopeIds: string[] = []) => [
    { role, scopeKind, scopeIds },
  ];
  const list: Omit<DemoAccount, 'mobile'>[] = [
    { username: 'admin', displayName: '县级管理员', role: 'county_admin', roles: one('county_admin', 'all') },
    {
      username: 'street',
      displayName: `${street.name}管理员`,
      role: 'street_admin',
      roles: one('street_admin', 'street', [street.id]),
    },
    {
      username: 'secretary',
      displayName: '王书记',
      role: 'community_secretary',
      roles: one('community_secretary', 'community', [community.id]),
    },
    {
      username: 'worker',
      displayName: '李社工',
      role: 'community_worker',
      roles: one('community_worker', 'community', [community.id]),
    },
    {
      username: 'branch',
      displayName: '张支书',
      role: 'branch_secretary',
      roles: one(
        'branch_secretary',
        'grids',
        grids.slice(0, 2).map((g) => g.id),
      ),
    },
    {
      username: 'grid',
      displayName: '赵网格员',
      role: 'grid_worker',
      roles: one('grid_worker', 'grids', [firstGrid.id]),
    },
    {
      username: 'leader',
      displayName: '孙楼长',
      role: 'building_leader',
      roles: one('building_leader', 'buildings', leaderBuildingIds),
    },
    { username: 'party', displayName: '周党员', role: 'party_member', roles: one('party_member', 'self') },
    { username: 'volunteer', displayName: '吴志愿者', role: 'volunteer', roles: one('volunteer', 'self') },
    { username: 'resident', displayName: '郑居民', role: 'resident', roles: one('resident', 'self') },
    { username: 'merchant', displayName: '冯商户', role: 'merchant', roles: one('merchant', 'self') },
    { username: 'inspector', displayName: '陈督查', role: 'inspector', roles: one('inspector', 'all') },
  ];
  return list.map((a, i) => ({ ...a, mobile: `1700000${String(i + 1).padStart(4, '0')}` }));
}

/** The accounts module's demo data: one account per role (the password is the demo password). */
export async function generateAccountsDemo(context: DemoContext): Promise<Record<string, number>> {
  const accounts = demoAccounts(demoTerritory(context), demoBuildingIds(context).slice(0, 1));
  const created: DemoAccountRecord[] = [];
  for (const account of accounts) {
    const built = buildAccount(context.keys, {
      ...account,
      passwordHash: context.passwordHash,
      mustChangePassword: false,
    });
    await insertAccountRows(context.tx, built);
    created.push({ ...account, id: built.user.id });
  }
  context.shared.set('accounts', created);
  return { accounts: accounts.length };
}

/** A demo account as created, with its id. */
export type DemoAccountRecord = DemoAccount & { id: string };

/** The demo accounts in creation order, for the demo generators of modules that run after this one. */
export function demoAccountRecords(context: DemoContext): DemoAccountRecord[] {
  const accounts = context.shared.get('accounts') as DemoAccountRecord[] | undefined;
  if (!accounts) throw new Error('the accounts demo has not run: name "accounts" in demo.after');
  return accounts;
}
