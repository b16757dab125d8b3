import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import { decrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { Permission, RoleCode, ScopeKind } from '../../core/auth/roles.ts';
import type { AuthContext } from '../../core/auth/scope.ts';
import { forgetUser } from '../../core/auth/session-cache.ts';
import { afterEachTransaction, type Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { openPositionAccount, takesPositionAccess } from '../accounts/accounts.public.ts';
import { persons } from './people.tables.ts';

/**
 * Access given by a position (一个职务一个权限): a building leader's term gives the building_leader role over their
 * buildings, a grid worker's post the grid_worker role over their grids, a registration the party_member role over
 * the member themself. The role assignment names its source (`sourceKind`, `sourceId`), ends with the position
 * (`endsAt`, and deleted when the position ends early) and is left alone by account administration.
 */
export type PositionAccess = {
  role: RoleCode;
  scopeKind: ScopeKind;
  /** Territory ids (grids) or building ids, as the scope kind needs; empty for `self`. */
  scopeIds: string[];
  source: { kind: string; id: string };
  /**
   * The moment the access starts (a position approved ahead of its first day: `accessStartsOn(firstDay)`); null or
   * absent: at once. Sessions resolve roles with it, so the access appears on its first day without a job.
   */
  startsAt?: Date | null;
  /** The moment the access stops (the day after a term's last day, start of day in Shanghai); null: open-ended. */
  endsAt: Date | null;
};

/**
 * Who gives a position's access. A request giving it (an appointment, an approval, a renewal) names its caller and
 * the permission it acts with: when the person already has an account, that account must be one the caller could
 * manage in that permission's scope (accounts' `takesPositionAccess`), otherwise 404 (403 for a peer's or superior's
 * account) and nothing changes; an account opened for the person is the caller's to open. `kept`: a re-grant that
 * repeats or narrows what the position already gave (a branch's grids redrawn, a grid ended, a term ended early).
 * `own`: access over the person themself only (a party member's, scope `self`), which reaches nobody else's data.
 */
export type Grantor = { auth: AuthContext; permission: Permission } | 'kept' | 'own';

/** The account opened for a person who had none: shown once to whoever approved the position. */
export type OpenedAccount = { username: string; password: string };

/**
 * Cached sessions of users whose access a transaction changed are forgotten when transactions of this process end:
 * on the end of any transaction for a few seconds, so that the end of the one that made the change (after its
 * commit) is among them and no request re-caches the old roles in between.
 */
const pendingForgets = new Map<string, number>();
afterEachTransaction(() => {
  const now = Date.now();
  for (const [userId, until] of pendingForgets) {
    forgetUser(userId);
    if (until <= now) pendingForgets.delete(userId);
  }
});
function forgetAfterCommit(userId: string) {
  forgetUser(userId);
  pendingForgets.set(userId, Date.now() + 5_000);
}

/**
 * Gives a person the access of a position, inside the caller's transaction: links a new account when the person has
 * none (returned, with its initial password, to be shown once), or checks that the grantor may give the account they
 * have access (Grantor), then adds the role assignment. A second grant for the same source replaces the first (a
 * renewed term, a changed set of grids). Audited as `person.access_granted`.
 */
export async function grantPositionAccess(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  personId: string,
  access: PositionAccess,
  grantor: Grantor,
): Promise<{ userId: string; opened: OpenedAccount | null }> {
  if (grantor === 'own' && access.scopeKind !== 'self') {
    throw new Error(
      `grantPositionAccess: ${access.role} over ${access.scopeKind} is not access over oneself`,
    );
  }
  const [person] = await tx
    .select({
      id: persons.id,
      name: persons.name,
      mobileEnc: persons.mobileEnc,
      userId: persons.userId,
      territoryCode: persons.territoryCode,
    })
    .from(persons)
    .where(eq(persons.id, personId))
    .limit(1)
    .for('update');
  if (!person) throw errors.notFound();
  let userId = person.userId;
  let opened: OpenedAccount | null = null;
  if (userId && typeof grantor === 'object') {
    await takesPositionAccess(tx, grantor.auth, grantor.permission, userId, access.source.id);
  }
  if (!userId) {
    const account = await openPositionAccount(tx, keys, actor, {
      displayName: person.name,
      mobile: person.mobileEnc ? decrypt(keys, person.mobileEnc) : null,
      territoryCode: person.territoryCode,
    });
    userId = account.userId;
    opened = { username: account.username, password: account.password };
    const now = new Date();
    await tx.update(persons).set({ userId, linkedAt: now, updatedAt: now }).where(eq(persons.id, personId));
  }
  await tx.delete(roleAssignments).where(eq(roleAssignments.sourceId, access.source.id));
  await tx.insert(roleAssignments).values({
    id: newId(),
    userId,
    role: access.role,
    scopeKind: access.scopeKind,
    scopeIds: [...new Set(access.scopeIds)],
    sourceKind: access.source.kind,
    sourceId: access.source.id,
    startsAt: access.startsAt ?? null,
    endsAt: access.endsAt,
  });
  await appendAudit(tx, actor, {
    action: 'person.access_granted',
    entityType: 'person',
    entityId: personId,
    territoryCode: person.territoryCode,
    changes: {
      role: access.role,
      scopeKind: access.scopeKind,
      scopeIds: access.scopeIds,
      source: access.source.kind,
      startsAt: access.startsAt?.toISOString() ?? null,
      endsAt: access.endsAt?.toISOString() ?? null,
      accountOpened: opened ? opened.username : null,
    },
  });
  forgetAfterCommit(userId);
  return { userId, opened };
}

/**
 * Ends the access positions gave (their role assignments), inside the caller's transaction; the holders' next
 * request runs without it. Audited as `person.access_ended` per person.
 */
export async function endPositionAccess(tx: Executor, actor: Actor, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  const ended = await tx
    .delete(roleAssignments)
    .where(and(inArray(roleAssignments.sourceId, sourceIds), sql`${roleAssignments.sourceKind} is not null`))
    .returning({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      source: roleAssignments.sourceKind,
    });
  if (ended.length === 0) return;
  const holders = await tx
    .select({ id: persons.id, userId: persons.userId, territoryCode: persons.territoryCode })
    .from(persons)
    .where(
      inArray(
        persons.userId,
        ended.map((e) => e.userId),
      ),
    );
  for (const holder of holders) {
    await appendAudit(tx, actor, {
      action: 'person.access_ended',
      entityType: 'person',
      entityId: holder.id,
      territoryCode: holder.territoryCode,
      changes: {
        roles: ended
          .filter((e) => e.userId === holder.userId)
          .map((e) => ({ role: e.role, source: e.source })),
      },
    });
  }
  for (const e of ended) forgetAfterCommit(e.userId);
}

/**
 * When a person's account is unlinked or replaced (`to`: the account linked instead, or null), the access their
 * positions gave goes with the person, not with the old account: moved to the new account, or ended when none is
 * linked (the person's next grant opens or reuses one). Every role assignment a position gave the old account moves
 * or ends, whether in force, to come or past (an account belongs to one person at most, so they are all this
 * person's); the roles granted by hand stay. Both accounts' cached sessions are forgotten after the commit. Audited
 * as `person.access_moved` or `person.access_ended`. The caller checked that they may manage both accounts.
 */
export async function handOverPositionAccess(
  tx: Executor,
  actor: Actor,
  person: { id: string; territoryCode: string },
  from: string,
  to: string | null,
): Promise<void> {
  const positional = and(eq(roleAssignments.userId, from), isNotNull(roleAssignments.sourceKind));
  const returning = { role: roleAssignments.role, source: roleAssignments.sourceKind };
  const handed = to
    ? await tx.update(roleAssignments).set({ userId: to }).where(positional).returning(returning)
    : await tx.delete(roleAssignments).where(positional).returning(returning);
  if (handed.length === 0) return;
  const roles = handed.map((h) => ({ role: h.role, source: h.source }));
  const entity = { entityType: 'person', entityId: person.id, territoryCode: person.territoryCode };
  if (to) {
    await appendAudit(tx, actor, {
      action: 'person.access_moved',
      ...entity,
      changes: { userId: { from, to }, roles },
    });
  } else {
    await appendAudit(tx, actor, { action: 'person.access_ended', ...entity, changes: { roles } });
  }
  forgetAfterCommit(from);
  if (to) forgetAfterCommit(to);
}

/**
 * The moment a position whose first day is `firstDay` (YYYY-MM-DD) starts giving access: that day's midnight in
 * Shanghai, or null (at once) for a day already begun.
 */
export function accessStartsOn(firstDay: string, now: Date = new Date()): Date | null {
  const start = new Date(`${firstDay}T00:00:00+08:00`);
  return start.getTime() > now.getTime() ? start : null;
}

/** The moment a term whose last day is `lastDay` (YYYY-MM-DD) stops giving access: the next midnight in Shanghai. */
export function accessEndsAfter(lastDay: string): Date {
  const next = new Date(`${lastDay}T00:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
