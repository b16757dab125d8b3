import { defineModule } from '../../core/kit/module.ts';
import { contactsAudit } from './contacts.audit.ts';
import { generateContactsDemo } from './contacts.demo.ts';
import { contactErrors } from './contacts.errors.ts';
import { countContactFigures } from './contacts.figures.ts';
import { contactsRoutes } from './contacts.routes.ts';
import { centralMaxLoad, leaderMaxLoad, maxContactDistance } from './contacts.settings.ts';

/**
 * Contact assignment (联系挂包): every household's named contacts — its grid worker (from its grid), its building
 * leader and, where present, a party-member central household (党员中心户) the community designates. An automatic
 * proposal assigns households to leaders and central households by building proximity within the loads the
 * community sets; the community reviews and applies it (history kept). Coverage lists households without a contact.
 */
export const contactsModule = defineModule({
  name: 'contacts',
  routes: contactsRoutes,
  permissions: {
    'contact:read': { zh: '查看联系挂包', en: 'Read contact assignments' },
    'contact:manage': {
      zh: '认定党员中心户和分配联系户',
      en: 'Designate central households and assign contacts',
    },
  },
  grants: {
    street_admin: ['contact:read', 'contact:manage'],
    inspector: ['contact:read'],
    community_secretary: ['contact:read', 'contact:manage'],
    community_worker: ['contact:read', 'contact:manage'],
    branch_secretary: ['contact:read'],
    grid_worker: ['contact:read'],
  },
  errors: contactErrors,
  settings: [leaderMaxLoad, centralMaxLoad, maxContactDistance],
  audit: {
    actions: {
      'contact.central_designated': { zh: '认定党员中心户', en: 'Central household designated' },
      'contact.central_ended': { zh: '撤销党员中心户', en: 'Central household ended' },
      'contact.proposal_applied': { zh: '应用联系户分配方案', en: 'Contact proposal applied' },
      'contact.settings_changed': { zh: '修改联系挂包设置', en: 'Contact settings changed' },
      'contact.assigned': { zh: '手动指定联系人', en: 'Contact assigned by hand' },
      'contact.assignment_ended': { zh: '解除联系人', en: 'Contact assignment ended' },
    },
    entityTypes: {
      central_household: { zh: '党员中心户', en: 'Central household' },
      contact_proposal: { zh: '联系户分配', en: 'Contact assignment' },
      contact_settings: { zh: '联系挂包设置', en: 'Contact settings' },
      contact_assignment: { zh: '联系挂包', en: 'Contact assignment' },
    },
    ...contactsAudit,
  },
  figures: [
    {
      keys: {
        centralHouseholds: { zh: '党员中心户', en: 'Central households' },
        householdsWithoutContact: {
          zh: '无联系人住户（无楼栋长且无中心户）',
          en: 'Households without a contact (no leader nor central household)',
        },
        householdsWithoutLeaderContact: {
          zh: '无楼栋长联系的住户',
          en: 'Households without a leader contact',
        },
        householdsWithoutCentralContact: {
          zh: '无党员中心户联系的住户',
          en: 'Households without a central household',
        },
      },
      compute: ({ db, scope, code, asOf }) => countContactFigures(db, scope, code, asOf),
    },
  ],
  maintain: ['central_households', 'contact_assignments'],
  demo: {
    deferred: true,
    after: ['territory', 'registry', 'accounts', 'people', 'leaders', 'party'],
    generate: generateContactsDemo,
  },
});
