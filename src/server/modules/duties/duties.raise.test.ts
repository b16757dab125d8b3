import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { openSecondHandle, waitFor } from '../../../../tests/support/second-handle.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import type { Actor } from '../../core/auth/audit.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { personOfUser } from '../people/people.public.ts';
import { generateRoundTasks, raiseTask } from './duties.public.ts';
import { addDays } from './duties.service.ts';
import { dutyItems, dutyTasks } from './duties.tables.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let community: Node;
let grid: Node;
const today = shanghaiDay();
const system: Actor = {
  userId: null,
  name: 'test',
  role: null,
  requestId: 'test',
  ip: null,
  userAgent: null,
};

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  community = tree[0]!.children[0]!.children[0]!;
  grid = community.children[0]!;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });

type RoundTask = { id: string; item_id: string; holder_key: string; territory_code: string; status: string };
const roundTasks = (roundId: string) =>
  rowsOf<RoundTask & { period_start: string; due_on: string; frequency: string }>(
    t.db,
    sql`select id, item_id, holder_key, territory_code, status, period_start::text, due_on::text, frequency
      from duty_tasks where source = 'round' and source_key like ${`round:${roundId}:%`} order by id`,
  );

describe('per-round duty items', () => {
  it('become each holder’s task inside the round’s scope when it opens, once, due on its last day; closing early leaves them', async () => {
    const endsOn = addDays(today, 20);
    const opened = await post(
      '/rounds',
      { territoryId: grid.id, name: '每轮任务测试', startsOn: today, endsOn, checklist: [] },
      secretary,
    );
    expect(opened.status, opened.text).toBe(201);
    const roundId = opened.json.data.id as string;
    const tasks = await roundTasks(roundId);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.territory_code.startsWith(grid.code)).toBe(true);
      expect([task.period_start, task.due_on, task.frequency, task.status]).toEqual([
        today,
        endsOn,
        'per_round',
        'open',
      ]);
    }
    // Each grid worker of the grid holds the grid workers' per-round items (as a direct count says).
    const expected = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from grid_workers gw cross join duty_items i
        where gw.territory_code like ${`${grid.code}%`} and gw.starts_on <= ${today}::date
          and (gw.ends_on is null or gw.ends_on >= ${today}::date)
          and i.role_group = 'grid_worker' and i.frequency = 'per_round' and i.mode = 'normal' and not i.shared
          and gw.territory_code like i.territory_code || '%'
          and (i.ends_on is null or i.ends_on >= ${today}::date)`,
    );
    const gridWorkerTasks = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from duty_tasks where source_key like ${`round:${roundId}:%`}
        and role_group = 'grid_worker' and not shared`,
    );
    expect(expected[0]!.n).toBeGreaterThan(0);
    expect(gridWorkerTasks[0]!.n).toBe(expected[0]!.n);
    // The grid worker sees theirs among today's tasks, due on the round's last day.
    const gridPerson = (await personOfUser(t.db, (await userId('grid'))!))!;
    if (tasks.some((x) => x.holder_key === gridPerson.id)) {
      const mine = (await t.request('GET', '/api/v1/duties/tasks/mine?view=today', { cookie: gridWorker }))
        .json.data as { id: string; dueOn: string; frequency: string }[];
      expect(mine.some((x) => x.frequency === 'per_round' && x.dueOn === endsOn)).toBe(true);
    }
    // Idempotent: generating again (or twice in a row) makes nothing.
    const round = { id: roundId, territoryCode: grid.code, startsOn: today, endsOn };
    expect(await t.db.transaction((tx) => generateRoundTasks(tx, round, today))).toBe(0);
    expect(await t.db.transaction((tx) => generateRoundTasks(tx, round, today))).toBe(0);
    expect((await roundTasks(roundId)).length).toBe(tasks.length);
    // Closed early (with a reason): its open tasks stay open, due on the planned last day.
    const closed = await post(`/rounds/${roundId}/close`, { reason: '提前结束测试' }, secretary);
    expect(closed.status, closed.text).toBe(200);
    const after = await roundTasks(roundId);
    expect(after.map((x) => [x.id, x.status, x.due_on])).toEqual(tasks.map((x) => [x.id, 'open', endsOn]));
  });

  it('gives a second round over the same place and days its own tasks, and none to holders outside the scope', async () => {
    const endsOn = addDays(today, 10);
    const body = { territoryId: grid.id, name: '第二轮', startsOn: today, endsOn, checklist: [] };
    const first = await post('/rounds', body, secretary);
    const second = await post('/rounds', body, secretary);
    expect([first.status, second.status]).toEqual([201, 201]);
    const a = await roundTasks(first.json.data.id);
    const b = await roundTasks(second.json.data.id);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBe(a.length);
    // A community-wide round reaches the community's other grids too; a grid's round none outside it.
    const wide = await post('/rounds', { ...body, territoryId: community.id }, secretary);
    expect(wide.status, wide.text).toBe(201);
    const c = await roundTasks(wide.json.data.id);
    expect(c.length).toBeGreaterThan(a.length);
    expect(c.every((x) => x.territory_code.startsWith(community.code))).toBe(true);
    expect(c.some((x) => !x.territory_code.startsWith(grid.code))).toBe(true);
  });
});

async function userId(username: string) {
  const [row] = await rowsOf<{ id: string }>(t.db, sql`select id from users where username = ${username}`);
  return row?.id;
}

describe('raiseTask', () => {
  it('names the group’s on-event item when there is one, else none', async () => {
    const gridPerson = (await personOfUser(t.db, (await userId('grid'))!))!;
    const raise = (sourceKey: string, roleGroup?: 'grid_worker' | 'building_leader') =>
      t.db.transaction((tx) =>
        raiseTask(tx, system, {
          personId: gridPerson.id,
          title: '跟进测试',
          dueOn: addDays(today, 3),
          territoryCode: grid.code,
          roleGroup,
          sourceKey,
        }),
      );
    const [onEvent] = await t.db.select({ id: dutyItems.id }).from(dutyItems)
      .where(sql`${dutyItems.roleGroup} = 'grid_worker' and ${dutyItems.frequency} = 'on_event'
        and ${dutyItems.mode} = 'normal' and not ${dutyItems.shared}`);
    expect(onEvent).toBeDefined();
    const named = await raise('test:item', 'grid_worker');
    const plain = await raise('test:no-item');
    const rows = await t.db
      .select({ id: dutyTasks.id, itemId: dutyTasks.itemId, frequency: dutyTasks.frequency })
      .from(dutyTasks)
      .where(sql`${dutyTasks.id} in (${named}, ${plain})`);
    expect(rows.find((r) => r.id === named)).toMatchObject({ itemId: onEvent!.id, frequency: 'on_event' });
    expect(rows.find((r) => r.id === plain)).toMatchObject({ itemId: null, frequency: null });
    // Two raised the same day under the same item for the same person are two tasks.
    const again = await raise('test:item-2', 'grid_worker');
    expect(again).not.toBe(named);
    // The task shows under its item on the person's list, with its own title.
    const mine = (await t.request('GET', '/api/v1/duties/tasks/mine?view=today', { cookie: gridWorker })).json
      .data as { id: string; itemId: string | null; title: string }[];
    expect(mine.find((x) => x.id === named)).toMatchObject({ itemId: onEvent!.id, title: '跟进测试' });
  });

  it('makes one task of two concurrent calls with the same source key (two connections on PostgreSQL)', async () => {
    const second = await openSecondHandle(t.database);
    try {
      const gridPerson = (await personOfUser(t.db, (await userId('grid'))!))!;
      const spec = (sourceKey: string) => ({
        personId: gridPerson.id,
        title: '并发测试',
        dueOn: addDays(today, 3),
        territoryCode: grid.code,
        roleGroup: 'grid_worker' as const,
        sourceKey,
      });
      for (let round = 0; round < 3; round++) {
        const key = `test:race:${round}`;
        let ids: string[];
        if (t.database.kind === 'postgres') {
          // The first transaction inserts and holds its row uncommitted until the second waits on it.
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          let firstInserted = false;
          const first = t.db.transaction(async (tx) => {
            const id = await raiseTask(tx, system, spec(key));
            firstInserted = true;
            await held;
            return id;
          });
          await waitFor(() => firstInserted, 'the first insert');
          const secondCall = second.db.transaction((tx) => raiseTask(tx, system, spec(key)));
          await waitFor(async () => {
            const [row] = await rowsOf<{ n: number }>(
              t.db,
              sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
            );
            return row!.n > 0;
          }, 'the second call to wait for the first');
          release();
          ids = await Promise.all([first, secondCall]);
        } else {
          ids = await Promise.all([
            t.db.transaction((tx) => raiseTask(tx, system, spec(key))),
            second.db.transaction((tx) => raiseTask(tx, system, spec(key))),
          ]);
        }
        expect(ids[0]).toBe(ids[1]);
        const [count] = await rowsOf<{ tasks: number; assignees: number }>(
          t.db,
          sql`select count(*)::int as tasks,
            (select count(*)::int from duty_task_assignees a where a.task_id = ${ids[0]}::uuid) as assignees
            from duty_tasks where source_key = ${key}`,
        );
        expect(count).toEqual({ tasks: 1, assignees: 1 });
        const audits = await t.db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(sql`${auditLog.action} = 'duty_task.raised' and ${auditLog.entityId} = ${ids[0]}`);
        expect(audits.length).toBe(1);
      }
    } finally {
      await second.close();
    }
  });
});
