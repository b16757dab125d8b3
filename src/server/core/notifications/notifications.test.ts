import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { users } from '../auth/auth.tables.ts';
import { rowsOf } from '../db/bulk.ts';
import { accountsAnchoredOn, notify } from './notifications.ts';

let t: TestApp;
let worker: string;
let leader: string;
let workerId: string;
let leaderId: string;

beforeAll(async () => {
  t = await createTestApp();
  [worker, leader] = await Promise.all([
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.building_leader),
  ]);
  const idOf = async (username: string) =>
    (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  workerId = await idOf(DEMO_ACCOUNT.grid_worker);
  leaderId = await idOf(DEMO_ACCOUNT.building_leader);
});
afterAll(() => t.close());

const spec = (n: number) => ({
  kind: 'test.event',
  title: { zh: `通知 ${n}`, en: `Notice ${n}` },
  body: { zh: `第 ${n} 条`, en: `Number ${n}` },
  link: '/map',
  sourceKey: `test:${n}`,
});
const mine = async (cookie: string, query = '') => {
  const res = await t.request('GET', `/api/v1/me/notifications${query}`, { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json as { data: { id: string; title: { zh: string }; readAt: string | null }[]; unread: number };
};

describe('notifications', () => {
  it('tells each account once per source key, in the caller’s transaction (a rollback tells nobody)', async () => {
    const told = await t.db.transaction((tx) => notify(tx, [workerId, leaderId, workerId], spec(1)));
    expect(told).toBe(2);
    expect(await t.db.transaction((tx) => notify(tx, [workerId], spec(1)))).toBe(0);
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, [workerId], spec(2));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const list = await mine(worker);
    expect(list.data.map((n) => n.title.zh)).toEqual(['通知 1']);
    expect(list.unread).toBe(1);
  });

  it('shows and marks only the account’s own: another’s is 404, and nothing changes', async () => {
    await t.db.transaction((tx) => notify(tx, [leaderId], spec(3)));
    const leaders = await mine(leader);
    const theirs = leaders.data.find((n) => n.title.zh === '通知 3')!;
    expect((await mine(worker)).data.some((n) => n.id === theirs.id)).toBe(false);
    const refused = await t.request('POST', `/api/v1/me/notifications/${theirs.id}/read`, { cookie: worker });
    expect(refused.status).toBe(404);
    expect((await mine(leader)).data.find((n) => n.id === theirs.id)!.readAt).toBeNull();
    // Paging after another's notification is 404 too; a malformed id is 400, field by field.
    expect(
      (await t.request('GET', `/api/v1/me/notifications?before=${theirs.id}`, { cookie: worker })).status,
    ).toBe(404);
    const bad = await t.request('POST', '/api/v1/me/notifications/not-an-id/read', { cookie: worker });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('param.id');
    expect((await t.request('GET', '/api/v1/me/notifications?limit=0', { cookie: worker })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/me/notifications')).status).toBe(401);
  });

  it('marks one read, pages newest first, filters the unread and marks all read', async () => {
    for (const n of [4, 5, 6]) await t.db.transaction((tx) => notify(tx, [workerId], spec(n)));
    const all = await mine(worker);
    expect(all.data.map((n) => n.title.zh)).toEqual(['通知 6', '通知 5', '通知 4', '通知 1']);
    expect(all.unread).toBe(4);
    const read = await t.request('POST', `/api/v1/me/notifications/${all.data[1]!.id}/read`, {
      cookie: worker,
    });
    expect(read.status, read.text).toBe(204);
    // Reading it again changes nothing.
    expect(
      (await t.request('POST', `/api/v1/me/notifications/${all.data[1]!.id}/read`, { cookie: worker }))
        .status,
    ).toBe(204);
    const unread = await mine(worker, '?unread=true');
    expect(unread.data.map((n) => n.title.zh)).toEqual(['通知 6', '通知 4', '通知 1']);
    expect(unread.unread).toBe(3);
    const page = await mine(worker, `?limit=2&before=${all.data[1]!.id}`);
    expect(page.data.map((n) => n.title.zh)).toEqual(['通知 4', '通知 1']);
    const marked = await t.request('POST', '/api/v1/me/notifications/read-all', { cookie: worker });
    expect(marked.json.data).toEqual({ marked: 3 });
    expect((await mine(worker)).unread).toBe(0);
    // The leader's stay unread.
    expect((await mine(leader)).unread).toBeGreaterThan(0);
  });

  it('finds the accounts anchored on places: a grid’s worker by the grid, a leader by the building', async () => {
    const [grid] = await rowsOf<{ id: string }>(
      t.db,
      sql`select unnest(scope_ids)::text as id from role_assignments where user_id = ${workerId}::uuid and scope_kind = 'grids' limit 1`,
    );
    const [building] = await rowsOf<{ id: string }>(
      t.db,
      sql`select unnest(scope_ids)::text as id from role_assignments where user_id = ${leaderId}::uuid and scope_kind = 'buildings' limit 1`,
    );
    const byGrid = await accountsAnchoredOn(t.db, { territoryIds: [grid!.id] });
    expect(byGrid).toContainEqual({ userId: workerId, scopeKind: 'grids', anchors: [grid!.id] });
    expect(byGrid.some((a) => a.userId === leaderId)).toBe(false);
    const byBuilding = await accountsAnchoredOn(t.db, { buildingIds: [building!.id] });
    expect(byBuilding).toContainEqual({ userId: leaderId, scopeKind: 'buildings', anchors: [building!.id] });
    expect(await accountsAnchoredOn(t.db, {})).toEqual([]);
    // A disabled account is told nothing.
    await t.db.update(users).set({ status: 'disabled' }).where(eq(users.id, workerId));
    expect(
      (await accountsAnchoredOn(t.db, { territoryIds: [grid!.id] })).some((a) => a.userId === workerId),
    ).toBe(false);
    await t.db.update(users).set({ status: 'active' }).where(eq(users.id, workerId));
  });
});
