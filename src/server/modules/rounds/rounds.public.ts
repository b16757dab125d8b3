/**
 * What other modules may use of the rounds module: the `rounds` and `roundVisits` tables for joins (read only: they
 * are written through this module's routes). Nothing else of this folder is imported from outside it.
 */
export { rounds, roundVisits } from './rounds.tables.ts';
