/**
 * What other modules may use of the registry: buildings by id and within a scope (accounts anchor building leaders'
 * roles on them), and the registry's statistics of a place (the county overview). Nothing else of this folder is
 * imported from outside it (lint: wuwei/boundaries).
 */
export { buildingIdsInScope, buildingsByIds } from './registry.service.ts';
export { childStats, countBuildings, registryStats } from './fact-sheet.service.ts';
export {
  agePyramidSchema,
  childAreaStatsSchema,
  householdStatsSchema,
  keyPopulationByTagSchema,
  residentStatsSchema,
} from './places.schemas.ts';
export { demoBuildingIds } from './registry.demo.ts';
