import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { clientInstant } from '../../core/http/client-time.ts';
import { errors } from '../../core/http/errors.ts';
import { raiseTask } from '../duties/duties.public.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { households } from '../registry/registry.public.ts';
import { roundErrors } from './rounds.errors.ts';
import type { VisitInput, VisitView } from './rounds.schemas.ts';
import { householdInScope, NO_VISITOR, type Deps } from './rounds.service.ts';
import {
  roundGrids,
  roundHouseholds,
  rounds,
  roundVisitors,
  roundVisits,
  type CoverageState,
  type VisitOutcome,
} from './rounds.tables.ts';

/* Recording a visit: once per client id, the household's coverage (the rule) and the counters it moves. */

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

/**
 * The visit stored under a client id, for a request sending it again: inside the scope (404 otherwise), by the same
 * caller for the same round and household (409 otherwise: the id is another visit's, whose contents are not shown).
 */
async function storedVisit(
  db: Executor,
  keys: DataKeys,
  scope: Scope,
  sent: { clientId: string; roundId: string; householdId: string; userId: string | null },
) {
  const { clientId } = sent;
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
  if (
    row.roundId !== sent.roundId ||
    row.householdId !== sent.householdId ||
    !sent.userId ||
    row.visitorUserId !== sent.userId
  ) {
    throw roundErrors.clientIdTaken();
  }
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

/** The coverage a household reaches after one more visit (the rule). */
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
 * Records a visit of a round's household inside the scope. The same client id stored before by the same caller for
 * the same household answers the stored visit (`created: false`), also when two requests race (the unique index
 * decides); stored for another visit, 409. The round must be open, the
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
    // The phone's clock dates a visit sent later (offline), but not before the round nor in the future: a visit is
    // the proof a household was reached, and two "nobody home" days make an attempt.
    const visitedAt = clientInstant(input.visitedAt, {
      field: 'visitedAt',
      code: 'out_of_round',
      earliestDay: rh.startsOn,
      what: { zh: '走访时间', en: 'The visit' },
      since: { zh: '本次行动开始', en: 'the round began' },
    });
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
  const visit = await storedVisit(db, keys, scope, {
    clientId: input.clientId,
    roundId,
    householdId: input.householdId,
    userId: actor.userId,
  });
  if (!visit) throw errors.notFound();
  return { visit, created: false };
}
