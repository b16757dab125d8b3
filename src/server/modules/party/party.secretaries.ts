import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import type { AuthContext, Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import {
  accessStartsOn,
  endPositionAccess,
  grantPositionAccess,
  persons,
  type OpenedAccount,
} from '../people/people.public.ts';
import { invalid, loadOrg, orgInScope, today } from './party.common.ts';
import type { Deps } from './party.orgs.ts';
import type { AppointSecretaryInput } from './party.schemas.ts';
import { partyMembers, partyOrgPlaces, partyOrgs, partySecretaries } from './party.tables.ts';

/*
 * Secretaries: a branch's secretary or a group's leader, one current per organisation; a branch secretary's access
 * over the branch's grids comes from the term (and follows the branch's grids: refreshSecretaryAccess).
 */

const KIND_ZH = { alliance: '党建共同体', branch: '党支部', group: '党小组' } as const;

/**
 * Appoints the secretary of a branch or the leader of a group: an active member of it, one current per organisation.
 * A branch secretary gets the branch_secretary role over the branch's grids (an account opened when they had none;
 * an account they have must be one the caller could manage: 404 otherwise, and nothing is recorded).
 */
export async function appointSecretary(
  { db, keys }: Deps,
  scope: Scope,
  auth: AuthContext,
  actor: Actor,
  input: AppointSecretaryInput,
): Promise<{ id: string; opened: OpenedAccount | null }> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, scope, input.orgId, { current: true, lock: true });
    if (org.kind === 'alliance') {
      invalid('orgId', 'kind', { zh: '请选择党支部或党小组', en: 'Choose a branch or a group' });
    }
    const [member] = await tx
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(
        and(
          eq(partyMembers.personId, input.personId),
          org.kind === 'branch' ? eq(partyMembers.branchId, org.id) : eq(partyMembers.groupId, org.id),
          isNull(partyMembers.endsOn),
        ),
      )
      .limit(1);
    if (!member) {
      throw errors.conflict('personId', {
        zh: `书记（组长）须是本${KIND_ZH[org.kind]}的在册党员`,
        en: 'The secretary must be an active member of this organisation',
      });
    }
    const [current] = await tx
      .select({ id: partySecretaries.id })
      .from(partySecretaries)
      .where(and(eq(partySecretaries.orgId, org.id), isNull(partySecretaries.endsOn)))
      .limit(1);
    if (current) {
      throw errors.conflict('orgId', {
        zh: '该组织已有在任书记（组长），请先结束其任期',
        en: 'This organisation has a secretary: end their term first',
      });
    }
    const id = newId();
    const row = {
      id,
      orgId: org.id,
      personId: input.personId,
      isCadre: input.isCadre ?? false,
      cadreUnit: input.isCadre ? (input.cadreUnit ?? null) : null,
      startsOn: input.startsOn ?? today(),
    };
    await tx.insert(partySecretaries).values(row);
    let opened: OpenedAccount | null = null;
    if (org.kind === 'branch') {
      opened = (
        await grantPositionAccess(
          tx,
          keys,
          actor,
          input.personId,
          secretaryAccess(id, row.startsOn, await branchGridIds(tx, org.id)),
          { auth, permission: 'party:write' },
        )
      ).opened;
    }
    await appendAudit(tx, actor, {
      action: 'party.secretary_appointed',
      entityType: 'party_secretary',
      entityId: id,
      territoryCode: org.communityCode,
      changes: row,
    });
    return { id, opened };
  });
}

export async function getSecretary(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select({
      id: partySecretaries.id,
      orgId: partySecretaries.orgId,
      personId: partySecretaries.personId,
      name: persons.name,
      isCadre: partySecretaries.isCadre,
      cadreUnit: partySecretaries.cadreUnit,
      startsOn: partySecretaries.startsOn,
      endsOn: partySecretaries.endsOn,
    })
    .from(partySecretaries)
    .innerJoin(persons, eq(persons.id, partySecretaries.personId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
    .where(and(eq(partySecretaries.id, id), orgInScope(scope)))
    .limit(1);
  if (!row) throw errors.notFound();
  return row;
}

/** Ends a secretary's term today; the access it gave ends at once. */
export async function endSecretary({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: partySecretaries.id, communityCode: partyOrgs.communityCode })
      .from(partySecretaries)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
      .where(and(eq(partySecretaries.id, id), isNull(partySecretaries.endsOn), orgInScope(scope)))
      .limit(1)
      .for('update', { of: partySecretaries });
    if (!row) throw errors.notFound();
    const day = today();
    await tx.update(partySecretaries).set({ endsOn: day }).where(eq(partySecretaries.id, id));
    await endPositionAccess(tx, actor, [id]);
    await appendAudit(tx, actor, {
      action: 'party.secretary_ended',
      entityType: 'party_secretary',
      entityId: id,
      territoryCode: row.communityCode,
      changes: { endsOn: day },
    });
  });
}

// ——— What a branch secretary's term gives (also kept in step by the organisation's changes) ———

/** The grids a branch covers (its secretary's scope). */
async function branchGridIds(tx: Executor, branchId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: partyOrgPlaces.placeId })
    .from(partyOrgPlaces)
    .where(and(eq(partyOrgPlaces.orgId, branchId), eq(partyOrgPlaces.placeKind, 'grid')))
    .orderBy(asc(partyOrgPlaces.territoryCode));
  return rows.map((r) => r.id);
}

/**
 * Re-grants the access of a branch's current secretary after its grids changed: the term's own access kept in step
 * (given when the term began), not a new grant to check against the caller.
 */
export async function refreshSecretaryAccess(tx: Executor, keys: DataKeys, actor: Actor, branchId: string) {
  const [secretary] = await tx
    .select({
      id: partySecretaries.id,
      personId: partySecretaries.personId,
      startsOn: partySecretaries.startsOn,
    })
    .from(partySecretaries)
    .where(and(eq(partySecretaries.orgId, branchId), isNull(partySecretaries.endsOn)))
    .limit(1);
  if (!secretary) return;
  await grantPositionAccess(
    tx,
    keys,
    actor,
    secretary.personId,
    secretaryAccess(secretary.id, secretary.startsOn, await branchGridIds(tx, branchId)),
    'kept',
  );
}

/** A branch secretary's access: branch_secretary over the branch's grids from the term's first day. */
function secretaryAccess(secretaryId: string, startsOn: string, gridIds: string[]) {
  return {
    role: 'branch_secretary' as const,
    scopeKind: 'grids' as const,
    scopeIds: gridIds,
    source: { kind: 'party_secretary', id: secretaryId },
    startsAt: accessStartsOn(startsOn),
    endsAt: null,
  };
}

/** Ends the current secretaries of organisations (and the access they gave). */
export async function endSecretariesOf(tx: Executor, actor: Actor, orgIds: string[], day: string) {
  if (orgIds.length === 0) return;
  const ended = await tx
    .update(partySecretaries)
    .set({ endsOn: day })
    .where(and(inArray(partySecretaries.orgId, orgIds), isNull(partySecretaries.endsOn)))
    .returning({ id: partySecretaries.id });
  await endPositionAccess(
    tx,
    actor,
    ended.map((s) => s.id),
  );
}
