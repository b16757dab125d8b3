import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { decrypt } from '../../core/auth/personal-data.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { idCardBirthDate, idCardGender, idCardProblem, makeIdCard } from './id-card.ts';
import { buildResident, insertHousehold, type HouseholdInsertSpec } from './registry.factories.ts';
import { parseAddressQuery } from './registry.households.ts';
import { buildings, households, registryHistory, residents, residentTags } from './registry.tables.ts';
import { territories } from '../territory/territory.tables.ts';

let t: TestApp;
let admin: string;
let firstGrid: { id: string; code: string };
let otherGrid: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const grids = await t.db
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(eq(territories.level, 'grid'))
    .orderBy(territories.code);
  firstGrid = grids[0]!;
  otherGrid = grids[grids.length - 1]!;
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.request('GET', url, { cookie });
const countWhere = async (table: typeof residents | typeof households, where: ReturnType<typeof sql>) => {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row!.n;
};

/** A household on the grid, inserted with the registry's factory (a new building, unit 1). */
const newHousehold = (grid: { id: string; code: string }, spec: HouseholdInsertSpec = {}) =>
  insertHousehold(t.db, testKeys, { grid, ...spec });

async function someResident(gridCode: string) {
  const [row] = await t.db
    .select()
    .from(residents)
    .where(and(eq(residents.territoryCode, gridCode), isNull(residents.movedOutAt)))
    .orderBy(residents.id)
    .limit(1);
  return row!;
}

describe('finding residents', () => {
  it('finds a resident by whole ID-card number and by mobile number through the blind index', async () => {
    const {
      members: [row],
    } = await newHousehold(firstGrid, { members: [{ phone: '13900007777' }] });
    const [idCard, phone] = [row!.idCard!, row!.phone!];
    const byId = await get(admin, `/api/v1/residents?q=${idCard}`);
    expect(byId.json.data.map((r: { id: string }) => r.id)).toEqual([row!.id]);
    const byPhone = await get(admin, `/api/v1/residents?q=${phone}`);
    expect(byPhone.json.data.map((r: { id: string }) => r.id)).toEqual([row!.id]);
    // Masked in the answer.
    expect(byId.json.data[0].idCard).toMatch(/^\*{14}[\dX]{4}$/);
    expect(byId.json.data[0].idCard).not.toBe(idCard);
    expect(byId.json.data[0].phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });

  it('finds residents by the start of a name and by key-population tag, counting like the database', async () => {
    const someone = await someResident(firstGrid.code);
    const surname = someone.name.slice(0, 1);
    const response = await get(admin, `/api/v1/residents?q=${encodeURIComponent(surname)}&pageSize=5`);
    const named = await countWhere(
      residents,
      sql`${residents.name} like ${surname + '%'} and ${residents.movedOutAt} is null`,
    );
    expect(response.json.page.total).toBe(named);
    expect(response.json.page.totalCapped).toBeUndefined();
    const tagged = await get(admin, '/api/v1/residents?tag=elderly_alone&pageSize=200');
    const [direct] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residentTags)
      .innerJoin(residents, eq(residents.id, residentTags.residentId))
      .where(and(eq(residentTags.tag, 'elderly_alone'), isNull(residents.movedOutAt)));
    expect(tagged.json.page.total).toBe(direct!.n);
    expect(tagged.json.data.every((r: { age: number }) => r.age >= 65)).toBe(true);
  });

  it('pages names in code-point order with no gaps or repeats, and counts a county-wide list exactly', async () => {
    const all = await get(admin, '/api/v1/residents?pageSize=5');
    expect(all.json.page.total).toBe(await countWhere(residents, sql`${residents.movedOutAt} is null`));
    // A grid's list is far below the cap: exact, and its pages join up in (name, id) order.
    const active = sql`${residents.territoryCode} = ${firstGrid.code} and ${residents.movedOutAt} is null`;
    const expected = await t.db
      .select({ id: residents.id, name: residents.name })
      .from(residents)
      .where(active)
      .then((rows) =>
        rows.sort((a, b) =>
          a.name === b.name
            ? a.id < b.id
              ? -1
              : 1
            : Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)),
        ),
      );
    const seen: string[] = [];
    for (let page = 1; seen.length < expected.length; page++) {
      const response = await get(
        admin,
        `/api/v1/residents?territoryId=${firstGrid.id}&pageSize=200&page=${page}`,
      );
      expect(response.json.page).toMatchObject({ total: expected.length });
      expect(response.json.data.length).toBeGreaterThan(0);
      seen.push(...response.json.data.map((r: { id: string }) => r.id));
    }
    expect(seen).toEqual(expected.map((r) => r.id));
    const pastTheEnd = await get(admin, `/api/v1/residents?territoryId=${firstGrid.id}&pageSize=200&page=99`);
    expect(pastTheEnd.json).toMatchObject({ data: [], page: { total: expected.length } });
  });

  it('finds a household by address and shows its card with members', async () => {
    const { household, building, members } = await newHousehold(firstGrid, {
      building: { name: '地址测试家园1号楼', unitCount: 2 },
      room: '302',
      members: [
        { name: '户主甲' },
        { name: '配偶乙', gender: 'female', relation: 'spouse' },
        { name: '子女丙', relation: 'child' },
      ],
    });
    const found = await get(
      admin,
      `/api/v1/households?q=${encodeURIComponent(`${building.name} 1单元 302`)}`,
    );
    expect(found.json.data.map((h: { id: string }) => h.id)).toEqual([household.id]);
    const otherUnit = await get(
      admin,
      `/api/v1/households?q=${encodeURIComponent(`${building.name} 2单元 302`)}`,
    );
    expect(otherUnit.json.data).toEqual([]);
    const card = await get(admin, `/api/v1/households/${household.id}`);
    expect(card.status).toBe(200);
    expect(card.json.data.size).toBe(3);
    expect(card.json.data.members.map((m: { id: string }) => m.id).sort()).toEqual(
      members.map((m) => m.id).sort(),
    );
    expect(card.json.data.address).toBe(`${building.name}1单元302室`);
  });

  it('parses addresses typed the way people type them', () => {
    expect(parseAddressQuery('幸福家园3号楼 2单元 302')).toEqual({
      building: '幸福家园3号楼',
      unit: 2,
      room: '302',
    });
    expect(parseAddressQuery('幸福家园3号楼')).toEqual({
      building: '幸福家园3号楼',
      unit: undefined,
      room: undefined,
    });
  });
});

describe('scope and masking per role', () => {
  it('a grid worker sees only their grid’s residents; another grid’s resident is 404', async () => {
    const grid = await t.login('grid');
    const list = await get(grid, '/api/v1/residents?pageSize=200');
    expect(list.json.page.total).toBe(
      await countWhere(
        residents,
        sql`${residents.territoryCode} = ${firstGrid.code} and ${residents.movedOutAt} is null`,
      ),
    );
    const {
      household,
      members: [outside],
    } = await newHousehold(otherGrid, { members: [{}] });
    expect((await get(admin, `/api/v1/residents/${outside!.id}`)).status).toBe(200);
    expect((await get(grid, `/api/v1/residents/${outside!.id}`)).status).toBe(404);
    expect((await get(grid, `/api/v1/households/${household.id}`)).status).toBe(404);
  });

  it('a whole ID-card number finds a resident only inside the caller’s scope, and a moved-out one only on request', async () => {
    const grid = await t.login('grid');
    const idCardOf = async (place: { id: string; code: string }) => {
      const { members } = await newHousehold(place, { members: [{}] });
      return { id: members[0]!.id, idCard: members[0]!.idCard! };
    };
    const inside = await idCardOf(firstGrid);
    const outside = await idCardOf(otherGrid);
    const ids = async (cookie: string, q: string, more = '') =>
      (await get(cookie, `/api/v1/residents?q=${q}${more}`)).json as {
        data: { id: string }[];
        page: { total: number };
      };
    expect((await ids(grid, inside.idCard)).data.map((r) => r.id)).toEqual([inside.id]);
    expect(await ids(grid, outside.idCard)).toMatchObject({ data: [], page: { total: 0 } });
    expect((await ids(admin, outside.idCard)).data.map((r) => r.id)).toEqual([outside.id]);
    // Narrowed to another grid, the same number finds nobody.
    expect((await ids(admin, outside.idCard, `&territoryId=${firstGrid.id}`)).data).toEqual([]);

    const moved = await t.request('POST', `/api/v1/residents/${outside.id}/move-out`, {
      cookie: admin,
      body: { note: '迁往外县' },
    });
    expect(moved.status, moved.text).toBeLessThan(300);
    expect((await ids(admin, outside.idCard)).data).toEqual([]);
    expect((await ids(admin, outside.idCard, '&includeMovedOut=true')).data.map((r) => r.id)).toEqual([
      outside.id,
    ]);
  });

  it('a building leader sees only their building’s residents, masked, and cannot reveal', async () => {
    const leader = await t.login('leader');
    const me = (await get(leader, '/api/v1/me')).json.data;
    const buildingId = me.roles[0].scopeIds[0] as string;
    const list = await get(leader, '/api/v1/residents?pageSize=200');
    expect(list.json.page.total).toBe(
      await countWhere(
        residents,
        sql`${residents.buildingId} = ${buildingId} and ${residents.movedOutAt} is null`,
      ),
    );
    expect(list.json.page.total).toBeGreaterThan(0);
    const first = list.json.data[0];
    expect((await t.request('POST', `/api/v1/residents/${first.id}/reveal`, { cookie: leader })).status).toBe(
      403,
    );
  });

  it('a community worker reveals a resident’s ID card and phone, and the reveal is audited', async () => {
    const worker = await t.login('worker');
    const {
      members: [row],
    } = await newHousehold(firstGrid, { members: [{ phone: '13900008888', birthDate: '1970-03-29' }] });
    const revealed = await t.request('POST', `/api/v1/residents/${row!.id}/reveal`, { cookie: worker });
    expect(revealed.status).toBe(200);
    expect(revealed.json.data).toEqual({
      idCard: row!.idCard,
      phone: '13900008888',
      birthDate: '1970-03-29',
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'personal.revealed')));
    expect(audits).toHaveLength(1);
  });

  it('roles without resident:read get 403', async () => {
    const party = await t.login('party');
    expect((await get(party, '/api/v1/residents')).status).toBe(403);
  });
});

describe('changes keep their history', () => {
  it('registers a resident, taking gender and birth date from the ID card, with ID card encrypted at rest', async () => {
    const household = (
      await get(admin, `/api/v1/households?territoryId=${firstGrid.id}&kind=permanent&pageSize=1`)
    ).json.data[0];
    const idCard = makeIdCard('379901', new Date(Date.UTC(2001, 4, 20)), 246);
    const response = await t.request('POST', '/api/v1/residents', {
      cookie: admin,
      body: {
        householdId: household.id,
        name: '测试新居民',
        idCard,
        phone: '13800001234',
        relation: 'child',
        tags: [{ tag: 'disabled', careLevel: 2 }],
      },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.data.gender).toBe('female');
    // An age, not the birth date (docs/ARCHITECTURE.md, "Masking rule"); the birth date is stored.
    expect(response.json.data.birthDate).toBeUndefined();
    expect(response.json.data.age).toBeGreaterThanOrEqual(25);
    const [row] = await t.db.select().from(residents).where(eq(residents.id, response.json.data.id));
    expect(row!.birthDate).toBe('2001-05-20');
    expect(row!.idCardEnc).not.toContain(idCard);
    const duplicate = await t.request('POST', '/api/v1/residents', {
      cookie: admin,
      body: { householdId: household.id, name: '重复的人', idCard, relation: 'other' },
    });
    expect(duplicate.status).toBe(409);
    const mismatch = await t.request('POST', '/api/v1/residents', {
      cookie: admin,
      body: {
        householdId: household.id,
        name: '不一致',
        idCard: makeIdCard('379901', new Date(Date.UTC(1980, 0, 1)), 11),
        gender: 'female',
        relation: 'other',
      },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.details[0].field).toBe('gender');
    // A birth date the format allows but no one has (year 0000 failed in the database: a 500), or in the future.
    const [{ n: before }] = (await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from residents`,
    )) as [{ n: number }];
    for (const birthDate of ['0000-01-01', '1899-12-31', '2999-01-01']) {
      const odd = await t.request('POST', '/api/v1/residents', {
        cookie: admin,
        body: { householdId: household.id, name: '生日核查', birthDate, gender: 'male', relation: 'other' },
      });
      expect(odd.status, birthDate).toBe(400);
      expect(odd.json.error.details[0].field).toBe('birthDate');
    }
    const [{ n: after }] = (await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from residents`,
    )) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('editing one field keeps every other field, tags included, and records the change', async () => {
    const {
      members: [tagged],
    } = await newHousehold(firstGrid, {
      members: [
        {
          politicalStatus: 'party_member',
          residency: 'registered_away',
          phone: '13900009999',
          tags: [
            ['disabled', 2],
            ['veteran', 1],
          ],
        },
      ],
    });
    const before = (await get(admin, `/api/v1/residents/${tagged!.id}`)).json.data;
    expect(before.tags).toHaveLength(2);
    const response = await t.request('PATCH', `/api/v1/residents/${tagged!.id}`, {
      cookie: admin,
      body: { note: '行动不便' },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json.data.note).toBe('行动不便');
    expect(response.json.data.tags).toEqual(before.tags);
    expect(response.json.data.politicalStatus).toBe(before.politicalStatus);
    expect(response.json.data.residency).toBe(before.residency);
    expect(response.json.data.idCard).toBe(before.idCard);
    expect(response.json.data.phone).toBe(before.phone);
    expect(response.json.data.history[0].details).toEqual({ fields: ['note'] });
  });

  it('moving a resident between households keeps where they came from', async () => {
    const {
      members: [row],
    } = await newHousehold(firstGrid, { members: [{}, {}] });
    const vacant = await newHousehold(firstGrid, { kind: 'vacant', room: '502' });
    const target = (await get(admin, `/api/v1/households/${vacant.household.id}`)).json.data;
    expect(target.members).toEqual([]);
    const moved = await t.request('POST', `/api/v1/residents/${row!.id}/move`, {
      cookie: admin,
      body: { householdId: target.id, relation: 'head' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.data.householdId).toBe(target.id);
    const event = moved.json.data.history.find((h: { event: string }) => h.event === 'moved');
    expect(event.fromHouseholdId).toBe(row!.householdId);
    expect(event.toHouseholdId).toBe(target.id);
    const from = (await get(admin, `/api/v1/households/${row!.householdId}`)).json.data;
    expect(event.fromAddress).toBe(from.address);
    expect(event.toAddress).toBe(target.address);
    expect(event.toAddress).toBe(`${vacant.building.name}1单元502室`);
    expect(from.members).toHaveLength(1);
    const card = (await get(admin, `/api/v1/households/${target.id}`)).json.data;
    expect(card.members.map((m: { id: string }) => m.id)).toEqual([row!.id]);
  });

  it('a household moving out takes its members with it and keeps the records', async () => {
    const { household, members } = await newHousehold(firstGrid, {
      members: [{ name: '搬离甲' }, { name: '搬离乙' }, { name: '搬离丙' }],
    });
    const response = await t.request('POST', `/api/v1/households/${household.id}/move-out`, {
      cookie: admin,
      body: { note: '搬离本县' },
    });
    expect(response.status).toBe(204);
    for (const m of members) {
      const detail = (await get(admin, `/api/v1/residents/${m.id}`)).json.data;
      expect(detail.movedOutAt).not.toBeNull();
      expect(detail.history[0].event).toBe('moved_out');
      expect(detail.history[0].fromHouseholdId).toBe(household.id);
    }
    const history = await t.db
      .select()
      .from(registryHistory)
      .where(eq(registryHistory.entityId, household.id));
    expect(history.map((h) => h.event)).toContain('moved_out');
    const search = await get(
      admin,
      `/api/v1/residents?q=${encodeURIComponent('搬离甲')}&includeMovedOut=true`,
    );
    expect(search.json.data.map((r: { id: string }) => r.id)).toContain(members[0]!.id);
    const current = await get(admin, `/api/v1/residents?q=${encodeURIComponent('搬离甲')}`);
    expect(current.json.data.map((r: { id: string }) => r.id)).not.toContain(members[0]!.id);
  });
});

describe('fact sheet and figures', () => {
  it('the grid fact sheet’s numbers equal direct counts', async () => {
    const sheet = (await get(admin, `/api/v1/territories/${firstGrid.id}/fact-sheet`)).json.data;
    const code = firstGrid.code;
    expect(sheet.households.total).toBe(
      await countWhere(
        households,
        sql`${households.territoryCode} = ${code} and ${households.movedOutAt} is null`,
      ),
    );
    expect(sheet.households.vacant).toBe(
      await countWhere(
        households,
        sql`${households.territoryCode} = ${code} and ${households.movedOutAt} is null and ${households.kind} = 'vacant'`,
      ),
    );
    const residentsTotal = await countWhere(
      residents,
      sql`${residents.territoryCode} = ${code} and ${residents.movedOutAt} is null`,
    );
    expect(sheet.residents.total).toBe(residentsTotal);
    const pyramidTotal = sheet.agePyramid.reduce(
      (s: number, b: { male: number; female: number }) => s + b.male + b.female,
      0,
    );
    expect(pyramidTotal).toBe(residentsTotal);
    const [tagged] = await t.db
      .select({ n: sql<number>`count(distinct ${residents.id})::int` })
      .from(residents)
      .innerJoin(residentTags, eq(residentTags.residentId, residents.id))
      .where(and(eq(residents.territoryCode, code), isNull(residents.movedOutAt)));
    expect(sheet.keyPopulation.total).toBe(tagged!.n);
    const [buildingCount] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(buildings)
      .where(eq(buildings.gridId, firstGrid.id));
    expect(sheet.buildings).toHaveLength(buildingCount!.n);
    expect(sheet.buildings.reduce((s: number, b: { households: number }) => s + b.households, 0)).toBe(
      sheet.households.total,
    );
    expect(sheet.buildings.reduce((s: number, b: { keyPopulation: number }) => s + b.keyPopulation, 0)).toBe(
      sheet.keyPopulation.total,
    );
    const busiest = [...sheet.buildings].sort(
      (a: { keyPopulation: number }, b: { keyPopulation: number }) => b.keyPopulation - a.keyPopulation,
    )[0];
    const [inBuilding] = await t.db
      .select({ n: sql<number>`count(distinct ${residents.id})::int` })
      .from(residents)
      .innerJoin(residentTags, eq(residentTags.residentId, residents.id))
      .where(and(eq(residents.buildingId, busiest.id), isNull(residents.movedOutAt)));
    expect(busiest.keyPopulation).toBe(inBuilding!.n);
    expect(busiest.keyPopulation).toBeGreaterThan(0);
  });

  it('GET /buildings counts each building’s current households and residents, as the fact sheet does', async () => {
    const sheet = (await get(admin, `/api/v1/territories/${firstGrid.id}/fact-sheet`)).json.data;
    const list = (await get(admin, `/api/v1/buildings?territoryId=${firstGrid.id}&pageSize=200`)).json.data;
    const counts = (rows: { id: string; households: number; residents: number }[]) =>
      Object.fromEntries(rows.map((b) => [b.id, [b.households, b.residents]]));
    expect(counts(list)).toEqual(counts(sheet.buildings));
    expect(list.some((b: { households: number }) => b.households > 0)).toBe(true);
  });

  it('GET /insights/figures returns the territory keys, computed within the caller’s scope', async () => {
    const all = (await get(admin, '/api/v1/insights/figures')).json;
    // Other modules' figures come with them (people, …): these are the territory's and the registry's.
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining([
        'buildings',
        'communities',
        'grids',
        'households',
        'keyPopulation',
        'residents',
        'streets',
      ]),
    );
    expect(all.residents).toBe(await countWhere(residents, sql`${residents.movedOutAt} is null`));
    expect(all.grids).toBe(
      (await t.db.select().from(territories).where(eq(territories.level, 'grid'))).length,
    );
    const grid = await t.login('grid');
    const own = (await get(grid, '/api/v1/insights/figures')).json;
    expect(own.grids).toBe(1);
    expect(own.streets).toBe(0);
    expect(own.households).toBe(
      await countWhere(
        households,
        sql`${households.territoryCode} = ${firstGrid.code} and ${households.movedOutAt} is null`,
      ),
    );
    expect((await get(grid, `/api/v1/insights/figures?territoryId=${otherGrid.id}`)).status).toBe(404);
    const past = (await get(admin, '/api/v1/insights/figures?to=2000-01-01')).json;
    expect(past.residents).toBe(0);
  });

  it('figures follow every write at once: a cached result never outlives a change', async () => {
    const before = (await get(admin, '/api/v1/insights/figures')).json;
    const sheetBefore = (await get(admin, `/api/v1/territories/${firstGrid.id}/fact-sheet`)).json.data;
    const household = (
      await get(admin, `/api/v1/households?territoryId=${firstGrid.id}&kind=permanent&pageSize=1`)
    ).json.data[0];
    const created = await t.request('POST', '/api/v1/residents', {
      cookie: admin,
      body: {
        householdId: household.id,
        name: '缓存测试',
        gender: 'male',
        birthDate: '1950-01-01',
        relation: 'parent',
        tags: [{ tag: 'veteran', careLevel: 1 }],
      },
    });
    expect(created.status).toBe(201);
    const after = (await get(admin, '/api/v1/insights/figures')).json;
    expect(after.residents).toBe(before.residents + 1);
    expect(after.keyPopulation).toBe(before.keyPopulation + 1);
    const sheetAfter = (await get(admin, `/api/v1/territories/${firstGrid.id}/fact-sheet`)).json.data;
    expect(sheetAfter.residents.total).toBe(sheetBefore.residents.total + 1);
  });

  it('the overview drills down: children’s residents add up to the parent', async () => {
    const overview = (await get(admin, '/api/v1/insights/overview')).json.data;
    expect(overview.territory.level).toBe('county');
    const sum = overview.children.reduce((s: number, c: { residents: number }) => s + c.residents, 0);
    expect(sum).toBe(overview.figures.residents);
    const street = overview.children[0];
    const down = (await get(admin, `/api/v1/insights/overview?territoryId=${street.id}`)).json.data;
    expect(down.figures.residents).toBe(street.residents);
    const [direct] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .where(and(like(residents.territoryCode, `${street.code}%`), isNull(residents.movedOutAt)));
    expect(down.figures.residents).toBe(direct!.n);
  });
});

describe('the registry factories', () => {
  it('build a resident with a valid ID card of their gender and birth date, or both taken from a given card', () => {
    const place = { householdId: null, buildingId: null, territoryCode: firstGrid.code };
    const woman = buildResident(testKeys, { ...place, gender: 'female', birthDate: '1990-02-28' });
    const idCard = decrypt(testKeys, woman.idCardEnc!);
    expect(idCardProblem(idCard)).toBeNull();
    expect(idCard.slice(0, 6)).toBe(firstGrid.code.slice(0, 6));
    expect(idCardGender(idCard)).toBe('female');
    expect(idCardBirthDate(idCard)?.toISOString().slice(0, 10)).toBe('1990-02-28');
    const twin = buildResident(testKeys, { ...place, gender: 'female', birthDate: '1990-02-28' });
    expect(twin.idCardIndex).not.toBe(woman.idCardIndex);
    const given = makeIdCard('379902', new Date(Date.UTC(1961, 9, 3)), 35);
    expect(buildResident(testKeys, { ...place, idCard: given })).toMatchObject({
      gender: 'male',
      birthDate: '1961-10-03',
    });
    expect(buildResident(testKeys, { ...place, idCard: null })).toMatchObject({
      idCardEnc: null,
      idCardIndex: null,
    });
  });
});
