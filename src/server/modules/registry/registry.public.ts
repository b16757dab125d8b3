/**
 * What other modules may use of the registry: buildings by id and within a scope (accounts anchor building leaders'
 * roles on them), one resident within a scope (people copy a resident into a person), the `residents` table for
 * references and joins (read only: residents are written through this module's routes), and the registry's
 * statistics of a place (the county overview). Nothing else of this folder is imported from outside it (lint:
 * wuwei/boundaries).
 */
export { buildingCountsUnder, buildingIdsInScope, buildingsByIds } from './registry.buildings.ts';
export { residentInScope } from './registry.residents.ts';
export { buildings, households, residents, units } from './registry.tables.ts';
export { childStats, countBuildings, registryStats } from './fact-sheet.service.ts';
export {
  agePyramidSchema,
  childAreaStatsSchema,
  householdStatsSchema,
  keyPopulationByTagSchema,
  residentStatsSchema,
} from './places.schemas.ts';
export { demoBuildingIds } from './registry.demo.ts';
export { gridCounts, shanghaiDay } from './grid-stats.ts';
export { moveBuildingsToGrids, type GridMove } from './registry.regrid.ts';
export { attachment, safeCell, XLSX_TYPE } from './xlsx.ts';
