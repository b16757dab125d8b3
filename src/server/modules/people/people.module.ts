import { defineModule } from '../../core/kit/module.ts';
import { generatePeopleDemo } from './people.demo.ts';
import { peopleRoutes } from './people.routes.ts';
import { countPeople } from './people.service.ts';

/**
 * The people behind accounts: person records (a resident of the registry, or a person standing alone) that an
 * account can be linked to, so that a `self` scope means "records of my person" and later modules attach records
 * to people.
 */
export const peopleModule = defineModule({
  name: 'people',
  routes: peopleRoutes,
  permissions: {
    'person:read': { zh: '查看人员', en: 'Read people' },
    'person:write': { zh: '登记人员和关联账号', en: 'Record people and link accounts' },
  },
  grants: {
    street_admin: ['person:read', 'person:write'],
    inspector: ['person:read'],
    community_secretary: ['person:read', 'person:write'],
    community_worker: ['person:read', 'person:write'],
    branch_secretary: ['person:read'],
    grid_worker: ['person:read'],
    building_leader: ['person:read'],
  },
  audit: {
    actions: {
      'person.created': { zh: '登记人员', en: 'Person recorded' },
      'person.account_linked': { zh: '关联账号', en: 'Account linked' },
      'person.account_unlinked': { zh: '解除账号关联', en: 'Account unlinked' },
      'person.access_granted': { zh: '职务授予权限', en: 'Access given by a position' },
      'person.access_ended': { zh: '职务权限终止', en: 'Access of a position ended' },
    },
    entityTypes: { person: { zh: '人员', en: 'Person' } },
  },
  figures: [
    {
      keys: {
        people: { zh: '人员数', en: 'People' },
        peopleLinked: { zh: '已关联账号的人员', en: 'People with an account' },
      },
      compute: ({ db, scope, code, asOf }) => countPeople(db, scope, code, asOf),
    },
  ],
  maintain: ['persons', 'grid_workers'],
  demo: { after: ['territory', 'registry', 'accounts'], generate: generatePeopleDemo },
});
