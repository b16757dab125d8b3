import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { codeInScope, registryCondition, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { analyzeTables } from '../../core/db/statistics.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { generateRoundTasks, raiseTask } from '../duties/duties.public.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { roundErrors } from './rounds.errors.ts';
import type { CloseRoundInput, OpenRoundInput, RoundView, VisitInput, VisitView } from './rounds.schemas.ts';
import {
  roundGrids,
  roundHouseholds,
  rounds,
  roundVisitors,
  roundVisits,
  type CoverageState,
  type VisitOutcome,
} from './rounds.tables.ts';

export type Deps = { db: Db; keys: DataKeys };

/** How far ahead of the server's clock a phone's clock may date a visit. */
const VISIT_CLOCK_SKEW_MS = 10 * 60_000;

/** The visitor key of a visit with neither a person nor an account (none through the API). */
export const NO_VISITOR = '00000000-0000-0000-0000-000000000000';

type Coverage = { households: number; visited: number; covered: number; share: number };

const shareOf = (covered: number, total: number) => (total === 0 ? 1 : covered / total);

/**
 * SQL: the round concerns the scope: its territory lies inside the scope, or the scope (a grid worker's grids, a
 * leader's buildings) lies inside the round's territory (a county-wide round reaches every grid worker).
 */
export function roundInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  for (const prefix of scope.codes) {
    parts.push(
      sql`(${startsWith(rounds.territoryCode, prefix)} or ${prefix} like ${rounds.territoryCode} || '%')`,
    );
  }
  if (scope.buildingIds.length) {
    parts.push(
      sql`exists (select 1 from ${buildings} b where b.id = any(${sql.param(scope.buildingIds)}::uuid[])
        and b.territory_code like ${rounds.territoryCode} || '%')`,
    );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** SQL: a round's household (or a visit) lies inside the scope: its grid inside, or its building a leader's. */
const householdInScope = (scope: Scope) =>
  registryCondition(scope, roundHouseholds.territoryCode, roundHouseholds.buildingId);

/**
 * Coverage of rounds as the scope sees them: the per-grid counters summed over the grids inside the scope (a leader's
 * buildings are counted from the round's household list).
 */
async function coverageOf(db: Executor, scope: Scope, roundIds: string[]): Promise<Map<string, Coverage>> {
  const result = new Map<string, Coverage>();
  if (roundIds.length === 0) return result;
  const rows =
    scope.buildingIds.length > 0
      ? await db
          .select({
            roundId: roundHouseholds.roundId,
            households: sql<number>`count(*)::int`,
            visited: sql<number>`(count(*) filter (where ${roundHouseholds.visits} > 0))::int`,
            covered: sql<number>`(count(*) filter (where ${roundHouseholds.state} <> 'pending'))::int`,
          })
          .from(roundHouseholds)
          .where(and(inArray(roundHouseholds.roundId, roundIds), householdInScope(scope)))
          .groupBy(roundHouseholds.roundId)
      : await db
          .select({
            roundId: roundGrids.roundId,
            households: sql<number>`coalesce(sum(${roundGrids.households}), 0)::int`,
            visited: sql<number>`coalesce(sum(${roundGrids.visited}), 0)::int`,
            covered: sql<number>`coalesce(sum(${roundGrids.covered}), 0)::int`,
          })
          .from(roundGrids)
          .where(
            and(
              inArray(roundGrids.roundId, roundIds),
              territoryCodeCondition(scope, roundGrids.territoryCode),
            ),
          )
          .groupBy(roundGrids.roundId);
  for (const r of rows) {
    result.set(r.roundId, { ...r, share: shareOf(r.covered, r.households) });
  }
  return result;
}

const roundColumns = {
  id: rounds.id,
  territoryId: rounds.territoryId,
  territoryCode: rounds.territoryCode,
  territoryName: territories.name,
  name: rounds.name,
  purpose: rounds.purpose,
  startsOn: rounds.startsOn,
  endsOn: rounds.endsOn,
  checklist: rounds.checklist,
  status: rounds.status,
  openedAt: rounds.openedAt,
  closedAt: rounds.closedAt,
  closeReason: rounds.closeReason,
};
type RoundRow = Awaited<ReturnType<typeof selectRounds>>[number];

function selectRounds(db: Executor, where: SQL | undefined) {
  return db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(territories, eq(territories.id, rounds.territoryId))
    .where(where)
    .orderBy(desc(rounds.startsOn), desc(rounds.openedAt), asc(rounds.id));
}

const emptyCoverage: Coverage = { households: 0, visited: 0, covered: 0, share: 1 };

function presentRound(row: RoundRow, coverage: Coverage | undefined): RoundView {
  return {
    ...row,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    coverage: coverage ?? emptyCoverage,
  };
}

/** Rounds concerning the caller's scope, newest first, each with its coverage inside the scope. */
export async function listRounds(db: Executor, scope: Scope, filter: { status?: 'open' | 'closed' }) {
  const rows = await selectRounds(
    db,
    and(roundInScope(scope), filter.status ? eq(rounds.status, filter.status) : undefined),
  );
  const coverage = await coverageOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentRound(r, coverage.get(r.id)));
}

/** One round concerning the scope (404 otherwise). */
export async function getRound(db: Executor, scope: Scope, id: string): Promise<RoundView> {
  const [row] = await selectRounds(db, and(eq(rounds.id, id), roundInScope(scope)));
  if (!row) throw errors.notFound();
  return presentRound(row, (await coverageOf(db, scope, [id])).get(id));
}

/** The level of a household's floor from its room number: "1201" → 12, "302" → 3; 0 when it is not a number. */
const floorOf = (room: SQL | string) =>
  sql`case when ${room} ~ '^[0-9]{3,6}$' then substr(${room}, 1, length(${room}) - 2)::smallint else 0::smallint end`;

/**
 * Opens a round over a territory node inside the scope: one INSERT … SELECT lists the households living there today
 * with their order keys, one more counts them per grid; the duties module makes the per-round items' tasks of the
 * holders inside the scope (duties.generateRoundTasks, in this transaction: rounds already depends on duties, so the
 * call keeps the dependency's direction and the tasks exist exactly when the round does). Audited.
 */
export async function openRound(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: OpenRoundInput,
): Promise<RoundView> {
  const id = await db.transaction(async (tx) => {
    const [territory] = await tx
      .select({ id: territories.id, code: territories.code })
      .from(territories)
      .where(eq(territories.id, input.territoryId))
      .limit(1);
    if (!territory || !codeInScope(scope, territory.code)) throw errors.notFound();
    const id = newId();
    const checklist = (input.checklist ?? []).map((text, i) => ({ key: `q${i + 1}`, text }));
    await tx.insert(rounds).values({
      id,
      territoryId: territory.id,
      territoryCode: territory.code,
      name: input.name,
      purpose: input.purpose || null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      checklist,
      status: 'open',
      openedBy: actor.userId,
    });
    const listed = await listHouseholds(tx, id, territory.code);
    // The per-round duty items (每轮) become each holder's task for this round, due on its last day.
    const dutyTasks = await generateRoundTasks(
      tx,
      { id, territoryCode: territory.code, startsOn: input.startsOn, endsOn: input.endsOn },
      shanghaiDay(),
    );
    await appendAudit(tx, actor, {
      action: 'round.opened',
      entityType: 'round',
      entityId: id,
      territoryCode: territory.code,
      changes: {
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        checklist: checklist.map((c) => c.text),
        households: listed,
        dutyTasks,
      },
    });
    return id;
  });
  // The round's rows are a large share of the table: without fresh statistics a visit's lookup of its row reads the
  // whole round (statistics.ts, analyzeTables).
  await analyzeTables(db, ['round_households', 'round_grids']);
  return getRound(db, scope, id);
}

/**
 * Lists the households of `code` not moved out into the round (one INSERT … SELECT), counts them per grid and
 * records the total on the round. Returns the number listed. Also used by the demo generator.
 */
export async function listHouseholds(tx: Executor, roundId: string, code: string): Promise<number> {
  await tx.execute(sql`
    insert into ${roundHouseholds} (round_id, household_id, grid_id, territory_code, building_id, building_code,
      unit_number, floor, room)
    select ${roundId}::uuid, h.id, b.grid_id, h.territory_code, h.building_id, b.code, u.number,
      ${floorOf(sql.raw('h.room'))}, h.room
    from ${households} h
    join ${buildings} b on b.id = h.building_id
    join units u on u.id = h.unit_id
    where h.moved_out_at is null and ${startsWith(sql.raw('h.territory_code'), code)}`);
  await tx.execute(sql`
    insert into ${roundGrids} (round_id, grid_id, territory_code, households)
    select ${roundId}::uuid, grid_id, territory_code, count(*)::int from ${roundHouseholds}
    where round_id = ${roundId}::uuid group by grid_id, territory_code`);
  const [row] = await tx
    .update(rounds)
    .set({
      households: sql`(select coalesce(sum(households), 0)::int from ${roundGrids} where round_id = ${roundId}::uuid)`,
    })
    .where(eq(rounds.id, roundId))
    .returning({ households: rounds.households });
  return row!.households;
}

/**
 * The full-coverage check: households of the round not covered and still living there (a household the registry
 * has moved out since the round opened needs no visit).
 */
export async function pendingHouseholds(db: Executor, roundId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${roundHouseholds.state} = 'pending' and ${households.movedOutAt} is null))::int`,
    })
    .from(roundHouseholds)
    .innerJoin(households, eq(households.id, roundHouseholds.householdId))
    .where(eq(roundHouseholds.roundId, roundId));
  return row!;
}

/**
 * Closes a round whose territory lies inside the scope: refused (409) while households are not covered, unless a
 * reason is given. Audited. Its per-round duty tasks are left as they are, also when it closes before its last day:
 * done ones stay done, open ones stay open until their due day (the round's planned last day) and then count as
 * overdue — closing a round does not do its holders' duty for them.
 */
export async function closeRound(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: CloseRoundInput,
): Promise<RoundView> {
  await db.transaction(async (tx) => {
    const [round] = await tx
      .select({ id: rounds.id, status: rounds.status, territoryCode: rounds.territoryCode })
      .from(rounds)
      .where(eq(rounds.id, id))
      .for('update');
    if (!round || !codeInScope(scope, round.territoryCode)) throw errors.notFound();
    if (round.status === 'closed') throw roundErrors.alreadyClosed();
    const { total, pending } = await pendingHouseholds(tx, id);
    if (pending > 0 && !input.reason) throw roundErrors.notCovered(pending, total);
    await tx
      .update(rounds)
      .set({
        status: 'closed',
        closedAt: new Date(),
        closedBy: actor.userId,
        closeReason: pending > 0 ? input.reason! : (input.reason ?? null),
      })
      .where(eq(rounds.id, id));
    await appendAudit(tx, actor, {
      action: 'round.closed',
      entityType: 'round',
      entityId: id,
      territoryCode: round.territoryCode,
      changes: { status: 'closed', pending, closeReason: input.reason ?? null },
    });
  });
  return getRound(db, scope, id);
}

const visitColumns = {
  id: roundVisits.id,
  clientId: roundVisits.clientId,
  roundId: roundVisits.roundId,
  householdId: roundVisits.householdId,
  visitorUserId: roundVisits.visitorUserId,
  visitorPersonId: roundVisits.visitorPersonId,
  visitedAt: roundVisits.visitedAt,
  outcome: roundVisits.outcome,
  answers: roundVisits.answers,
  noteEnc: roundVisits.noteEnc,
  followUp: roundVisits.followUp,
  state: roundHouseholds.state,
};

async function storedVisit(db: Executor, keys: DataKeys, scope: Scope, clientId: string) {
  const [row] = await db
    .select(visitColumns)
    .from(roundVisits)
    .innerJoin(
      roundHouseholds,
      and(
        eq(roundHouseholds.roundId, roundVisits.roundId),
        eq(roundHouseholds.householdId, roundVisits.householdId),
      ),
    )
    .where(eq(roundVisits.clientId, clientId))
    .limit(1);
  if (!row) return null;
  const [inScope] = await db
    .select({ ok: sql<number>`1` })
    .from(roundVisits)
    .where(
      and(
        eq(roundVisits.id, row.id),
        registryCondition(scope, roundVisits.territoryCode, roundVisits.buildingId),
      ),
    );
  if (!inScope) throw errors.notFound();
  return presentVisit(keys, row);
}

function presentVisit(
  keys: DataKeys,
  row: Omit<VisitView, 'visitedAt' | 'note'> & { visitedAt: Date; noteEnc: string | null },
): VisitView {
  const { noteEnc, ...rest } = row;
  return {
    ...rest,
    visitedAt: row.visitedAt.toISOString(),
    note: noteEnc ? decrypt(keys, noteEnc) : null,
  };
}

/** The coverage a household reaches after one more visit (the issue's rule). */
export function nextState(
  current: { state: CoverageState; nobodyHomeOn: string | null },
  outcome: VisitOutcome,
  day: string,
): { state: CoverageState; nobodyHomeOn: string | null } {
  if (outcome === 'met') return { state: 'met', nobodyHomeOn: current.nobodyHomeOn };
  if (current.state !== 'pending') return current;
  if (outcome === 'nobody_home') {
    if (current.nobodyHomeOn === null) return { state: 'pending', nobodyHomeOn: day };
    return {
      state: current.nobodyHomeOn === day ? 'pending' : 'attempted',
      nobodyHomeOn: current.nobodyHomeOn,
    };
  }
  return { state: 'documented', nobodyHomeOn: current.nobodyHomeOn };
}

/** Days a visit's follow-up task is given. */
const FOLLOW_UP_DAYS = 7;

/**
 * A visit's finding to follow up becomes a task (duties.raiseTask) for a grid worker serving the household's grid
 * today (the visitor when they are one, else full-time first), else for the visitor (a building leader's finding in
 * a grid without a worker); once per visit (its source key).
 */
async function raiseFollowUp(
  tx: Executor,
  actor: Actor,
  visit: {
    visitId: string;
    name: string;
    room: string;
    gridId: string;
    territoryCode: string;
    buildingId: string;
    visitorPersonId: string | null;
  },
): Promise<void> {
  const today = shanghaiDay();
  const [worker] = await tx
    .select({ personId: gridWorkers.personId })
    .from(gridWorkers)
    .where(and(eq(gridWorkers.gridId, visit.gridId), activeOn(gridWorkers, today)))
    .orderBy(
      sql`${gridWorkers.personId} is not distinct from ${visit.visitorPersonId}::uuid desc`,
      sql`${gridWorkers.employment} = 'full_time' desc`,
      gridWorkers.startsOn,
      gridWorkers.id,
    )
    .limit(1);
  const personId = worker?.personId ?? visit.visitorPersonId;
  await raiseTask(tx, actor, {
    ...(personId ? { personId } : { userId: actor.userId ?? undefined }),
    title: `跟进敲门走访发现：${visit.room} 室`,
    description: `「${visit.name}」入户走访中发现需跟进的情况，详见该户的走访记录。`,
    territoryCode: visit.territoryCode,
    buildingId: visit.buildingId,
    dueOn: shanghaiDay(new Date(Date.now() + FOLLOW_UP_DAYS * 86_400_000)),
    evidence: 'note',
    roleGroup: 'grid_worker',
    sourceKey: `rounds.visit:${visit.visitId}`,
  });
}

/**
 * Records a visit of a round's household inside the scope. The same client id stored before answers the stored
 * visit (`created: false`), also when two requests race (the unique index decides). The round must be open, the
 * household in the round, in the scope (404) and not moved out (409). The household's coverage and its grid's
 * counters follow in the same transaction. Audited.
 *
 * A visit is the workbench's most frequent write, so it costs four statements inside its transaction: one read
 * (the household's row locked, with its round, whether it moved out, the caller's person and any visit stored under
 * the client id), the visit's insert, the audit row, and last (its grid's counter row is shared, and held locked
 * until the commit) one statement updating the household's coverage, its grid's counters and the visitor's counters.
 * The answer is built from what was written, not read back.
 */
export async function recordVisit(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  roundId: string,
  input: VisitInput,
): Promise<{ visit: VisitView; created: boolean }> {
  const written = await db.transaction(async (tx): Promise<VisitView | 'stored'> => {
    const [rh] = await tx
      .select({
        state: roundHouseholds.state,
        visits: roundHouseholds.visits,
        nobodyHomeOn: roundHouseholds.nobodyHomeOn,
        lastVisitedAt: roundHouseholds.lastVisitedAt,
        gridId: roundHouseholds.gridId,
        territoryCode: roundHouseholds.territoryCode,
        buildingId: roundHouseholds.buildingId,
        room: roundHouseholds.room,
        name: rounds.name,
        status: rounds.status,
        checklist: rounds.checklist,
        startsOn: rounds.startsOn,
        movedOutAt: households.movedOutAt,
        stored: sql<
          string | null
        >`(select v.id from ${roundVisits} v where v.client_id = ${input.clientId}::uuid)`,
        personId: actor.userId
          ? sql<string | null>`(select p.id from ${persons} p where p.user_id = ${actor.userId}::uuid)`
          : sql<null>`null::uuid`,
      })
      .from(roundHouseholds)
      .innerJoin(rounds, eq(rounds.id, roundHouseholds.roundId))
      .innerJoin(households, eq(households.id, roundHouseholds.householdId))
      .where(
        and(
          eq(roundHouseholds.roundId, roundId),
          eq(roundHouseholds.householdId, input.householdId),
          householdInScope(scope),
        ),
      )
      .for('update', { of: roundHouseholds });
    // A client id stored before answers its visit, whatever the round's state now (a phone's queue sent again).
    if (!rh || rh.stored) return 'stored';
    if (rh.status !== 'open') throw roundErrors.roundClosed(rh.name);
    const visitedAt = input.visitedAt ? new Date(input.visitedAt) : new Date();
    // The phone's clock dates a visit sent later (offline), but not before the round nor in the future: a visit is
    // the proof a household was reached, and two "nobody home" days make an attempt.
    if (visitedAt.getTime() > Date.now() + VISIT_CLOCK_SKEW_MS || shanghaiDay(visitedAt) < rh.startsOn) {
      throw errors.validation([
        {
          field: 'visitedAt',
          code: 'out_of_round',
          message: {
            zh: `走访时间须在本次行动开始（${rh.startsOn}）之后，且不能晚于当前时间`,
            en: `The visit must take place after the round began (${rh.startsOn}) and not in the future`,
          },
        },
      ]);
    }
    if (rh.movedOutAt) throw roundErrors.householdMovedOut(rh.room);
    const known = new Set(rh.checklist.map((c) => c.key));
    const unknown = Object.keys(input.answers ?? {}).filter((k) => !known.has(k));
    if (unknown.length) {
      throw errors.validation(
        unknown.map((k) => ({
          field: `answers.${k}`,
          code: 'unknown_question',
          message: { zh: '该行动的清单中没有这个问题', en: 'The round’s checklist has no such question' },
        })),
      );
    }
    const personId = rh.personId;
    const id = newId();
    const answers = input.answers ?? {};
    const followUp = input.followUp ?? false;
    const inserted = await tx
      .insert(roundVisits)
      .values({
        id,
        clientId: input.clientId,
        roundId,
        householdId: input.householdId,
        territoryCode: rh.territoryCode,
        buildingId: rh.buildingId,
        visitorUserId: actor.userId,
        visitorPersonId: personId,
        visitedAt,
        outcome: input.outcome,
        answers,
        noteEnc: input.note ? encrypt(keys, input.note) : null,
        followUp,
      })
      .onConflictDoNothing({ target: roundVisits.clientId })
      .returning({ id: roundVisits.id });
    if (inserted.length === 0) return 'stored'; // the same visit, stored by a request that ran alongside
    const next = nextState(rh, input.outcome, shanghaiDay(visitedAt));
    const becameCovered = rh.state === 'pending' && next.state !== 'pending';
    const latest = !rh.lastVisitedAt || visitedAt >= rh.lastVisitedAt;
    const visitorKey = personId ?? actor.userId ?? NO_VISITOR;
    const firstVisit = rh.visits === 0 ? 1 : 0;
    const covered = becameCovered ? 1 : 0;
    if (followUp) await raiseFollowUp(tx, actor, { ...rh, visitId: id, visitorPersonId: personId });
    await appendAudit(tx, actor, {
      action: 'round.visit_recorded',
      entityType: 'round_visit',
      entityId: id,
      territoryCode: rh.territoryCode,
      changes: {
        roundId,
        householdId: input.householdId,
        outcome: input.outcome,
        followUp,
        state: next.state,
      },
    });
    // Last before the commit: these rows are shared (the grid's counters by everyone visiting in the grid), so they
    // are locked for the shortest time.
    // The household's coverage, its grid's counters (visited on its first visit, covered when it became covered)
    // and the visitor's on this grid (one more visit, one more household when it is their first visit there).
    await tx.execute(sql`
      with household as (
        update ${roundHouseholds} set
          state = ${next.state},
          nobody_home_on = ${next.nobodyHomeOn}::date,
          visits = visits + 1,
          last_outcome = case when ${latest} then ${input.outcome} else last_outcome end,
          last_visited_at = case when ${latest} then ${visitedAt.toISOString()}::timestamptz else last_visited_at end,
          covered_at = case when ${becameCovered} then ${visitedAt.toISOString()}::timestamptz else covered_at end
        where round_id = ${roundId}::uuid and household_id = ${input.householdId}::uuid
      ), grid as (
        update ${roundGrids} set visited = visited + ${firstVisit}::int, covered = covered + ${covered}::int
        where round_id = ${roundId}::uuid and grid_id = ${rh.gridId}::uuid and ${firstVisit + covered}::int > 0
      )
      insert into ${roundVisitors}
        (round_id, grid_id, territory_code, visitor_key, visitor_user_id, visitor_person_id, visits, households)
      values (${roundId}::uuid, ${rh.gridId}::uuid, ${rh.territoryCode}, ${visitorKey}::uuid, ${actor.userId}::uuid,
        ${personId}::uuid, 1,
        case when exists (select 1 from ${roundVisits} v where v.round_id = ${roundId}::uuid
          and v.household_id = ${input.householdId}::uuid and v.id <> ${id}::uuid
          and coalesce(v.visitor_person_id, v.visitor_user_id, ${NO_VISITOR}::uuid) = ${visitorKey}::uuid)
        then 0 else 1 end)
      on conflict (round_id, grid_id, visitor_key) do update set
        visits = ${roundVisitors}.visits + 1,
        households = ${roundVisitors}.households + excluded.households`);
    return {
      id,
      clientId: input.clientId,
      roundId,
      householdId: input.householdId,
      visitorUserId: actor.userId,
      visitorPersonId: personId,
      visitedAt: visitedAt.toISOString(),
      outcome: input.outcome,
      answers,
      note: input.note ?? null,
      followUp,
      state: next.state,
    };
  });
  if (written !== 'stored') return { visit: written, created: true };
  const visit = await storedVisit(db, keys, scope, input.clientId);
  if (!visit) throw errors.notFound();
  return { visit, created: false };
}

/**
 * Live progress of a round inside the scope: the whole (as the scope sees it), per community and per grid from the
 * per-grid counters, and per visitor (visits and distinct households).
 */
export function roundProgress(db: Executor, scope: Scope, roundId: string) {
  // Read far more often than visits change it (a county's dashboards and phones polling): kept per process until a
  // write to the rounds' tables, or to the names it shows (grids, people: the registry's data set).
  return progressCache(db, JSON.stringify([scopeKey(scope), roundId]), () =>
    computeProgress(db, scope, roundId),
  );
}

const progressCache = createVersionedCache<Awaited<ReturnType<typeof computeProgress>>>(
  ['rounds', 'registry'],
  200,
);

async function computeProgress(db: Executor, scope: Scope, roundId: string) {
  const round = await getRound(db, scope, roundId);
  const gridScope =
    scope.buildingIds.length > 0 ? undefined : territoryCodeCondition(scope, roundGrids.territoryCode);
  const gridRows = gridScope
    ? await db
        .select({
          id: roundGrids.gridId,
          code: roundGrids.territoryCode,
          name: territories.name,
          households: roundGrids.households,
          visited: roundGrids.visited,
          covered: roundGrids.covered,
        })
        .from(roundGrids)
        .innerJoin(territories, eq(territories.id, roundGrids.gridId))
        .where(and(eq(roundGrids.roundId, roundId), gridScope))
        .orderBy(asc(roundGrids.territoryCode))
    : await db
        .select({
          id: roundHouseholds.gridId,
          code: roundHouseholds.territoryCode,
          name: territories.name,
          households: sql<number>`count(*)::int`,
          visited: sql<number>`(count(*) filter (where ${roundHouseholds.visits} > 0))::int`,
          covered: sql<number>`(count(*) filter (where ${roundHouseholds.state} <> 'pending'))::int`,
        })
        .from(roundHouseholds)
        .innerJoin(territories, eq(territories.id, roundHouseholds.gridId))
        .where(and(eq(roundHouseholds.roundId, roundId), householdInScope(scope)))
        .groupBy(roundHouseholds.gridId, roundHouseholds.territoryCode, territories.name)
        .orderBy(asc(roundHouseholds.territoryCode));
  const grids = gridRows.map((g) => ({ ...g, share: shareOf(g.covered, g.households) }));
  // Communities: the grids' parents (a grid code is its community's code + 3 digits).
  const byCommunity = new Map<string, { households: number; visited: number; covered: number }>();
  for (const g of grids) {
    const code = g.code.slice(0, -3);
    const c = byCommunity.get(code) ?? { households: 0, visited: 0, covered: 0 };
    c.households += g.households;
    c.visited += g.visited;
    c.covered += g.covered;
    byCommunity.set(code, c);
  }
  const names = byCommunity.size
    ? await db
        .select({ code: territories.code, name: territories.name })
        .from(territories)
        .where(inArray(territories.code, [...byCommunity.keys()]))
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const communities = [...byCommunity.entries()].map(([code, c]) => ({
    code,
    name: nameOf.get(code) ?? code,
    ...c,
    share: shareOf(c.covered, c.households),
  }));
  // Per visitor: the per-grid visitor counters summed over the scope's grids (a leader's buildings: their visits).
  const counted =
    scope.buildingIds.length > 0
      ? await db
          .select({
            userId: roundVisits.visitorUserId,
            personId: roundVisits.visitorPersonId,
            visits: sql<number>`count(*)::int`,
            households: sql<number>`count(distinct ${roundVisits.householdId})::int`,
          })
          .from(roundVisits)
          .where(
            and(
              eq(roundVisits.roundId, roundId),
              registryCondition(scope, roundVisits.territoryCode, roundVisits.buildingId),
            ),
          )
          .groupBy(roundVisits.visitorUserId, roundVisits.visitorPersonId)
      : await db
          .select({
            userId: sql<
              string | null
            >`(array_agg(${roundVisitors.visitorUserId}) filter (where ${roundVisitors.visitorUserId} is not null))[1]`,
            personId: sql<
              string | null
            >`(array_agg(${roundVisitors.visitorPersonId}) filter (where ${roundVisitors.visitorPersonId} is not null))[1]`,
            visits: sql<number>`sum(${roundVisitors.visits})::int`,
            households: sql<number>`sum(${roundVisitors.households})::int`,
          })
          .from(roundVisitors)
          .where(
            and(
              eq(roundVisitors.roundId, roundId),
              territoryCodeCondition(scope, roundVisitors.territoryCode),
            ),
          )
          .groupBy(roundVisitors.visitorKey);
  const personIds = counted.flatMap((p) => (p.personId ? [p.personId] : []));
  const userIds = counted.flatMap((p) => (p.userId ? [p.userId] : []));
  const [personNames, userNames] = await Promise.all([
    personIds.length
      ? db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, personIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const personName = new Map(personNames.map((p) => [p.id, p.name]));
  const userName = new Map(userNames.map((u) => [u.id, u.name]));
  const people = counted
    .map((p) => ({
      userId: p.userId,
      name: (p.personId && personName.get(p.personId)) || (p.userId && userName.get(p.userId)) || '',
      visits: p.visits,
      households: p.households,
    }))
    .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    round: round.coverage,
    communities,
    grids,
    people,
  };
}
