/**
 * What other modules may use of the duties module: `raiseTask` (a one-off task for a person inside the caller's
 * transaction, e.g. a round's follow-up: a visit's finding → a task for the household's grid worker; idempotent by
 * its `sourceKey`) and `generateTasks` (the emergency switch: the emergency items' tasks for the days it runs).
 * Nothing else of this folder is imported from outside it.
 */
export { raiseTask, type RaiseTaskSpec } from './duties.service.ts';
export { generateTasks } from './duties.holders.ts';
