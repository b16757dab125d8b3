import { defineModule } from '../../core/kit/module.ts';
import { placesRoutes } from './places.routes.ts';
import { registryAudit } from './registry.audit.ts';
import { generateRegistryDemo } from './registry.demo.ts';
import { registryFigureKeys, registryFigures } from './registry.figures.ts';
import { registryErrors } from './registry.errors.ts';
import { MAX_IMPORT_BYTES } from './registry-import.common.ts';
import { registryExportJobs } from './registry-export.jobs.ts';
import { registryExportRoutes } from './registry-export.routes.ts';
import { registryImportJobs } from './registry-import.jobs.ts';
import { registryImportRoutes } from './registry-import.routes.ts';
import { registryRoutes } from './registry.routes.ts';
import { REGISTRY_TABLES } from './registry.tables.ts';
import { createRouter } from '../../core/http/openapi.ts';

const full = ['resident:read', 'resident:write', 'resident:import', 'resident:export'] as const;

/**
 * The registry of who lives where: buildings, units, households, residents with key-population tags and their
 * history; the grid fact sheet and the map of a place; the Excel import and export.
 */
export const registryModule = defineModule({
  name: 'registry',
  routes: (deps) =>
    createRouter()
      .route('/', registryImportRoutes(deps))
      .route('/', registryExportRoutes(deps))
      .route('/', registryRoutes(deps))
      .route('/', placesRoutes(deps)),
  uploads: [{ path: '/registry/imports', maxBytes: MAX_IMPORT_BYTES }],
  permissions: {
    'resident:read': { zh: '查看居民', en: 'Read residents' },
    'resident:write': { zh: '登记和修改居民', en: 'Register and edit residents' },
    'resident:import': { zh: '导入居民', en: 'Import residents' },
    'resident:export': { zh: '导出居民', en: 'Export residents' },
  },
  grants: {
    street_admin: [...full],
    inspector: ['resident:read', 'resident:export'],
    community_secretary: [...full],
    community_worker: [...full],
    branch_secretary: ['resident:read'],
    grid_worker: ['resident:read', 'resident:write'],
    building_leader: ['resident:read'],
  },
  errors: registryErrors,
  audit: {
    actions: {
      'household.created': { zh: '登记住户', en: 'Household registered' },
      'household.updated': { zh: '修改住户', en: 'Household updated' },
      'household.moved_out': { zh: '住户迁出', en: 'Household moved out' },
      'resident.created': { zh: '登记居民', en: 'Resident registered' },
      'resident.updated': { zh: '修改居民', en: 'Resident updated' },
      'resident.moved': { zh: '居民迁户', en: 'Resident moved' },
      'resident.moved_out': { zh: '居民迁出', en: 'Resident moved out' },
      'resident.exported': { zh: '导出居民名单', en: 'Residents exported' },
      'resident.looked_up': { zh: '按完整号码查找', en: 'Lookup by whole number' },
      'resident.id_card_taken': { zh: '身份证号已登记（拒绝）', en: 'ID-card number registered (refused)' },
      'registry.imported': { zh: '导入居民信息', en: 'Residents imported' },
    },
    entityTypes: {
      household: { zh: '住户', en: 'Household' },
      resident: { zh: '居民', en: 'Resident' },
      registry_import: { zh: '导入批次', en: 'Import' },
    },
    ...registryAudit,
  },
  figures: [
    {
      keys: registryFigureKeys,
      compute: registryFigures,
    },
  ],
  jobs: (deps) => {
    const [imports, exports] = [registryImportJobs(deps), registryExportJobs(deps)];
    return {
      handlers: { ...imports.handlers, ...exports.handlers },
      schedules: [...imports.schedules, ...exports.schedules],
    };
  },
  maintain: [...REGISTRY_TABLES],
  demo: { after: ['territory'], generate: generateRegistryDemo },
});
