/**
 * What other modules may use of the leaders module: the `leaderTerms` and `buildingChats` tables for joins (read
 * only: terms are written through this module's routes), e.g. the coverage board and the contact cards naming a
 * building's leader. Nothing else of this folder is imported from outside it.
 */
export { buildingChats, leaderTerms } from './leaders.tables.ts';
