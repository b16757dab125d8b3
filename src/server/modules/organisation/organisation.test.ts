import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { newId } from '../../core/db/ids.ts';
import { buildingChats, leaderTerms } from '../leaders/leaders.public.ts';
import { partyOrgPlaces, partyOrgs, partySecretaries } from '../party/party.public.ts';
import { insertPerson } from '../people/people.factories.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { shanghaiDay } from '../registry/registry.public.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';

type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid'; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let community: Node;
let otherCommunity: Node;
const today = shanghaiDay();

function addDays(days: number) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  community = tree[0]!.children[0]!.children[0]!;
  otherCommunity = tree[0]!.children[1]!.children[0]!;
});
afterAll(() => t.close());

/** A new grid of the secretary's community with one building of `rooms` households. */
async function newGridWithBuilding(rooms: string[], units = 1) {
  const grid = await insertTerritoryNode(t.db, { parent: community });
  const first = await insertHousehold(t.db, testKeys, {
    grid,
    building: { unitCount: units },
    room: rooms[0],
    members: [{ name: '住户甲' }],
  });
  for (const room of rooms.slice(1)) {
    await insertHousehold(t.db, testKeys, {
      buildingId: first.building.id,
      room,
      members: [{ name: '住户乙' }],
    });
  }
  return { grid, building: first.building };
}

async function person(name: string, grid: { code: string }, mobile: string | null, publish: boolean) {
  const id = await t.db.transaction((tx) =>
    insertPerson(tx, testKeys, { name, territoryCode: grid.code, mobile }),
  );
  if (publish) {
    await t.db.transaction((tx) => tx.update(persons).set({ publishMobile: true }).where(eq(persons.id, id)));
  }
  return id;
}

async function leaderTerm(buildingId: string, personId: string, startsOn: string, endsOn: string) {
  await insertRow(leaderTerms, {
    id: newId(),
    buildingId,
    personId,
    status: 'approved',
    nomination: 'organisation',
    startsOn,
    endsOn,
  });
}

/** Inserts rows in a transaction, as the services write: the coverage board's cache sees the write at once. */
async function insertRow<T extends PgTable>(table: T, values: T['$inferInsert']) {
  await t.db.transaction((tx) => tx.insert(table).values(values));
}

const board = async (cookie: string, query = '') => t.request('GET', `/api/v1/coverage${query}`, { cookie });

describe('coverage board', () => {
  it('lists a building without a leader until a term covers today, and a term ending within 30 days', async () => {
    const { grid, building } = await newGridWithBuilding(['101', '102']);
    let res = await board(admin, `?territoryId=${grid.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.data.buildingsWithoutLeader.rows).toMatchObject([
      { id: building.id, households: 2, gridCode: grid.code },
    ]);
    expect(res.json.data.buildingsWithoutLeader.total).toBe(1);

    const leader = await person('王楼长', grid, '13900002222', true);
    // A term that ended yesterday does not cover the building.
    await leaderTerm(building.id, leader, addDays(-400), addDays(-1));
    res = await board(admin, `?territoryId=${grid.id}`);
    expect(res.json.data.buildingsWithoutLeader.total).toBe(1);

    await leaderTerm(building.id, leader, today, addDays(10));
    res = await board(admin, `?territoryId=${grid.id}`);
    expect(res.json.data.buildingsWithoutLeader.total).toBe(0);
    expect(res.json.data.termsExpiring.rows).toMatchObject([
      { buildingId: building.id, personName: '王楼长', endsOn: addDays(10), reminded: false },
    ]);
  });

  it('lists grids without a worker or a branch, branches without a secretary, and overloaded workers', async () => {
    const { grid } = await newGridWithBuilding(['1', '2', '3', '4', '5']);
    let res = await board(admin, `?territoryId=${community.id}`);
    const codes = (list: { code: string }[]) => list.map((g) => g.code);
    expect(codes(res.json.data.gridsWithoutWorker.rows)).toContain(grid.code);
    expect(codes(res.json.data.gridsWithoutBranch.rows)).toContain(grid.code);

    const worker = await person('李网格', grid, null, false);
    await insertRow(gridWorkers, {
      id: newId(),
      personId: worker,
      gridId: grid.id,
      territoryCode: grid.code,
      employment: 'full_time',
      startsOn: addDays(-30),
    });
    const branchId = newId();
    await insertRow(partyOrgs, {
      id: branchId,
      kind: 'branch',
      communityCode: community.code,
      name: '新网格功能型党支部',
      startsOn: addDays(-30),
    });
    await insertRow(partyOrgPlaces, {
      orgId: branchId,
      placeKind: 'grid',
      placeId: grid.id,
      territoryCode: grid.code,
    });
    res = await board(admin, `?territoryId=${community.id}&maxLoad=4`);
    expect(codes(res.json.data.gridsWithoutWorker.rows)).not.toContain(grid.code);
    expect(codes(res.json.data.gridsWithoutBranch.rows)).not.toContain(grid.code);
    expect(res.json.data.branchesWithoutSecretary.rows.map((b: { id: string }) => b.id)).toContain(branchId);
    expect(res.json.data.workersOverLoad.rows).toContainEqual(
      expect.objectContaining({
        personId: worker,
        load: 5,
        grids: [expect.objectContaining({ households: 5 })],
      }),
    );
    res = await board(admin, `?territoryId=${community.id}&maxLoad=5`);
    expect(res.json.data.workersOverLoad.rows.map((w: { personId: string }) => w.personId)).not.toContain(
      worker,
    );

    await insertRow(partySecretaries, {
      id: newId(),
      orgId: branchId,
      personId: worker,
      startsOn: addDays(-1),
    });
    res = await board(admin, `?territoryId=${community.id}`);
    expect(res.json.data.branchesWithoutSecretary.rows.map((b: { id: string }) => b.id)).not.toContain(
      branchId,
    );
  });

  it('stays inside the caller’s scope: another community answers 404, the rest lies in their community', async () => {
    expect((await board(secretary, `?territoryId=${otherCommunity.id}`)).status).toBe(404);
    const res = await board(secretary);
    expect(res.status).toBe(200);
    for (const row of res.json.data.buildingsWithoutLeader.rows) {
      expect(row.gridCode.startsWith(community.code)).toBe(true);
    }
    for (const row of res.json.data.gridsWithoutWorker.rows) {
      expect(row.code.startsWith(community.code)).toBe(true);
    }
    const grid = await t.login(DEMO_ACCOUNT.grid_worker);
    expect((await board(grid)).status).toBe(403);
    expect((await t.request('GET', '/api/v1/coverage?maxLoad=0', { cookie: admin })).status).toBe(400);
  });
});

describe('contact cards and the building page (一卡一牌)', () => {
  it('gives one card per household in unit and room order, with published phones only, and a page behind the QR code', async () => {
    const { grid, building } = await newGridWithBuilding(['1201', '302', '101', '2101']);
    const leader = await person('赵楼长', grid, '13900003333', true);
    const worker = await person('钱网格', grid, '13900004444', false);
    await leaderTerm(building.id, leader, addDays(-10), addDays(355));
    await insertRow(gridWorkers, {
      id: newId(),
      personId: worker,
      gridId: grid.id,
      territoryCode: grid.code,
      employment: 'part_time',
      occupation: 'delivery_rider',
      startsOn: addDays(-10),
    });
    await insertRow(buildingChats, { buildingId: building.id, name: '幸福楼栋群', memberCount: 86 });

    const res = await t.request('GET', `/api/v1/buildings/${building.id}/service-cards`, {
      cookie: secretary,
    });
    expect(res.status, res.text).toBe(200);
    const cards = res.json.data;
    expect(cards.households.map((h: { room: string }) => h.room)).toEqual(['101', '302', '1201', '2101']);
    expect(cards.leaders).toEqual([
      { name: '赵楼长', phone: '13900003333', unitNumber: null, tags: [], termEndsOn: addDays(355) },
    ]);
    expect(cards.workers).toEqual([{ name: '钱网格', phone: null, employment: 'part_time' }]);
    expect(cards.chat).toEqual({ name: '幸福楼栋群', memberCount: 86, qrImage: null });
    expect(JSON.stringify(cards)).not.toContain('13900004444');

    const page = await t.request('GET', `/api/v1/public${cards.pagePath.replace('/b/', '/buildings/')}`);
    expect(page.status, page.text).toBe(200);
    expect(page.json.data.building).toMatchObject({ id: building.id, grid: expect.stringMatching(/网格/) });
    expect(page.json.data.leaders[0].phone).toBe('13900003333');
    expect(page.json.data).not.toHaveProperty('households');

    // A token for another building, a changed character or a bare id opens nothing.
    const token = cards.pagePath.slice('/b/'.length) as string;
    const other = (await newGridWithBuilding(['1'])).building.id;
    for (const bad of [
      `${other}.${token.split('.')[1]}`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      building.id,
      '..%2F..%2Fetc',
    ]) {
      expect((await t.request('GET', `/api/v1/public/buildings/${bad}`)).status).toBe(404);
    }
  });

  it('answers 404 for a building outside the caller’s scope', async () => {
    const outside = await insertHousehold(t.db, testKeys, {
      grid: otherCommunity.children[0]!,
      members: [{ name: '外社区' }],
    });
    const res = await t.request('GET', `/api/v1/buildings/${outside.building.id}/service-cards`, {
      cookie: secretary,
    });
    expect(res.status).toBe(404);
  });
});

describe('a place’s print set (every building’s cards at once)', () => {
  it('gives every building of a grid with its cards, in building and room order, and refuses a set too large', async () => {
    const { grid, building } = await newGridWithBuilding(['502', '101']);
    const second = await insertHousehold(t.db, testKeys, {
      grid,
      room: '201',
      members: [{ name: '住户丙' }],
    });
    const leader = await person('孙楼长', grid, '13900005555', true);
    await leaderTerm(second.building.id, leader, addDays(-1), addDays(300));

    const res = await t.request('GET', `/api/v1/territories/${grid.id}/service-cards`, { cookie: secretary });
    expect(res.status, res.text).toBe(200);
    const set = res.json.data as {
      place: { id: string; level: string };
      households: number;
      buildings: {
        building: { id: string };
        households: { room: string }[];
        leaders: { name: string }[];
        pagePath: string;
      }[];
    };
    expect(set.place).toMatchObject({ id: grid.id, level: 'grid' });
    expect(set.households).toBe(3);
    const byId = new Map(set.buildings.map((b) => [b.building.id, b]));
    expect(byId.get(building.id)!.households.map((h) => h.room)).toEqual(['101', '502']);
    expect(byId.get(second.building.id)!.leaders.map((l) => l.name)).toEqual(['孙楼长']);
    expect(byId.get(building.id)!.leaders).toEqual([]);
    expect(new Set(set.buildings.map((b) => b.pagePath)).size).toBe(2);

    const { placeServiceCards } = await import('./service-cards.service.ts');
    const scope = { all: false, codes: [grid.code], buildingIds: [], self: false };
    await expect(placeServiceCards(t.db, testKeys, scope, grid.id, 2)).rejects.toMatchObject({
      code: 'CARDS_TOO_MANY',
    });
  });

  it('answers 404 for a place outside the caller’s scope', async () => {
    const res = await t.request('GET', `/api/v1/territories/${otherCommunity.id}/service-cards`, {
      cookie: secretary,
    });
    expect(res.status).toBe(404);
  });
});

describe('who serves a place', () => {
  it('names each grid’s workers and branch secretary and each building’s leaders, phones only where published', async () => {
    const { grid, building } = await newGridWithBuilding(['101']);
    const leader = await person('孙楼长', grid, '13900005555', false);
    const worker = await person('周网格', grid, '13900006666', true);
    const secretaryId = await person('吴书记', grid, '13900007777', true);
    await leaderTerm(building.id, leader, addDays(-1), addDays(300));
    await insertRow(gridWorkers, {
      id: newId(),
      personId: worker,
      gridId: grid.id,
      territoryCode: grid.code,
      employment: 'full_time',
      startsOn: addDays(-5),
    });
    const branchId = newId();
    await insertRow(partyOrgs, {
      id: branchId,
      kind: 'branch',
      communityCode: community.code,
      name: '周网格党支部',
      startsOn: addDays(-30),
    });
    await insertRow(partyOrgPlaces, {
      orgId: branchId,
      placeKind: 'grid',
      placeId: grid.id,
      territoryCode: grid.code,
    });
    await insertRow(partySecretaries, {
      id: newId(),
      orgId: branchId,
      personId: secretaryId,
      startsOn: addDays(-3),
    });

    const res = await t.request('GET', `/api/v1/territories/${grid.id}/servants`, { cookie: secretary });
    expect(res.status, res.text).toBe(200);
    expect(res.json.data.grids).toEqual([
      {
        id: grid.id,
        code: grid.code,
        name: expect.any(String),
        workers: [{ name: '周网格', phone: '13900006666', employment: 'full_time' }],
        branch: { name: '周网格党支部', secretary: { name: '吴书记', phone: '13900007777' } },
      },
    ]);
    expect(res.json.data.buildings).toEqual([
      { buildingId: building.id, leaders: [{ name: '孙楼长', phone: null, unitNumber: null }] },
    ]);
    const outside = await t.request('GET', `/api/v1/territories/${otherCommunity.id}/servants`, {
      cookie: secretary,
    });
    expect(outside.status).toBe(404);
  });
});
