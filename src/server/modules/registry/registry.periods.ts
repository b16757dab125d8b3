/**
 * Keeping the registry's valid periods as it is written, so that figures can be taken as of any past day
 * (registry.figures.ts): a resident's row is their latest residence period (`movedInAt` to `movedOutAt`); a move
 * first leaves the period it ends in `residence_history`. A tag row is held `since` a moment; a tag removed or a care
 * level changed leaves its period in `resident_tag_history`. Every function runs inside the writer's transaction.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import {
  registryHistory,
  residenceHistory,
  residents,
  residentTagHistory,
  residentTags,
  type KeyPopulationTag,
} from './registry.tables.ts';

/**
 * Ends the resident's latest residence period before a move at `at` into a household of grid `toCode`: the period is
 * kept in `residence_history` and the row's period fields are set for the new one (the caller then writes the new
 * household, building and grid). Returns the row's fields the new period starts from.
 */
export async function startNewResidence(tx: Executor, residentId: string, at: Date, toCode: string) {
  const [row] = await tx
    .select({
      householdId: residents.householdId,
      buildingId: residents.buildingId,
      territoryCode: residents.territoryCode,
      movedInAt: residents.movedInAt,
      movedOutAt: residents.movedOutAt,
      arrival: residents.arrival,
      movedFromCode: residents.movedFromCode,
    })
    .from(residents)
    .where(eq(residents.id, residentId))
    .for('update');
  if (!row) throw new Error(`no resident ${residentId}`);
  const movedOut = row.movedOutAt !== null;
  // A resident who had moved out is no longer in a household: the period they left is the one of their move-out.
  const householdId = movedOut ? await householdMovedOutOf(tx, residentId) : row.householdId;
  await tx.insert(residenceHistory).values({
    id: newId(),
    residentId,
    householdId,
    buildingId: row.buildingId,
    territoryCode: row.territoryCode,
    startsAt: row.movedInAt,
    endsAt: row.movedOutAt ?? at,
    arrival: row.arrival,
    movedFromCode: row.movedFromCode,
    departure: movedOut ? 'moved_out' : 'moved',
    movedToCode: movedOut ? null : toCode,
  });
  return movedOut
    ? { movedInAt: at, arrival: 'returned' as const, movedFromCode: null, movedOutAt: null }
    : { movedInAt: at, arrival: 'moved' as const, movedFromCode: row.territoryCode, movedOutAt: null };
}

async function householdMovedOutOf(tx: Executor, residentId: string): Promise<string | null> {
  const [event] = await tx
    .select({ householdId: registryHistory.fromHouseholdId })
    .from(registryHistory)
    .where(
      and(
        eq(registryHistory.entityType, 'resident'),
        eq(registryHistory.entityId, residentId),
        eq(registryHistory.event, 'moved_out'),
      ),
    )
    .orderBy(desc(registryHistory.at), desc(registryHistory.id))
    .limit(1);
  return event?.householdId ?? null;
}

/**
 * Sets a resident's key-population tags as of `at`: a tag kept with the same care level keeps its period; a tag
 * removed, or whose care level changes, ends its period (kept in `resident_tag_history`); new ones start at `at`.
 */
export async function writeTags(
  tx: Executor,
  residentId: string,
  tags: { tag: KeyPopulationTag; careLevel: number }[],
  at: Date,
) {
  const current = await tx.select().from(residentTags).where(eq(residentTags.residentId, residentId));
  const wanted = new Map(tags.map((t) => [t.tag, t.careLevel]));
  const ended = current.filter((c) => wanted.get(c.tag) !== c.careLevel);
  const kept = new Set(current.filter((c) => !ended.includes(c)).map((c) => c.tag));
  if (ended.length) {
    await tx.insert(residentTagHistory).values(
      ended.map((c) => ({
        id: newId(),
        residentId,
        tag: c.tag,
        careLevel: c.careLevel,
        startsAt: c.since,
        endsAt: at,
      })),
    );
    await tx.delete(residentTags).where(
      and(
        eq(residentTags.residentId, residentId),
        inArray(
          residentTags.tag,
          ended.map((c) => c.tag),
        ),
      ),
    );
  }
  const added = [...wanted].filter(([tag]) => !kept.has(tag));
  if (added.length) {
    await tx
      .insert(residentTags)
      .values(added.map(([tag, careLevel]) => ({ residentId, tag, careLevel, since: at })));
  }
}
