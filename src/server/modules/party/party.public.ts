/**
 * What other modules may use of the party module: the organisation tables for joins (read only: organisations,
 * members and secretaries are written through this module's routes), e.g. a coverage board finding grids without
 * a branch or branches without a secretary, or the duty lists finding who holds a registered cadre's duties; and the
 * central household flag's setters, for the contacts module (the flag's source: its designations). Nothing else of
 * this folder is imported from outside it.
 */
export { resetCentralHouseholdFlags, setCentralHouseholdFlag } from './party.central.ts';
export {
  partyMembers,
  partyOrgPlaces,
  partyOrgs,
  partyRegistrations,
  partySecretaries,
} from './party.tables.ts';
