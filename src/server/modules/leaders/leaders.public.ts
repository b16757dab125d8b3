/**
 * What other modules may use of the leaders module: the terms and WeChat groups tables for reading (joins in the
 * coverage board, the contact cards and the building page). Writes go through this module's routes.
 */
export { buildingChats, leaderTerms } from './leaders.tables.ts';
