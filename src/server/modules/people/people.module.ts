import { defineModule } from '../../core/kit/module.ts';
import { gridWorkerRoutes } from './grid-workers.routes.ts';
import { countGridWorkers } from './grid-workers.service.ts';
import { peopleAudit } from './people.audit.ts';
import { generatePeopleDemo } from './people.demo.ts';
import { peopleRoutes } from './people.routes.ts';
import { maxWorkerLoad } from './people.settings.ts';
import { countPeople } from './people.service.ts';

/**
 * The people behind accounts: person records (a resident of the registry, or a person standing alone) that an
 * account can be linked to, so that a `self` scope means "records of my person" and later modules attach records
 * to people.
 */
export const peopleModule = defineModule({
  name: 'people',
  routes: (deps) => peopleRoutes(deps).route('/', gridWorkerRoutes(deps)),
  permissions: {
    'person:read': { zh: '查看人员', en: 'Read people' },
    'person:write': { zh: '登记人员和关联账号', en: 'Record people and link accounts' },
    'grid_worker:read': { zh: '查看网格员', en: 'Read grid workers' },
    'grid_worker:write': { zh: '任免网格员', en: 'Appoint and end grid workers' },
  },
  grants: {
    street_admin: ['person:read', 'person:write', 'grid_worker:read', 'grid_worker:write'],
    inspector: ['person:read', 'grid_worker:read'],
    community_secretary: ['person:read', 'person:write', 'grid_worker:read', 'grid_worker:write'],
    community_worker: ['person:read', 'person:write', 'grid_worker:read', 'grid_worker:write'],
    branch_secretary: ['person:read', 'grid_worker:read'],
    grid_worker: ['person:read', 'grid_worker:read'],
    building_leader: ['person:read'],
  },
  audit: {
    actions: {
      'person.created': { zh: '登记人员', en: 'Person recorded' },
      'person.account_linked': { zh: '关联账号', en: 'Account linked' },
      'person.account_unlinked': { zh: '解除账号关联', en: 'Account unlinked' },
      'person.access_granted': { zh: '职务授予权限', en: 'Access given by a position' },
      'person.access_ended': { zh: '职务权限终止', en: 'Access of a position ended' },
      'person.access_moved': {
        zh: '更换关联账号：职务权限转至新账号',
        en: 'Access of positions moved to the newly linked account',
      },
      'grid_worker.appointed': { zh: '任命网格员', en: 'Grid worker appointed' },
      'grid_worker.ended': { zh: '网格员离任', en: 'Grid worker’s service ended' },
      'grid_worker.moved': {
        zh: '网格调整：网格员随网格转入新网格',
        en: 'Grid worker moved to the successor grid',
      },
    },
    entityTypes: {
      person: { zh: '人员', en: 'Person' },
      grid_worker: { zh: '网格员', en: 'Grid worker' },
    },
    ...peopleAudit,
  },
  settings: [maxWorkerLoad],
  figures: [
    {
      keys: {
        people: { zh: '人员数', en: 'People' },
        peopleLinked: { zh: '已关联账号的人员', en: 'People with an account' },
      },
      compute: ({ db, scope, code, asOf }) => countPeople(db, scope, code, asOf),
    },
    {
      keys: {
        gridWorkers: { zh: '网格员', en: 'Grid workers' },
        partTimeGridWorkers: { zh: '兼职网格员', en: 'Part-time grid workers' },
      },
      compute: ({ db, scope, code, asOf }) => countGridWorkers(db, scope, code, asOf),
    },
  ],
  maintain: ['persons', 'grid_workers'],
  demo: { after: ['territory', 'registry', 'accounts'], generate: generatePeopleDemo },
});
