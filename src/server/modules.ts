import { coreModule } from './core/kit/core.module.ts';
import { assembleKit } from './core/kit/kit.ts';
import { accountsModule } from './modules/accounts/accounts.module.ts';
import { dutiesModule } from './modules/duties/duties.module.ts';
import { contactsModule } from './modules/contacts/contacts.module.ts';
import { leadersModule } from './modules/leaders/leaders.module.ts';
import { insightsModule } from './modules/insights/insights.module.ts';
import { organisationModule } from './modules/organisation/organisation.module.ts';
import { partyModule } from './modules/party/party.module.ts';
import { plannerModule } from './modules/planner/planner.module.ts';
import { peopleModule } from './modules/people/people.module.ts';
import { roundsModule } from './modules/rounds/rounds.module.ts';
import { registryModule } from './modules/registry/registry.module.ts';
import { territoryModule } from './modules/territory/territory.module.ts';
import { visitLogsModule } from './modules/visitlogs/visitlogs.module.ts';
import { volunteersModule } from './modules/volunteers/volunteers.module.ts';

/**
 * The platform's modules, one line each (docs/adding-a-module.md). The app, the role catalogue, the OpenAPI
 * document, the figures, the job runner and the demo seed are assembled from this list; a declaration that cannot
 * work (an unknown permission in a grant, a code or key declared twice) stops the start here.
 */
export const modules = [
  coreModule,
  territoryModule,
  registryModule,
  accountsModule,
  peopleModule,
  leadersModule,
  partyModule,
  volunteersModule,
  dutiesModule,
  roundsModule,
  visitLogsModule,
  contactsModule,
  organisationModule,
  plannerModule,
  insightsModule,
];

export const kit = assembleKit(modules);
