import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { jpegPhoto } from '../../../../tests/support/photos.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { newId } from '../../core/db/ids.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { moveBuildingsToGrids } from '../registry/registry.public.ts';
import { followBuildingGrids } from './rounds.public.ts';

/*
 * A round's households after a grid plan, and the round's other edges an attacker would try: calls and photos once it
 * is closed, a visit's client id sent again by someone else, a flood of unknown checklist answers.
 */

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let community: Node;
let grid: Node;
let otherGrid: Node;

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
  otherGrid = community.children[1]!;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });

async function openRound(territoryId: string, name = '走访核查') {
  const response = await post(
    '/rounds',
    { territoryId, name, startsOn: '2026-11-01', endsOn: '2026-12-31' },
    secretary,
  );
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}

const visit = (roundId: string, householdId: string, cookie: string, clientId = newId()) =>
  post(`/rounds/${roundId}/visits`, { clientId, householdId, outcome: 'met' }, cookie);

async function uploadPhoto(visitId: string, cookie: string) {
  const form = new FormData();
  form.set('visitId', visitId);
  form.set('photo', new File([new Uint8Array(jpegPhoto())], 'p.jpg', { type: 'image/jpeg' }));
  const response = await t.app.request('/api/v1/rounds/visit-photos', {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  return { status: response.status, json: JSON.parse(await response.text()) };
}

/** A round's per-grid counters as stored, and as counted from its household list: they must agree. */
async function countersOf(roundId: string) {
  const stored = await rowsOf<{ grid: string; households: number; visited: number; covered: number }>(
    t.db,
    sql`select grid_id::text as grid, households, visited, covered from round_grids
      where round_id = ${roundId}::uuid order by grid_id`,
  );
  const counted = await rowsOf<{ grid: string; households: number; visited: number; covered: number }>(
    t.db,
    sql`select grid_id::text as grid, count(*)::int as households,
        (count(*) filter (where visits > 0))::int as visited, (count(*) filter (where state <> 'pending'))::int as covered
      from round_households where round_id = ${roundId}::uuid group by grid_id order by grid_id`,
  );
  const [round] = await rowsOf<{ households: number }>(
    t.db,
    sql`select households from rounds where id = ${roundId}::uuid`,
  );
  return { stored, counted, total: round!.households };
}

const placeOf = async (roundId: string, householdId: string) =>
  (
    await rowsOf<{ grid: string; code: string }>(
      t.db,
      sql`select grid_id::text as grid, territory_code as code from round_households
        where round_id = ${roundId}::uuid and household_id = ${householdId}::uuid`,
    )
  )[0];

describe('open rounds follow a grid plan', () => {
  it('a household moved to another grid is visited, called and read by who serves it now, not by its old grid’s worker; the counters follow', async () => {
    const away = await insertHousehold(t.db, testKeys, {
      grid,
      room: '901',
      members: [{ name: '迁网格户主', phone: '13712345678' }],
    });
    const toward = await insertHousehold(t.db, testKeys, {
      grid: otherGrid,
      room: '902',
      members: [{ name: '迁入网格户主', phone: '13712345679' }],
    });
    const communityRound = await openRound(community.id, '社区走访');
    const gridRound = await openRound(grid.id, '网格走访');
    const closedRound = await openRound(grid.id, '已结束的走访');
    const before = await visit(communityRound, away.household.id, gridWorker);
    expect(before.status, before.text).toBe(201);
    expect((await visit(gridRound, away.household.id, gridWorker)).status).toBe(201);
    expect((await post(`/rounds/${closedRound}/close`, { reason: '提前结束' }, secretary)).status).toBe(200);
    // Before the plan the worker serves `away` and not `toward`.
    expect((await visit(communityRound, toward.household.id, gridWorker)).status).toBe(404);
    const gridRoundBefore = await countersOf(gridRound);
    const closedBefore = await rowsOf(
      t.db,
      sql`select * from round_households where round_id = ${closedRound}::uuid order by household_id`,
    );

    await t.db.transaction(async (tx) => {
      await moveBuildingsToGrids(
        tx,
        [
          { buildingId: away.building.id, gridId: otherGrid.id, gridCode: otherGrid.code },
          { buildingId: toward.building.id, gridId: grid.id, gridCode: grid.code },
        ],
        new Date(),
      );
      await followBuildingGrids(tx, [away.building.id, toward.building.id]);
    });

    // The community's round: both stay, on their new grids; the worker now acts on `toward` only.
    expect(await placeOf(communityRound, away.household.id)).toEqual({
      grid: otherGrid.id,
      code: otherGrid.code,
    });
    expect(await placeOf(communityRound, toward.household.id)).toEqual({ grid: grid.id, code: grid.code });
    expect((await visit(communityRound, away.household.id, gridWorker)).status).toBe(404);
    const awayCall = await post(
      `/rounds/${communityRound}/calls`,
      { residentId: away.members[0]!.id },
      gridWorker,
    );
    expect(awayCall.status).toBe(404);
    expect(awayCall.text).not.toContain('13712345678');
    const list = await get(`/rounds/${communityRound}/households?buildingId=${away.building.id}`, gridWorker);
    expect(list.json.data).toHaveLength(0);
    expect((await get(`/round-visits/${before.json.data.id}/photo`, gridWorker)).status).toBe(404);
    expect((await visit(communityRound, toward.household.id, gridWorker)).status).toBe(201);
    const towardCall = await post(
      `/rounds/${communityRound}/calls`,
      { residentId: toward.members[0]!.id },
      gridWorker,
    );
    expect(towardCall.status, towardCall.text).toBe(200);
    expect(towardCall.json.data.phone).toBe('13712345679');
    // The visit made before the plan is read where the household is now (the secretary sees it under otherGrid).
    const [moved] = await rowsOf<{ code: string }>(
      t.db,
      sql`select territory_code as code from round_visits where id = ${before.json.data.id}::uuid`,
    );
    expect(moved!.code).toBe(otherGrid.code);
    const communityCounters = await countersOf(communityRound);
    expect(communityCounters.stored).toEqual(communityCounters.counted);
    expect(communityCounters.total).toBe(communityCounters.counted.reduce((sum, g) => sum + g.households, 0));

    // The grid's round: `away` is another grid's now and leaves it; `toward` was not listed when it opened.
    expect(await placeOf(gridRound, away.household.id)).toBeUndefined();
    expect(await placeOf(gridRound, toward.household.id)).toBeUndefined();
    const gridCounters = await countersOf(gridRound);
    expect(gridCounters.stored).toEqual(gridCounters.counted);
    expect(gridCounters.total).toBe(gridRoundBefore.total - 1);
    expect(gridCounters.stored[0]!.visited).toBe(gridRoundBefore.stored[0]!.visited - 1);

    // A closed round keeps the grids it was done in.
    expect(
      await rowsOf(
        t.db,
        sql`select * from round_households where round_id = ${closedRound}::uuid order by household_id`,
      ),
    ).toEqual(closedBefore);
  });

  it('a plan applied through the planner moves the open round’s households with their buildings', async () => {
    const roundId = await openRound(community.id, '规划前的走访');
    const planned = await post(
      '/planner/proposals',
      {
        territoryId: community.id,
        mode: 'fresh',
        gridCount: community.children.length + 1,
        seed: 5,
        timeLimitMs: 1000,
      },
      secretary,
    );
    expect(planned.status, planned.text).toBe(201);
    expect(planned.json.data.changes.length).toBeGreaterThan(0);
    const applied = await post(`/planner/proposals/${planned.json.data.id}/apply`, undefined, secretary);
    expect(applied.status, applied.text).toBe(200);
    const [astray] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from round_households rh join buildings b on b.id = rh.building_id
        where rh.round_id = ${roundId}::uuid and (rh.grid_id <> b.grid_id or rh.territory_code <> b.territory_code)`,
    );
    expect(astray!.n).toBe(0);
    const counters = await countersOf(roundId);
    expect(counters.stored).toEqual(counters.counted);
  });
});

describe('a round’s edges', () => {
  it('a closed round gives no resident’s number and takes no photo', async () => {
    const home = await insertHousehold(t.db, testKeys, {
      grid,
      room: '903',
      members: [{ name: '关闭后户主', phone: '13612345678' }],
    });
    const roundId = await openRound(community.id, '将结束的走访');
    const recorded = await visit(roundId, home.household.id, gridWorker);
    expect(recorded.status).toBe(201);
    expect((await uploadPhoto(recorded.json.data.id, gridWorker)).status).toBe(200);
    expect((await post(`/rounds/${roundId}/close`, { reason: '结束' }, secretary)).status).toBe(200);

    const call = await post(`/rounds/${roundId}/calls`, { residentId: home.members[0]!.id }, gridWorker);
    expect(call.status).toBe(409);
    expect(call.json.error.code).toBe('ROUND_CLOSED_FOR_CALLS');
    expect(call.text).not.toContain('13612345678');
    const photo = await uploadPhoto(recorded.json.data.id, gridWorker);
    expect(photo.status).toBe(409);
    expect(photo.json.error.code).toBe('ROUND_CLOSED_FOR_PHOTOS');
    const [audits] = await rowsOf<{ calls: number; photos: number }>(
      t.db,
      sql`select (count(*) filter (where action = 'round.resident_called'))::int as calls,
          (count(*) filter (where action = 'round.visit_photo_attached'))::int as photos
        from audit_log where entity_id in (${home.members[0]!.id}, ${recorded.json.data.id})`,
    );
    expect(audits).toEqual({ calls: 0, photos: 1 });
  });

  it('a visit’s client id is answered with its visit only to its visitor for the same household; anyone else gets 409', async () => {
    const first = await insertHousehold(t.db, testKeys, { grid, room: '904' });
    const second = await insertHousehold(t.db, testKeys, { grid, room: '905' });
    const roundId = await openRound(community.id, '编号核查');
    const clientId = newId();
    const stored = await post(
      `/rounds/${roundId}/visits`,
      { clientId, householdId: first.household.id, outcome: 'refused', note: '管理员的备注' },
      admin,
    );
    expect(stored.status, stored.text).toBe(201);
    for (const [cookie, householdId] of [
      [gridWorker, second.household.id],
      [gridWorker, first.household.id],
      [admin, second.household.id],
    ] as const) {
      const again = await visit(roundId, householdId, cookie, clientId);
      expect(again.status, again.text).toBe(409);
      expect(again.json.error.code).toBe('ROUND_VISIT_CLIENT_ID_TAKEN');
      expect(again.text).not.toContain('管理员的备注');
    }
    // Sent again by its visitor for its household: the stored visit, once.
    const replay = await post(
      `/rounds/${roundId}/visits`,
      { clientId, householdId: first.household.id, outcome: 'refused', note: '管理员的备注' },
      admin,
    );
    expect(replay.status).toBe(200);
    expect(replay.json.data.id).toBe(stored.json.data.id);
    const [count] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from round_visits where round_id = ${roundId}::uuid`,
    );
    expect(count!.n).toBe(1);
  });

  it('thousands of unknown checklist answers get a short answer: at most 20 field details', async () => {
    const home = await insertHousehold(t.db, testKeys, { grid, room: '906' });
    const roundId = await openRound(community.id, '清单核查');
    const answers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q${i}`, true]));
    const response = await post(
      `/rounds/${roundId}/visits`,
      { clientId: newId(), householdId: home.household.id, outcome: 'met', answers },
      gridWorker,
    );
    expect(response.status).toBe(400);
    expect(response.json.error.details.length).toBe(20);
    expect(response.json.error.details[0].field).toBe('answers.q0');
  });
});
