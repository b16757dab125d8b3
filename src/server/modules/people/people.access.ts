import { and, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import { decrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RoleCode, ScopeKind } from '../../core/auth/roles.ts';
import { forgetUser } from '../../core/auth/session-cache.ts';
import { afterEachTransaction, type Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { openPositionAccount } from '../accounts/accounts.public.ts';
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
 * none (returned, with its initial password, to be shown once), then adds the role assignment. A second grant for
 * the same source replaces the first (a renewed term, a changed set of grids). Audited as `person.access_granted`.
 */
export async function grantPositionAccess(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  personId: string,
  access: PositionAccess,
): Promise<{ userId: string; opened: OpenedAccount | null }> {
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
