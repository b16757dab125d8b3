import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { errors, type Text } from '../http/errors.ts';
import { appendAudit, type Actor } from './audit.ts';
import { loginFailures, roleAssignments, scopeAnchors, sessions, users } from './auth.tables.ts';
import { blindIndex, mobilePattern, type DataKeys } from './personal-data.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { isRoleCode } from './roles.ts';
import { cachedSession, forgetUser, rememberSession } from './session-cache.ts';
import type { AuthContext, ResolvedAssignment } from './scope.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };

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

/**
 * Sign-in throttling: growing delays instead of a lock a stranger could trigger.
 *
 * Every failed password check is a row in login_failures (account key, address, time); the row is written as the
 * attempt starts (see beginAttempt) and removed on success. Before a password is checked, three counts over the
 * last `windowMs` decide whether the attempt must wait; a waiting attempt is answered 429 with Retry-After,
 * without checking the password or being counted.
 *
 * - `pair`, one account from one address: 5 failures are free; then each attempt waits 30 s after the last
 *   failure, doubling with every further failure (30 s, 1 min, 2 min, 4 min, 8 min), at most 15 min. A success
 *   from that address clears this counter — only this one.
 * - `account`, one account from all addresses: a distributed guesser is slowed once the account has 20
 *   failures: 1 s after the last failure, doubling every 4 failures, at most 60 s. So other addresses can delay
 *   the owner by a minute at most, never lock them out.
 * - `address`, one address for all accounts: spraying passwords over many accounts waits once 30 failures come
 *   from one address: 30 s, doubling every 5 failures, at most 15 min.
 *
 * An address the account has signed in from before (a session in the last `knownAddressMs`) is the owner's: it
 * only ever waits on its own `pair` counter, never on what other addresses did.
 */
export const throttle = {
  windowMs: 24 * 60 * 60_000,
  knownAddressMs: 90 * 24 * 60 * 60_000,
  pair: { free: 5, baseMs: 30_000, doubleEvery: 1, maxMs: 15 * 60_000 },
  account: { free: 20, baseMs: 1_000, doubleEvery: 4, maxMs: 60_000 },
  address: { free: 30, baseMs: 30_000, doubleEvery: 5, maxMs: 15 * 60_000 },
} as const;

export type DelayRule = { free: number; baseMs: number; doubleEvery: number; maxMs: number };

/** How long after the last of `failures` the next attempt must wait under `rule`. */
export function signInDelayMs(rule: DelayRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.floor((failures - rule.free) / rule.doubleEvery));
}

type FailureCount = { n: number; last: Date | null };

/** Seconds until `count` allows another attempt under `rule`; 0 when it already does. */
function waitSeconds(rule: DelayRule, count: FailureCount, now: number): number {
  const delay = signInDelayMs(rule, count.n);
  if (delay === 0 || !count.last) return 0;
  const until = count.last.getTime() + delay;
  return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
}

/** Failures of the pair, the account and the address within the window recorded before `attempt`, in one statement. */
async function countFailures(db: Executor, account: string, ip: string, now: number, attempt: string) {
  const since = new Date(now - throttle.windowMs);
  const isPair = and(eq(loginFailures.account, account), eq(loginFailures.ip, ip));
  const isAccount = eq(loginFailures.account, account);
  const isAddress = eq(loginFailures.ip, ip);
  const [row] = await db
    .select({
      pairN: sql<number>`count(*) filter (where ${isPair})::int`,
      pairLast: sql<string | null>`max(${loginFailures.at}) filter (where ${isPair})`,
      accountN: sql<number>`count(*) filter (where ${isAccount})::int`,
      accountLast: sql<string | null>`max(${loginFailures.at}) filter (where ${isAccount})`,
      addressN: sql<number>`count(*) filter (where ${isAddress})::int`,
      addressLast: sql<string | null>`max(${loginFailures.at}) filter (where ${isAddress})`,
    })
    .from(loginFailures)
    .where(
      and(sql`(${isAccount} or ${isAddress})`, gt(loginFailures.at, since), lt(loginFailures.id, attempt)),
    );
  const count = (n: number | undefined, last: string | null | undefined): FailureCount => ({
    n: n ?? 0,
    last: last ? new Date(last) : null,
  });
  return {
    pair: count(row?.pairN, row?.pairLast),
    account: count(row?.accountN, row?.accountLast),
    address: count(row?.addressN, row?.addressLast),
  };
}

/**
 * Records an attempt as a failure before its password is checked, then counts the failures recorded before it
 * (ids are time-ordered). So attempts sent all at once count each other instead of all passing the check before
 * any failure is written. The row is removed again when the attempt must wait, or on success.
 */
async function beginAttempt(db: Executor, account: string, ip: string, now: number) {
  const id = newId(now);
  await db.insert(loginFailures).values({ id, account, ip, at: new Date(now) });
  return { id, failures: await countFailures(db, account, ip, now, id) };
}

/** Forgets this account's and this address's failures older than the window. */
async function pruneFailures(tx: Executor, account: string, ip: string, now: number) {
  await tx
    .delete(loginFailures)
    .where(
      and(
        sql`(${loginFailures.account} = ${account} or ${loginFailures.ip} = ${ip})`,
        lt(loginFailures.at, new Date(now - throttle.windowMs)),
      ),
    );
}

// Compared with a session's user id when the account does not exist, so both cases do the same work.
const NO_USER = '00000000-0000-0000-0000-000000000000';

export type LoginResult = { token: string; sessionId: string; userId: string; expiresAt: Date };

/**
 * Checks the password and opens a session. An unknown account, a wrong password and a disabled account answer
 * alike (INVALID_CREDENTIALS after one password hash each) and count as failures for the throttle above.
 */
export async function login(
  deps: { db: Db; keys: DataKeys; session: SessionPolicy },
  input: { username: string; password: string },
  actor: Actor,
): Promise<LoginResult> {
  const { db, keys } = deps;
  const now = Date.now();
  const ip = actor.ip ?? 'unknown';
  const account = accountKey(keys, input.username);

  const [user] = await db
    .select()
    .from(users)
    .where(
      account.kind === 'mobile'
        ? eq(users.mobileIndex, account.key)
        : sql`lower(${users.username}) = ${account.key}`,
    )
    .limit(1);
  const [{ id: attempt, failures }, [known]] = await Promise.all([
    beginAttempt(db, account.key, ip, now),
    db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, user?.id ?? NO_USER),
          eq(sessions.ip, ip),
          gt(sessions.createdAt, new Date(now - throttle.knownAddressMs)),
        ),
      )
      .limit(1),
  ]);
  const wait = Math.max(
    waitSeconds(throttle.pair, failures.pair, now),
    known ? 0 : waitSeconds(throttle.account, failures.account, now),
    known ? 0 : waitSeconds(throttle.address, failures.address, now),
  );
  if (wait > 0) {
    await db.delete(loginFailures).where(eq(loginFailures.id, attempt));
    throw errors.loginThrottled(wait);
  }

  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash));
  if (!user || !ok || user.status !== 'active') {
    await db.transaction(async (tx) => {
      await pruneFailures(tx, account.key, ip, now);
      await appendAudit(tx, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        changes: { account: account.kind === 'mobile' ? 'mobile' : account.key },
      });
    });
    throw errors.invalidCredentials();
  }

  const assignments = (await loadAssignments(db, [user.id])).get(user.id) ?? [];
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + deps.session.absoluteMs);
  const sessionId = newId();
  await db.transaction(async (tx) => {
    await tx
      .delete(loginFailures)
      .where(and(eq(loginFailures.account, account.key), eq(loginFailures.ip, ip)));
    await tx.insert(sessions).values({
      id: sessionId,
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
    });
    await tx
      .update(users)
      .set({ lastLoginAt: new Date(now) })
      .where(eq(users.id, user.id));
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
 * The territory code a user's audit rows are filed under, so scoped auditors see them: the longest common prefix of
 * the codes of every territory and building their roles are anchored on. An auditor's subtree holds that prefix
 * exactly when it holds all of them: so only those who may read the whole account read its rows. A county-wide role,
 * or none anchored anywhere, files them under no code (county-wide auditors only).
 */
export function territoryCodeOf(assignments: ResolvedAssignment[]): string | null {
  if (assignments.some((a) => a.scopeKind === 'all')) return null;
  return commonCodePrefix(assignments.flatMap((a) => a.territories.map((t) => t.code)));
}

/** The longest common prefix of territory codes; null when there are none, one is null, or they share nothing. */
export function commonCodePrefix(codes: (string | null)[]): string | null {
  if (codes.length === 0 || codes.some((c) => c === null)) return null;
  let prefix = codes[0]!;
  for (const code of codes as string[]) {
    let n = 0;
    while (n < prefix.length && n < code.length && prefix[n] === code[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix || null;
}

/**
 * Role assignments of several users at once, with the territory nodes their scopes name: those in force now, or
 * with `upcoming` also those that start later (account administration sees and checks every role an account holds).
 */
export async function loadAssignments(
  db: Executor,
  userIds: string[],
  options: { upcoming?: boolean } = {},
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
      sourceKind: roleAssignments.sourceKind,
      territories: sql<
        ResolvedAssignment['territories']
      >`case when ${roleAssignments.scopeKind} in ('street', 'community', 'grids', 'buildings')
        then coalesce((
          select json_agg(json_build_object('id', a.id, 'level', a.level, 'code', a.code, 'name', a.name) order by a.code)
          from ${scopeAnchors} a where a.id = any(${roleAssignments.scopeIds})
            and (a.level = 'building') = (${roleAssignments.scopeKind} = 'buildings')
        ), '[]'::json)
        else '[]'::json end`,
    })
    .from(roleAssignments)
    .where(
      and(
        inArray(roleAssignments.userId, userIds),
        // A position's access runs from its first day to the end of its last, whether or not the row has been
        // deleted yet: a term approved ahead of time gives nothing before it starts.
        options.upcoming
          ? undefined
          : sql`(${roleAssignments.startsAt} is null or ${roleAssignments.startsAt} <= now())`,
        sql`(${roleAssignments.endsAt} is null or ${roleAssignments.endsAt} > now())`,
      ),
    )
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

/**
 * The login_failures key under which wrong current passwords of /me/password are counted. Sign-in keys are
 * lower-cased names or base64url blind indexes, neither of which can contain "PASSWORD-CHECK:", so failed
 * sign-ins under a crafted name cannot add to it.
 */
export function passwordCheckKey(userId: string): string {
  return `PASSWORD-CHECK:${userId}`;
}

/**
 * Changes the caller's own password and ends their other sessions. Wrong current passwords are throttled per
 * account like sign-in's `pair` rule (5 free, then 30 s doubling up to 15 min), from whatever address or session,
 * so a stolen session cannot guess the password to keep the account.
 */
export async function changeOwnPassword(
  db: Db,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const now = Date.now();
  const key = passwordCheckKey(auth.user.id);
  const ip = actor.ip ?? 'unknown';
  const [user] = await db.select().from(users).where(eq(users.id, auth.user.id)).limit(1);
  if (!user) throw errors.sessionExpired();
  const { id: attempt, failures } = await beginAttempt(db, key, ip, now);
  const wait = waitSeconds(throttle.pair, failures.account, now);
  if (wait > 0) {
    await db.delete(loginFailures).where(eq(loginFailures.id, attempt));
    throw errors.passwordCheckThrottled(wait);
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await pruneFailures(db, key, ip, now);
    throw errors.wrongPassword();
  }
  await db.delete(loginFailures).where(eq(loginFailures.account, key));
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
