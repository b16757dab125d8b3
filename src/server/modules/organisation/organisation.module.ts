import { defineModule } from '../../core/kit/module.ts';
import { organisationErrors } from './organisation.errors.ts';
import { organisationRoutes } from './organisation.routes.ts';

/**
 * Who serves where, across the people, leaders and party modules: the coverage board (buildings without a leader,
 * grids without a worker or a branch, branches without a secretary, expiring terms, overloaded workers), and one
 * card, one sign (一卡一牌): a building's contact cards and placard, and its public page behind their QR code.
 */
export const organisationModule = defineModule({
  name: 'organisation',
  routes: organisationRoutes,
  errors: organisationErrors,
  permissions: {
    'coverage:read': { zh: '查看组织覆盖情况', en: 'Read the coverage board' },
  },
  grants: {
    street_admin: ['coverage:read'],
    inspector: ['coverage:read'],
    community_secretary: ['coverage:read'],
    community_worker: ['coverage:read'],
    branch_secretary: ['coverage:read'],
  },
});
