import { and, eq, inArray, isNull } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { endPositionAccess, personCondition, persons } from '../people/people.public.ts';
import { isFlaggedCentral } from './party.central.ts';
import { invalid, loadOrg, orgInScope, today } from './party.common.ts';
import type { Deps } from './party.orgs.ts';
import type { AddMemberInput, UpdateMemberInput } from './party.schemas.ts';
import { partyMembers, partyOrgs, partySecretaries } from './party.tables.ts';

/* Members: placed in a branch (and a group of it), moved, their status changed, ended; leaving ends their office. */

/** The branch (and group of it) a member is placed in, both current and inside the scope; 400 when they do not match. */
async function placement(tx: Executor, scope: Scope, branchId: string, groupId: string | null | undefined) {
  const branch = await loadOrg(tx, scope, branchId, { current: true });
  if (branch.kind !== 'branch') invalid('branchId', 'kind', { zh: '请选择党支部', en: 'Choose a branch' });
  if (groupId) {
    const group = await loadOrg(tx, scope, groupId, { current: true });
    if (group.kind !== 'group' || group.parentId !== branch.id) {
      invalid('groupId', 'not_in_branch', {
        zh: '党小组须属于该党员所在的党支部',
        en: 'The group must belong to the member’s branch',
      });
    }
  }
  return branch;
}

/** Adds a person inside the scope to a branch (and a group of it); a person is a member of one branch at a time. */
export async function addMember(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: AddMemberInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.id, input.personId), personCondition(scope, persons.id)))
      .limit(1)
      .for('update');
    if (!person) throw errors.notFound();
    const branch = await placement(tx, scope, input.branchId, input.groupId);
    const [already] = await tx
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(and(eq(partyMembers.personId, input.personId), isNull(partyMembers.endsOn)))
      .limit(1);
    if (already) {
      throw errors.conflict('personId', {
        zh: '此人已是某党支部的在册党员，请转移而不是重复添加',
        en: 'This person is already a member of a branch: move them instead',
      });
    }
    const id = newId();
    const row = {
      id,
      personId: input.personId,
      branchId: branch.id,
      groupId: input.groupId ?? null,
      status: input.status,
      // The flag follows the contacts module's designations (setCentralHouseholdFlag): a person designated keeps it.
      centralHousehold: await isFlaggedCentral(tx, input.personId),
      startsOn: input.startsOn ?? today(),
    };
    await tx.insert(partyMembers).values(row);
    await appendAudit(tx, actor, {
      action: 'party.member_added',
      entityType: 'party_member',
      entityId: id,
      territoryCode: branch.communityCode,
      changes: row,
    });
    return id;
  });
}

async function loadMember(tx: Executor, scope: Scope, id: string) {
  const [member] = await tx
    .select({ member: partyMembers, communityCode: partyOrgs.communityCode })
    .from(partyMembers)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.branchId))
    .where(and(eq(partyMembers.id, id), isNull(partyMembers.endsOn), orgInScope(scope)))
    .limit(1)
    .for('update', { of: partyMembers });
  if (!member) throw errors.notFound();
  return member;
}

/** Moves a member between branches and groups, or changes their status; leaving an organisation ends their office there. */
export async function updateMember(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: UpdateMemberInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, communityCode } = await loadMember(tx, scope, id);
    const branchId = input.branchId ?? member.branchId;
    const groupId =
      input.groupId !== undefined
        ? input.groupId
        : input.branchId && input.branchId !== member.branchId
          ? null
          : member.groupId;
    await placement(tx, scope, branchId, groupId);
    const next = {
      branchId,
      groupId,
      status: input.status ?? member.status,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (next[key] !== member[key]) changes[key] = { from: member[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(partyMembers)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(partyMembers.id, id));
    const left = [member.branchId, member.groupId].filter(
      (o): o is string => !!o && o !== branchId && o !== groupId,
    );
    await endOfficesOf(tx, actor, member.personId, left);
    await appendAudit(tx, actor, {
      action: 'party.member_changed',
      entityType: 'party_member',
      entityId: id,
      territoryCode: communityCode,
      changes,
    });
  });
}

/** Ends the terms a person holds in organisations they left (and the access those gave). */
async function endOfficesOf(tx: Executor, actor: Actor, personId: string, orgIds: string[]) {
  if (orgIds.length === 0) return;
  const ended = await tx
    .update(partySecretaries)
    .set({ endsOn: today() })
    .where(
      and(
        eq(partySecretaries.personId, personId),
        inArray(partySecretaries.orgId, orgIds),
        isNull(partySecretaries.endsOn),
      ),
    )
    .returning({ id: partySecretaries.id });
  await endPositionAccess(
    tx,
    actor,
    ended.map((s) => s.id),
  );
}

/** Ends a membership today (and any office the member held with it). */
export async function endMember({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, communityCode } = await loadMember(tx, scope, id);
    const day = today();
    await tx.update(partyMembers).set({ endsOn: day, updatedAt: new Date() }).where(eq(partyMembers.id, id));
    await endOfficesOf(
      tx,
      actor,
      member.personId,
      [member.branchId, member.groupId].filter((o): o is string => !!o),
    );
    await appendAudit(tx, actor, {
      action: 'party.member_ended',
      entityType: 'party_member',
      entityId: id,
      territoryCode: communityCode,
      changes: { endsOn: day },
    });
  });
}
