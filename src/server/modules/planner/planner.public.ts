/**
 * What other modules may import of the planner: only pieces of its pure engine (no database, nothing of another
 * module), for the territory module's demo county, which is the synthetic town (engine/town.ts) with the
 * planner's own grids. Nothing else of this folder is imported from outside it (lint: wuwei/boundaries).
 */
export {
  earlierLayout,
  generateTown,
  gridCounts,
  type Town,
  type TownBuilding,
  type TownKind,
} from './engine/town.ts';
export { buildGraph } from './engine/graph.ts';
export { computeGeometry, polygonArea } from './engine/geometry.ts';
export { planOnGraph } from './engine/partition.ts';
export type { Layout, Point } from './engine/types.ts';
export { gridPolygons, projection, type Prepared } from './planner.snapshot.ts';
