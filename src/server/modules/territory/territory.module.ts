import { defineModule } from '../../core/kit/module.ts';
import { generateTerritoryDemo } from './territory.demo.ts';
import { prepareTownCounty } from './territory.town-prepare.ts';
import { territoryRoutes } from './territory.routes.ts';
import { countTerritories } from './territory.service.ts';
import { territoryAudit } from './territory.audit.ts';
import { territoryErrors } from './territory.errors.ts';
import { baseMapOrigins, baseMapSettings } from './territory.base-map.ts';

/** The territory tree: county → street → community → grid, with boundaries; the map's base layer. */
export const territoryModule = defineModule({
  name: 'territory',
  routes: territoryRoutes,
  permissions: {
    'territory:read': { zh: '查看区域', en: 'Read territories' },
    'territory:write': { zh: '维护区域', en: 'Maintain territories' },
  },
  errors: territoryErrors,
  grants: {
    street_admin: ['territory:read', 'territory:write'],
    inspector: ['territory:read'],
    community_secretary: ['territory:read'],
    community_worker: ['territory:read'],
    branch_secretary: ['territory:read'],
    grid_worker: ['territory:read'],
  },
  audit: {
    actions: {
      'territory.created': { zh: '新增区域', en: 'Territory added' },
      'territory.updated': { zh: '修改区域', en: 'Territory changed' },
    },
    entityTypes: { territory: { zh: '区域', en: 'Territory' } },
    ...territoryAudit,
  },
  figures: [
    {
      keys: {
        streets: { zh: '街道数', en: 'Streets' },
        communities: { zh: '社区数', en: 'Communities' },
        grids: { zh: '网格数', en: 'Grids' },
      },
      compute: ({ db, scope, code, asOf }) => countTerritories(db, scope, code, asOf),
    },
  ],
  // The map's base layer, set once for the county; its tile origins join the pages' image policy.
  settings: baseMapSettings,
  imageSources: baseMapOrigins,
  maintain: ['territories'],
  demo: {
    prepare: ({ seed, scale }) => prepareTownCounty(seed, scale),
    generate: generateTerritoryDemo,
  },
});
