/**
 * What other modules may use of the contacts module: the `centralHouseholds` and `contactAssignments` tables for
 * joins (read only: they are written through this module's routes), e.g. a household card or a visit list naming a
 * household's contacts. Nothing else of this folder is imported from outside it.
 */
export { centralHouseholds, contactAssignments } from './contacts.tables.ts';
export { followHouseholdGrids } from './contacts.regrid.ts';
