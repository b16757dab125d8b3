import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { personOfUser } from '../people/people.public.ts';
import { countDutyFigures } from './duties.figures.ts';
import { raiseTask } from './duties.public.ts';
import { addDays } from './duties.service.ts';
import { dutyItems, dutyTaskAssignees, dutyTasks } from './duties.tables.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let branch: string;
let leader: string;
let county: Node;
let community: Node;
let outsideCommunity: Node;
let gridUserId: string;
let branchUserId: string;
const today = shanghaiDay();
const all = { all: true, codes: [], buildingIds: [], self: false };

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker, branch, leader] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.branch_secretary),
    t.login(DEMO_ACCOUNT.building_leader),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  community = county.children[0]!.children[0]!;
  outsideCommunity = county.children[1]!.children[0]!;
  const ids = await rowsOf<{ username: string; id: string }>(
    t.db,
    sql`select username, id from users where username in ('grid', 'branch')`,
  );
  gridUserId = ids.find((u) => u.username === 'grid')!.id;
  branchUserId = ids.find((u) => u.username === 'branch')!.id;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const patch = (url: string, body: unknown, cookie: string) =>
  t.request('PATCH', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });

async function countTasks(where = sql`true`) {
  const [row] = await rowsOf<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from duty_tasks where ${where}`,
  );
  return row!.n;
}

async function auditCount(action: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, action));
  return row!.n;
}

/** A community item added through the API by the community secretary. */
async function addItem(body: Record<string, unknown>) {
  const response = await post(
    '/duties/items',
    { communityId: community.id, frequency: 'daily', title: '测试事项', ...body },
    secretary,
  );
  expect(response.status, response.text).toBe(201);
  return response.json.data as { id: string; editable: boolean };
}

describe('the demo duty lists and tasks', () => {
  it('has the county template for each of the five groups and eight weeks of tasks mostly done on time', async () => {
    const items = (await get('/duties/items', admin)).json.data as { roleGroup: string; mode: string }[];
    for (const group of [
      'community_secretary',
      'branch_secretary',
      'registered_cadre',
      'grid_worker',
      'building_leader',
    ]) {
      const own = items.filter((i) => i.roleGroup === group);
      expect(own.length, group).toBeGreaterThanOrEqual(5);
      expect(own.some((i) => i.mode === 'emergency')).toBe(true);
    }
    const [row] = await rowsOf<{ past: number; on_time: number; oldest: string; future_done: number }>(
      t.db,
      sql`select count(*) filter (where due_on < ${today}::date)::int as past,
        count(*) filter (where due_on < ${today}::date and status = 'done'
          and (done_at at time zone 'Asia/Shanghai')::date <= due_on)::int as on_time,
        min(period_start)::text as oldest,
        count(*) filter (where done_at > now())::int as future_done
        from duty_tasks`,
    );
    expect(row!.past).toBeGreaterThan(100);
    expect(row!.on_time / row!.past).toBeGreaterThan(0.8);
    expect(row!.on_time / row!.past).toBeLessThan(0.97);
    expect(row!.oldest <= addDays(today, -55)).toBe(true);
    expect(row!.future_done).toBe(0);
    // Every group holds tasks (the community secretary's account too, with no person).
    const groups = await rowsOf<{ role_group: string }>(
      t.db,
      sql`select distinct role_group from duty_task_assignees order by 1`,
    );
    expect(groups.map((g) => g.role_group)).toEqual([
      'branch_secretary',
      'building_leader',
      'community_secretary',
      'grid_worker',
      'registered_cadre',
    ]);
  });

  it('computes the completion rate and overdue count as a direct count does, by place and period', async () => {
    const from = new Date(`${addDays(today, -27)}T00:00:00+08:00`);
    const figures = await countDutyFigures(t.db, all, community.code, from);
    const [direct] = await rowsOf<{ counted: number; on_time: number; overdue: number }>(
      t.db,
      sql`select count(*) filter (where due_on >= ${addDays(today, -27)}::date and due_on <= ${today}::date
            and (due_on < ${today}::date or status = 'done'))::int as counted,
          count(*) filter (where due_on >= ${addDays(today, -27)}::date and due_on <= ${today}::date and status = 'done'
            and (done_at at time zone 'Asia/Shanghai')::date <= due_on)::int as on_time,
          count(*) filter (where due_on < ${today}::date and status = 'open')::int as overdue
        from duty_tasks where territory_code like ${`${community.code}%`}`,
    );
    expect(direct!.counted).toBeGreaterThan(0);
    expect(figures.dutyCompletionRate).toBeCloseTo(direct!.on_time / direct!.counted, 3);
    expect(figures.dutyTasksOverdue).toBe(direct!.overdue);
    // Through the insights endpoint, within the secretary's scope.
    const answer = await get(
      `/insights/figures?territoryId=${community.id}&from=${addDays(today, -27)}`,
      secretary,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.dutyCompletionRate).toBeCloseTo(figures.dutyCompletionRate!, 3);
    expect(answer.json.dutyTasksOverdue).toBe(figures.dutyTasksOverdue);
  });
});

describe('items', () => {
  it('lets a community add and retire its own items, and only the county edit the template (404 otherwise)', async () => {
    const before = await auditCount('duty_item.created');
    const item = await addItem({
      roleGroup: 'grid_worker',
      title: '每日检查小区充电桩',
      startsOn: addDays(today, -10),
    });
    expect(item.editable).toBe(true);
    expect(await auditCount('duty_item.created')).toBe(before + 1);
    const template = (
      (await get('/duties/items', secretary)).json.data as {
        id: string;
        communityId: string | null;
        editable: boolean;
      }[]
    ).find((i) => i.communityId === null)!;
    expect(template.editable).toBe(false);
    expect((await patch(`/duties/items/${template.id}`, { title: '改' }, secretary)).status).toBe(404);
    expect((await patch(`/duties/items/${template.id}`, { sortOrder: 5 }, admin)).status).toBe(200);
    // Another community's item and another community as the owner: 404.
    const other = await post(
      '/duties/items',
      { communityId: outsideCommunity.id, roleGroup: 'grid_worker', title: 'x', frequency: 'weekly' },
      admin,
    );
    expect(other.status).toBe(201);
    expect((await patch(`/duties/items/${other.json.data.id}`, { title: '改' }, secretary)).status).toBe(404);
    expect(
      (
        await post(
          '/duties/items',
          { communityId: outsideCommunity.id, roleGroup: 'grid_worker', title: 'x', frequency: 'weekly' },
          secretary,
        )
      ).status,
    ).toBe(404);
    expect(
      (await post('/duties/items', { roleGroup: 'grid_worker', title: 'x', frequency: 'weekly' }, secretary))
        .status,
    ).toBe(404);
    expect(
      (await get('/duties/items', secretary)).json.data.some(
        (i: { id: string }) => i.id === other.json.data.id,
      ),
    ).toBe(false);
    // Retired: kept, hidden from the current list, and no longer generates tasks.
    const retired = await patch(`/duties/items/${item.id}`, { endsOn: addDays(today, -1) }, secretary);
    expect(retired.status, retired.text).toBe(200);
    expect(retired.json.data.retired).toBe(true);
    expect(
      (await get('/duties/items', secretary)).json.data.some((i: { id: string }) => i.id === item.id),
    ).toBe(false);
    expect(
      (await get('/duties/items?retired=true', secretary)).json.data.some(
        (i: { id: string }) => i.id === item.id,
      ),
    ).toBe(true);
    await post('/duties/generate', {}, admin);
    expect(await countTasks(sql`item_id = ${item.id}::uuid`)).toBe(0);
    expect(await auditCount('duty_item.retired')).toBeGreaterThan(0);
  });

  it('refuses bad input field by field (400) and changes nothing', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(dutyItems);
    const bad = await post(
      '/duties/items',
      {
        communityId: community.id,
        roleGroup: 'building_leader',
        title: '',
        frequency: 'hourly',
        shared: true,
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
      },
      secretary,
    );
    expect(bad.status).toBe(400);
    const fields = (bad.json.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['title', 'frequency']));
    const shared = await post(
      '/duties/items',
      {
        communityId: community.id,
        roleGroup: 'building_leader',
        title: 'x',
        frequency: 'weekly',
        shared: true,
      },
      secretary,
    );
    expect(shared.status).toBe(400);
    expect(shared.json.error.details[0].field).toBe('shared');
    const dates = await post(
      '/duties/items',
      {
        communityId: community.id,
        roleGroup: 'grid_worker',
        title: 'x',
        frequency: 'weekly',
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
      },
      secretary,
    );
    expect(dates.status).toBe(400);
    expect(dates.json.error.details[0].field).toBe('endsOn');
    const grid = community.children[0]!;
    const notCommunity = await post(
      '/duties/items',
      { communityId: grid.id, roleGroup: 'grid_worker', title: 'x', frequency: 'weekly' },
      secretary,
    );
    expect(notCommunity.status).toBe(400);
    expect(notCommunity.json.error.details[0].field).toBe('communityId');
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(dutyItems);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('tasks', () => {
  it('generates idempotently: a second run (and the job) makes no duplicate', async () => {
    await addItem({ roleGroup: 'grid_worker', title: '幂等测试事项', frequency: 'weekly' });
    const first = await post('/duties/generate', { from: addDays(today, -14), to: today }, admin);
    expect(first.status, first.text).toBe(200);
    expect(first.json.data.created).toBeGreaterThan(0);
    const total = await countTasks();
    const second = await post('/duties/generate', { from: addDays(today, -14), to: today }, admin);
    expect(second.json.data.created).toBe(0);
    expect(await countTasks()).toBe(total);
    const [dupes] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (select item_id, period_start, holder_key from duty_tasks
        where item_id is not null group by 1, 2, 3 having count(*) > 1) d`,
    );
    expect(dupes!.n).toBe(0);
    // The scheduled job does the same.
    const { dutiesModule } = await import('./duties.module.ts');
    const jobs = dutiesModule.jobs({
      db: t.db,
      keys: undefined as never,
      logger: { info() {} } as never,
      databaseKind: 'pglite',
    });
    await jobs.handlers['duties.generate']();
    expect(await countTasks()).toBe(total);
    // Only the county administrator generates.
    expect((await post('/duties/generate', {}, secretary)).status).toBe(403);
    const bad = await post('/duties/generate', { from: '2026-01-01', to: '2025-01-01' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('to');
    // `to` alone is checked against today, its first day: not before it, nor decades of daily tasks after it.
    const before = await countTasks();
    for (const to of [addDays(today, -1), addDays(today, 63), '2099-12-31']) {
      const alone = await post('/duties/generate', { to }, admin);
      expect(alone.status, to).toBe(400);
      expect(alone.json.error.details[0].field).toBe('to');
    }
    expect(await countTasks()).toBe(before);
  });

  it('gives a shared item one task per grid that shows to the branch secretary and the grid worker and counts for both', async () => {
    const gridPerson = (await personOfUser(t.db, gridUserId))!;
    const branchPerson = (await personOfUser(t.db, branchUserId))!;
    const item = await addItem({
      roleGroup: 'grid_worker',
      title: '共同责任测试',
      shared: true,
      evidence: 'note',
    });
    await post('/duties/generate', {}, admin);
    const tasks = await t.db.select().from(dutyTasks).where(eq(dutyTasks.itemId, item.id));
    const both = [];
    for (const task of tasks) {
      const holders = (
        await t.db.select().from(dutyTaskAssignees).where(eq(dutyTaskAssignees.taskId, task.id))
      ).map((a) => a.holderKey);
      if (holders.includes(gridPerson.id) && holders.includes(branchPerson.id)) both.push(task);
    }
    expect(both).toHaveLength(1);
    const task = both[0]!;
    expect(task.shared).toBe(true);
    const mine = async (cookie: string) =>
      (
        (await get('/duties/tasks/mine?view=today', cookie)).json.data as { id: string; status: string }[]
      ).find((x) => x.id === task.id);
    expect((await mine(gridWorker))?.status).toBe('open');
    expect((await mine(branch))?.status).toBe('open');
    // Evidence required: a note.
    const noNote = await post(`/duties/tasks/${task.id}/complete`, {}, branch);
    expect(noNote.status).toBe(400);
    expect(noNote.json.error.details[0].field).toBe('note');
    const done = await post(
      `/duties/tasks/${task.id}/complete`,
      { note: '已与支部书记共同研判' },
      gridWorker,
    );
    expect(done.status, done.text).toBe(200);
    expect(done.json.data.note).toBe('已与支部书记共同研判');
    expect((await mine(branch))?.status).toBe('done');
    expect((await post(`/duties/tasks/${task.id}/complete`, { note: 'again' }, branch)).status).toBe(409);
    // Encrypted at rest.
    const [stored] = await t.db
      .select({ noteEnc: dutyTasks.noteEnc })
      .from(dutyTasks)
      .where(eq(dutyTasks.id, task.id));
    expect(stored!.noteEnc).not.toContain('研判');
    // The board counts it done for both.
    const board = (await get(`/duties/board?from=${today}&to=${addDays(today, 31)}`, secretary)).json
      .data as {
      people: { holderKey: string; doneOnTime: number }[];
    };
    for (const key of [gridPerson.id, branchPerson.id]) {
      expect(board.people.find((p) => p.holderKey === key)!.doneOnTime).toBeGreaterThanOrEqual(1);
    }
  });

  it('shows overdue tasks to the person and to their community, and not to others (404)', async () => {
    const gridPerson = (await personOfUser(t.db, gridUserId))!;
    const id = await t.db.transaction((tx) =>
      raiseTask(
        tx,
        { userId: null, name: 'test', role: null, requestId: 'test', ip: null, userAgent: null },
        {
          personId: gridPerson.id,
          title: '核实独居老人走访发现的问题',
          dueOn: addDays(today, -2),
          territoryCode: community.children[0]!.code,
          sourceKey: 'test:overdue',
        },
      ),
    );
    // Raised once per source key.
    const again = await t.db.transaction((tx) =>
      raiseTask(
        tx,
        { userId: null, name: 'test', role: null, requestId: 'test', ip: null, userAgent: null },
        {
          personId: gridPerson.id,
          title: '核实独居老人走访发现的问题',
          dueOn: addDays(today, -2),
          sourceKey: 'test:overdue',
        },
      ),
    );
    expect(again).toBe(id);
    const overdue = (await get('/duties/tasks/mine?view=overdue', gridWorker)).json.data as {
      id: string;
      overdue: boolean;
    }[];
    expect(overdue.find((x) => x.id === id)?.overdue).toBe(true);
    const board = (
      await get(
        `/duties/tasks?status=overdue&territoryId=${community.id}&from=${addDays(today, -2)}`,
        secretary,
      )
    ).json.data as { id: string }[];
    expect(board.some((x) => x.id === id)).toBe(true);
    // Out of scope: the other street's community, another person's task, a leader completing it.
    expect((await get(`/duties/tasks?territoryId=${outsideCommunity.id}`, secretary)).status).toBe(404);
    expect((await get(`/duties/board?territoryId=${outsideCommunity.id}`, secretary)).status).toBe(404);
    expect((await post(`/duties/tasks/${id}/complete`, { note: 'x' }, leader)).status).toBe(404);
    expect(
      (await get('/duties/tasks/mine?view=overdue', leader)).json.data.some(
        (x: { id: string }) => x.id === id,
      ),
    ).toBe(false);
    // Done late: counted as late on the board.
    const done = await post(`/duties/tasks/${id}/complete`, { note: '已核实' }, gridWorker);
    expect(done.status, done.text).toBe(200);
    expect(done.json.data.doneLate).toBe(true);
    const [row] = await t.db
      .select({ status: dutyTasks.status })
      .from(dutyTasks)
      .where(and(eq(dutyTasks.id, id), eq(dutyTasks.status, 'done')));
    expect(row).toBeDefined();
  });
});
