import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { partyMembers } from './party.tables.ts';

/**
 * The party member's central household flag (党员中心户, `party_members.central_household`) is a copy of one fact whose
 * source is the contacts module: a person whose household is designated (a `central_households` row not ended) is
 * flagged, no one else. The contacts module sets and clears it through these functions, in the transaction of the
 * designation; the party module's routes no longer edit it (the member list shows it).
 */

/** Whether the person is flagged (on any of their membership rows): a new membership row keeps it. */
export async function isFlaggedCentral(tx: Executor, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ flagged: sql<boolean>`bool_or(${partyMembers.centralHousehold})` })
    .from(partyMembers)
    .where(eq(partyMembers.personId, personId));
  return row?.flagged ?? false;
}

/**
 * Sets (a designation) or clears (its end, when no other designation of theirs remains) the flag of every membership
 * row of the people. Returns the number of rows changed.
 */
export async function setCentralHouseholdFlag(
  tx: Executor,
  personIds: string[],
  value: boolean,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const changed = await tx
    .update(partyMembers)
    .set({ centralHousehold: value, updatedAt: new Date() })
    .where(
      sql`${partyMembers.personId} = any(${sql.param(personIds)}::uuid[]) and ${partyMembers.centralHousehold} <> ${value}`,
    )
    .returning({ id: partyMembers.id });
  return changed.length;
}

/** The demo: flags exactly these people's memberships (those designated), clearing every other. */
export async function resetCentralHouseholdFlags(tx: Executor, personIds: string[]): Promise<void> {
  await tx.execute(sql`update ${partyMembers}
    set central_household = (person_id = any(${sql.param(personIds)}::uuid[]))
    where central_household <> (person_id = any(${sql.param(personIds)}::uuid[]))`);
}
