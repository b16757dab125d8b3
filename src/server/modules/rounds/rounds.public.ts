/**
 * What other modules may use of the rounds module: the `rounds` and `roundVisits` tables for joins (read only: they
 * are written through this module's routes), and followBuildingGrids for a grid plan's apply (the open rounds follow
 * the buildings it moves). Nothing else of this folder is imported from outside it.
 */
export { rounds, roundVisits } from './rounds.tables.ts';
export { followBuildingGrids } from './rounds.regrid.ts';
