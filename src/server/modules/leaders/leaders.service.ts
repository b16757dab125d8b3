import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import {
  codeInScope,
  registryCondition,
  registryRowInScope,
  type AuthContext,
  type Scope,
} from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { accountsAnchoredOn, notify } from '../../core/notifications/notifications.ts';
import {
  accessEndsAfter,
  accessStartsOn,
  endPositionAccess,
  grantPositionAccess,
  personCondition,
  personOfResident,
  persons,
  type Grantor,
  type OpenedAccount,
} from '../people/people.public.ts';
import { buildings, buildingsByIds, residentInScope, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { addDays, shanghaiDay, yearTermEnd } from './leaders.days.ts';
import { leaderErrors } from './leaders.errors.ts';
import {
  type EndInput,
  type NominateInput,
  type RenewInput,
  type ReviewInput,
  type TermFilter,
  type TermView,
} from './leaders.schemas.ts';
import { leaderTerms } from './leaders.tables.ts';
import { activeOn as periodActiveOn } from '../../core/db/periods.ts';

export type Deps = { db: Db; keys: DataKeys };

/** The leader_term source of the access an approved term gives. */
export const LEADER_TERM_SOURCE = 'leader_term';

const renewedAlready = sql`exists (select 1 from ${leaderTerms} r where r.renewal_of = ${leaderTerms}.id
  and r.status in ('submitted', 'approved'))`;

const termColumns = {
  id: leaderTerms.id,
  buildingId: leaderTerms.buildingId,
  buildingName: buildings.name,
  buildingCode: buildings.code,
  compound: buildings.compound,
  gridCode: buildings.territoryCode,
  unitId: leaderTerms.unitId,
  unitNumber: units.number,
  personId: leaderTerms.personId,
  personName: persons.name,
  mobileEnc: persons.mobileEnc,
  publishMobile: persons.publishMobile,
  status: leaderTerms.status,
  nomination: leaderTerms.nomination,
  nominationNote: leaderTerms.nominationNote,
  startsOn: leaderTerms.startsOn,
  endsOn: leaderTerms.endsOn,
  tags: leaderTerms.tags,
  reason: leaderTerms.reason,
  reviewedAt: leaderTerms.reviewedAt,
  endedAt: leaderTerms.endedAt,
  renewalOf: leaderTerms.renewalOf,
  remindedAt: leaderTerms.remindedAt,
  createdAt: leaderTerms.createdAt,
  /** A renewal naming this term is submitted or approved: it cannot be renewed again. */
  renewed: sql<boolean>`${renewedAlready}`,
};

export function selectTerms(db: Executor) {
  return db
    .select(termColumns)
    .from(leaderTerms)
    .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
    .innerJoin(persons, eq(persons.id, leaderTerms.personId))
    .leftJoin(units, eq(units.id, leaderTerms.unitId));
}
type TermRow = Awaited<ReturnType<ReturnType<typeof selectTerms>['execute']>>[number];

/** The term's building lies inside the scope (a territory subtree, or one of a leader's buildings). */
export function termInScope(scope: Scope): SQL {
  return registryCondition(scope, buildings.territoryCode, buildings.id);
}

/** Approved and in force on `day` (both ends included). */
export function activeOn(day: string): SQL {
  return sql`(${leaderTerms.status} = 'approved' and ${periodActiveOn(leaderTerms, day)})`;
}

/** What leaves the server for a term: the leader's mobile masked unless they agreed to publish it. */
export function presentTerm(keys: DataKeys, row: TermRow, today = shanghaiDay()): TermView {
  const mobile = row.mobileEnc ? decrypt(keys, row.mobileEnc) : null;
  return {
    id: row.id,
    buildingId: row.buildingId,
    buildingName: row.buildingName,
    buildingCode: row.buildingCode,
    compound: row.compound,
    gridCode: row.gridCode,
    unitId: row.unitId,
    unitNumber: row.unitNumber,
    personId: row.personId,
    personName: row.personName,
    mobile: mobile ? (row.publishMobile ? mobile : maskMobile(mobile)) : null,
    status: row.status,
    nomination: row.nomination,
    nominationNote: row.nominationNote,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    tags: row.tags,
    reason: row.reason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    renewalOf: row.renewalOf,
    renewed: Boolean(row.renewed),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    active: row.status === 'approved' && row.startsOn <= today && row.endsOn >= today,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One term inside the scope (404 otherwise), locked for update when `lock`. */
async function termInScopeById(tx: Executor, scope: Scope, id: string, lock = false) {
  const query = tx
    .select({
      id: leaderTerms.id,
      buildingId: leaderTerms.buildingId,
      unitId: leaderTerms.unitId,
      personId: leaderTerms.personId,
      status: leaderTerms.status,
      nomination: leaderTerms.nomination,
      startsOn: leaderTerms.startsOn,
      endsOn: leaderTerms.endsOn,
      tags: leaderTerms.tags,
      endedAt: leaderTerms.endedAt,
      territoryCode: buildings.territoryCode,
    })
    .from(leaderTerms)
    .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
    .where(and(eq(leaderTerms.id, id), termInScope(scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: leaderTerms }) : await query;
  if (!row) throw errors.notFound();
  return row;
}

/** One term as the API shows it. */
export async function getTerm({ db, keys }: Deps, scope: Scope, id: string): Promise<TermView> {
  const [row] = await selectTerms(db)
    .where(and(eq(leaderTerms.id, id), termInScope(scope)))
    .limit(1);
  if (!row) throw errors.notFound();
  return presentTerm(keys, row);
}

/**
 * Serialises the approvals of one building: two reviewers approving two nominations for the same building at once
 * would otherwise both find the building free. Held to the end of the transaction.
 */
async function lockBuilding(tx: Executor, buildingId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leader_terms:${buildingId}`}))`);
}

type Slot = {
  id: string;
  buildingId: string;
  unitId: string | null;
  personId: string;
  startsOn: string;
  endsOn: string;
};

/**
 * The rules an approved term must keep (checked with the building locked): the person has no other approved term
 * on the building overlapping it, and the building (or the unit) has no other approved leader on any of its days.
 */
async function checkTermRules(tx: Executor, term: Slot) {
  const overlapping = and(
    eq(leaderTerms.buildingId, term.buildingId),
    eq(leaderTerms.status, 'approved'),
    ne(leaderTerms.id, term.id),
    sql`${leaderTerms.startsOn} <= ${term.endsOn}::date and ${leaderTerms.endsOn} >= ${term.startsOn}::date`,
  );
  const [own] = await tx
    .select({ startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn })
    .from(leaderTerms)
    .where(and(overlapping, eq(leaderTerms.personId, term.personId)))
    .orderBy(asc(leaderTerms.startsOn))
    .limit(1);
  if (own) throw leaderErrors.termsOverlap(own.startsOn, own.endsOn);
  const [taken] = await tx
    .select({ name: persons.name, startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn })
    .from(leaderTerms)
    .innerJoin(persons, eq(persons.id, leaderTerms.personId))
    .where(and(overlapping, term.unitId ? eq(leaderTerms.unitId, term.unitId) : isNull(leaderTerms.unitId)))
    .orderBy(asc(leaderTerms.startsOn))
    .limit(1);
  if (taken) throw leaderErrors.buildingTaken(taken.name, taken.startsOn, taken.endsOn);
}

/**
 * Records a nomination (submitted): a person inside the scope, or a resident (their person found or recorded), for a
 * building inside the scope or one of its units; the term runs a year from today unless given.
 */
export async function nominate({ db, keys }: Deps, scope: Scope, actor: Actor, input: NominateInput) {
  return db.transaction(async (tx) => {
    const [building] = await tx
      .select({ id: buildings.id, territoryCode: buildings.territoryCode })
      .from(buildings)
      .where(and(eq(buildings.id, input.buildingId), termInScope(scope)))
      .limit(1);
    if (!building) throw errors.notFound();
    if (input.unitId) {
      const [unit] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, input.unitId), eq(units.buildingId, building.id)))
        .limit(1);
      if (!unit) {
        throw errors.validation([
          {
            field: 'unitId',
            code: 'not_of_building',
            message: { zh: '该单元不属于所选楼栋', en: 'The unit is not one of the building’s' },
          },
        ]);
      }
    }
    let personId: string;
    if (input.residentId) {
      await residentInScope(tx, scope, input.residentId);
      personId = await personOfResident(tx, keys, actor, input.residentId);
    } else {
      const [person] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.id, input.personId!), personCondition(scope, persons.id)))
        .limit(1);
      if (!person) throw errors.notFound();
      personId = person.id;
    }
    const startsOn = input.startsOn ?? shanghaiDay();
    const endsOn = input.endsOn ?? yearTermEnd(startsOn);
    if (endsOn < startsOn) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: { zh: '结束日期不能早于开始日期', en: 'The last day cannot come before the first' },
        },
      ]);
    }
    const id = newId();
    const tags = [...new Set(input.tags ?? [])];
    await tx.insert(leaderTerms).values({
      id,
      buildingId: building.id,
      unitId: input.unitId ?? null,
      personId,
      status: 'submitted',
      nomination: input.nomination,
      nominationNote: input.note || null,
      startsOn,
      endsOn,
      tags,
    });
    await appendAudit(tx, actor, {
      action: 'leader.nominated',
      entityType: 'leader_term',
      entityId: id,
      territoryCode: building.territoryCode,
      changes: {
        buildingId: building.id,
        unitId: input.unitId ?? null,
        personId,
        nomination: input.nomination,
        startsOn,
        endsOn,
        tags,
      },
    });
    return id;
  });
}

/**
 * The leader's access for an approved term: building_leader over the building from its first day (a term approved
 * ahead of time gives nothing before) until the day after its end.
 */
async function grantTermAccess(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  term: { id: string; personId: string; buildingId: string; startsOn: string; endsOn: string },
  grantor: Grantor,
) {
  return grantPositionAccess(
    tx,
    keys,
    actor,
    term.personId,
    {
      role: 'building_leader',
      scopeKind: 'buildings',
      scopeIds: [term.buildingId],
      source: { kind: LEADER_TERM_SOURCE, id: term.id },
      startsAt: accessStartsOn(term.startsOn),
      endsAt: accessEndsAfter(term.endsOn),
    },
    grantor,
  );
}

/**
 * Reviews a submitted nomination. Approving checks the rules with the building locked and gives the leader their
 * access (opening an account when they have none: returned once); rejecting records the reason.
 */
export async function review(
  { db, keys }: Deps,
  scope: Scope,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: ReviewInput,
): Promise<{ opened: OpenedAccount | null }> {
  return db.transaction(async (tx) => {
    const found = await termInScopeById(tx, scope, id);
    await lockBuilding(tx, found.buildingId);
    const term = await termInScopeById(tx, scope, id, true);
    if (term.status !== 'submitted') throw leaderErrors.wrongStatus(term.status);
    const now = new Date();
    if (input.decision === 'reject') {
      await tx
        .update(leaderTerms)
        .set({
          status: 'rejected',
          reason: input.reason!,
          reviewedBy: actor.userId,
          reviewedAt: now,
          updatedAt: now,
        })
        .where(eq(leaderTerms.id, id));
      await appendAudit(tx, actor, {
        action: 'leader.rejected',
        entityType: 'leader_term',
        entityId: id,
        territoryCode: term.territoryCode,
        changes: { status: { from: 'submitted', to: 'rejected' }, reason: input.reason },
      });
      return { opened: null };
    }
    await checkTermRules(tx, term);
    await tx
      .update(leaderTerms)
      .set({
        status: 'approved',
        reason: input.reason ?? null,
        reviewedBy: actor.userId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(leaderTerms.id, id));
    await appendAudit(tx, actor, {
      action: 'leader.approved',
      entityType: 'leader_term',
      entityId: id,
      territoryCode: term.territoryCode,
      changes: { status: { from: 'submitted', to: 'approved' } },
    });
    // A term already over gives no access; one in force or to come does, until the day after its end.
    if (term.endsOn < shanghaiDay()) return { opened: null };
    const { opened } = await grantTermAccess(tx, keys, actor, term, { auth, permission: 'leader:review' });
    return { opened };
  });
}

/** Withdraws a submitted nomination. */
export async function withdraw({ db }: Deps, scope: Scope, actor: Actor, id: string, reason?: string) {
  await db.transaction(async (tx) => {
    const term = await termInScopeById(tx, scope, id, true);
    if (term.status !== 'submitted') throw leaderErrors.wrongStatus(term.status);
    const now = new Date();
    await tx
      .update(leaderTerms)
      .set({ status: 'withdrawn', reason: reason || null, updatedAt: now })
      .where(eq(leaderTerms.id, id));
    await appendAudit(tx, actor, {
      action: 'leader.withdrawn',
      entityType: 'leader_term',
      entityId: id,
      territoryCode: term.territoryCode,
      changes: { status: { from: 'submitted', to: 'withdrawn' }, reason: reason || null },
    });
  });
}

/**
 * Ends an approved term early: its last day becomes `lastDay` (yesterday by default), and the access it gave ends at
 * once (the leader's next request runs without it).
 */
export async function endTerm({ db, keys }: Deps, scope: Scope, actor: Actor, id: string, input: EndInput) {
  await db.transaction(async (tx) => {
    const term = await termInScopeById(tx, scope, id, true);
    if (term.status !== 'approved') throw leaderErrors.wrongStatus(term.status);
    const today = shanghaiDay();
    if (term.endsOn < today || term.endedAt) throw leaderErrors.termOver(term.endsOn);
    // A term that has not begun ends before its first day: it never runs.
    const lastDay = input.lastDay ?? maxDay(addDays(today, -1), addDays(term.startsOn, -1));
    if (lastDay >= term.endsOn || lastDay < addDays(term.startsOn, -1)) {
      throw errors.validation([
        {
          field: 'lastDay',
          code: 'out_of_term',
          message: {
            zh: `最后一天须在 ${addDays(term.startsOn, -1)} 至 ${addDays(term.endsOn, -1)} 之间`,
            en: `The last day must lie between ${addDays(term.startsOn, -1)} and ${addDays(term.endsOn, -1)}`,
          },
        },
      ]);
    }
    const now = new Date();
    await tx
      .update(leaderTerms)
      .set({ endsOn: lastDay, endedAt: now, reason: input.reason, updatedAt: now })
      .where(eq(leaderTerms.id, id));
    await endPositionAccess(tx, actor, [id]);
    if (lastDay >= today) {
      // Ending on a later day keeps the access until then.
      await grantTermAccess(tx, keys, actor, { ...term, endsOn: lastDay }, 'kept');
    }
    await appendAudit(tx, actor, {
      action: 'leader.ended',
      entityType: 'leader_term',
      entityId: id,
      territoryCode: term.territoryCode,
      changes: { endsOn: { from: term.endsOn, to: lastDay }, reason: input.reason },
    });
  });
}

function maxDay(a: string, b: string) {
  return a > b ? a : b;
}

/**
 * Renews an approved term: a new approved term from the day after its end (a year long unless told), naming the one
 * it follows, with the access re-granted to the new end.
 */
export async function renew(
  { db, keys }: Deps,
  scope: Scope,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: RenewInput,
): Promise<{ id: string; opened: OpenedAccount | null }> {
  return db.transaction(async (tx) => {
    const found = await termInScopeById(tx, scope, id);
    await lockBuilding(tx, found.buildingId);
    const old = await termInScopeById(tx, scope, id, true);
    if (old.status !== 'approved') throw leaderErrors.wrongStatus(old.status);
    if (old.endedAt) throw leaderErrors.termOver(old.endsOn);
    const [renewed] = await tx
      .select({ id: leaderTerms.id })
      .from(leaderTerms)
      .where(and(eq(leaderTerms.renewalOf, id), inArray(leaderTerms.status, ['submitted', 'approved'])))
      .limit(1);
    if (renewed) throw leaderErrors.alreadyRenewed();
    const startsOn = addDays(old.endsOn, 1);
    const endsOn = input.endsOn ?? yearTermEnd(startsOn);
    if (endsOn < startsOn) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: {
            zh: `新任期自 ${startsOn} 开始，结束日期不能更早`,
            en: `The new term starts on ${startsOn}; it cannot end before that`,
          },
        },
      ]);
    }
    const term = {
      id: newId(),
      buildingId: old.buildingId,
      unitId: old.unitId,
      personId: old.personId,
      startsOn,
      endsOn,
    };
    await checkTermRules(tx, term);
    const now = new Date();
    const tags = input.tags ? [...new Set(input.tags)] : old.tags;
    await tx.insert(leaderTerms).values({
      ...term,
      status: 'approved',
      nomination: old.nomination,
      tags,
      reviewedBy: actor.userId,
      reviewedAt: now,
      renewalOf: old.id,
    });
    await appendAudit(tx, actor, {
      action: 'leader.renewed',
      entityType: 'leader_term',
      entityId: term.id,
      territoryCode: old.territoryCode,
      changes: { renewalOf: old.id, startsOn, endsOn, tags },
    });
    const { opened } = await grantTermAccess(tx, keys, actor, term, { auth, permission: 'leader:review' });
    return { id: term.id, opened };
  });
}

/**
 * The territory code of a place inside the scope, or 404. A building leader (scope: their buildings) may name a place
 * holding one of their buildings (its grid, community or street), not any other.
 */
async function placeCode(db: Executor, scope: Scope, territoryId: string): Promise<string> {
  const [node] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(eq(territories.id, territoryId))
    .limit(1);
  if (!node) throw errors.notFound();
  if (codeInScope(scope, node.code)) return node.code;
  const mine = await buildingsByIds(db, scope.buildingIds);
  if (!mine.some((b) => b.code.startsWith(node.code))) throw errors.notFound();
  return node.code;
}

/** A building the filter names must lie inside the scope (a territory of it, or one of a leader's buildings): 404. */
async function checkBuildingInScope(db: Executor, scope: Scope, buildingId: string): Promise<void> {
  const [building] = await buildingsByIds(db, [buildingId]);
  if (!building || !registryRowInScope(scope, building.code, building.id)) throw errors.notFound();
}

/** Approved terms in force whose last day is within `days` days from today, not yet renewed. */
function expiringWithin(days: number, today = shanghaiDay()): SQL {
  return sql`(${activeOn(today)} and ${leaderTerms.endsOn} <= ${addDays(today, days)}::date and not ${renewedAlready})`;
}

/** Terms inside the scope, filtered, a page at a time: by building code, then the newest first. */
export async function listTerms({ db, keys }: Deps, scope: Scope, filter: TermFilter) {
  const code = filter.territoryId ? await placeCode(db, scope, filter.territoryId) : undefined;
  if (filter.buildingId) await checkBuildingInScope(db, scope, filter.buildingId);
  const today = shanghaiDay();
  const where = and(
    termInScope(scope),
    filter.status ? eq(leaderTerms.status, filter.status) : undefined,
    filter.buildingId ? eq(leaderTerms.buildingId, filter.buildingId) : undefined,
    code ? startsWith(buildings.territoryCode, code) : undefined,
    filter.expiringWithin !== undefined ? expiringWithin(filter.expiringWithin, today) : undefined,
    filter.active === 'true' ? activeOn(today) : undefined,
    filter.active === 'false' ? sql`not ${activeOn(today)}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectTerms(db)
      .where(where)
      .orderBy(asc(buildings.code), asc(units.number), desc(leaderTerms.startsOn), asc(leaderTerms.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .where(where),
  ]);
  return { rows: rows.map((r) => presentTerm(keys, r, today)), total: total?.n ?? 0 };
}

/** Terms ending within `days` days (in force, not renewed) inside the scope, the soonest first (at most 2,000). */
export async function expiringTerms(
  { db, keys }: Deps,
  scope: Scope,
  query: { days: number; territoryId?: string },
) {
  const code = query.territoryId ? await placeCode(db, scope, query.territoryId) : undefined;
  const today = shanghaiDay();
  const rows = await selectTerms(db)
    .where(
      and(
        termInScope(scope),
        code ? startsWith(buildings.territoryCode, code) : undefined,
        expiringWithin(query.days, today),
      ),
    )
    .orderBy(asc(leaderTerms.endsOn), asc(buildings.code), asc(leaderTerms.id))
    .limit(2000);
  return rows.map((r) => presentTerm(keys, r, today));
}

export async function remindExpiringTerms(db: Db, now = new Date()): Promise<number> {
  const today = shanghaiDay(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: leaderTerms.id,
        personId: leaderTerms.personId,
        endsOn: leaderTerms.endsOn,
        territoryCode: buildings.territoryCode,
        buildingName: buildings.name,
        unitId: leaderTerms.unitId,
        leaderUserId: persons.userId,
        communityId: territories.parentId,
      })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .innerJoin(territories, eq(territories.id, buildings.gridId))
      .where(and(expiringWithin(30, today), isNull(leaderTerms.remindedAt)))
      .for('update', { of: leaderTerms, skipLocked: true });
    if (due.length === 0) return 0;
    await tx
      .update(leaderTerms)
      .set({ remindedAt: now })
      .where(
        inArray(
          leaderTerms.id,
          due.map((d) => d.id),
        ),
      );
    const actor: Actor = {
      userId: null,
      name: 'leaders.remind',
      role: null,
      requestId: `job:leaders.remind:${today}`,
      ip: null,
      userAgent: null,
    };
    // The staff of every community concerned, in one query: each community's accounts anchored on it.
    const communityIds = [...new Set(due.map((d) => d.communityId).filter((c): c is string => !!c))];
    const staffOf = new Map<string, string[]>();
    for (const a of await accountsAnchoredOn(tx, { territoryIds: communityIds })) {
      if (a.scopeKind !== 'community') continue;
      for (const id of a.anchors) staffOf.set(id, [...(staffOf.get(id) ?? []), a.userId]);
    }
    for (const term of due) {
      await appendAudit(tx, actor, {
        action: 'leader.term_expiring',
        entityType: 'leader_term',
        entityId: term.id,
        territoryCode: term.territoryCode,
        changes: { endsOn: term.endsOn, personId: term.personId },
      });
      // The leader (when they have an account) and their community's staff, who renew or find a successor.
      const role = term.unitId
        ? { zh: '单元长', en: 'unit leader' }
        : { zh: '楼栋长', en: 'building leader' };
      const source = `leader.term_expiring:${term.id}`;
      if (term.leaderUserId) {
        await notify(tx, [term.leaderUserId], {
          kind: 'leader.term_expiring',
          title: { zh: `您的${role.zh}任期即将到期`, en: `Your term as ${role.en} ends soon` },
          body: {
            zh: `您在${term.buildingName}的${role.zh}任期将于 ${term.endsOn} 到期，社区将与您联系续聘事宜。`,
            en: `Your term as ${role.en} of ${term.buildingName} ends on ${term.endsOn}; the community will contact you about renewing it.`,
          },
          link: '/m/leader',
          sourceKey: source,
        });
      }
      const staff = term.communityId ? (staffOf.get(term.communityId) ?? []) : [];
      if (staff.length) {
        await notify(tx, staff, {
          kind: 'leader.term_expiring',
          title: { zh: `${role.zh}任期即将到期`, en: `A ${role.en}'s term ends soon` },
          body: {
            zh: `${term.buildingName}的${role.zh}任期将于 ${term.endsOn} 到期，请及时续聘或另行推选。`,
            en: `The term of the ${role.en} of ${term.buildingName} ends on ${term.endsOn}: renew it or find a successor.`,
          },
          link: '/leaders',
          sourceKey: source,
        });
      }
    }
    return due.length;
  });
}

/**
 * The leaders figures of a place within the scope as of a day: distinct persons holding an approved building or unit
 * leader's term in force that day (the report's 红色楼长(单元长)), and buildings existing then with no building
 * leader (a unit leader does not take the building leader's place).
 */
export async function countLeaderFigures(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const day = shanghaiDay(asOf ?? new Date());
  const at = (asOf ?? new Date()).toISOString();
  const place = and(termInScope(scope), code ? startsWith(buildings.territoryCode, code) : undefined);
  const inForce = (t: string) =>
    sql`${sql.raw(t)}.status = 'approved' and ${sql.raw(t)}.starts_on <= ${day}::date and ${sql.raw(t)}.ends_on >= ${day}::date`;
  const leading = (t: string) => sql`${inForce(t)} and ${sql.raw(t)}.unit_id is null`;
  const [leaders, without] = await Promise.all([
    db
      .select({ n: sql<number>`count(distinct ${leaderTerms.personId})::int` })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .where(and(place, inForce('"leader_terms"'))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(buildings)
      .where(
        and(
          place,
          sql`${buildings.createdAt} <= ${at}`,
          sql`not exists (select 1 from ${leaderTerms} lt where lt.building_id = ${buildings}.id and ${leading('lt')})`,
        ),
      ),
  ]);
  return { buildingLeaders: leaders[0]?.n ?? 0, buildingsWithoutLeader: without[0]?.n ?? 0 };
}
