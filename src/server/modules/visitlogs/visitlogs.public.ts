/**
 * What other modules may use of the visit logs: the `visitLogs` table for joins (read only: logs are written through
 * this module's routes). Nothing else of this folder is imported from outside it.
 */
export { visitLogs } from './visitlogs.tables.ts';
