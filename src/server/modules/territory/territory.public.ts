/**
 * What other modules may use of the territory module: reading the tree and its nodes within a scope, and the
 * `territories` table for joins (read only: nodes are created and changed through this module's routes); for demo
 * generators, the demo county and the box geometry its boundaries are drawn with. Nothing else of this folder is
 * imported from outside it (lint: wuwei/boundaries).
 */
export {
  territories,
  territoryLevels,
  type GeoJsonGeometry,
  type TerritoryLevel,
} from './territory.tables.ts';
export {
  ancestorsOf,
  countTerritories,
  insertTerritories,
  loadInScope,
  territoriesByIds,
  territoryDetail,
  territoryIdsInScope,
  territoryTree,
} from './territory.service.ts';
export { ancestorSchema, boundarySchema, countsSchema } from './territory.schemas.ts';
export {
  DEMO_TREE_SINCE,
  demoCounty,
  demoTerritory,
  type DemoCounty,
  type DemoNode,
} from './territory.demo.ts';
export { baseLinesOf } from './territory.base-lines.ts';
export { baseMap, baseMapSchema, type BaseMap } from './territory.base-map.ts';
export { boxOf, cells, polygon, type Box } from './territory.geometry.ts';
export { gridCode, nextGridSequence, redrawGrids, type GridRedraw } from './territory.grids.ts';
