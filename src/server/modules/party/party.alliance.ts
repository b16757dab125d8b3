/** The alliance's member units (驻区单位, 两新组织): listed, added and ended within the caller's scope. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { communityFor, invalid, loadOrg, orgInScope, today } from './party.common.ts';
import type { AddAllianceUnitInput } from './party.schemas.ts';
import type { Deps } from './party.orgs.ts';
import { allianceUnits, partyOrgs } from './party.tables.ts';

const unitColumns = {
  id: allianceUnits.id,
  allianceId: allianceUnits.allianceId,
  name: allianceUnits.name,
  kind: allianceUnits.kind,
  contact: allianceUnits.contact,
  startsOn: allianceUnits.startsOn,
  endsOn: allianceUnits.endsOn,
};

/** The current member units of a community's alliance. */
export async function listAllianceUnits({ db }: Deps, scope: Scope, territoryId: string) {
  const community = await communityFor(db, scope, territoryId);
  return db
    .select(unitColumns)
    .from(allianceUnits)
    .innerJoin(partyOrgs, eq(partyOrgs.id, allianceUnits.allianceId))
    .where(and(eq(partyOrgs.communityCode, community.code), isNull(allianceUnits.endsOn), orgInScope(scope)))
    .orderBy(asc(allianceUnits.kind), asc(sql`${allianceUnits.name} collate "C"`), asc(allianceUnits.id));
}

export async function getAllianceUnit(db: Executor, id: string) {
  const [row] = await db.select(unitColumns).from(allianceUnits).where(eq(allianceUnits.id, id)).limit(1);
  return row!;
}

export async function addAllianceUnit(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: AddAllianceUnitInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const alliance = await loadOrg(tx, scope, input.allianceId, { current: true });
    if (alliance.kind !== 'alliance') {
      invalid('allianceId', 'kind', { zh: '请选择党建共同体', en: 'Choose an alliance' });
    }
    const id = newId();
    const row = {
      id,
      allianceId: alliance.id,
      name: input.name,
      kind: input.kind,
      contact: input.contact ?? null,
      startsOn: input.startsOn ?? today(),
    };
    await tx.insert(allianceUnits).values(row);
    await appendAudit(tx, actor, {
      action: 'party.alliance_unit_added',
      entityType: 'alliance_unit',
      entityId: id,
      territoryCode: alliance.communityCode,
      changes: row,
    });
    return id;
  });
}

export async function endAllianceUnit({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: allianceUnits.id, communityCode: partyOrgs.communityCode })
      .from(allianceUnits)
      .innerJoin(partyOrgs, eq(partyOrgs.id, allianceUnits.allianceId))
      .where(and(eq(allianceUnits.id, id), isNull(allianceUnits.endsOn), orgInScope(scope)))
      .limit(1)
      .for('update', { of: allianceUnits });
    if (!row) throw errors.notFound();
    const day = today();
    await tx.update(allianceUnits).set({ endsOn: day }).where(eq(allianceUnits.id, id));
    await appendAudit(tx, actor, {
      action: 'party.alliance_unit_ended',
      entityType: 'alliance_unit',
      entityId: id,
      territoryCode: row.communityCode,
      changes: { endsOn: day },
    });
  });
}
