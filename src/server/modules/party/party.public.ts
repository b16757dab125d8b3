/**
 * What other modules may use of the party module: the organisation tables for reading (the coverage board, the
 * contact cards). Writes go through this module's routes.
 */
export { partyMembers, partyOrgPlaces, partyOrgs, partySecretaries } from './party.tables.ts';
