import { and, asc, desc, eq, exists, gt, gte, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { containsPattern, escapeLike } from '../db/like.ts';
import { auditLog, users } from './auth.tables.ts';
import { maskBirthDate, maskIdCard, maskMobile } from './personal-data.ts';
import { territoryCodeCondition, type Scope } from './scope.ts';

/**
 * How long (whole seconds, at least 1) the actor must wait under a limit of `count` audited `action`s (rows matching
 * `matching` too, if given) within `windowMs`: until the oldest of the window leaves it; 0 while under the limit.
 * The audit log is the count, so a limit holds across restarts and processes.
 */
export async function auditedLimitWait(
  db: Executor,
  actorId: string,
  action: string,
  limit: { windowMs: number; count: number },
  matching?: SQL,
): Promise<number> {
  const since = new Date(Date.now() - limit.windowMs);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.at})` })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), gt(auditLog.at, since), eq(auditLog.action, action), matching));
  if (!row?.oldest || row.count < limit.count) return 0;
  const until = new Date(row.oldest).getTime() + limit.windowMs;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

/** Who did a write, from where: taken from the request by the HTTP layer and handed to services. */
export type Actor = {
  userId: string | null;
  name: string | null;
  role: string | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

export type AuditEntry = {
  /** The row's id, when the caller must know it before the row exists; a new one otherwise. */
  id?: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  territoryCode?: string | null;
  /** Changed fields. Callers mask personal data before it gets here (see `changedFields`). */
  changes?: Record<string, unknown>;
};

/** Appends one audit row; call it with the same transaction as the write it records. */
export async function appendAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: entry.id ?? newId(),
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    territoryCode: entry.territoryCode ?? null,
    changes: entry.changes ? storable(entry.changes) : null,
    requestId: actor.requestId,
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
}

/** What jsonb cannot hold, in JSON text: the escape of NUL or of a lone surrogate (a pair is written as is). */
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f]/i;
/** NUL and lone surrogates (in a /u regex a well-formed pair is one code point and does not match). */
const UNSTORABLE = /[\0\p{Cs}]/gu;

/**
 * Changes as jsonb can store them: NUL and lone surrogates become U+FFFD. Requests cannot carry them (http/input.ts);
 * this keeps an audit row, and with it the write it records, from failing on content that came some other way. The
 * common case costs one JSON.stringify; only changes whose JSON holds such an escape are walked.
 */
function storable(value: Record<string, unknown>): Record<string, unknown> {
  if (!UNSTORABLE_ESCAPE.test(JSON.stringify(value))) return value;
  return clean(value) as Record<string, unknown>;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\ufffd');
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), clean(v)]));
  }
  return value;
}

/**
 * `{ field: { from, to } }` for the fields that differ; fields named in `mask` are replaced by their masked form
 * (or by "***" when no masker is given), so the audit log never holds personal data in clear.
 */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  mask: Record<string, (value: string) => string> = {},
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before?.[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const masker = mask[key];
    const hide = (v: unknown) =>
      v === null ? null : masker && typeof v === 'string' ? masker(v) : masker ? '***' : v;
    out[key] = key in mask ? { from: hide(from), to: hide(to) } : { from, to };
  }
  return out;
}

/** Personal fields as they may appear in an audit row's changes, and their masks (all idempotent). */
const personalFieldMasks: Record<string, (value: string) => string> = {
  idCard: maskIdCard,
  phone: maskMobile,
  mobile: maskMobile,
  birthDate: maskBirthDate,
};

/**
 * An audit row's changes as they leave the server: every value under a personal field's name (`idCard`, `phone`,
 * `mobile`, `birthDate`, also inside `{ from, to }`) masked again. Rows are masked when written; this also covers rows
 * written under an older, weaker mask (an ID card's first three, a full birth date) and any writer that forgot.
 */
export function maskAuditChanges(changes: unknown, mask?: (value: string) => string): unknown {
  if (typeof changes === 'string') return mask ? mask(changes) : changes;
  if (Array.isArray(changes)) return changes.map((v) => maskAuditChanges(v, mask));
  if (changes && typeof changes === 'object') {
    return Object.fromEntries(
      Object.entries(changes).map(([key, v]) => [key, maskAuditChanges(v, personalFieldMasks[key] ?? mask)]),
    );
  }
  return changes;
}

export type AuditFilter = {
  q?: string;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** Audit rows within the caller's scope: everything for a county-wide scope, else rows of its subtree. */
export async function listAudit(db: Executor, scope: Scope, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    scope.all ? undefined : territoryCodeCondition(scope, auditLog.territoryCode),
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
    filter.q
      ? or(
          ilike(auditLog.actorName, containsPattern(filter.q)),
          ilike(auditLog.action, containsPattern(filter.q)),
          ilike(auditLog.ip, containsPattern(filter.q)),
          // A request id from an error message, or an entity id, found by its start.
          like(auditLog.requestId, `${escapeLike(filter.q)}%`),
          like(auditLog.entityId, `${escapeLike(filter.q)}%`),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/**
 * Accounts that wrote an entry the caller may read, matching `q` (part of the name or user name): the audit page's
 * actor filter. The accounts table is small and each candidate is checked through the actor index, so this does not
 * walk the log. An account with no entry in the scope is not offered.
 */
export async function listAuditActors(db: Executor, scope: Scope, q: string | undefined) {
  const inScope = db
    .select({ one: sql`1` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, users.id),
        scope.all ? undefined : territoryCodeCondition(scope, auditLog.territoryCode),
      ),
    );
  return db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(
      and(
        q
          ? or(ilike(users.displayName, containsPattern(q)), ilike(users.username, containsPattern(q)))
          : undefined,
        exists(inScope),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(20);
}
