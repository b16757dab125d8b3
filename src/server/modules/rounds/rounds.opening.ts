import { eq, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { analyzeTables } from '../../core/db/statistics.ts';
import { startsWith } from '../../core/db/like.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { generateRoundTasks } from '../duties/duties.public.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { roundErrors } from './rounds.errors.ts';
import type { CloseRoundInput, OpenRoundInput, RoundView } from './rounds.schemas.ts';
import { getRound, type Deps } from './rounds.service.ts';
import { roundGrids, roundHouseholds, rounds } from './rounds.tables.ts';

/* Opening a round (its household list, its per-round duty tasks) and closing it (the full-coverage check). */

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
