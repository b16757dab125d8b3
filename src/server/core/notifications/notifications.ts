import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { roleAssignments, users } from '../auth/auth.tables.ts';
import type { Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { errors } from '../http/errors.ts';
import { notifications, type BilingualText } from './notifications.tables.ts';

/**
 * Notifications (站内消息): a module tells the accounts a change concerns, in the change's own transaction, so they are
 * told exactly when it happened and never of a change that was rolled back. Each account reads and marks only its own.
 */

export type NotificationSpec = {
  kind: string;
  title: BilingualText;
  body: BilingualText;
  link?: string | null;
  /** One notification per account and source key: telling twice (a retried job) tells once. */
  sourceKey: string;
};

/** Tells each of `userIds` (repeats ignored) once per source key. Returns how many were newly told. */
export async function notify(
  tx: Executor,
  userIds: Iterable<string>,
  spec: NotificationSpec,
): Promise<number> {
  const recipients = [...new Set(userIds)].sort();
  let told = 0;
  for (let i = 0; i < recipients.length; i += 1_000) {
    const rows = recipients.slice(i, i + 1_000).map((userId) => ({
      id: newId(),
      userId,
      kind: spec.kind,
      title: spec.title,
      body: spec.body,
      link: spec.link ?? null,
      sourceKey: spec.sourceKey,
    }));
    const inserted = await tx
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: [notifications.userId, notifications.sourceKey] })
      .returning({ id: notifications.id });
    told += inserted.length;
  }
  return told;
}

/** An account whose access in force is anchored on one of the places asked about, with the anchors that matched. */
export type AnchoredAccount = {
  userId: string;
  scopeKind: 'street' | 'community' | 'grids' | 'buildings';
  anchors: string[];
};

/**
 * The active accounts whose role assignments in force now are anchored on any of `territoryIds` (street, community or
 * grids scopes) or `buildingIds` (buildings scopes): the people a change to those places concerns (a grid's workers
 * and branch secretary, a community's staff, a building's leaders). One row per assignment that matched, with the
 * matching anchors only.
 */
export async function accountsAnchoredOn(
  db: Executor,
  places: { territoryIds?: string[]; buildingIds?: string[] },
): Promise<AnchoredAccount[]> {
  const territoryIds = [...new Set(places.territoryIds ?? [])];
  const buildingIds = [...new Set(places.buildingIds ?? [])];
  const matches: SQL[] = [];
  if (territoryIds.length) {
    matches.push(
      sql`(${roleAssignments.scopeKind} in ('street', 'community', 'grids') and ${roleAssignments.scopeIds} && ${sql.param(territoryIds)}::uuid[])`,
    );
  }
  if (buildingIds.length) {
    matches.push(
      sql`(${roleAssignments.scopeKind} = 'buildings' and ${roleAssignments.scopeIds} && ${sql.param(buildingIds)}::uuid[])`,
    );
  }
  if (matches.length === 0) return [];
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      scopeKind: roleAssignments.scopeKind,
      scopeIds: roleAssignments.scopeIds,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(users.status, 'active'),
        or(...matches),
        sql`(${roleAssignments.startsAt} is null or ${roleAssignments.startsAt} <= now())`,
        sql`(${roleAssignments.endsAt} is null or ${roleAssignments.endsAt} > now())`,
      ),
    );
  const asked = new Set([...territoryIds, ...buildingIds]);
  return rows.map((r) => ({
    userId: r.userId,
    scopeKind: r.scopeKind as AnchoredAccount['scopeKind'],
    anchors: r.scopeIds.filter((id) => asked.has(id)),
  }));
}

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    body: z.object({ zh: z.string(), en: z.string() }),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'true: only the unread ones' }),
  before: z
    .uuid()
    .optional()
    .openapi({ description: 'The last notification of the previous page: the next page starts after it' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The account's notifications, newest first (a page after `before`), and how many are unread. */
export async function listNotifications(
  db: Executor,
  userId: string,
  query: z.infer<typeof notificationsQuery>,
): Promise<{ data: NotificationView[]; unread: number }> {
  const mine = eq(notifications.userId, userId);
  const conditions: SQL[] = [mine];
  if (query.unread === 'true') conditions.push(isNull(notifications.readAt));
  if (query.before) {
    const [cursor] = await db
      .select({ createdAt: notifications.createdAt })
      .from(notifications)
      .where(and(mine, eq(notifications.id, query.before)));
    if (!cursor) throw errors.notFound();
    conditions.push(
      or(
        lt(notifications.createdAt, cursor.createdAt),
        and(eq(notifications.createdAt, cursor.createdAt), lt(notifications.id, query.before)),
      )!,
    );
  }
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks the account's notification read (404 when it is not theirs); reading it again changes nothing. */
export async function markRead(db: Executor, userId: string, id: string): Promise<void> {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) throw errors.notFound();
  if (row.readAt) return;
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
}

/** Marks every unread notification of the account read; returns how many. */
export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Removes read notifications older than `days` (the daily auth maintenance). */
export async function pruneNotifications(db: Executor, days = 180): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(
      and(
        sql`${notifications.readAt} is not null`,
        lt(notifications.createdAt, sql`now() - make_interval(days => ${days})`),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
