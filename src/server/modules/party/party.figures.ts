import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, dayOf, orgInPlace, orgInScope } from './party.common.ts';
import { registrationInScope } from './party.registrations.ts';
import { partyOrgs, partyRegistrations, partySecretaries } from './party.tables.ts';

/**
 * The party figures of a place within the scope, as of a day (the Shanghai day of `asOf`; today when absent): approved
 * registrations on that day, branches and building groups on that day, secretaries on that day who are in-service
 * cadres.
 */
export async function countPartyFigures(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const day = dayOf(asOf ?? new Date());
  const place = code ? orgInPlace(code) : undefined;
  const [[registered], [orgs], [cadres]] = await Promise.all([
    db
      .select({ n: count() })
      .from(partyRegistrations)
      .where(
        and(
          inArray(partyRegistrations.status, ['approved', 'deregistered', 'transferred']),
          sql`${partyRegistrations.startsOn} is not null`,
          activeOn(partyRegistrations.startsOn, partyRegistrations.endsOn, day),
          registrationInScope(scope),
          code ? startsWith(partyRegistrations.territoryCode, code) : undefined,
        ),
      ),
    db
      .select({
        branches: sql<number>`count(*) filter (where ${partyOrgs.kind} = 'branch')::int`,
        groups: sql<number>`count(*) filter (where ${partyOrgs.kind} = 'group')::int`,
      })
      .from(partyOrgs)
      .where(and(activeOn(partyOrgs.startsOn, partyOrgs.endsOn, day), orgInScope(scope), place)),
    db
      .select({ n: count() })
      .from(partySecretaries)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
      .where(
        and(
          eq(partySecretaries.isCadre, true),
          activeOn(partySecretaries.startsOn, partySecretaries.endsOn, day),
          orgInScope(scope),
          place,
        ),
      ),
  ]);
  return {
    registeredPartyMembers: registered?.n ?? 0,
    partyBranches: orgs?.branches ?? 0,
    buildingPartyGroups: orgs?.groups ?? 0,
    cadreSecretaries: cadres?.n ?? 0,
  };
}
