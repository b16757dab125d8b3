import { eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { persons } from '../people/people.public.ts';
import {
  dutyItems,
  dutyTaskAssignees,
  dutyTasks,
  type DutyEvidence,
  type DutyMode,
  type RoleGroup,
} from './duties.tables.ts';

/** A one-off task for a person (raiseTask). */
export type RaiseTaskSpec = {
  /** The person it is for (or `userId` for an account without a person). */
  personId?: string;
  userId?: string;
  title: string;
  description?: string;
  /** The grid (or community) code the task is about; the person's own place when absent. */
  territoryCode?: string;
  buildingId?: string;
  /** The last day; the first is today. */
  dueOn: string;
  evidence?: DutyEvidence;
  /** The group it is a duty of: the task then names the group's on-event item (see onEventItem). */
  roleGroup?: RoleGroup;
  mode?: DutyMode;
  /** Keeps it single: a second call with the same key answers the first task (e.g. `rounds.visit:<visitId>`). */
  sourceKey?: string;
};

/**
 * The on-event item (逐事, frequency `on_event`) of a group and mode that a raised task about `territoryCode` counts
 * under: valid today, not shared, the county's template or the place's community's own; the community's own first,
 * then the list's order. Null when there is none.
 */
async function onEventItem(
  tx: Executor,
  group: RoleGroup,
  mode: DutyMode,
  territoryCode: string,
  today: string,
) {
  const [item] = await tx
    .select({ id: dutyItems.id })
    .from(dutyItems)
    .where(
      sql`${dutyItems.roleGroup} = ${group} and ${dutyItems.frequency} = 'on_event' and ${dutyItems.mode} = ${mode}
        and not ${dutyItems.shared} and ${territoryCode} like ${dutyItems.territoryCode} || '%'
        and ${dutyItems.startsOn} <= ${today}::date
        and (${dutyItems.endsOn} is null or ${dutyItems.endsOn} >= ${today}::date)`,
    )
    .orderBy(sql`length(${dutyItems.territoryCode}) desc`, dutyItems.sortOrder, dutyItems.title, dutyItems.id)
    .limit(1);
  return item?.id ?? null;
}

/**
 * Raises a one-off task for a person inside the caller's transaction (a round's follow-up: a visit's finding → a
 * task for the household's grid worker), with its audit row. With a `roleGroup`, the task names the group's matching
 * on-event item (so it counts under it), else no item. With a `sourceKey` already used, nothing new is made and the
 * first task's id is returned — also when two calls race: the row is inserted with ON CONFLICT DO NOTHING on the
 * key's unique index (a second transaction waits for the first and then finds its row). Returns the task's id.
 */
export async function raiseTask(tx: Executor, actor: Actor, spec: RaiseTaskSpec): Promise<string> {
  const [person] = spec.personId
    ? await tx
        .select({ id: persons.id, userId: persons.userId, territoryCode: persons.territoryCode })
        .from(persons)
        .where(eq(persons.id, spec.personId))
    : [];
  if (spec.personId && !person) throw errors.notFound();
  const holderKey = person?.id ?? spec.userId;
  if (!holderKey) throw new Error('raiseTask needs a personId or a userId');
  const territoryCode = spec.territoryCode ?? person?.territoryCode;
  if (!territoryCode) throw new Error('raiseTask needs a territoryCode for an account without a person');
  const today = shanghaiDay();
  const mode = spec.mode ?? 'normal';
  const itemId = spec.roleGroup ? await onEventItem(tx, spec.roleGroup, mode, territoryCode, today) : null;
  const [inserted] = await tx
    .insert(dutyTasks)
    .values({
      id: newId(),
      itemId,
      holderKey,
      periodStart: today,
      dueOn: spec.dueOn,
      title: spec.title,
      description: spec.description ?? null,
      roleGroup: spec.roleGroup ?? null,
      mode,
      frequency: itemId ? 'on_event' : null,
      evidence: spec.evidence ?? 'note',
      territoryCode,
      buildingId: spec.buildingId ?? null,
      source: 'raised',
      sourceKey: spec.sourceKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: dutyTasks.id });
  if (!inserted) {
    // Only the source key can conflict (the id is new): the task raised first, committed by now.
    const [before] = await tx
      .select({ id: dutyTasks.id })
      .from(dutyTasks)
      .where(eq(dutyTasks.sourceKey, spec.sourceKey ?? ''));
    if (!before) throw new Error(`raiseTask: no task for the source key ${spec.sourceKey}`);
    return before.id;
  }
  const id = inserted.id;
  await tx.insert(dutyTaskAssignees).values({
    taskId: id,
    holderKey,
    personId: person?.id ?? null,
    userId: person?.userId ?? spec.userId ?? null,
    roleGroup: spec.roleGroup ?? null,
    dueOn: spec.dueOn,
  });
  await appendAudit(tx, actor, {
    action: 'duty_task.raised',
    entityType: 'duty_task',
    entityId: id,
    territoryCode,
    changes: { title: spec.title, dueOn: spec.dueOn, personId: person?.id ?? null, itemId },
  });
  return id;
}
