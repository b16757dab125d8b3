import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { appendAudit, auditedLimitWait, changedFields, type Actor } from '../../core/auth/audit.ts';
import { auditLog, roleAssignments, users } from '../../core/auth/auth.tables.ts';
import {
  commonCodePrefix,
  loadAssignments,
  passwordProblem,
  revokeSessions,
  territoryCodeOf as auditTerritoryCode,
} from '../../core/auth/auth.service.ts';
import {
  blindIndex,
  decrypt,
  encrypt,
  maskMobile,
  mobilePattern,
  type DataKeys,
} from '../../core/auth/personal-data.ts';
import { hashPassword } from '../../core/auth/passwords.ts';
import { roleHolds } from '../../core/auth/catalogue.ts';
import { isRoleCode, roles, type Permission, type RoleCode } from '../../core/auth/roles.ts';
import {
  codeInScope,
  requirePermission,
  revealCovers,
  type AuthContext,
  type ResolvedAssignment,
  type Scope,
} from '../../core/auth/scope.ts';
import type { AfterRollback, Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { containsPattern } from '../../core/db/like.ts';
import { errors, type ErrorDetail } from '../../core/http/errors.ts';
import { buildingIdsInScope, buildingsByIds } from '../registry/registry.public.ts';
import { territoriesByIds, territoryIdsInScope } from '../territory/territory.public.ts';
import { accountErrors } from './accounts.errors.ts';
import type { Account, AssignmentInput } from './accounts.schemas.ts';

type UserRow = typeof users.$inferSelect;
type Deps = { db: Db; keys: DataKeys };

const SCOPE_LEVEL = { street: 'street', community: 'community', grids: 'grid' } as const;

/**
 * SQL: the account lies wholly inside the scope. At least one of its roles is anchored inside the scope, and none
 * reaches beyond it: no county-wide role, no territory or building outside. Roles scoped to the person themself
 * (`self`) reach nobody else's data and count neither way. Reading, managing and revealing an account all need
 * this, so that nobody can take over an account that also works elsewhere (a grid worker of one's own community
 * who is a community worker in another street). County-wide callers see every account.
 */
function visibleIn(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const inside = anchoredInside(scope);
  return sql`(exists (select 1 from ${roleAssignments} ra where ra.user_id = ${users.id} and ${inside})
    and not exists (
      select 1 from ${roleAssignments} ra
      where ra.user_id = ${users.id} and ra.scope_kind <> 'self' and not ${inside}))`;
}

/** SQL on a role assignment aliased `ra`: its territories or buildings all lie inside the (not county-wide) scope. */
function anchoredInside(scope: Scope): SQL {
  return sql`(
    (ra.scope_kind in ('street', 'community', 'grids') and ra.scope_ids <@ array${territoryIdsInScope(scope)})
    or (ra.scope_kind = 'buildings' and ra.scope_ids <@ array${buildingIdsInScope(scope)}))`;
}

export function presentAccount(keys: DataKeys, user: UserRow, assignments: ResolvedAssignment[]): Account {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mobile: user.mobileEnc ? maskMobile(decrypt(keys, user.mobileEnc)) : null,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    roles: assignments.map((a) => ({ ...a, roleName: roles[a.role].name })),
  };
}

export async function listAccounts(
  { db, keys }: Deps,
  auth: AuthContext,
  filter: { q?: string; status?: 'active' | 'disabled'; role?: RoleCode; page: number; pageSize: number },
) {
  const scope = requirePermission(auth, 'account:read');
  const q = filter.q?.trim();
  // A whole mobile number matched exactly tells whether it belongs to an account the caller may read: allowed only to
  // callers who could reveal the mobile of every account they may read.
  if (q && mobilePattern.test(q) && !revealCovers(auth, 'account:read')) {
    throw accountErrors.mobileSearchNotAllowed();
  }
  const where = and(
    visibleIn(scope),
    filter.status ? eq(users.status, filter.status) : undefined,
    filter.role
      ? sql`exists (select 1 from ${roleAssignments} r where r.user_id = ${users.id} and r.role = ${filter.role})`
      : undefined,
    q
      ? mobilePattern.test(q)
        ? eq(users.mobileIndex, blindIndex(keys, 'mobile', q))
        : sql`(${users.username} ilike ${containsPattern(q)} or ${users.displayName} ilike ${containsPattern(q)})`
      : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  const assignments = await loadAssignments(
    db,
    rows.map((r) => r.id),
    { upcoming: true },
  );
  return {
    rows: rows.map((r) => presentAccount(keys, r, assignments.get(r.id) ?? [])),
    total: count?.total ?? 0,
  };
}

async function loadVisible(db: Executor, scope: Scope, id: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibleIn(scope)))
    .limit(1);
  if (!row) throw errors.notFound();
  return row;
}

export async function getAccount({ db, keys }: Deps, auth: AuthContext, id: string): Promise<Account> {
  const row = await loadVisible(db, requirePermission(auth, 'account:read'), id);
  const assignments = await loadAssignments(db, [id], { upcoming: true });
  return presentAccount(keys, row, assignments.get(id) ?? []);
}

/** The highest rank among the caller's roles that hold `permission` (by default: may manage accounts). */
function managerRank(auth: AuthContext, permission: Permission = 'account:write'): number {
  return Math.max(
    -1,
    ...auth.assignments.filter((a) => roleHolds(a.role, permission)).map((a) => roles[a.role].rank),
  );
}

/** Whether the caller may grant `role`: only roles ranked below their own, except a county admin's peers. */
export function canGrant(auth: AuthContext, role: RoleCode): boolean {
  const rank = managerRank(auth);
  return (
    roles[role].rank < rank ||
    (role === 'county_admin' && auth.assignments.some((a) => a.role === 'county_admin'))
  );
}

/** Checks requested role assignments against the caller's rank and scope; field details name each bad one. */
async function checkAssignments(
  db: Executor,
  auth: AuthContext,
  writeScope: Scope,
  input: AssignmentInput[],
) {
  const details: ErrorDetail[] = [];
  const territoryIds = [...new Set(input.flatMap((a) => (a.scopeKind in SCOPE_LEVEL ? a.scopeIds : [])))];
  const buildingIds = [...new Set(input.flatMap((a) => (a.scopeKind === 'buildings' ? a.scopeIds : [])))];
  const [foundTerritories, foundBuildings] = await Promise.all([
    territoriesByIds(db, territoryIds),
    buildingsByIds(db, buildingIds),
  ]);
  const byId = new Map(foundTerritories.map((t) => [t.id, t]));
  const buildingById = new Map(foundBuildings.map((b) => [b.id, b]));
  input.forEach((a, i) => {
    const field = `roles.${i}`;
    const fail = (code: string, zh: string, en: string) => details.push({ field, code, message: { zh, en } });
    const role = roles[a.role];
    if (!canGrant(auth, a.role)) {
      return fail(
        'not_grantable',
        `无权授予“${role.name.zh}”角色`,
        `You may not grant the role ${role.name.en}`,
      );
    }
    if (!role.scopeKinds.includes(a.scopeKind)) {
      return fail(
        'scope_kind',
        `“${role.name.zh}”不能使用该数据范围`,
        `${role.name.en} cannot have this kind of scope`,
      );
    }
    switch (a.scopeKind) {
      case 'all':
        if (!writeScope.all) {
          return fail('scope', '无权授予全县范围', 'You may not grant a county-wide scope');
        }
        if (a.scopeIds.length) {
          return fail('scope_ids', '全县范围不需要指定区域', 'A county-wide scope takes no ids');
        }
        return;
      case 'self':
        if (a.scopeIds.length) {
          return fail('scope_ids', '本人范围不需要指定区域', 'A self scope takes no ids');
        }
        return;
      case 'buildings':
        if (a.scopeIds.length === 0) return fail('scope_ids', '请选择楼栋', 'Choose at least one building');
        for (const id of a.scopeIds) {
          const b = buildingById.get(id);
          if (!b || !codeInScope(writeScope, b.code)) {
            return fail(
              'scope_ids',
              '楼栋不存在或不在您的管辖范围内',
              'Unknown building or outside your scope',
            );
          }
        }
        return;
      case 'street':
      case 'community':
      case 'grids': {
        const level = SCOPE_LEVEL[a.scopeKind];
        if (a.scopeIds.length === 0) return fail('scope_ids', '请选择区域', 'Choose at least one territory');
        if (a.scopeKind !== 'grids' && a.scopeIds.length > 1) {
          return fail('scope_ids', '只能选择一个区域', 'Choose exactly one territory');
        }
        for (const id of a.scopeIds) {
          const t = byId.get(id);
          if (!t || !codeInScope(writeScope, t.code)) {
            return fail(
              'scope_ids',
              '区域不存在或不在您的管辖范围内',
              'Unknown territory or outside your scope',
            );
          }
          if (t.level !== level) {
            return fail(
              'scope_ids',
              '所选区域的层级与数据范围不符',
              'The territory level does not match the scope kind',
            );
          }
        }
        return;
      }
    }
  });
  if (details.length) throw errors.validation(details);
}

/** Replaces the roles granted by hand; those a position gave stay (they end with the position). */
async function replaceAssignments(tx: Executor, userId: string, input: AssignmentInput[]) {
  await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.sourceKind)));
  if (input.length) {
    await tx.insert(roleAssignments).values(
      input.map((a, i) => ({
        id: newId(),
        userId,
        role: a.role,
        scopeKind: a.scopeKind,
        scopeIds: [...new Set(a.scopeIds)],
        createdAt: new Date(Date.now() + i),
      })),
    );
  }
}

/** The territory code an account's audit rows are filed under. */
async function territoryCodeOf(db: Executor, userId: string): Promise<string | null> {
  return auditTerritoryCode((await loadAssignments(db, [userId], { upcoming: true })).get(userId) ?? []);
}

/**
 * A mobile number refused as taken tells the caller that some account in the county has it, in their scope or not.
 * So each refusal is audited (`user.mobile_taken`, the number masked), and a caller with `refusals` of them within
 * the window is refused every mobile number (429), taken or not, until the oldest leaves the window.
 */
export const mobileTakenThrottle = { windowMs: 15 * 60_000, refusals: 5 };

/**
 * Inside the write's transaction, before the number is checked: the caller's own row is locked (their account writes
 * with a mobile number go one at a time, so a burst cannot pass the count together), then a caller at the limit is
 * refused.
 */
async function checkMobileRefusals(tx: Executor, actor: Actor) {
  if (!actor.userId) return;
  await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('update');
  // Under the lock no refusal of this caller's joins the in-flight ones, but one may be written and leave them while
  // the count runs: rows are counted without the in-flight ids, and those once each, so none counts twice or not at all.
  const pending = refusalsInFlight(actor.userId);
  const wait = await auditedLimitWait(
    tx,
    actor.userId,
    'user.mobile_taken',
    {
      windowMs: mobileTakenThrottle.windowMs,
      count: Math.max(1, mobileTakenThrottle.refusals - pending.length),
    },
    pending.length > 0 ? notInArray(auditLog.id, pending) : undefined,
  );
  if (wait > 0) throw errors.mobileTakenThrottled(wait);
  if (pending.length >= mobileTakenThrottle.refusals) {
    throw errors.mobileTakenThrottled(Math.ceil(mobileTakenThrottle.windowMs / 1000));
  }
}

/**
 * Refusals whose audit row is still to be written after their write's rollback, by caller, as the ids their rows will
 * have: that rollback frees the caller's row lock before the row exists, so the requests waiting on the lock count
 * these too. An entry leaves when its row's transaction ends, or after a minute should that never happen. Per process:
 * the server is one process.
 */
const inFlight = new Map<string, Map<string, number>>();

function refusalsInFlight(userId: string): string[] {
  const entries = inFlight.get(userId);
  if (!entries) return [];
  const stale = Date.now() - 60_000;
  for (const [id, at] of entries) if (at < stale) entries.delete(id);
  if (entries.size === 0) inFlight.delete(userId);
  return [...entries.keys()];
}

/** Counts a refusal as in flight until its `afterRollback` row, `auditId`, is written (see `refusalsInFlight`). */
export function holdRefusal(userId: string | null, refusal: AfterRollback, auditId: string) {
  if (!userId) return;
  const entries = inFlight.get(userId) ?? new Map<string, number>();
  entries.set(auditId, Date.now());
  inFlight.set(userId, entries);
  refusal.afterRollbackEnded = () => {
    entries.delete(auditId);
    if (entries.size === 0 && inFlight.get(userId) === entries) inFlight.delete(userId);
  };
}

/** The one answer to a taken mobile number, wherever the account having it lies. */
const mobileTaken = () =>
  errors.conflict('mobile', {
    zh: '手机号已被其他账号使用',
    en: 'The mobile number is used by another account',
  });

/**
 * Whether `mobile` is taken by another account; when it is, the refusal's audit row is written (in the caller's
 * transaction, which then commits without the write and answers 409).
 */
async function mobileTakenBy(
  tx: Executor,
  keys: DataKeys,
  auth: AuthContext,
  actor: Actor,
  mobile: string | null | undefined,
  exceptId?: string,
): Promise<boolean> {
  if (!mobile) return false;
  await checkMobileRefusals(tx, actor);
  const [clash] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.mobileIndex, blindIndex(keys, 'mobile', mobile)))
    .limit(1);
  if (!clash || clash.id === exceptId) return false;
  await appendAudit(tx, actor, {
    action: 'user.mobile_taken',
    entityType: 'user',
    entityId: exceptId ?? null,
    territoryCode: auditTerritoryCode(auth.assignments),
    changes: { mobile: maskMobile(mobile) },
  });
  return true;
}

async function checkUsernameFree(db: Executor, username: string) {
  const [clash] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  if (clash) throw errors.conflict('username', { zh: '用户名已被使用', en: 'The username is taken' });
}

export type NewUser = {
  id?: string;
  username: string;
  displayName: string;
  mobile?: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  roles: AssignmentInput[];
};

/** Inserts a user and its roles without permission checks (seeding, the admin CLI); callers audit. */
export async function insertUser(tx: Executor, keys: DataKeys, input: NewUser): Promise<string> {
  const id = input.id ?? newId();
  await tx.insert(users).values({
    id,
    username: input.username,
    displayName: input.displayName,
    mobileEnc: input.mobile ? encrypt(keys, input.mobile) : null,
    mobileIndex: input.mobile ? blindIndex(keys, 'mobile', input.mobile) : null,
    passwordHash: input.passwordHash,
    mustChangePassword: input.mustChangePassword,
  });
  await replaceAssignments(tx, id, input.roles);
  return id;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password of 10 readable characters, with letters and digits (the password policy). */
export function initialPassword(): string {
  for (;;) {
    const bytes = randomBytes(10);
    const password = [...bytes].map((b) => READABLE[b % READABLE.length]).join('');
    if (/[a-zA-Z]/.test(password) && /\d/.test(password)) return password;
  }
}

/** The answer to a person's mobile number taken by another account when their position would open one. */
const positionMobileTaken = () =>
  errors.conflict('mobile', {
    zh: '该人员的手机号已被其他账号使用，无法为其开通账号；请核实并修改其手机号后再试',
    en: "This person's mobile number is used by another account, so no account can be opened for them; check and correct their mobile number first",
  });

/**
 * Opens an account for a person a position gives access to (a building leader, a grid worker, a registered party
 * member), without permission checks: the position's module has checked the caller. The username is `p` and eight
 * characters of the new id; the person signs in with it or with their mobile, and must change the initial password at
 * the first sign-in. The caller audits.
 *
 * A mobile number another account already has is refused (409 on `mobile`) as account writes refuse it: the whole
 * write rolls back, the refusal's `user.mobile_taken` audit row (filed under the person's territory) is written after
 * the rollback (the error's `afterRollback`), and the caller's refusals count toward the same limit (429).
 */
export async function openPositionAccount(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  input: { displayName: string; mobile: string | null; territoryCode: string | null },
): Promise<{ userId: string; username: string; password: string }> {
  const id = newId();
  const username = `p${id.replace(/-/g, '').slice(-8)}`;
  const password = initialPassword();
  const { mobile } = input;
  if (mobile) {
    await checkMobileRefusals(tx, actor);
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.mobileIndex, blindIndex(keys, 'mobile', mobile)))
      .limit(1);
    if (clash) {
      const refusal: AfterRollback & ReturnType<typeof positionMobileTaken> = positionMobileTaken();
      const auditId = newId();
      refusal.afterRollback = (after) =>
        appendAudit(after, actor, {
          id: auditId,
          action: 'user.mobile_taken',
          entityType: 'user',
          territoryCode: input.territoryCode,
          changes: { mobile: maskMobile(mobile) },
        });
      holdRefusal(actor.userId, refusal, auditId);
      throw refusal;
    }
  }
  await insertUser(tx, keys, {
    id,
    username,
    displayName: input.displayName,
    mobile,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    roles: [],
  });
  return { userId: id, username, password };
}

export async function createAccount(
  { db, keys }: Deps,
  auth: AuthContext,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    mobile?: string | null;
    password: string;
    roles: AssignmentInput[];
  },
): Promise<string> {
  const writeScope = requirePermission(auth, 'account:write');
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw errors.passwordPolicy('password', problem);
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    await checkAssignments(tx, auth, writeScope, input.roles);
    if (!writeScope.all && input.roles.every((r) => r.scopeKind === 'self')) {
      // An account nobody in a scoped role could see again would be lost to its creator.
      throw errors.validation([
        {
          field: 'roles',
          code: 'scope_required',
          message: {
            zh: '请至少授予一个带区域范围的角色',
            en: 'Grant at least one role scoped to a territory',
          },
        },
      ]);
    }
    await checkUsernameFree(tx, input.username);
    // Committed without the account when the number is taken: the refusal's audit row stays.
    if (await mobileTakenBy(tx, keys, auth, actor, input.mobile)) return null;
    const id = await insertUser(tx, keys, { ...input, passwordHash, mustChangePassword: true });
    await appendAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      territoryCode: await territoryCodeOf(tx, id),
      changes: changedFields(
        null,
        {
          username: input.username,
          displayName: input.displayName,
          mobile: input.mobile ?? null,
          roles: input.roles,
        },
        { mobile: maskMobile },
      ),
    });
    return id;
  });
  if (created === null) throw mobileTaken();
  return created;
}

/** Loads an account the caller may manage: visible in their write scope, every role of it grantable by them. */
async function loadManageable(tx: Executor, auth: AuthContext, id: string) {
  const writeScope = requirePermission(auth, 'account:write');
  const row = await loadVisible(tx, writeScope, id);
  const current = (await loadAssignments(tx, [id], { upcoming: true })).get(id) ?? [];
  if (!current.every((a) => canGrant(auth, a.role))) throw errors.forbidden();
  return { row, current, writeScope };
}

/**
 * An account the caller may manage (account:write), for other modules that attach something to an account: visible
 * in the caller's write scope with every role grantable by them, as for editing it; 404 (403 for a peer's or a
 * superior's account in the scope) otherwise.
 */
export async function manageableAccount(tx: Executor, auth: AuthContext, id: string) {
  const { row } = await loadManageable(tx, auth, id);
  return { id: row.id, username: row.username, displayName: row.displayName, status: row.status };
}

/**
 * Whether a position's access may be given to the account `id`, by a caller acting with `permission` (appointing a
 * grid worker, approving or renewing a building leader, appointing a branch secretary): the account must be one the
 * caller could manage in that permission's scope. Every role it holds or will hold lies inside the scope and ranks
 * below the caller's highest role holding the permission (a county administrator reaches every account), as for
 * editing an account. Not counted: roles over the person themself (`self`: they reach nobody else's data) and the
 * access of the position being given (`exceptSource`: a position re-granted over more of its places). 404 when a
 * role reaches outside the scope (the account is not the caller's to see), 403 for a peer's or a superior's account;
 * nothing is changed then. Without it, a post in one's grid would hand a role to anyone's account linked there.
 */
export async function takesPositionAccess(
  tx: Executor,
  auth: AuthContext,
  permission: Permission,
  id: string,
  exceptSource?: string,
): Promise<void> {
  const scope = requirePermission(auth, permission);
  if (auth.assignments.some((a) => a.role === 'county_admin')) return;
  const held = await tx
    .select({
      role: sql<string>`ra.role`,
      inside: scope.all ? sql<boolean>`true` : sql<boolean>`${anchoredInside(scope)}`,
    })
    .from(sql`${roleAssignments} ra`)
    .where(
      sql`ra.user_id = ${id} and ra.scope_kind <> 'self' and (ra.ends_at is null or ra.ends_at > now())
        and ${exceptSource ? sql`ra.source_id is distinct from ${exceptSource}` : sql`true`}`,
    );
  if (held.some((r) => !r.inside)) throw errors.notFound();
  const rank = managerRank(auth, permission);
  if (held.some((r) => !isRoleCode(r.role) || roles[r.role].rank >= rank)) throw errors.forbidden();
}

function refuseSelf(auth: AuthContext, id: string, field: string) {
  if (auth.user.id === id) {
    throw errors.validation([
      {
        field,
        code: 'self',
        message: {
          zh: '不能停用自己的账号或修改自己的角色',
          en: 'You cannot disable your own account or change your own roles',
        },
      },
    ]);
  }
}

export async function updateAccount(
  { db, keys }: Deps,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { displayName?: string; mobile?: string | null; status?: 'active' | 'disabled' },
) {
  const taken = await db.transaction(async (tx) => {
    const { row } = await loadManageable(tx, auth, id);
    if (input.status === 'disabled') refuseSelf(auth, id, 'status');
    const before = {
      displayName: row.displayName,
      mobile: row.mobileEnc ? decrypt(keys, row.mobileEnc) : null,
      status: row.status,
    };
    // Committed without the change when the number is taken: the refusal's audit row stays.
    if (input.mobile !== before.mobile && (await mobileTakenBy(tx, keys, auth, actor, input.mobile, id))) {
      return true;
    }
    const after = {
      displayName: input.displayName ?? before.displayName,
      mobile: input.mobile === undefined ? before.mobile : input.mobile,
      status: input.status ?? before.status,
    };
    const changes = changedFields(before, after, { mobile: maskMobile });
    if (Object.keys(changes).length === 0) return false;
    await tx
      .update(users)
      .set({
        displayName: after.displayName,
        mobileEnc: after.mobile ? encrypt(keys, after.mobile) : null,
        mobileIndex: after.mobile ? blindIndex(keys, 'mobile', after.mobile) : null,
        status: after.status,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (after.status === 'disabled') await revokeSessions(tx, id);
    await appendAudit(tx, actor, {
      action:
        after.status !== before.status
          ? `user.${after.status === 'disabled' ? 'disabled' : 'enabled'}`
          : 'user.updated',
      entityType: 'user',
      entityId: id,
      territoryCode: await territoryCodeOf(tx, id),
      changes,
    });
    return false;
  });
  if (taken) throw mobileTaken();
}

/** Sets a new password chosen by an administrator; the user must change it at next sign-in. */
export async function resetPassword(
  { db }: Deps,
  auth: AuthContext,
  actor: Actor,
  id: string,
  newPassword: string,
) {
  // Permission and target first: a caller who may not manage the account learns nothing from the policy check.
  const { row: target } = await loadManageable(db, auth, id);
  const problem = passwordProblem(newPassword, target.username);
  if (problem) throw errors.passwordPolicy('newPassword', problem);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await loadManageable(tx, auth, id);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, id));
    await revokeSessions(tx, id);
    await appendAudit(tx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      territoryCode: await territoryCodeOf(tx, id),
      changes: { password: { from: '***', to: '***' } },
    });
  });
}

export async function setRoles(
  { db }: Deps,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: AssignmentInput[],
) {
  await db.transaction(async (tx) => {
    const { current, writeScope } = await loadManageable(tx, auth, id);
    refuseSelf(auth, id, 'roles');
    await checkAssignments(tx, auth, writeScope, input);
    const before = await territoryCodeOf(tx, id);
    await replaceAssignments(tx, id, input);
    // The row tells both the old roles and the new: filed where the account lay before and lies now.
    const territoryCode = commonCodePrefix([before, await territoryCodeOf(tx, id)]);
    await revokeSessions(tx, id);
    const summary = (list: { role: string; scopeKind: string; scopeIds: string[] }[]) =>
      list.map((a) => ({ role: a.role, scopeKind: a.scopeKind, scopeIds: a.scopeIds }));
    await appendAudit(tx, actor, {
      action: 'user.roles_changed',
      entityType: 'user',
      entityId: id,
      territoryCode,
      changes: { roles: { from: summary(current.filter((a) => !a.sourceKind)), to: summary(input) } },
    });
  });
}

/** The clear mobile number, for callers holding personal:reveal; every reveal is audited. */
export async function revealMobile({ db, keys }: Deps, auth: AuthContext, actor: Actor, id: string) {
  const readScope = requirePermission(auth, 'account:read');
  const revealScope = requirePermission(auth, 'personal:reveal');
  return db.transaction(async (tx) => {
    // The account must lie wholly inside both: the caller may read it, and may reveal there.
    const row = await loadVisible(tx, readScope, id);
    await loadVisible(tx, revealScope, id);
    await appendAudit(tx, actor, {
      action: 'personal.revealed',
      entityType: 'user',
      entityId: id,
      territoryCode: await territoryCodeOf(tx, id),
      changes: { fields: ['mobile'] },
    });
    return { mobile: row.mobileEnc ? decrypt(keys, row.mobileEnc) : null };
  });
}
