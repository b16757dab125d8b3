import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { startsWith } from '../db/like.ts';
import { errors } from '../http/errors.ts';
import { permissionsOfRole, roleHolds } from './catalogue.ts';
import type { Permission, RoleCode, ScopeKind } from './roles.ts';
import { codeInScope, type Scope } from './scope-rule.ts';

export { codeInScope, registryRowInScope, type Scope } from './scope-rule.ts';

/** A territory node a scope is anchored on. */
export type ScopeTerritory = { id: string; level: string; code: string; name: string };

export type ResolvedAssignment = {
  id: string;
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeIds: string[];
  /** The territory nodes of street/community/grids scopes. */
  territories: ScopeTerritory[];
  /** The kind of position that gave this access (a building leader's term …), null when granted by hand. */
  sourceKind: string | null;
};

/** Who is calling, loaded once per request from the session. */
export type AuthContext = {
  sessionId: string;
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean };
  assignments: ResolvedAssignment[];
};

export function permissionsOf(auth: AuthContext): Permission[] {
  const granted = new Set<Permission>();
  for (const a of auth.assignments) for (const p of permissionsOfRole(a.role)) granted.add(p);
  return [...granted].sort();
}

/** The union of the scopes of every assignment whose role grants `permission`, or null when none does. */
export function scopeFor(auth: AuthContext, permission: Permission): Scope | null {
  let scope: Scope | null = null;
  for (const a of auth.assignments) {
    if (!roleHolds(a.role, permission)) continue;
    scope ??= { all: false, codes: [], buildingIds: [], self: false };
    switch (a.scopeKind) {
      case 'all':
        scope.all = true;
        break;
      case 'street':
      case 'community':
      case 'grids':
        scope.codes.push(...a.territories.map((t) => t.code));
        break;
      case 'buildings':
        scope.buildingIds.push(...a.scopeIds);
        for (const t of a.territories) (scope.buildingCodes ??= {})[t.id] = t.code;
        break;
      case 'self':
        scope.self = true;
        scope.userId = auth.user.id;
        break;
    }
  }
  if (scope) scope.codes = minimalPrefixes(scope.codes);
  return scope;
}

/** The scope of `permission`; a caller without it gets 403 for the endpoint itself. */
export function requirePermission(auth: AuthContext, permission: Permission): Scope {
  const scope = scopeFor(auth, permission);
  if (!scope) throw errors.forbidden();
  return scope;
}

/** Whether `inner` is wholly inside `outer` (used when granting scopes to others). */
export function scopeCovers(outer: Scope, innerCodes: string[]): boolean {
  return outer.all || innerCodes.every((code) => codeInScope(outer, code));
}

/**
 * Whether every record `inner` reaches lies inside `outer`: its subtrees, its buildings (listed in `outer`, or on a
 * territory of `outer` by their known codes) and the caller's own records. A building whose code is unknown counts as
 * outside unless `outer` lists it: the answer errs towards "no".
 */
export function scopeWithin(inner: Scope, outer: Scope): boolean {
  if (outer.all) return true;
  if (inner.all) return false;
  if (inner.self && !outer.self) return false;
  if (!inner.codes.every((code) => codeInScope(outer, code))) return false;
  return inner.buildingIds.every((id) => {
    const code = inner.buildingCodes?.[id];
    return outer.buildingIds.includes(id) || (code !== undefined && codeInScope(outer, code));
  });
}

/**
 * Whether the caller may see clear personal data everywhere `permission` lets them read: their personal:reveal scope
 * covers that permission's whole scope. Only then can an exact lookup by a whole ID-card or mobile number tell them
 * nothing they could not reveal anyway; otherwise such lookups are audited and throttled, or refused.
 */
export function revealCovers(auth: AuthContext, permission: Permission): boolean {
  const read = scopeFor(auth, permission);
  const reveal = scopeFor(auth, 'personal:reveal');
  return read === null || (reveal !== null && scopeWithin(read, reveal));
}

/** SQL condition: the territory-code column lies inside the scope. The one filter every scoped query uses. */
export function territoryCodeCondition(scope: Scope, column: SQLWrapper): SQL {
  if (scope.all) return sql`true`;
  if (scope.codes.length === 0) return sql`false`;
  const alternatives = scope.codes.map((prefix) => startsWith(column, prefix));
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

/** Drops codes already covered by a shorter prefix in the list. */
function minimalPrefixes(codes: string[]): string[] {
  const sorted = [...new Set(codes)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const code of sorted) if (!kept.some((p) => code.startsWith(p))) kept.push(code);
  return kept.sort();
}

/**
 * SQL condition for registry rows (buildings, households, residents): inside a territory subtree of the scope, or
 * in one of its buildings (a building leader's scope).
 */
export function registryCondition(scope: Scope, territoryCode: SQLWrapper, buildingId: SQLWrapper): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.codes.length) parts.push(territoryCodeCondition(scope, territoryCode));
  if (scope.buildingIds.length) parts.push(sql`${buildingId} = any(${sql.param(scope.buildingIds)}::uuid[])`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
