/**
 * What other modules may use of the duties module: `raiseTask` (a one-off task for a person inside the caller's
 * transaction, e.g. a round's follow-up: a visit's finding → a task for the household's grid worker; idempotent by
 * its `sourceKey`, also under concurrent calls), `generateRoundTasks` (a door-knocking round opens: its per-round
 * items' tasks for the holders inside its scope, idempotent) and `generateTasks` (the emergency switch: the
 * emergency items' tasks for the days it runs). Nothing else of this folder is imported from outside it.
 */
export { raiseTask, type RaiseTaskSpec } from './duties.raise.ts';
export { generateRoundTasks, generateTasks } from './duties.holders.ts';
