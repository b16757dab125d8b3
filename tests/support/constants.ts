import type { RoleCode } from '../../src/server/core/auth/roles.ts';

/** A fixed data key for tests, so the template database's encrypted fields decrypt in every test file. */
export const TEST_DATA_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const TEST_PASSWORD = 'wuwei-demo';
/** The small demo county every test starts from: 2 streets, 4 communities, 13 grids (the synthetic town at scale 0.05). */
export const TEST_DEMO = { seed: 7, scale: 0.05, password: TEST_PASSWORD };

/** The demo account holding each role (all anchored on the first street, community and grid; README's table). */
export const DEMO_ACCOUNT: Record<RoleCode, string> = {
  county_admin: 'admin',
  street_admin: 'street',
  community_secretary: 'secretary',
  community_worker: 'worker',
  branch_secretary: 'branch',
  grid_worker: 'grid',
  building_leader: 'leader',
  party_member: 'party',
  volunteer: 'volunteer',
  resident: 'resident',
  merchant: 'merchant',
  inspector: 'inspector',
};
