import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { decrypt, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, type Scope } from '../../core/auth/scope.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { clientInstant } from '../../core/http/client-time.ts';
import { errors } from '../../core/http/errors.ts';
import { personOfUser, persons } from '../people/people.public.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { dutyErrors } from './duties.errors.ts';
import { generateTasks } from './duties.holders.ts';
import type {
  CompleteInput,
  CreateItemInput,
  ItemView,
  TaskView,
  UpdateItemInput,
} from './duties.schemas.ts';
import {
  dutyItems,
  dutyTaskAssignees,
  dutyTaskPhotos,
  dutyTasks,
  sharedGroups,
  type DutyEvidence,
  type DutyMode,
  type RoleGroup,
} from './duties.tables.ts';

export type Deps = { db: Db; keys: DataKeys };

/** A day `n` days after (before, when negative) `day`, both YYYY-MM-DD (Shanghai days). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

// ─── Items ───────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * SQL: an item concerns the scope: the county's template concerns everyone; a community's own item concerns the
 * community's subtree (its secretary, its grids' workers, its buildings' leaders, its residents' own tasks).
 */
function itemVisible(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [sql`${dutyItems.communityId} is null`];
  for (const prefix of scope.codes) {
    parts.push(
      sql`(${startsWith(dutyItems.territoryCode, prefix)} or ${prefix} like ${dutyItems.territoryCode} || '%')`,
    );
  }
  if (scope.buildingIds.length) {
    parts.push(sql`exists (select 1 from ${buildings} b where b.id = any(${sql.param(scope.buildingIds)}::uuid[])
      and b.territory_code like ${dutyItems.territoryCode} || '%')`);
  }
  if (scope.self && scope.userId) {
    parts.push(sql`exists (select 1 from ${persons} p where p.user_id = ${scope.userId}::uuid
      and p.territory_code like ${dutyItems.territoryCode} || '%')`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Whether the scope may edit an item: the template, the county; a community's item, that community. */
const itemEditable = (scope: Scope, item: { communityId: string | null; territoryCode: string }) =>
  item.communityId === null ? scope.all : codeInScope(scope, item.territoryCode);

const itemColumns = {
  id: dutyItems.id,
  communityId: dutyItems.communityId,
  communityName: territories.name,
  territoryCode: dutyItems.territoryCode,
  roleGroup: dutyItems.roleGroup,
  title: dutyItems.title,
  description: dutyItems.description,
  mode: dutyItems.mode,
  frequency: dutyItems.frequency,
  evidence: dutyItems.evidence,
  shared: dutyItems.shared,
  sortOrder: dutyItems.sortOrder,
  startsOn: dutyItems.startsOn,
  endsOn: dutyItems.endsOn,
};

const groupOrder = sql`array_position(array['community_secretary','branch_secretary','registered_cadre','grid_worker','building_leader'], ${dutyItems.roleGroup}::text)`;

function selectItems(db: Executor, where: SQL | undefined) {
  return db
    .select(itemColumns)
    .from(dutyItems)
    .leftJoin(territories, eq(territories.id, dutyItems.communityId))
    .where(where)
    .orderBy(
      groupOrder,
      asc(dutyItems.mode),
      sql`${dutyItems.communityId} is not null`,
      asc(dutyItems.sortOrder),
      asc(dutyItems.title),
      asc(dutyItems.id),
    );
}

function presentItem(
  scope: Scope,
  row: Awaited<ReturnType<typeof selectItems>>[number],
  today: string,
): ItemView {
  const { territoryCode, ...rest } = row;
  return {
    ...rest,
    retired: row.endsOn !== null && row.endsOn < today,
    editable: itemEditable(scope, { communityId: row.communityId, territoryCode }),
  };
}

/** The duty list as the scope sees it: the county's template and its communities' items, grouped by role group. */
export async function listItems(
  db: Executor,
  scope: Scope,
  query: { roleGroup?: RoleGroup; mode?: DutyMode; retired?: 'true' | 'false' },
): Promise<ItemView[]> {
  const today = shanghaiDay();
  const rows = await selectItems(
    db,
    and(
      itemVisible(scope),
      query.roleGroup ? eq(dutyItems.roleGroup, query.roleGroup) : undefined,
      query.mode ? eq(dutyItems.mode, query.mode) : undefined,
      query.retired === 'true'
        ? undefined
        : sql`(${dutyItems.endsOn} is null or ${dutyItems.endsOn} >= ${today}::date)`,
    ),
  );
  return rows.map((r) => presentItem(scope, r, today));
}

async function getItem(db: Executor, scope: Scope, id: string): Promise<ItemView> {
  const [row] = await selectItems(db, and(eq(dutyItems.id, id), itemVisible(scope)));
  if (!row) throw errors.notFound();
  return presentItem(scope, row, shanghaiDay());
}

/**
 * Adds an item: to the county's template (no community: the county administrator, scope all) or to a community's
 * own list (a community inside the scope; 404 otherwise). Audited.
 */
export async function createItem(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: CreateItemInput,
): Promise<ItemView> {
  const id = await db.transaction(async (tx) => {
    let communityId: string | null = null;
    let code: string;
    if (input.communityId) {
      const [node] = await tx
        .select({ id: territories.id, code: territories.code, level: territories.level })
        .from(territories)
        .where(eq(territories.id, input.communityId));
      if (!node || !codeInScope(scope, node.code)) throw errors.notFound();
      if (node.level !== 'community') {
        throw errors.validation([
          {
            field: 'communityId',
            code: 'not_a_community',
            message: { zh: '只能为社区添加自定义事项', en: 'Only a community can add items of its own' },
          },
        ]);
      }
      communityId = node.id;
      code = node.code;
    } else {
      if (!scope.all) throw errors.notFound();
      const [county] = await tx
        .select({ code: territories.code })
        .from(territories)
        .where(sql`${territories.parentId} is null`)
        .orderBy(territories.code)
        .limit(1);
      if (!county) throw errors.notFound();
      code = county.code;
    }
    const startsOn = input.startsOn ?? shanghaiDay();
    if (input.endsOn && input.endsOn < startsOn) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: { zh: '停用日期不能早于启用日期', en: 'The last day cannot come before the first' },
        },
      ]);
    }
    const id = newId();
    const row = {
      id,
      communityId,
      territoryCode: code,
      roleGroup: input.roleGroup,
      title: input.title,
      description: input.description || null,
      mode: input.mode ?? 'normal',
      frequency: input.frequency,
      evidence: input.evidence ?? 'none',
      shared: input.shared ?? false,
      sortOrder: input.sortOrder ?? 0,
      startsOn,
      endsOn: input.endsOn ?? null,
      createdBy: actor.userId,
    };
    await tx.insert(dutyItems).values(row);
    await appendAudit(tx, actor, {
      action: 'duty_item.created',
      entityType: 'duty_item',
      entityId: id,
      territoryCode: code,
      changes: {
        roleGroup: row.roleGroup,
        title: row.title,
        mode: row.mode,
        frequency: row.frequency,
        evidence: row.evidence,
        shared: row.shared,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      },
    });
    return id;
  });
  return getItem(db, scope, id);
}

/**
 * Edits an item the scope may edit (the template: the county; a community's item: that community; 404 otherwise),
 * or retires it (`endsOn`): items are never deleted, their tasks keep their history. Audited with the changes.
 */
export async function updateItem(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: UpdateItemInput,
): Promise<ItemView> {
  await db.transaction(async (tx) => {
    const [item] = await tx.select().from(dutyItems).where(eq(dutyItems.id, id)).for('update');
    if (!item || !itemEditable(scope, item)) throw errors.notFound();
    const shared = input.shared ?? item.shared;
    if (shared && !sharedGroups.includes(item.roleGroup)) {
      throw errors.validation([
        {
          field: 'shared',
          code: 'not_shareable',
          message: {
            zh: '只有网格党支部书记和网格员的事项可设为共同责任',
            en: 'Only a branch secretary’s or a grid worker’s item can be a shared duty',
          },
        },
      ]);
    }
    if (input.endsOn && input.endsOn < item.startsOn) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: { zh: '停用日期不能早于启用日期', en: 'The last day cannot come before the first' },
        },
      ]);
    }
    const changes: Record<string, unknown> = {};
    const next: Partial<typeof dutyItems.$inferInsert> = {};
    for (const key of [
      'title',
      'description',
      'mode',
      'frequency',
      'evidence',
      'shared',
      'sortOrder',
      'endsOn',
    ] as const) {
      if (input[key] === undefined) continue;
      const value = key === 'description' ? input.description || null : input[key];
      if (value === item[key]) continue;
      (next as Record<string, unknown>)[key] = value;
      changes[key] = [item[key], value];
    }
    if (Object.keys(next).length === 0) return;
    await tx
      .update(dutyItems)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(dutyItems.id, id));
    const retired = 'endsOn' in next && next.endsOn !== null;
    const entry = { entityId: id, territoryCode: item.territoryCode, changes };
    if (retired) {
      await appendAudit(tx, actor, { action: 'duty_item.retired', entityType: 'duty_item', ...entry });
    } else {
      await appendAudit(tx, actor, { action: 'duty_item.updated', entityType: 'duty_item', ...entry });
    }
  });
  return getItem(db, scope, id);
}

// ─── Tasks ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The holder keys of an account: its person (when linked) and the account itself. */
export async function holderKeysOf(db: Executor, userId: string) {
  const person = await personOfUser(db, userId);
  return { person, keys: person ? [person.id, userId] : [userId] };
}

const taskColumns = {
  id: dutyTasks.id,
  itemId: dutyTasks.itemId,
  title: sql<string>`coalesce(${dutyTasks.title}, ${dutyItems.title}, '')`,
  description: sql<string | null>`coalesce(${dutyTasks.description}, ${dutyItems.description})`,
  roleGroup: dutyTasks.roleGroup,
  mode: dutyTasks.mode,
  frequency: dutyTasks.frequency,
  evidence: dutyTasks.evidence,
  shared: dutyTasks.shared,
  periodStart: dutyTasks.periodStart,
  dueOn: dutyTasks.dueOn,
  territoryCode: dutyTasks.territoryCode,
  territoryName: territories.name,
  status: dutyTasks.status,
  doneAt: dutyTasks.doneAt,
  noteEnc: dutyTasks.noteEnc,
  photo: sql<boolean>`exists (select 1 from ${dutyTaskPhotos} p where p.task_id = ${dutyTasks.id})`,
};
type TaskRow = Awaited<ReturnType<typeof selectTasks>>[number];

function selectTasks(db: Executor, where: SQL | undefined, order: SQL[], limit: number) {
  return db
    .select(taskColumns)
    .from(dutyTasks)
    .leftJoin(dutyItems, eq(dutyItems.id, dutyTasks.itemId))
    .leftJoin(territories, eq(territories.code, dutyTasks.territoryCode))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

async function presentTasks(db: Executor, keys: DataKeys, rows: TaskRow[]): Promise<TaskView[]> {
  const today = shanghaiDay();
  const ids = rows.map((r) => r.id);
  const names = ids.length
    ? await db
        .select({
          taskId: dutyTaskAssignees.taskId,
          name: sql<string>`coalesce(${persons.name}, ${users.displayName}, '')`,
          roleGroup: dutyTaskAssignees.roleGroup,
        })
        .from(dutyTaskAssignees)
        .leftJoin(persons, eq(persons.id, dutyTaskAssignees.personId))
        .leftJoin(users, eq(users.id, dutyTaskAssignees.userId))
        .where(inArray(dutyTaskAssignees.taskId, ids))
        .orderBy(asc(dutyTaskAssignees.roleGroup), asc(dutyTaskAssignees.holderKey))
    : [];
  const byTask = new Map<string, { name: string; roleGroup: RoleGroup | null }[]>();
  for (const n of names) {
    if (!byTask.has(n.taskId)) byTask.set(n.taskId, []);
    byTask.get(n.taskId)!.push({ name: n.name, roleGroup: n.roleGroup });
  }
  return rows.map(({ noteEnc, ...r }) => ({
    ...r,
    overdue: r.status === 'open' && r.dueOn < today,
    doneAt: r.doneAt?.toISOString() ?? null,
    doneLate: r.doneAt !== null && shanghaiDay(r.doneAt) > r.dueOn,
    note: noteEnc ? decrypt(keys, noteEnc) : null,
    assignees: byTask.get(r.id) ?? [],
  }));
}

/** SQL: the task is one of the holder keys'. */
export const assignedTo = (holderKeys: string[]) =>
  sql`exists (select 1 from ${dutyTaskAssignees} a where a.task_id = ${dutyTasks.id}
    and a.holder_key = any(${sql.param(holderKeys)}::uuid[]))`;

/**
 * The caller's own tasks (as a person, or as an account with no person): `today` those open on today (a daily one
 * of today, this week's and this month's) and overdue ones; `week` those due this week; `overdue` past due and not
 * done; `done` those done in the last 30 days. A shared task shows to each of its assignees.
 */
export async function myTasks(
  db: Executor,
  keys: DataKeys,
  userId: string,
  view: 'today' | 'week' | 'overdue' | 'done' = 'today',
): Promise<TaskView[]> {
  const { keys: holderKeys } = await holderKeysOf(db, userId);
  const today = shanghaiDay();
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const where = {
    today: sql`((${dutyTasks.periodStart} <= ${today}::date and ${dutyTasks.dueOn} >= ${today}::date)
      or (${dutyTasks.status} = 'open' and ${dutyTasks.dueOn} < ${today}::date))`,
    week: sql`${dutyTasks.dueOn} between ${monday}::date and ${addDays(monday, 6)}::date`,
    overdue: sql`${dutyTasks.status} = 'open' and ${dutyTasks.dueOn} < ${today}::date`,
    done: sql`${dutyTasks.status} = 'done' and ${dutyTasks.doneAt} >= ${addDays(today, -30)}::date`,
  }[view];
  const order =
    view === 'done'
      ? [desc(dutyTasks.doneAt), asc(dutyTasks.id)]
      : [asc(dutyTasks.status), asc(dutyTasks.dueOn), asc(dutyTasks.id)];
  const rows = await selectTasks(db, and(assignedTo(holderKeys), where), order, 500);
  return presentTasks(db, keys, rows);
}

/** SQL: the task lies inside the scope (its grid or community, or a leader's building). */
export const taskInScope = (scope: Scope) =>
  registryCondition(scope, dutyTasks.territoryCode, dutyTasks.buildingId);

/** The code of a territory node inside the scope (404 otherwise). */
async function placeCode(db: Executor, scope: Scope, territoryId?: string) {
  if (!territoryId) return undefined;
  const [node] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(eq(territories.id, territoryId));
  if (!node || !codeInScope(scope, node.code)) throw errors.notFound();
  return node.code;
}

/** Tasks inside the scope (a community's board of tasks), optionally one place, a status and due days. */
export async function listTasks(
  db: Executor,
  keys: DataKeys,
  scope: Scope,
  query: {
    territoryId?: string;
    status?: 'open' | 'done' | 'overdue';
    from?: string;
    to?: string;
    limit?: number;
  },
): Promise<TaskView[]> {
  const code = await placeCode(db, scope, query.territoryId);
  const today = shanghaiDay();
  const status =
    query.status === 'overdue'
      ? sql`${dutyTasks.status} = 'open' and ${dutyTasks.dueOn} < ${today}::date`
      : query.status
        ? eq(dutyTasks.status, query.status)
        : undefined;
  const rows = await selectTasks(
    db,
    and(
      taskInScope(scope),
      code ? startsWith(dutyTasks.territoryCode, code) : undefined,
      status,
      query.from ? sql`${dutyTasks.dueOn} >= ${query.from}::date` : undefined,
      query.to ? sql`${dutyTasks.dueOn} <= ${query.to}::date` : undefined,
    ),
    [asc(dutyTasks.dueOn), asc(dutyTasks.territoryCode), asc(dutyTasks.id)],
    query.limit ?? 200,
  );
  return presentTasks(db, keys, rows);
}

/** SQL counts over tasks `t` (joined as `t`): due, done on time, done late, overdue, open, counted (for the rate). */
const countsSql = (today: string) => sql`
  count(*)::int as due,
  (count(*) filter (where t.status = 'done' and (t.done_at at time zone 'Asia/Shanghai')::date <= t.due_on))::int
    as done_on_time,
  (count(*) filter (where t.status = 'done' and (t.done_at at time zone 'Asia/Shanghai')::date > t.due_on))::int
    as done_late,
  (count(*) filter (where t.status = 'open' and t.due_on < ${today}::date))::int as overdue,
  (count(*) filter (where t.status = 'open' and t.due_on >= ${today}::date))::int as open,
  (count(*) filter (where t.status = 'done' or t.due_on < ${today}::date))::int as counted`;

type CountsRow = {
  due: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  open: number;
  counted: number;
};
const presentCounts = (c: CountsRow) => ({
  due: c.due,
  doneOnTime: c.done_on_time,
  doneLate: c.done_late,
  overdue: c.overdue,
  open: c.open,
  rate: c.counted === 0 ? null : Math.round((c.done_on_time / c.counted) * 1000) / 1000,
});

/**
 * Completion per person inside the scope (任务完成情况): each assignee's tasks due from..to, done on time, late,
 * overdue and open, and the rate of those done by their due day among those due by today or done. A shared task
 * counts for each of its assignees; the total counts each task once.
 */
export async function taskBoard(
  db: Executor,
  scope: Scope,
  query: { territoryId?: string; from?: string; to?: string },
) {
  const code = await placeCode(db, scope, query.territoryId);
  const today = shanghaiDay();
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -27);
  const where = sql`t.due_on between ${from}::date and ${to}::date
    and ${registryCondition(scope, sql.raw('t.territory_code'), sql.raw('t.building_id'))}
    ${code ? sql`and ${startsWith(sql.raw('t.territory_code'), code)}` : sql``}`;
  const [total] = await rowsOf<CountsRow>(
    db,
    sql`select ${countsSql(today)} from ${dutyTasks} t where ${where}`,
  );
  const people = await rowsOf<
    CountsRow & {
      holder_key: string;
      name: string;
      role_group: RoleGroup | null;
      territory_name: string | null;
    }
  >(
    db,
    sql`select x.*, coalesce(p.name, u.display_name, '') as name, tn.name as territory_name from (
      select a.holder_key, min(a.person_id::text)::uuid as person_id, min(a.user_id::text)::uuid as user_id,
        min(a.role_group) as role_group, min(t.territory_code) as territory_code, ${countsSql(today)}
      from ${dutyTaskAssignees} a join ${dutyTasks} t on t.id = a.task_id
      where ${where}
      group by a.holder_key) x
    left join ${persons} p on p.id = x.person_id
    left join ${users} u on u.id = x.user_id
    left join ${territories} tn on tn.code = x.territory_code
    order by x.territory_code, name, x.holder_key`,
  );
  return {
    from,
    to,
    total: presentCounts(total!),
    people: people.map((p) => ({
      holderKey: p.holder_key,
      name: p.name,
      roleGroup: p.role_group,
      territoryName: p.territory_name,
      ...presentCounts(p),
    })),
  };
}

/**
 * Completes one of the caller's tasks (a shared one: for all its assignees) with its evidence: a note is required
 * when the item asks for a note or a visit record, a photo uploaded first (duties.photos.ts) when it asks for a photo
 * (a note may go with it). Not the caller's: 404; done: 409 — unless by this completion (the same `clientId`: a phone's
 * queue sending again), answered as done, once; not begun: 409. Done when `doneAt` says (the phone's clock, checked by
 * clientInstant), else now. The note is encrypted. Audited.
 */
export async function completeTask(
  { db, keys }: Deps,
  actor: Actor & { userId: string },
  id: string,
  input: CompleteInput,
): Promise<TaskView> {
  const { person, keys: holderKeys } = await holderKeysOf(db, actor.userId);
  await db.transaction(async (tx) => {
    const [task] = await tx
      .select({
        status: dutyTasks.status,
        evidence: dutyTasks.evidence,
        periodStart: dutyTasks.periodStart,
        dueOn: dutyTasks.dueOn,
        territoryCode: dutyTasks.territoryCode,
        photo: taskColumns.photo,
        doneClientId: dutyTasks.doneClientId,
      })
      .from(dutyTasks)
      .where(and(eq(dutyTasks.id, id), assignedTo(holderKeys)))
      .for('update');
    if (!task) throw errors.notFound();
    // The same completion sent again (a phone's queue after a lost answer): done already, answered as it stands.
    if (task.status === 'done' && input.clientId && task.doneClientId === input.clientId) return;
    if (task.status === 'done') throw dutyErrors.taskAlreadyDone();
    const today = shanghaiDay();
    if (task.periodStart > today) throw dutyErrors.taskNotStarted(task.periodStart);
    if (needsNote(task.evidence) && !input.note) {
      throw errors.validation([
        {
          field: 'note',
          code: 'evidence_required',
          message:
            task.evidence === 'visit'
              ? { zh: '请填写走访记录', en: 'Describe the visit' }
              : { zh: '请填写完成情况说明', en: 'Describe what was done' },
        },
      ]);
    }
    if (task.evidence === 'photo' && !task.photo) {
      throw errors.validation([
        {
          field: 'photo',
          code: 'evidence_required',
          message: { zh: '该任务须上传现场照片后才能完成', en: 'Upload a photo before completing this task' },
        },
      ]);
    }
    // A completion queued on a phone without a connection is dated when it was done, not when it arrived.
    const doneAt = clientInstant(input.doneAt, {
      field: 'doneAt',
      code: 'out_of_period',
      earliestDay: task.periodStart,
      what: { zh: '完成时间', en: 'The completion' },
      since: { zh: '任务开始', en: 'the task began' },
    });
    await tx
      .update(dutyTasks)
      .set({
        status: 'done',
        doneAt,
        doneBy: actor.userId,
        donePersonId: person?.id ?? null,
        doneClientId: input.clientId ?? null,
        noteEnc: input.note ? encrypt(keys, input.note) : null,
      })
      .where(eq(dutyTasks.id, id));
    await appendAudit(tx, actor, {
      action: 'duty_task.completed',
      entityType: 'duty_task',
      entityId: id,
      territoryCode: task.territoryCode,
      changes: {
        status: 'done',
        late: shanghaiDay(doneAt) > task.dueOn,
        evidence: task.evidence,
        photo: task.photo,
      },
    });
  });
  const rows = await selectTasks(db, eq(dutyTasks.id, id), [asc(dutyTasks.id)], 1);
  return (await presentTasks(db, keys, rows))[0]!;
}

const needsNote = (evidence: DutyEvidence) => evidence === 'note' || evidence === 'visit';

/**
 * Generates the tasks of the periods touching `from`..`to` (default: today) in one transaction with its audit row
 * (the admin's trigger and the daily job). Idempotent: a second run creates nothing. Returns the number created.
 */
export async function runGeneration(
  db: Db,
  actor: Actor,
  input: { from?: string; to?: string; emergency?: boolean },
): Promise<{ created: number; from: string; to: string }> {
  const from = input.from ?? shanghaiDay();
  const to = input.to ?? from;
  const created = await db.transaction(async (tx) => {
    const created = await generateTasks(tx, { from, to, emergency: input.emergency });
    await appendAudit(tx, actor, {
      action: 'duty_tasks.generated',
      entityType: 'duty_generation',
      changes: { firstDay: from, lastDay: to, emergency: input.emergency ?? false, created },
    });
    return created;
  });
  return { created, from, to };
}
