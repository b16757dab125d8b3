import { and, eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import type { Text } from '../../core/http/errors.ts';
import { territories } from '../territory/territory.public.ts';
import { partyOrgs } from './party.tables.ts';

/** A community's code is the first 12 digits of its grids' codes (county 6, street 3, community 3). */
export const COMMUNITY_CODE_LENGTH = 12;
export const communityOf = (code: string) => code.slice(0, COMMUNITY_CODE_LENGTH);

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The Shanghai day of a moment (figures' `asOf`). */
export const dayOf = (moment: Date) => today(moment);

/** A period (starts_on..ends_on, both included) is on during `day`. */
export function activeOn(startsOn: SQLWrapper, endsOn: SQLWrapper, day: string): SQL {
  return sql`(${startsOn} <= ${day}::date and (${endsOn} is null or ${endsOn} >= ${day}::date))`;
}

export function invalid(field: string, code: string, message: Text): never {
  throw errors.validation([{ field, code, message }]);
}

/**
 * SQL over `party_orgs`: the organisation lies inside the scope. Its community lies in a territory subtree of the
 * scope, or (grid scopes, a branch secretary's) it covers a grid of the scope or a building on one.
 */
export function orgInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  if (scope.codes.length === 0) return sql`false`;
  return sql`(${territoryCodeCondition(scope, sql.raw('party_orgs.community_code'))} or exists (select 1
    from party_org_places where party_org_places.org_id = party_orgs.id
    and ${territoryCodeCondition(scope, sql.raw('party_org_places.territory_code'))}))`;
}

/** SQL over `party_orgs`: the organisation lies in the place `code` (a community or above; a grid: covers it). */
export function orgInPlace(code: string): SQL {
  if (code.length <= COMMUNITY_CODE_LENGTH) return startsWith(sql.raw('party_orgs.community_code'), code);
  return sql`exists (select 1 from party_org_places where party_org_places.org_id = party_orgs.id
    and ${startsWith(sql.raw('party_org_places.territory_code'), code)})`;
}

export type OrgRow = typeof partyOrgs.$inferSelect;

/** One organisation inside the scope (404 otherwise); `current` also refuses one dissolved or merged (404). */
export async function loadOrg(
  db: Executor,
  scope: Scope,
  id: string,
  options: { current?: boolean; lock?: boolean } = {},
): Promise<OrgRow> {
  const query = db
    .select()
    .from(partyOrgs)
    .where(
      and(eq(partyOrgs.id, id), orgInScope(scope), options.current ? isNull(partyOrgs.endsOn) : undefined),
    )
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw errors.notFound();
  return row;
}

/**
 * The community named by a territory id (a community, or a grid of it) that the caller can see something of: it lies
 * in the scope, or the scope holds one of its grids. 404 otherwise; 400 for a street or the county.
 */
export async function communityFor(db: Executor, scope: Scope, territoryId: string, field = 'territoryId') {
  const [node] = await db
    .select({ id: territories.id, code: territories.code, level: territories.level, name: territories.name })
    .from(territories)
    .where(eq(territories.id, territoryId))
    .limit(1);
  if (!node) throw errors.notFound();
  const code = communityOf(node.code);
  const visible = scope.all || codeInScope(scope, code) || scope.codes.some((c) => c.startsWith(code));
  if (!visible || (node.level !== 'community' && node.level !== 'grid')) {
    if (!visible) throw errors.notFound();
    invalid(field, 'level', { zh: '请选择社区', en: 'Choose a community' });
  }
  if (node.level === 'community') return { id: node.id, code, name: node.name };
  const [community] = await db
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return { id: community!.id, code, name: community!.name };
}

/** Whether an error is PostgreSQL's unique violation (23505) of `constraint`, however the driver wrapped it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505') {
      return name === constraint || (name === undefined && !!message?.includes(constraint));
    }
  }
  return false;
}
