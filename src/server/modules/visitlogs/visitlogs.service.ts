import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { appendAudit, changedFields, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import {
  decrypt,
  encrypt,
  normaliseForSearch,
  searchTokens,
  type DataKeys,
} from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { personOfUser, persons } from '../people/people.public.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { visitLogErrors } from './visitlogs.errors.ts';
import type {
  CreateVisitLogInput,
  UpdateVisitLogInput,
  VisitLogFilter,
  VisitLogView,
} from './visitlogs.schemas.ts';
import { suggestedTags } from './visitlogs.schemas.ts';
import { visitLogComments, visitLogs, type FollowUpStatus, type PlaceKind } from './visitlogs.tables.ts';

export type Deps = { db: Db; keys: DataKeys };

/** The `kind` of the blind-index tokens of a log's text (personal-data.ts searchTokens). */
export const TEXT_TOKENS = 'visitLog';
/** An author may edit their entry for this long, and only while it has no comment. */
export const EDIT_WINDOW_MS = 7 * 86_400_000;
/** A text search confirms at most this many candidates (newest first); `totalCapped` says when there were more. */
const SEARCH_CANDIDATES = 5_000;

/**
 * SQL: the entry lies inside the scope: its grid inside a territory subtree of the scope, or (a building leader)
 * all of its buildings among the scope's buildings (an entry on a grid, or reaching another building, is not theirs).
 */
export function logInScope(
  scope: Scope,
  table: { territoryCode: SQLWrapper; buildingIds: SQLWrapper } = visitLogs,
): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.codes.length) parts.push(territoryCodeCondition(scope, table.territoryCode));
  if (scope.buildingIds.length) {
    parts.push(
      sql`(cardinality(${table.buildingIds}) > 0 and ${table.buildingIds} <@ ${sql.param(scope.buildingIds)}::uuid[])`,
    );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The place of an entry, checked against the writer's scope (404 outside it). */
type Place = {
  placeKind: PlaceKind;
  territoryCode: string;
  gridId: string;
  buildingId: string | null;
  buildingIds: string[];
  householdIds: string[];
};

async function resolvePlace(
  tx: Executor,
  scope: Scope,
  householdIds: string[],
  placeId: string | undefined,
): Promise<Place> {
  const found = householdIds.length
    ? await tx
        .select({
          id: households.id,
          buildingId: households.buildingId,
          territoryCode: households.territoryCode,
          gridId: buildings.gridId,
          room: households.room,
          movedOutAt: households.movedOutAt,
        })
        .from(households)
        .innerJoin(buildings, eq(buildings.id, households.buildingId))
        .where(
          and(
            inArray(households.id, householdIds),
            registryCondition(scope, households.territoryCode, households.buildingId),
          ),
        )
    : [];
  if (found.length < householdIds.length) throw errors.notFound();
  const movedOut = found.find((h) => h.movedOutAt !== null);
  if (movedOut) throw visitLogErrors.householdMovedOut(movedOut.room);
  const grids = new Set(found.map((h) => h.territoryCode));
  if (grids.size > 1) {
    throw errors.validation([
      {
        field: 'householdIds',
        code: 'several_grids',
        message: {
          zh: '一条日志关联的住户须在同一网格内',
          en: 'The households of one log must lie in one grid',
        },
      },
    ]);
  }
  const householdBuildings = [...new Set(found.map((h) => h.buildingId))].sort();
  if (!placeId) {
    const first = found[0]!;
    return {
      placeKind: 'households',
      territoryCode: first.territoryCode,
      gridId: first.gridId,
      buildingId: householdBuildings.length === 1 ? householdBuildings[0]! : null,
      buildingIds: householdBuildings,
      householdIds: found.map((h) => h.id).sort(),
    };
  }
  const outside = (zh: string, en: string) =>
    errors.validation([{ field: 'householdIds', code: 'outside_place', message: { zh, en } }]);
  const [building] = await tx
    .select({ id: buildings.id, territoryCode: buildings.territoryCode, gridId: buildings.gridId })
    .from(buildings)
    .where(and(eq(buildings.id, placeId), registryCondition(scope, buildings.territoryCode, buildings.id)));
  if (building) {
    if (found.some((h) => h.buildingId !== building.id)) {
      throw outside('关联的住户须在所选楼栋内', 'The households must lie in the chosen building');
    }
    return {
      placeKind: 'building',
      territoryCode: building.territoryCode,
      gridId: building.gridId,
      buildingId: building.id,
      buildingIds: [building.id],
      householdIds: found.map((h) => h.id).sort(),
    };
  }
  const [node] = await tx
    .select({ id: territories.id, code: territories.code, level: territories.level })
    .from(territories)
    .where(eq(territories.id, placeId));
  // A building outside the scope, or a node outside it: not found. A leader's scope holds no grid.
  if (!node || !codeInScope(scope, node.code)) throw errors.notFound();
  if (node.level !== 'grid') {
    throw errors.validation([
      {
        field: 'placeId',
        code: 'not_a_place',
        message: { zh: '请选择楼栋或网格', en: 'Choose a building or a grid' },
      },
    ]);
  }
  if (found.some((h) => h.territoryCode !== node.code)) {
    throw outside('关联的住户须在所选网格内', 'The households must lie in the chosen grid');
  }
  return {
    placeKind: 'grid',
    territoryCode: node.code,
    gridId: node.id,
    buildingId: null,
    buildingIds: householdBuildings,
    householdIds: found.map((h) => h.id).sort(),
  };
}

function checkDay(occurredOn: string) {
  if (occurredOn > shanghaiDay()) {
    throw errors.validation([
      {
        field: 'occurredOn',
        code: 'in_future',
        message: { zh: '日期不能晚于今天', en: 'The day cannot be in the future' },
      },
    ]);
  }
}

/** Tags as stored: trimmed, NFKC, distinct, in the order given. */
const cleanTags = (tags: string[] | undefined) => [
  ...new Set((tags ?? []).map((t) => t.normalize('NFKC').trim())),
];

/**
 * Writes a log for households or a place inside the writer's scope (404 outside it; 409 for a household moved out).
 * Audited. A log written offline carries the phone's `clientId`: sent again (a queue resent, two requests racing;
 * the unique index decides), it answers the stored log with `created: false` and writes nothing; the same id
 * from another author is refused (409) without telling anything of their log.
 */
export async function createVisitLog(
  { db, keys }: Deps,
  scope: Scope,
  readScope: Scope,
  actor: Actor,
  input: CreateVisitLogInput,
): Promise<{ log: VisitLogView; created: boolean }> {
  const stored = async (tx: Executor, clientId: string) => {
    const [row] = await tx
      .select({ id: visitLogs.id, authorUserId: visitLogs.authorUserId })
      .from(visitLogs)
      .where(eq(visitLogs.clientId, clientId));
    if (!row) return null;
    if (!actor.userId || row.authorUserId !== actor.userId) throw visitLogErrors.clientIdTaken();
    return row.id;
  };
  const written = await db.transaction(async (tx) => {
    const earlier = input.clientId ? await stored(tx, input.clientId) : null;
    if (earlier) return { id: earlier, created: false };
    checkDay(input.occurredOn);
    const place = await resolvePlace(tx, scope, input.householdIds ?? [], input.placeId);
    const person = actor.userId ? await personOfUser(tx, actor.userId) : null;
    const id = newId();
    const tags = cleanTags(input.tags);
    const inserted = await tx
      .insert(visitLogs)
      .values({
        id,
        kind: input.kind,
        textEnc: encrypt(keys, input.text),
        searchTokens: searchTokens(keys, TEXT_TOKENS, input.text),
        tags,
        ...place,
        occurredOn: input.occurredOn,
        followUp: input.followUp ?? 'none',
        authorUserId: actor.userId,
        authorPersonId: person?.id ?? null,
        clientId: input.clientId ?? null,
      })
      .onConflictDoNothing({ target: visitLogs.clientId })
      .returning({ id: visitLogs.id });
    if (inserted.length === 0) {
      // The same client id, stored by a request that ran alongside (committed before this insert went on).
      return { id: (await stored(tx, input.clientId!))!, created: false };
    }
    await appendAudit(tx, actor, {
      action: 'visit_log.created',
      entityType: 'visit_log',
      entityId: id,
      territoryCode: place.territoryCode,
      changes: {
        kind: input.kind,
        tags,
        placeKind: place.placeKind,
        households: place.householdIds.length,
        occurredOn: input.occurredOn,
        followUp: input.followUp ?? 'none',
      },
    });
    return { id, created: true };
  });
  return {
    log: await getVisitLog({ db, keys }, readScope, actor.userId, written.id),
    created: written.created,
  };
}

/** The log's row locked for a write, inside the scope (404 otherwise). */
async function lockedLog(tx: Executor, scope: Scope, id: string) {
  const [row] = await tx
    .select({
      id: visitLogs.id,
      kind: visitLogs.kind,
      textEnc: visitLogs.textEnc,
      tags: visitLogs.tags,
      occurredOn: visitLogs.occurredOn,
      followUp: visitLogs.followUp,
      territoryCode: visitLogs.territoryCode,
      authorUserId: visitLogs.authorUserId,
      createdAt: visitLogs.createdAt,
    })
    .from(visitLogs)
    .where(and(eq(visitLogs.id, id), logInScope(scope)))
    .for('update');
  if (!row) throw errors.notFound();
  return row;
}

async function commentCount(db: Executor, id: string) {
  const [row] = await db.select({ n: count() }).from(visitLogComments).where(eq(visitLogComments.logId, id));
  return row!.n;
}

/**
 * The author edits their own log (kind, text, tags, day) within 7 days of writing it and while no one has commented
 * on it: a comment answers what was written. 404 outside the scope, 403 for another's, 409 once locked. Audited
 * (the text masked).
 */
export async function updateVisitLog(
  { db, keys }: Deps,
  scope: Scope,
  readScope: Scope,
  actor: Actor,
  id: string,
  input: UpdateVisitLogInput,
): Promise<VisitLogView> {
  if (input.occurredOn) checkDay(input.occurredOn);
  await db.transaction(async (tx) => {
    const row = await lockedLog(tx, scope, id);
    if (!actor.userId || row.authorUserId !== actor.userId) throw visitLogErrors.notAuthor();
    if ((await commentCount(tx, id)) > 0) throw visitLogErrors.locked('commented');
    if (Date.now() - row.createdAt.getTime() > EDIT_WINDOW_MS) throw visitLogErrors.locked('old');
    const before = {
      kind: row.kind,
      text: decrypt(keys, row.textEnc),
      tags: row.tags,
      occurredOn: row.occurredOn,
    };
    const after = {
      kind: input.kind ?? before.kind,
      text: input.text ?? before.text,
      tags: input.tags ? cleanTags(input.tags) : before.tags,
      occurredOn: input.occurredOn ?? before.occurredOn,
    };
    const changes = changedFields(before, after, { text: () => '***' });
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(visitLogs)
      .set({
        kind: after.kind,
        tags: after.tags,
        occurredOn: after.occurredOn,
        ...(after.text !== before.text
          ? { textEnc: encrypt(keys, after.text), searchTokens: searchTokens(keys, TEXT_TOKENS, after.text) }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(visitLogs.id, id));
    await appendAudit(tx, actor, {
      action: 'visit_log.updated',
      entityType: 'visit_log',
      entityId: id,
      territoryCode: row.territoryCode,
      changes,
    });
  });
  return getVisitLog({ db, keys }, readScope, actor.userId, id);
}

/** A supervisor (visitlog:comment over the log) comments on it (批注); the author sees it. Audited. */
export async function commentOnVisitLog(
  { db, keys }: Deps,
  scope: Scope,
  readScope: Scope,
  actor: Actor,
  id: string,
  text: string,
) {
  await db.transaction(async (tx) => {
    const row = await lockedLog(tx, scope, id);
    const commentId = newId();
    await tx.insert(visitLogComments).values({
      id: commentId,
      logId: id,
      authorUserId: actor.userId,
      textEnc: encrypt(keys, text),
    });
    await appendAudit(tx, actor, {
      action: 'visit_log.commented',
      entityType: 'visit_log',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { comments: await commentCount(tx, id) },
    });
  });
  return getVisitLogDetail({ db, keys }, readScope, actor.userId, id);
}

/**
 * Sets the follow-up status of a log inside the reader's scope (404 otherwise): its author, or a supervisor whose
 * comment scope covers it (403 for others). Audited.
 */
export async function setFollowUp(
  { db, keys }: Deps,
  readScope: Scope,
  commentScope: Scope | null,
  actor: Actor,
  id: string,
  followUp: FollowUpStatus,
) {
  await db.transaction(async (tx) => {
    const row = await lockedLog(tx, readScope, id);
    const isAuthor = actor.userId !== null && row.authorUserId === actor.userId;
    if (!isAuthor) {
      const [covered] = commentScope
        ? await tx
            .select({ id: visitLogs.id })
            .from(visitLogs)
            .where(and(eq(visitLogs.id, id), logInScope(commentScope)))
        : [];
      if (!covered) throw visitLogErrors.notFollowUp();
    }
    if (row.followUp === followUp) return;
    await tx.update(visitLogs).set({ followUp, updatedAt: new Date() }).where(eq(visitLogs.id, id));
    await appendAudit(tx, actor, {
      action: 'visit_log.follow_up_set',
      entityType: 'visit_log',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { followUp: { from: row.followUp, to: followUp } },
    });
  });
  return getVisitLog({ db, keys }, readScope, actor.userId, id);
}

const authorName = sql<string>`coalesce(${persons.name}, ${users.displayName}, '')`;

const listColumns = {
  id: visitLogs.id,
  kind: visitLogs.kind,
  textEnc: visitLogs.textEnc,
  tags: visitLogs.tags,
  placeKind: visitLogs.placeKind,
  territoryCode: visitLogs.territoryCode,
  gridId: visitLogs.gridId,
  buildingId: visitLogs.buildingId,
  householdIds: visitLogs.householdIds,
  occurredOn: visitLogs.occurredOn,
  followUp: visitLogs.followUp,
  authorUserId: visitLogs.authorUserId,
  authorName,
  createdAt: visitLogs.createdAt,
  updatedAt: visitLogs.updatedAt,
  comments: sql<number>`(select count(*)::int from ${visitLogComments} c where c.log_id = ${visitLogs.id})`,
};
type ListRow = Omit<Awaited<ReturnType<typeof selectLogs>>[number], 'textEnc'> & { text: string };

function selectLogs(db: Executor, ids: string[]) {
  return db
    .select(listColumns)
    .from(visitLogs)
    .leftJoin(users, eq(users.id, visitLogs.authorUserId))
    .leftJoin(persons, eq(persons.id, visitLogs.authorPersonId))
    .where(inArray(visitLogs.id, ids));
}

/** The rows of `ids` presented in the order given: text decrypted, place named, households addressed. */
async function present(
  { db, keys }: Deps,
  userId: string | null,
  ids: string[],
  texts?: Map<string, string>,
): Promise<VisitLogView[]> {
  if (ids.length === 0) return [];
  const rows = await selectLogs(db, ids);
  const householdIds = [...new Set(rows.flatMap((r) => r.householdIds))];
  const buildingIds = [...new Set(rows.flatMap((r) => (r.buildingId ? [r.buildingId] : [])))];
  const gridIds = [...new Set(rows.map((r) => r.gridId))];
  const [houses, buildingNames, gridNames] = await Promise.all([
    householdIds.length
      ? db
          .select({ id: households.id, room: households.room, building: buildings.name })
          .from(households)
          .innerJoin(buildings, eq(buildings.id, households.buildingId))
          .where(inArray(households.id, householdIds))
      : [],
    buildingIds.length
      ? db
          .select({ id: buildings.id, name: buildings.name })
          .from(buildings)
          .where(inArray(buildings.id, buildingIds))
      : [],
    db
      .select({ id: territories.id, name: territories.name })
      .from(territories)
      .where(inArray(territories.id, gridIds)),
  ]);
  const address = new Map(houses.map((h) => [h.id, `${h.building} ${h.room}`]));
  const buildingName = new Map(buildingNames.map((b) => [b.id, b.name]));
  const gridName = new Map(gridNames.map((g) => [g.id, g.name]));
  const byId = new Map<string, ListRow>(
    rows.map(({ textEnc, ...r }) => [r.id, { ...r, text: texts?.get(r.id) ?? decrypt(keys, textEnc) }]),
  );
  const now = Date.now();
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const placeName =
      r.placeKind === 'grid' || !r.buildingId
        ? (gridName.get(r.gridId) ?? '')
        : (buildingName.get(r.buildingId) ?? '');
    return [
      {
        id: r.id,
        kind: r.kind,
        text: r.text,
        tags: r.tags,
        placeKind: r.placeKind,
        placeName,
        territoryCode: r.territoryCode,
        gridId: r.gridId,
        buildingId: r.buildingId,
        households: r.householdIds.map((h) => ({ id: h, address: address.get(h) ?? '' })),
        occurredOn: r.occurredOn,
        followUp: r.followUp,
        authorUserId: r.authorUserId,
        authorName: r.authorName,
        comments: r.comments,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        editable:
          userId !== null &&
          r.authorUserId === userId &&
          r.comments === 0 &&
          now - r.createdAt.getTime() <= EDIT_WINDOW_MS,
      },
    ];
  });
}

/** One log inside the scope (404 otherwise). */
export async function getVisitLog(deps: Deps, scope: Scope, userId: string | null, id: string) {
  const [inScope] = await deps.db
    .select({ id: visitLogs.id })
    .from(visitLogs)
    .where(and(eq(visitLogs.id, id), logInScope(scope)));
  if (!inScope) throw errors.notFound();
  return (await present(deps, userId, [id]))[0]!;
}

/** One log inside the scope with its comments, oldest first (404 outside it). */
export async function getVisitLogDetail(deps: Deps, scope: Scope, userId: string | null, id: string) {
  const log = await getVisitLog(deps, scope, userId, id);
  const comments = await deps.db
    .select({
      id: visitLogComments.id,
      authorUserId: visitLogComments.authorUserId,
      authorName: sql<string>`coalesce(${users.displayName}, '')`,
      textEnc: visitLogComments.textEnc,
      createdAt: visitLogComments.createdAt,
    })
    .from(visitLogComments)
    .leftJoin(users, eq(users.id, visitLogComments.authorUserId))
    .where(eq(visitLogComments.logId, id))
    .orderBy(asc(visitLogComments.createdAt), asc(visitLogComments.id));
  return {
    ...log,
    commentList: comments.map(({ textEnc, ...c }) => ({
      ...c,
      text: decrypt(deps.keys, textEnc),
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

/** SQL of the list's filters but the text (which is matched by tokens, then confirmed). */
async function filterConditions(db: Executor, scope: Scope, userId: string | null, f: VisitLogFilter) {
  const conditions: (SQL | undefined)[] = [logInScope(scope)];
  if (f.kind) conditions.push(eq(visitLogs.kind, f.kind));
  if (f.followUp) conditions.push(eq(visitLogs.followUp, f.followUp));
  if (f.tag) conditions.push(sql`${visitLogs.tags} @> array[${f.tag.normalize('NFKC')}]::text[]`);
  if (f.authorId) conditions.push(eq(visitLogs.authorUserId, f.authorId));
  if (f.mine) conditions.push(userId ? eq(visitLogs.authorUserId, userId) : sql`false`);
  if (f.buildingId) conditions.push(sql`${visitLogs.buildingIds} @> array[${f.buildingId}]::uuid[]`);
  if (f.householdId) conditions.push(sql`${visitLogs.householdIds} @> array[${f.householdId}]::uuid[]`);
  if (f.from) conditions.push(gte(visitLogs.occurredOn, f.from));
  if (f.to) conditions.push(lte(visitLogs.occurredOn, f.to));
  if (f.territoryId) {
    const [node] = await db
      .select({ code: territories.code })
      .from(territories)
      .where(eq(territories.id, f.territoryId));
    // A place the caller cannot see finds nothing (as an unknown one does).
    conditions.push(node ? startsWith(visitLogs.territoryCode, node.code) : sql`false`);
  }
  return and(...conditions);
}

const newestFirst = [desc(visitLogs.occurredOn), desc(visitLogs.createdAt), desc(visitLogs.id)];

/**
 * Logs inside the scope, newest first, a page at a time. With `q`, the text's blind-index tokens narrow the
 * candidates in the database (`search_tokens @> tokens of q`, GIN), and each candidate is decrypted to confirm the
 * words (docs/decisions/visit-log-search.md).
 */
export async function listVisitLogs(deps: Deps, scope: Scope, userId: string | null, f: VisitLogFilter) {
  const { db, keys } = deps;
  const where = await filterConditions(db, scope, userId, f);
  const offset = (f.page - 1) * f.pageSize;
  const query = f.q ? normaliseForSearch(f.q) : '';
  if (!query) {
    const [rows, [total]] = await Promise.all([
      db
        .select({ id: visitLogs.id })
        .from(visitLogs)
        .where(where)
        .orderBy(...newestFirst)
        .limit(f.pageSize)
        .offset(offset),
      db.select({ n: count() }).from(visitLogs).where(where),
    ]);
    return {
      data: await present(
        deps,
        userId,
        rows.map((r) => r.id),
      ),
      page: { page: f.page, pageSize: f.pageSize, total: total!.n },
    };
  }
  const tokens = searchTokens(keys, TEXT_TOKENS, query, 'query');
  const candidates = await db
    .select({ id: visitLogs.id, textEnc: visitLogs.textEnc })
    .from(visitLogs)
    .where(and(where, sql`${visitLogs.searchTokens} @> ${sql.param(tokens)}::text[]`))
    .orderBy(...newestFirst)
    .limit(SEARCH_CANDIDATES + 1);
  const capped = candidates.length > SEARCH_CANDIDATES;
  const texts = new Map<string, string>();
  const matches: string[] = [];
  for (const c of candidates.slice(0, SEARCH_CANDIDATES)) {
    const text = decrypt(keys, c.textEnc);
    if (!normaliseForSearch(text).includes(query)) continue;
    matches.push(c.id);
    texts.set(c.id, text);
  }
  const ids = matches.slice(offset, offset + f.pageSize);
  return {
    data: await present(deps, userId, ids, texts),
    page: {
      page: f.page,
      pageSize: f.pageSize,
      total: matches.length,
      ...(capped ? { totalCapped: true } : {}),
    },
  };
}

/** The tags the form suggests, and the tags used in the scope's logs with their counts (most used first, 50). */
export async function visitLogTags(db: Executor, scope: Scope) {
  const used = await db
    .select({ tag: sql<string>`t.tag`, count: sql<number>`count(*)::int` })
    .from(sql`${visitLogs} cross join lateral unnest(${visitLogs.tags}) as t(tag)`)
    .where(logInScope(scope))
    .groupBy(sql`t.tag`)
    .orderBy(sql`count(*) desc`, sql`t.tag`)
    .limit(50);
  return { suggested: [...suggestedTags], used };
}
