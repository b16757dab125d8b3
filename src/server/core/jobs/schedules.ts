import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { parseCron, type Cron } from './cron.ts';
import { enqueue } from './enqueue.ts';
import { jobSchedules } from './jobs.tables.ts';

/** A job enqueued on a cron schedule (see cron.ts for the expressions). */
export type Schedule = { name: string; cron: string; kind: string; payload: unknown };

/**
 * Declares a schedule: at each slot of `cron` (in the runner's time zone, Asia/Shanghai by default) one job of
 * `kind` with `payload` is enqueued, once across all processes sharing the database. Slots missed while no runner
 * ran are caught up with one job, not one per slot. Throws at once for a bad expression.
 */
export function schedule(name: string, cron: string, kind: string, payload: unknown = {}): Schedule {
  if (!parseCron(cron).next(new Date())) throw new Error(`schedule "${name}": "${cron}" never fires`);
  return { name, cron, kind, payload };
}

/** The idempotency key of a slot's job: a second guard, after the atomic move of next_run_at. */
export function slotKey(name: string, slot: Date): string {
  return `schedule:${name}:${slot.toISOString()}`;
}

type Declared = { schedule: Schedule; cron: Cron };

/** Parses each declaration in the zone; throws for a name declared twice. */
export function declareSchedules(schedules: Schedule[], timeZone: string): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const s of schedules) {
    if (declared.has(s.name)) throw new Error(`schedule "${s.name}" is declared twice`);
    declared.set(s.name, { schedule: s, cron: parseCron(s.cron, timeZone) });
  }
  return declared;
}

/**
 * Writes each declared schedule's row: a new one starts at its next slot, a changed expression or zone starts over,
 * an unchanged one keeps its next_run_at (so a restart neither skips nor repeats a slot).
 */
export async function registerSchedules(db: Db, declared: Map<string, Declared>, now = new Date()) {
  if (declared.size === 0) return;
  await db
    .insert(jobSchedules)
    .values(
      [...declared.values()].map(({ schedule: s, cron }) => ({
        name: s.name,
        cron: s.cron,
        timeZone: cron.timeZone,
        nextRunAt: cron.next(now)!,
      })),
    )
    .onConflictDoUpdate({
      target: jobSchedules.name,
      set: {
        cron: sql`excluded.cron`,
        timeZone: sql`excluded.time_zone`,
        nextRunAt: sql`excluded.next_run_at`,
      },
      setWhere: sql`${jobSchedules.cron} <> excluded.cron or ${jobSchedules.timeZone} <> excluded.time_zone`,
    });
}

/**
 * Enqueues the job of every declared schedule whose slot has come, and returns how many this call enqueued. Each
 * slot is claimed by moving next_run_at on from exactly that slot in the transaction that enqueues the job: of
 * several processes seeing the same due slot, one moves it and the others update nothing.
 */
export async function fireDueSchedules(db: Db, declared: Map<string, Declared>): Promise<number> {
  if (declared.size === 0) return 0;
  const due = await db
    .select({
      name: jobSchedules.name,
      slot: jobSchedules.nextRunAt,
      now: sql`now()`.mapWith(jobSchedules.nextRunAt),
    })
    .from(jobSchedules)
    .where(and(inArray(jobSchedules.name, [...declared.keys()]), lte(jobSchedules.nextRunAt, sql`now()`)));
  let fired = 0;
  for (const { name, slot, now } of due) {
    const { schedule: s, cron } = declared.get(name)!;
    // After the later of the slot and now: slots missed while nothing ran collapse into this one.
    const next = cron.next(slot > now ? slot : now);
    if (!next) continue;
    const enqueued = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(jobSchedules)
        .set({ nextRunAt: next, lastRunAt: sql`now()` })
        .where(
          and(
            eq(jobSchedules.name, name),
            eq(jobSchedules.nextRunAt, slot),
            lte(jobSchedules.nextRunAt, sql`now()`),
          ),
        )
        .returning({ name: jobSchedules.name });
      if (!claimed) return false;
      await enqueue(tx, s.kind, s.payload, { key: slotKey(name, slot) });
      return true;
    });
    if (enqueued) fired += 1;
  }
  return fired;
}
