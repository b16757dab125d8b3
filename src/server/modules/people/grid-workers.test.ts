import { and, count, countDistinct, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, TEST_DEMO } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, roleAssignments, users } from '../../core/auth/auth.tables.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';
import { insertGridWorker, insertPerson } from './people.factories.ts';
import { gridWorkers, persons } from './people.tables.ts';
import { shanghaiDay } from '../registry/registry.public.ts';

type Node = { id: string; code: string; name: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let street: string;
let ids: { street1: Node; community1: Node; community2: Node; grid1: Node; grid2: Node; otherGrid: Node };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  street = await t.login(DEMO_ACCOUNT.street_admin);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [s1, s2] = tree[0]!.children;
  ids = {
    street1: s1!,
    community1: s1!.children[0]!,
    community2: s1!.children[1]!,
    grid1: s1!.children[0]!.children[0]!,
    grid2: s1!.children[0]!.children[1]!,
    otherGrid: s2!.children[0]!.children[0]!,
  };
});
afterAll(() => t.close());

/** The first community as a parent for insertTerritoryNode. */
const community1 = () => ({ ...ids.community1, level: 'community' as const });

const appoint = (cookie: string, body: unknown) =>
  t.request('POST', '/api/v1/grid-workers', { cookie, body });
const end = (cookie: string, personId: string, body: unknown = {}) =>
  t.request('POST', `/api/v1/grid-workers/${personId}/end`, { cookie, body });
const list = (cookie: string, query = '') =>
  t.request('GET', `/api/v1/grid-workers?pageSize=200${query}`, { cookie });

let counter = 0;
/** A person standing alone on a grid, inserted with the factory. */
async function standalone(grid: { code: string }, mobile: string | null = null, publishMobile = false) {
  counter += 1;
  return t.db.transaction((tx) =>
    insertPerson(tx, testKeys, {
      name: `测试网格员${counter}`,
      territoryCode: grid.code,
      mobile,
      publishMobile,
    }),
  );
}

async function rowsOf(personId: string) {
  return t.db.select().from(gridWorkers).where(eq(gridWorkers.personId, personId));
}

async function auditCount() {
  return (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
}

describe('the demo county', () => {
  it('every grid has full-time workers; the demo grid worker’s account is a worker of its grid; riders are part-time', async () => {
    const grids = await t.request('GET', '/api/v1/grid-workers/grids', { cookie: admin });
    expect(grids.status, grids.text).toBe(200);
    expect(grids.json.summary.uncovered).toBe(0);
    for (const g of grids.json.data) expect(g.fullTime).toBeGreaterThanOrEqual(2);

    const gridCookie = await t.login(DEMO_ACCOUNT.grid_worker);
    const me = (await t.request('GET', '/api/v1/people/me', { cookie: gridCookie })).json.data;
    expect(me).not.toBeNull();
    const mine = await t.request('GET', `/api/v1/grid-workers/${me.id}`, { cookie: gridCookie });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json.data.grids.map((g: { gridId: string }) => g.gridId)).toContain(ids.grid1.id);
    expect(mine.json.data.mobile).toMatch(/^1700000\d{4}$/); // published: shown in full

    const riders = await list(admin, '&employment=part_time');
    const expected = Math.max(1, Math.round(51 * TEST_DEMO.scale));
    expect(riders.json.page.total).toBe(expected);
    for (const r of riders.json.data) expect(['delivery_rider', 'courier']).toContain(r.occupation);
    const figures = (await t.request('GET', '/api/v1/insights/figures', { cookie: admin })).json;
    expect(figures.partTimeGridWorkers).toBe(expected);
    const [serving] = await t.db
      .select({ n: countDistinct(gridWorkers.personId) })
      .from(gridWorkers)
      .where(isNull(gridWorkers.endsOn));
    expect(figures.gridWorkers).toBeGreaterThan(0);
    expect(figures.gridWorkers).toBeLessThanOrEqual(serving!.n);
  });
});

describe('appointing and ending', () => {
  it('appoints a resident to two grids, opens an account once, and the access follows every change within one request', async () => {
    const { members } = await insertHousehold(t.db, testKeys, {
      grid: ids.grid1,
      members: [{ name: '新网格员' }],
    });
    const before = await auditCount();
    const response = await appoint(secretary, {
      person: { residentId: members[0]!.id, mobile: '13811112222' },
      gridIds: [ids.grid1.id, ids.grid2.id],
      employment: 'full_time',
      startsOn: '2025-03-01',
    });
    expect(response.status, response.text).toBe(201);
    const worker = response.json.data;
    expect(worker.name).toBe('新网格员');
    expect(worker.mobile).toBe('138****2222');
    expect(worker.grids.map((g: { gridId: string }) => g.gridId).sort()).toEqual(
      [ids.grid1.id, ids.grid2.id].sort(),
    );
    expect(response.json.opened.username).toEqual(expect.any(String));
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, worker.personId));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'grid_worker.appointed',
      'person.access_granted',
      'person.created',
    ]);
    expect((await auditCount()) - before).toBe(3);

    const cookie = await t.login(response.json.opened.username, response.json.opened.password);
    await t.request('POST', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: response.json.opened.password, newPassword: 'Worker-pass-2026' },
    });
    const me = (await t.request('GET', '/api/v1/me', { cookie })).json.data;
    expect(me.roles).toMatchObject([{ role: 'grid_worker', scopeKind: 'grids', sourceKind: 'grid_worker' }]);
    expect(me.roles[0].scopeIds.sort()).toEqual([ids.grid1.id, ids.grid2.id].sort());
    const seen = await t.request('GET', '/api/v1/grid-workers/grids', { cookie });
    expect(seen.json.data.map((g: { gridId: string }) => g.gridId).sort()).toEqual(
      [ids.grid1.id, ids.grid2.id].sort(),
    );

    // A second appointment to a grid served answers 409; to a third grid of the community it adds it.
    const again = await appoint(secretary, {
      personId: worker.personId,
      gridIds: [ids.grid2.id],
      employment: 'full_time',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.details[0].field).toBe('gridIds.0');
    const grid3 = ids.community1.children[2] ?? null;
    if (grid3) {
      const added = await appoint(secretary, {
        personId: worker.personId,
        gridIds: [grid3.id],
        employment: 'full_time',
      });
      expect(added.status, added.text).toBe(201);
      expect(added.json.opened).toBeNull();
      expect(added.json.data.grids).toHaveLength(3);
      const ended3 = await end(secretary, worker.personId, { gridIds: [grid3.id] });
      expect(ended3.status, ended3.text).toBe(200);
    }

    // Ending grid 2: the next request sees grid 1 only.
    const shrunk = await end(secretary, worker.personId, { gridIds: [ids.grid2.id] });
    expect(shrunk.status, shrunk.text).toBe(200);
    expect(shrunk.json.data.grids.map((g: { gridId: string }) => g.gridId)).toEqual([ids.grid1.id]);
    expect(shrunk.json.data.history.length).toBeGreaterThanOrEqual(1);
    const after = await t.request('GET', '/api/v1/grid-workers/grids', { cookie });
    expect(after.json.data.map((g: { gridId: string }) => g.gridId)).toEqual([ids.grid1.id]);
    const grid2Load = await t.request('GET', `/api/v1/grid-workers/grids?territoryId=${ids.grid2.id}`, {
      cookie,
    });
    expect(grid2Load.status).toBe(404);

    // Ending everything: the next request has no grid_worker access at all.
    const ended = await end(secretary, worker.personId, { endsOn: shanghaiDay() });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.data.grids).toEqual([]);
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie })).status).toBe(403);
    const roles = await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, me.id));
    expect(roles).toEqual([]);
    const rows = await rowsOf(worker.personId);
    expect(rows.every((r) => r.endsOn === shanghaiDay())).toBe(true);
  });

  it('a person standing alone, created with the appointment; a courier serves part-time only', async () => {
    const rider = await appoint(secretary, {
      person: { name: '快递小哥', territoryId: ids.grid1.id, mobile: '13900003333' },
      gridIds: [ids.grid1.id],
      employment: 'full_time',
      occupation: 'courier',
    });
    expect(rider.status).toBe(400);
    expect(rider.json.error.details.map((d: { field: string }) => d.field)).toEqual(['employment']);
    const ok = await appoint(secretary, {
      person: { name: '快递小哥', territoryId: ids.grid1.id, mobile: '13900003333' },
      gridIds: [ids.grid1.id],
      employment: 'part_time',
      occupation: 'courier',
      publishMobile: true,
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.data).toMatchObject({
      employment: 'part_time',
      occupation: 'courier',
      mobile: '13900003333',
    });
    expect(ok.json.data.grids[0].startsOn).toBe(shanghaiDay());
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const personId = await standalone(ids.grid1);
    const before = await auditCount();
    const cases: [unknown, string[]][] = [
      [{ gridIds: [ids.grid1.id], employment: 'full_time' }, ['personId']],
      [
        {
          personId,
          person: { name: '某人', territoryId: ids.grid1.id },
          gridIds: [ids.grid1.id],
          employment: 'full_time',
        },
        ['personId'],
      ],
      [{ personId, gridIds: [], employment: 'full_time' }, ['gridIds']],
      [{ personId, gridIds: [ids.grid1.id, ids.grid1.id], employment: 'full_time' }, ['gridIds']],
      [{ personId, gridIds: [ids.grid1.id], employment: 'sometimes' }, ['employment']],
      [{ personId, gridIds: [ids.grid1.id], employment: 'full_time', startsOn: '2026-02-30' }, ['startsOn']],
      [{ personId, gridIds: [ids.grid1.id], employment: 'full_time', startsOn: '0001-01-01' }, ['startsOn']],
      [{ personId, gridIds: [ids.community1.id], employment: 'full_time' }, ['gridIds.0']],
    ];
    for (const [body, fields] of cases) {
      const response = await appoint(secretary, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(
        response.json.error.details.map((d: { field: string }) => d.field).sort(),
        JSON.stringify(body),
      ).toEqual(fields);
    }
    expect(await rowsOf(personId)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('end: not after today, not before the start, only grids served', async () => {
    const personId = await standalone(ids.grid1);
    const made = await appoint(secretary, {
      personId,
      gridIds: [ids.grid1.id],
      employment: 'full_time',
      startsOn: '2024-05-01',
    });
    expect(made.status, made.text).toBe(201);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const cases: [unknown, string, string][] = [
      [{ endsOn: shanghaiDay(new Date(tomorrow.getTime() + 86_400_000)) }, 'endsOn', 'future'],
      [{ endsOn: '2024-04-30' }, 'endsOn', 'before_start'],
      [{ gridIds: [ids.grid2.id] }, 'gridIds.0', 'not_serving'],
    ];
    for (const [body, field, code] of cases) {
      const response = await end(secretary, personId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.details[0]).toMatchObject({ field, code });
    }
    expect((await end(secretary, personId, { endsOn: '2024-05-01' })).status).toBe(200);
    const again = await end(secretary, personId);
    expect(again.status).toBe(400);
    expect(again.json.error.details[0].code).toBe('not_serving');
  });
});

describe('scope', () => {
  it('a community secretary appoints only on grids of their community, persons of their scope, and sees nothing of another street', async () => {
    const here = await standalone(ids.grid1);
    const there = await standalone(ids.otherGrid);
    const before = await auditCount();
    expect(
      (await appoint(secretary, { personId: here, gridIds: [ids.otherGrid.id], employment: 'full_time' }))
        .status,
    ).toBe(404);
    expect(
      (
        await appoint(secretary, {
          personId: here,
          gridIds: [ids.community2.children[0]!.id],
          employment: 'full_time',
        })
      ).status,
    ).toBe(404);
    expect(
      (await appoint(secretary, { personId: there, gridIds: [ids.grid1.id], employment: 'full_time' }))
        .status,
    ).toBe(404);
    expect(await auditCount()).toBe(before);

    const outside = await appoint(admin, {
      personId: there,
      gridIds: [ids.otherGrid.id],
      employment: 'full_time',
    });
    expect(outside.status).toBe(201);
    for (const cookie of [secretary, street]) {
      expect((await t.request('GET', `/api/v1/grid-workers/${there}`, { cookie })).status).toBe(404);
      expect((await end(cookie, there)).status).toBe(404);
      const listed = await list(cookie);
      expect(listed.json.data.map((w: { personId: string }) => w.personId)).not.toContain(there);
      expect((await list(cookie, `&territoryId=${ids.otherGrid.id}`)).status).toBe(404);
    }
    expect((await rowsOf(there))[0]!.endsOn).toBeNull();
    // A worker serving a grid of the community is the secretary's to appoint elsewhere in it, though they live outside.
    const both = await appoint(admin, { personId: there, gridIds: [ids.grid2.id], employment: 'full_time' });
    expect(both.status).toBe(201);
    const fromSecretary = await t.request('GET', `/api/v1/grid-workers/${there}`, { cookie: secretary });
    expect(fromSecretary.status).toBe(200);
    // Ending "all" ends what lies inside the secretary's scope only.
    expect((await end(secretary, there)).status).toBe(200);
    const rows = await rowsOf(there);
    expect(rows.find((r) => r.gridId === ids.otherGrid.id)!.endsOn).toBeNull();
    expect(rows.find((r) => r.gridId === ids.grid2.id)!.endsOn).not.toBeNull();
    const [assignment] = await t.db
      .select()
      .from(roleAssignments)
      .innerJoin(persons, eq(persons.userId, roleAssignments.userId))
      .where(and(eq(persons.id, there), eq(roleAssignments.sourceKind, 'grid_worker')));
    expect(assignment!.role_assignments.scopeIds).toEqual([ids.otherGrid.id]);
  });

  it('a person whose account the caller could not manage is not appointed: a superior’s or another street’s 404, a peer’s 403; nothing changes', async () => {
    const userOf = async (username: string) =>
      (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
    const rolesOf = async (userId: string) =>
      (await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
        .map((r) => `${r.role}:${[...r.scopeIds].sort().join(',')}`)
        .sort();
    const newAccount = async (username: string, role: string, scopeKind: string, scopeId: string) => {
      const created = await t.request('POST', '/api/v1/accounts', {
        cookie: admin,
        body: {
          username,
          displayName: username,
          password: 'Initial-pass-1',
          roles: [{ role, scopeKind, scopeIds: [scopeId] }],
        },
      });
      expect(created.status, created.text).toBe(201);
      return created.json.data.id as string;
    };
    /** A person on the first grid whom the county administrator links to `userId`. */
    const linkedTo = async (userId: string) => {
      const personId = await standalone(ids.grid1);
      const linked = await t.request('PUT', `/api/v1/people/${personId}/account`, {
        cookie: admin,
        body: { userId },
      });
      expect(linked.status, linked.text).toBe(200);
      return personId;
    };
    const streetAdmin = await userOf(DEMO_ACCOUNT.street_admin);
    const otherStreetWorker = await newAccount('gw-other-street', 'grid_worker', 'grids', ids.otherGrid.id);
    const peer = await newAccount('gw-peer-worker', 'community_worker', 'community', ids.community1.id);
    const worker = await t.login(DEMO_ACCOUNT.community_worker);
    const cases = [
      { userId: streetAdmin, cookie: secretary, status: 404 },
      { userId: otherStreetWorker, cookie: secretary, status: 404 },
      { userId: peer, cookie: worker, status: 403 },
    ];
    for (const { userId, cookie, status } of cases) {
      const personId = await linkedTo(userId);
      const roles = await rolesOf(userId);
      const before = await auditCount();
      const response = await appoint(cookie, { personId, gridIds: [ids.grid1.id], employment: 'full_time' });
      expect(response.status, response.text).toBe(status);
      expect(await rolesOf(userId)).toEqual(roles);
      expect(await rowsOf(personId)).toEqual([]);
      expect(await auditCount()).toBe(before);
    }
    // A caller who could manage the account appoints: the secretary (above a community worker) gives the peer's
    // account the post's access.
    const personId = (await t.db.select().from(persons).where(eq(persons.userId, peer)))[0]!.id;
    const appointed = await appoint(secretary, {
      personId,
      gridIds: [ids.grid1.id],
      employment: 'full_time',
    });
    expect(appointed.status, appointed.text).toBe(201);
    expect(appointed.json.opened).toBeNull();
    expect(await rolesOf(peer)).toEqual([
      `community_worker:${ids.community1.id}`,
      `grid_worker:${ids.grid1.id}`,
    ]);
  });

  it('grid workers, branch secretaries and inspectors read; they cannot appoint', async () => {
    for (const role of ['grid_worker', 'branch_secretary', 'inspector'] as const) {
      const cookie = await t.login(DEMO_ACCOUNT[role]);
      expect((await list(cookie)).status).toBe(200);
      const response = await appoint(cookie, {
        personId: ids.grid1.id,
        gridIds: [ids.grid1.id],
        employment: 'full_time',
      });
      expect(response.status).toBe(403);
    }
    const gridCookie = await t.login(DEMO_ACCOUNT.grid_worker);
    const seen = await list(gridCookie);
    for (const w of seen.json.data) {
      expect(w.grids.some((g: { gridId: string }) => g.gridId === ids.grid1.id)).toBe(true);
    }
    for (const role of ['building_leader', 'party_member', 'resident'] as const) {
      expect((await list(await t.login(DEMO_ACCOUNT[role]))).status).toBe(403);
    }
  });
});

describe('lists and workload', () => {
  it('households per worker per grid, the worker’s load summed over grids, outliers above maxLoad, grids without a worker', async () => {
    const gridA = await insertTerritoryNode(t.db, {
      parent: community1(),
      level: 'grid',
      name: '负荷甲网格',
    });
    const gridB = await insertTerritoryNode(t.db, {
      parent: community1(),
      level: 'grid',
      name: '负荷乙网格',
    });
    for (let i = 0; i < 6; i++) {
      await insertHousehold(t.db, testKeys, { grid: gridA, members: [{ name: '户主' }] });
    }
    for (let i = 0; i < 3; i++) {
      await insertHousehold(t.db, testKeys, { grid: gridB, members: [{ name: '户主' }] });
    }
    const uncovered = await t.request(
      'GET',
      `/api/v1/grid-workers/grids?uncovered=true&territoryId=${ids.community1.id}`,
      { cookie: secretary },
    );
    expect(uncovered.json.data.map((g: { gridId: string }) => g.gridId).sort()).toEqual(
      [gridA.id, gridB.id].sort(),
    );
    expect(uncovered.json.summary.uncovered).toBe(2);

    const alone = await standalone(gridA, '13700001234');
    const pair = await standalone(gridA, '13700005678', true);
    expect(
      (await appoint(secretary, { personId: alone, gridIds: [gridA.id, gridB.id], employment: 'full_time' }))
        .status,
    ).toBe(201);
    expect(
      (await appoint(secretary, { personId: pair, gridIds: [gridA.id], employment: 'full_time' })).status,
    ).toBe(201);
    // Grid A: 6 households / 2 workers = 3; grid B: 3 / 1 = 3. The shared worker carries 6, the other 3.
    const grids = await t.request(
      'GET',
      `/api/v1/grid-workers/grids?territoryId=${ids.community1.id}&maxLoad=4`,
      { cookie: secretary },
    );
    const a = grids.json.data.find((g: { gridId: string }) => g.gridId === gridA.id);
    const b = grids.json.data.find((g: { gridId: string }) => g.gridId === gridB.id);
    expect(a).toMatchObject({
      households: 6,
      workers: 2,
      fullTime: 2,
      partTime: 0,
      loadPerWorker: 3,
      overloaded: false,
    });
    expect(b).toMatchObject({ households: 3, workers: 1, loadPerWorker: 3 });
    const over = await list(secretary, `&territoryId=${gridA.id}&maxLoad=5&overloaded=true`);
    expect(over.json.data.map((w: { personId: string }) => w.personId)).toEqual([alone]);
    expect(over.json.data[0]).toMatchObject({ load: 6, overloaded: true, mobile: '137****1234' });
    const all = await list(secretary, `&territoryId=${gridA.id}&maxLoad=5`);
    expect(all.json.data.map((w: { personId: string }) => w.personId).sort()).toEqual([alone, pair].sort());
    expect(all.json.data.find((w: { personId: string }) => w.personId === pair)).toMatchObject({
      load: 3,
      overloaded: false,
      mobile: '13700005678',
    });
    expect((await list(secretary, `&territoryId=${gridA.id}&occupation=courier`)).json.data).toEqual([]);
    expect((await list(secretary, `&territoryId=${gridA.id}&employment=full_time`)).json.page.total).toBe(2);
  });
});

describe('figures as of a day', () => {
  it('counts distinct persons serving a grid on the day, part-time apart; a past day sees who served then', async () => {
    const grid = await insertTerritoryNode(t.db, { parent: community1(), level: 'grid', name: '历史网格' });
    const other = await insertTerritoryNode(t.db, {
      parent: community1(),
      level: 'grid',
      name: '历史乙网格',
    });
    const a = await standalone(grid);
    const b = await standalone(grid);
    const c = await standalone(grid);
    await t.db.transaction(async (tx) => {
      // a: two grids since 2022 (counted once); b: 2022 to 2023-06-30; c: part-time since 2024.
      await insertGridWorker(tx, { personId: a, grid, startsOn: '2022-01-01' });
      await insertGridWorker(tx, { personId: a, grid: other, startsOn: '2022-06-01' });
      await insertGridWorker(tx, { personId: b, grid, startsOn: '2022-03-01', endsOn: '2023-06-30' });
      await insertGridWorker(tx, {
        personId: c,
        grid,
        employment: 'part_time',
        occupation: 'delivery_rider',
        startsOn: '2024-01-01',
      });
    });
    const figures = async (place: Node | { id: string }, to?: string) =>
      (
        await t.request('GET', `/api/v1/insights/figures?territoryId=${place.id}${to ? `&to=${to}` : ''}`, {
          cookie: admin,
        })
      ).json as { gridWorkers: number; partTimeGridWorkers: number };
    expect(await figures(grid, '2021-12-31')).toMatchObject({ gridWorkers: 0, partTimeGridWorkers: 0 });
    expect(await figures(grid, '2023-06-30')).toMatchObject({ gridWorkers: 2, partTimeGridWorkers: 0 });
    expect(await figures(grid, '2023-07-01')).toMatchObject({ gridWorkers: 1, partTimeGridWorkers: 0 });
    expect(await figures(grid)).toMatchObject({ gridWorkers: 2, partTimeGridWorkers: 1 });
    const community = await figures(ids.community1, '2023-01-01');
    const communityNow = await figures(ids.community1);
    expect(communityNow.gridWorkers).toBeGreaterThan(community.gridWorkers - 1);
    // Within scope: the secretary of another community... the street admin of another street sees none of it.
    const otherStreet = await t.login(DEMO_ACCOUNT.street_admin);
    const response = await t.request('GET', `/api/v1/insights/figures?territoryId=${ids.otherGrid.id}`, {
      cookie: otherStreet,
    });
    expect(response.status).toBe(404);
  });
});

describe('audit', () => {
  it('the appointment and the end are audited with the grids and dates', async () => {
    const personId = await standalone(ids.grid2);
    await appoint(street, {
      personId,
      gridIds: [ids.grid2.id],
      employment: 'full_time',
      startsOn: '2025-01-01',
    });
    await end(street, personId, { endsOn: '2025-12-31' });
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, personId), eq(auditLog.entityType, 'grid_worker')))
      .orderBy(auditLog.at);
    expect(rows.map((r) => [r.action, r.territoryCode])).toEqual([
      ['grid_worker.appointed', ids.grid2.code],
      ['grid_worker.ended', ids.grid2.code],
    ]);
    expect(rows[1]!.changes).toMatchObject({ endsOn: '2025-12-31', grids: [ids.grid2.code] });
    const [user] = await t.db
      .select()
      .from(users)
      .innerJoin(persons, eq(persons.userId, users.id))
      .where(eq(persons.id, personId));
    expect(user).toBeDefined();
  });
});
