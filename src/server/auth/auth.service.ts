import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { errors, type Text } from '../http/errors.ts';
import { buildings } from '../modules/territory/registry.tables.ts';
import { territories } from '../modules/territory/territory.tables.ts';
import { appendAudit, type Actor } from './audit.ts';
import { loginFailures, roleAssignments, sessions, users } from './auth.tables.ts';
import { blindIndex, mobilePattern, type DataKeys } from './personal-data.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { isRoleCode } from './roles.ts';
import { cachedSession, forgetUser, rememberSession } from './session-cache.ts';
import type { AuthContext, ResolvedAssignment } from './scope.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };

/** Failed sign-ins allowed in the window before the account, or the address, must wait. */
export const throttle = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

// Refreshing last_seen_at on every request would turn each read into a write; once a minute is enough for idle expiry.
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** How an account is named at sign-in: a mobile number is looked up through its blind index. */
function accountKey(keys: DataKeys, identifier: string): { kind: 'mobile' | 'username'; key: string } {
  const trimmed = identifier.trim();
  return mobilePattern.test(trimmed)
    ? { kind: 'mobile', key: blindIndex(keys, 'mobile', trimmed) }
    : { kind: 'username', key: trimmed.toLowerCase() };
}

async function throttleWait(
  db: Executor,
  column: typeof loginFailures.account | typeof loginFailures.ip,
  value: string,
  limit: number,
) {
  const since = new Date(Date.now() - throttle.windowMs);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginFailures.at})` })
    .from(loginFailures)
    .where(and(eq(column, value), gt(loginFailures.at, since)));
  if (!row || row.count < limit || !row.oldest) return 0;
  return Math.max(1, Math.ceil((new Date(row.oldest).getTime() + throttle.windowMs - Date.now()) / 1000));
}

export type LoginResult = { token: string; sessionId: string; userId: string; expiresAt: Date };

/**
 * Checks the password and opens a session. Failures are recorded per account and per address and answer the
 * same whether or not the account exists; too many of them lock sign-in for the rest of the window.
 */
export async function login(
  deps: { db: Db; keys: DataKeys; session: SessionPolicy },
  input: { username: string; password: string },
  actor: Actor,
): Promise<LoginResult> {
  const { db, keys } = deps;
  const ip = actor.ip ?? 'unknown';
  const account = accountKey(keys, input.username);
  const wait = Math.max(
    await throttleWait(db, loginFailures.account, account.key, throttle.perAccount),
    await throttleWait(db, loginFailures.ip, ip, throttle.perAddress),
  );
  if (wait > 0) throw errors.loginThrottled(wait);

  const [user] = await db
    .select()
    .from(users)
    .where(
      account.kind === 'mobile'
        ? eq(users.mobileIndex, account.key)
        : sql`lower(${users.username}) = ${account.key}`,
    )
    .limit(1);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash));
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ id: newId(), account: account.key, ip });
      await appendAudit(tx, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        changes: { account: account.kind === 'mobile' ? 'mobile' : account.key },
      });
    });
    throw errors.invalidCredentials();
  }
  if (user.status !== 'active') throw errors.accountDisabled();

  const assignments = (await loadAssignments(db, [user.id])).get(user.id) ?? [];
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + deps.session.absoluteMs);
  const sessionId = newId();
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.account, account.key));
    await tx.insert(sessions).values({
      id: sessionId,
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await appendAudit(
      tx,
      { ...actor, userId: user.id, name: user.displayName, role: rolesOf(assignments) },
      {
        action: 'auth.login',
        entityType: 'session',
        entityId: sessionId,
        territoryCode: territoryCodeOf(assignments),
      },
    );
  });
  return { token, sessionId, userId: user.id, expiresAt };
}

/**
 * The caller behind a session token, or SESSION_EXPIRED for a revoked, idle or expired one. Served from the
 * short-lived session cache when possible.
 */
export async function resolveSession(db: Db, policy: SessionPolicy, token: string): Promise<AuthContext> {
  const tokenHash = hashToken(token);
  return cachedSession(tokenHash, Date.now()) ?? loadSession(db, policy, tokenHash);
}

/** Loads a session from the database, and remembers it in the session cache unless told not to. */
export async function loadSession(
  db: Db,
  policy: SessionPolicy,
  tokenHash: string,
  options: { remember: boolean } = { remember: true },
): Promise<AuthContext> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  const now = Date.now();
  if (
    !row ||
    row.revokedAt ||
    row.status !== 'active' ||
    row.expiresAt.getTime() <= now ||
    row.lastSeenAt.getTime() + policy.idleMs <= now
  ) {
    throw errors.sessionExpired();
  }
  const [assignments] = await Promise.all([
    loadAssignments(db, [row.userId]),
    now - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS
      ? db
          .update(sessions)
          .set({ lastSeenAt: new Date(now) })
          .where(eq(sessions.id, row.sessionId))
      : undefined,
  ]);
  const auth: AuthContext = {
    sessionId: row.sessionId,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      mustChangePassword: row.mustChangePassword,
    },
    assignments: assignments.get(row.userId) ?? [],
  };
  if (options.remember) {
    rememberSession(tokenHash, auth, { expiresAt: row.expiresAt.getTime(), idleUntil: now + policy.idleMs });
  }
  return auth;
}

/** The roles of an actor as written in audit rows. */
export function rolesOf(assignments: ResolvedAssignment[]): string | null {
  return assignments.map((a) => a.role).join(',') || null;
}

/**
 * The territory code a user's audit rows are filed under, so scoped auditors see them: the first territory or
 * building their roles are anchored on.
 */
export function territoryCodeOf(assignments: ResolvedAssignment[]): string | null {
  return assignments.flatMap((a) => a.territories)[0]?.code ?? null;
}

/** Role assignments of several users at once, with the territory nodes their scopes name. */
export async function loadAssignments(
  db: Executor,
  userIds: string[],
): Promise<Map<string, ResolvedAssignment[]>> {
  const out = new Map<string, ResolvedAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      scopeKind: roleAssignments.scopeKind,
      scopeIds: roleAssignments.scopeIds,
      territories: sql<
        ResolvedAssignment['territories']
      >`case when ${roleAssignments.scopeKind} in ('street', 'community', 'grids')
        then coalesce((
          select json_agg(json_build_object('id', t.id, 'level', t.level, 'code', t.code, 'name', t.name) order by t.code)
          from ${territories} t where t.id = any(${roleAssignments.scopeIds})
        ), '[]'::json)
        when ${roleAssignments.scopeKind} = 'buildings'
        then coalesce((
          select json_agg(json_build_object('id', b.id, 'level', 'building', 'code', b.code, 'name', b.name) order by b.code)
          from ${buildings} b where b.id = any(${roleAssignments.scopeIds})
        ), '[]'::json)
        else '[]'::json end`,
    })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
  for (const r of rows) {
    if (!isRoleCode(r.role)) continue;
    const { userId, ...assignment } = r;
    out.get(userId)?.push({ ...assignment, role: r.role });
  }
  return out;
}

export async function logout(db: Db, auth: AuthContext, actor: Actor): Promise<void> {
  forgetUser(auth.user.id);
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, auth.sessionId));
    await appendAudit(tx, actor, {
      action: 'auth.logout',
      entityType: 'session',
      entityId: auth.sessionId,
      territoryCode: territoryCodeOf(auth.assignments),
    });
  });
}

/** The password policy: 8–128 characters, at least two kinds of letters/digits/symbols, not the username. */
export function passwordProblem(password: string, username: string): Text | null {
  if (password.length < 8 || password.length > 128) {
    return { zh: '密码长度须为 8 至 128 个字符', en: 'The password must be 8 to 128 characters long' };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { zh: '密码不能包含用户名', en: 'The password must not contain the username' };
  }
  const kinds = [/[a-zA-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 2) {
    return {
      zh: '密码须包含字母、数字、符号中的至少两类',
      en: 'The password must mix at least two of letters, digits and symbols',
    };
  }
  return null;
}

/** Changes the caller's own password and ends their other sessions. */
export async function changeOwnPassword(
  db: Db,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, auth.user.id)).limit(1);
  if (!user) throw errors.sessionExpired();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw errors.wrongPassword();
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw errors.passwordPolicy('newPassword', problem);
  if (input.newPassword === input.currentPassword) {
    throw errors.passwordPolicy('newPassword', {
      zh: '新密码不能与当前密码相同',
      en: 'The new password must differ from the current one',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await revokeSessions(tx, user.id, auth.sessionId);
    await appendAudit(tx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      territoryCode: territoryCodeOf(auth.assignments),
      changes: { password: { from: '***', to: '***' } },
    });
  });
}

/** Revokes every open session of a user except `keep`, and forgets them in this process's session cache. */
export async function revokeSessions(tx: Executor, userId: string, keep?: string): Promise<void> {
  forgetUser(userId);
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        sql`${sessions.revokedAt} is null`,
        keep ? sql`${sessions.id} <> ${keep}` : undefined,
      ),
    );
}
