/**
 * What other modules may use of the volunteers module: the `volunteers` and `volunteer_teams` tables for references
 * and joins (read only: profiles and teams are written through this module's routes; the volunteering module builds
 * services and hours on them). Nothing else of this folder is imported from outside it.
 */
export { volunteerTeamMembers, volunteerTeams, volunteers } from './volunteers.tables.ts';
