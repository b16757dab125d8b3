import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, roleAssignments, users } from '../../core/auth/auth.tables.ts';
import { scopeFor, type AuthContext, type Scope } from '../../core/auth/scope.ts';
import { assembleKit } from '../../core/kit/kit.ts';
import { modules } from '../../modules.ts';
import { residents } from '../registry/registry.public.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { personCondition, personOfUser, persons } from './people.public.ts';
import { insertPerson } from './people.factories.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let street: string;
let ids: {
  street1: Node;
  community1: Node;
  grid1: Node;
  grid2: Node;
  otherGrid: Node;
};

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
    grid1: s1!.children[0]!.children[0]!,
    grid2: s1!.children[0]!.children[1]!,
    otherGrid: s2!.children[0]!.children[0]!,
  };
});
afterAll(() => t.close());

/** New residents of a grid, in one household inserted with the registry's factory: no person yet. */
async function freeResidents(grid: Node, n = 1) {
  const names = ['居民甲', '居民乙', '居民丙'];
  const { members } = await insertHousehold(t.db, testKeys, {
    grid,
    members: Array.from({ length: n }, (_, i) => ({
      name: names[i],
      gender: i % 2 ? ('female' as const) : ('male' as const),
    })),
  });
  return members;
}

const createPerson = (cookie: string, body: unknown) => t.request('POST', '/api/v1/people', { cookie, body });
const link = (cookie: string, id: string, userId: string | null) =>
  t.request('PUT', `/api/v1/people/${id}/account`, { cookie, body: { userId } });

async function auditRows(entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.at);
}

async function newAccount(cookie: string, username: string, gridId: string) {
  const response = await t.request('POST', '/api/v1/accounts', {
    cookie,
    body: {
      username,
      displayName: username,
      password: 'Initial-pass-1',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [gridId] }],
    },
  });
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}

describe('my person', () => {
  it('the party member’s demo account sees its own person, a resident of the first grid', async () => {
    const party = await t.login(DEMO_ACCOUNT.party_member);
    const me = (await t.request('GET', '/api/v1/me', { cookie: party })).json.data;
    const response = await t.request('GET', '/api/v1/people/me', { cookie: party });
    expect(response.status).toBe(200);
    const person = response.json.data;
    expect(person.account).toEqual({ id: me.id, displayName: me.displayName });
    expect(person.residentId).toEqual(expect.any(String));
    expect(person.territoryCode).toBe(ids.grid1.code);
    expect(person.mobile).toMatch(/^170\*{4}\d{4}$/);
    const [resident] = await t.db.select().from(residents).where(eq(residents.id, person.residentId));
    expect(resident!.name).toBe(person.name);
    expect(resident!.politicalStatus).toBe('party_member');
  });

  it('the volunteer stands alone on the first community; an account without a person gets null', async () => {
    const volunteer = await t.login(DEMO_ACCOUNT.volunteer);
    const person = (await t.request('GET', '/api/v1/people/me', { cookie: volunteer })).json.data;
    expect(person.residentId).toBeNull();
    expect(person.territoryCode).toBe(ids.community1.code);
    for (const role of ['resident', 'merchant'] as const) {
      const cookie = await t.login(DEMO_ACCOUNT[role]);
      expect((await t.request('GET', '/api/v1/people/me', { cookie })).json.data).not.toBeNull();
    }
    const inspector = await t.login(DEMO_ACCOUNT.inspector);
    expect((await t.request('GET', '/api/v1/people/me', { cookie: inspector })).json).toEqual({ data: null });
    expect((await t.request('GET', '/api/v1/people/me')).status).toBe(401);
  });
});

describe('recording people', () => {
  it('from a resident of the caller’s scope: name, gender and grid are the resident’s, the mobile is encrypted and masked, the write audited', async () => {
    const [resident] = await freeResidents(ids.grid1);
    const response = await createPerson(secretary, { residentId: resident!.id, mobile: '13812345678' });
    expect(response.status, response.text).toBe(201);
    const person = response.json.data;
    expect(person).toMatchObject({
      name: resident!.name,
      gender: resident!.gender,
      residentId: resident!.id,
      territoryCode: ids.grid1.code,
      mobile: '138****5678',
      account: null,
    });
    const [row] = await t.db.select().from(persons).where(eq(persons.id, person.id));
    expect(row!.mobileEnc).not.toContain('13812345678');
    const [audit] = await auditRows(person.id);
    expect(audit).toMatchObject({
      action: 'person.created',
      entityType: 'person',
      territoryCode: ids.grid1.code,
    });
    expect(JSON.stringify(audit!.changes)).toContain('138****5678');
    expect(JSON.stringify(audit!.changes)).not.toContain('13812345678');

    const again = await createPerson(secretary, { residentId: resident!.id });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFLICT');
    expect(again.json.error.details[0].field).toBe('residentId');
  });

  it('standing alone on a grid or community of the scope, not on a street', async () => {
    const response = await createPerson(secretary, {
      name: '外来志愿者',
      gender: 'female',
      territoryId: ids.community1.id,
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.data).toMatchObject({
      name: '外来志愿者',
      residentId: null,
      territoryCode: ids.community1.code,
      mobile: null,
    });
    const onStreet = await createPerson(street, { name: '街道人员', territoryId: ids.street1.id });
    expect(onStreet.status).toBe(400);
    expect(onStreet.json.error.details[0]).toMatchObject({ field: 'territoryId', code: 'level' });
  });

  it('refuses bad input with field details, before touching anything', async () => {
    const before = await t.db.select({ n: count() }).from(persons);
    const cases: [unknown, string[]][] = [
      [{}, ['name', 'territoryId']],
      [{ residentId: ids.grid1.id, name: '张三', territoryId: ids.grid1.id }, ['name', 'territoryId']],
      [{ name: '张三', territoryId: 'not-a-uuid' }, ['territoryId']],
      [{ name: '张3', territoryId: ids.grid1.id }, ['name']],
      [{ name: '张三', territoryId: ids.grid1.id, mobile: '12345' }, ['mobile']],
      [{ name: '张三', territoryId: ids.grid1.id, gender: 'x' }, ['gender']],
      [{ name: '张三', territoryId: ids.grid1.id, extra: 1 }, ['extra']],
    ];
    for (const [body, fields] of cases) {
      const response = await createPerson(secretary, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.code).toBe('VALIDATION_FAILED');
      expect(response.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(fields);
    }
    const person = (await createPerson(secretary, { name: '校验人员', territoryId: ids.grid1.id })).json.data;
    const bad = await link(secretary, person.id, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('userId');
    const missing = await t.request('PUT', `/api/v1/people/${person.id}/account`, {
      cookie: secretary,
      body: {},
    });
    expect(missing.json.error.details[0].field).toBe('userId');
    const after = await t.db.select({ n: count() }).from(persons);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('a resident who moved out cannot become a person', async () => {
    const [resident] = await freeResidents(ids.grid2);
    const moved = await t.request('POST', `/api/v1/residents/${resident!.id}/move-out`, {
      cookie: admin,
      body: {},
    });
    expect(moved.status, moved.text).toBe(204);
    const response = await createPerson(admin, { residentId: resident!.id });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0]).toMatchObject({ field: 'residentId', code: 'moved_out' });
  });
});

describe('scope', () => {
  let outsidePerson: string;
  beforeAll(async () => {
    const [resident] = await freeResidents(ids.otherGrid);
    const response = await createPerson(admin, { residentId: resident!.id });
    expect(response.status, response.text).toBe(201);
    outsidePerson = response.json.data.id;
  });

  it('a community secretary cannot read, list or link a person of another street (404)', async () => {
    const auditBefore = await auditRows(outsidePerson);
    expect((await t.request('GET', `/api/v1/people/${outsidePerson}`, { cookie: secretary })).status).toBe(
      404,
    );
    const list = await t.request('GET', '/api/v1/people?pageSize=200', { cookie: secretary });
    expect(list.status).toBe(200);
    const listed = list.json.data as { id: string; territoryCode: string }[];
    expect(listed.map((p) => p.id)).not.toContain(outsidePerson);
    expect(listed.every((p) => p.territoryCode.startsWith(ids.community1.code))).toBe(true);
    const accountInside = await newAccount(secretary, 'people-scope-gw', ids.grid1.id);
    const linked = await link(secretary, outsidePerson, accountInside);
    expect(linked.status).toBe(404);
    expect(await auditRows(outsidePerson)).toEqual(auditBefore);
    const place = await t.request('GET', `/api/v1/people?territoryId=${ids.otherGrid.id}`, {
      cookie: secretary,
    });
    expect(place.status).toBe(404);
    // The county administrator sees it.
    expect((await t.request('GET', `/api/v1/people/${outsidePerson}`, { cookie: admin })).status).toBe(200);
  });

  it('a community secretary cannot record a person from a resident or on a place of another street (404)', async () => {
    const before = await t.db.select({ n: count() }).from(persons);
    const [resident] = await freeResidents(ids.otherGrid);
    const fromResident = await createPerson(secretary, { residentId: resident!.id });
    expect(fromResident.status).toBe(404);
    const standalone = await createPerson(secretary, { name: '越权人员', territoryId: ids.otherGrid.id });
    expect(standalone.status).toBe(404);
    expect(await t.db.select({ n: count() }).from(persons)).toEqual(before);
  });

  it('a grid worker reads the people of their grid but records none; a building leader reads those of the building', async () => {
    const grid = await t.login(DEMO_ACCOUNT.grid_worker);
    const list = (await t.request('GET', '/api/v1/people?pageSize=200', { cookie: grid })).json;
    expect(list.page.total).toBeGreaterThan(0);
    expect(
      (list.data as { territoryCode: string }[]).every((p) => p.territoryCode.startsWith(ids.grid1.code)),
    ).toBe(true);
    expect((await createPerson(grid, { name: '网格员登记', territoryId: ids.grid1.id })).status).toBe(403);

    const leader = await t.login(DEMO_ACCOUNT.building_leader);
    const [assignment] = await t.db
      .select({ buildingIds: roleAssignments.scopeIds })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(users.username, DEMO_ACCOUNT.building_leader));
    const {
      members: [ofBuilding],
    } = await insertHousehold(t.db, testKeys, {
      buildingId: assignment!.buildingIds[0],
      room: '999',
      members: [{ name: '楼内居民' }],
    });
    const mine = (await createPerson(admin, { residentId: ofBuilding!.id })).json.data.id as string;
    const seen = (await t.request('GET', '/api/v1/people?pageSize=200', { cookie: leader })).json.data as {
      id: string;
      residentId: string | null;
    }[];
    const inBuilding = await t.db
      .select({ id: residents.id })
      .from(residents)
      .where(inArray(residents.buildingId, assignment!.buildingIds));
    const residentIds = new Set(inBuilding.map((r) => r.id));
    expect(seen.map((p) => p.id)).toContain(mine);
    expect(seen.every((p) => p.residentId !== null && residentIds.has(p.residentId))).toBe(true);
  });
});

describe('linking accounts', () => {
  it('links an account the caller manages, refuses it for a second person (409), unlinks; each audited', async () => {
    const [first, second] = await freeResidents(ids.grid1, 2);
    const personA = (await createPerson(secretary, { residentId: first!.id })).json.data.id as string;
    const personB = (await createPerson(secretary, { residentId: second!.id })).json.data.id as string;
    const account = await newAccount(secretary, 'people-link-gw', ids.grid1.id);

    const linked = await link(secretary, personA, account);
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json.data.account).toEqual({ id: account, displayName: 'people-link-gw' });
    expect((await link(secretary, personA, account)).status).toBe(200); // the same link again changes nothing

    const taken = await link(secretary, personB, account);
    expect(taken.status).toBe(409);
    expect(taken.json.error.details[0].field).toBe('userId');

    const unlinked = await link(secretary, personA, null);
    expect(unlinked.status).toBe(200);
    expect(unlinked.json.data.account).toBeNull();
    expect((await link(secretary, personB, account)).status).toBe(200);

    expect((await auditRows(personA)).map((r) => [r.action, r.changes])).toEqual([
      ['person.created', expect.anything()],
      ['person.account_linked', { userId: { from: null, to: account } }],
      ['person.account_unlinked', { userId: { from: account, to: null } }],
    ]);
    expect((await personOfUser(t.db, account))?.id).toBe(personB);
  });

  it('the same account or resident sent twice at once: one wins, the other answers 409', async () => {
    const [first, second, third] = await freeResidents(ids.grid1, 3);
    const a = (await createPerson(admin, { residentId: first!.id })).json.data.id as string;
    const b = (await createPerson(admin, { residentId: second!.id })).json.data.id as string;
    const account = await newAccount(admin, 'people-race-gw', ids.grid1.id);
    const links = await Promise.all([link(admin, a, account), link(admin, b, account)]);
    expect(links.map((r) => r.status).sort()).toEqual([200, 409]);
    const creates = await Promise.all([1, 2].map(() => createPerson(admin, { residentId: third!.id })));
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(creates.find((r) => r.status === 409)!.json.error.details[0].field).toBe('residentId');
  });

  it('an account linked elsewhere answers 409, also to the county administrator', async () => {
    const party = (await t.db.select().from(users).where(eq(users.username, DEMO_ACCOUNT.party_member)))[0]!;
    const person = (await createPerson(admin, { name: '重复关联', territoryId: ids.grid1.id })).json.data;
    const response = await link(admin, person.id, party.id);
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('CONFLICT');
  });

  it('a community secretary cannot link an account they cannot manage (404): another street’s, the county administrator’s, a self-only one', async () => {
    const person = (await createPerson(secretary, { name: '关联测试', territoryId: ids.grid1.id })).json.data;
    const elsewhere = await newAccount(admin, 'people-other-gw', ids.otherGrid.id);
    const [countyAdmin, volunteer] = await Promise.all(
      [DEMO_ACCOUNT.county_admin, DEMO_ACCOUNT.volunteer].map(
        async (username) => (await t.db.select().from(users).where(eq(users.username, username)))[0]!.id,
      ),
    );
    for (const userId of [elsewhere, countyAdmin!, volunteer!, '01900000-0000-7000-8000-000000000000']) {
      const response = await link(secretary, person.id, userId);
      expect(response.status, userId).toBe(404);
    }
    expect((await auditRows(person.id)).map((r) => r.action)).toEqual(['person.created']);
    // A worker may record people but not manage accounts: the route needs both permissions.
    const worker = await t.login(DEMO_ACCOUNT.community_worker);
    expect((await link(worker, person.id, elsewhere)).status).toBe(403);
  });

  it('unlinking needs the caller to manage the linked account too', async () => {
    const volunteerPerson = await t.db
      .select({ id: persons.id })
      .from(persons)
      .innerJoin(users, eq(users.id, persons.userId))
      .where(eq(users.username, DEMO_ACCOUNT.volunteer));
    const response = await link(secretary, volunteerPerson[0]!.id, null);
    expect(response.status).toBe(404);
    const byAdmin = await link(admin, volunteerPerson[0]!.id, null);
    expect(byAdmin.status).toBe(200);
  });
});

describe('the person follows the resident', () => {
  it('a move to another grid moves the person; the figures count people and links', async () => {
    const figures = async () =>
      (await t.request('GET', '/api/v1/insights/figures', { cookie: admin })).json as {
        people: number;
        peopleLinked: number;
      };
    const [resident] = await freeResidents(ids.grid1);
    const before = await figures();
    const person = (await createPerson(admin, { residentId: resident!.id })).json.data.id as string;
    const account = await newAccount(admin, 'people-figures-gw', ids.grid1.id);
    expect((await link(admin, person, account)).status).toBe(200);
    expect(await figures()).toEqual({
      ...before,
      people: before.people + 1,
      peopleLinked: before.peopleLinked + 1,
    });

    const household = (
      await t.request('GET', `/api/v1/households?territoryId=${ids.grid2.id}&pageSize=1`, { cookie: admin })
    ).json.data[0];
    const moved = await t.request('POST', `/api/v1/residents/${resident!.id}/move`, {
      cookie: admin,
      body: { householdId: household.id, relation: 'other' },
    });
    expect(moved.status, moved.text).toBe(200);
    const after = (await t.request('GET', `/api/v1/people/${person}`, { cookie: admin })).json.data;
    expect(after.territoryCode).toBe(ids.grid2.code);
    const grid = await t.login(DEMO_ACCOUNT.grid_worker); // the first grid only
    expect((await t.request('GET', `/api/v1/people/${person}`, { cookie: grid })).status).toBe(404);
  });
});

describe('a self scope means the records of my person', () => {
  it('scopeFor carries the caller’s account; personCondition finds their own person only', async () => {
    const [party] = await t.db.select().from(users).where(eq(users.username, DEMO_ACCOUNT.party_member));
    // A permission granted to the party member (as a later module would), to see what scopeFor makes of `self`.
    assembleKit([
      ...modules,
      {
        name: 'mine',
        permissions: { 'mine:read': { zh: '我的', en: 'Mine' } },
        grants: { party_member: ['mine:read'] },
      },
    ]);
    try {
      const auth: AuthContext = {
        sessionId: 'test',
        user: { id: party!.id, username: 'party', displayName: 'party', mustChangePassword: false },
        assignments: [
          {
            id: 'a',
            role: 'party_member',
            scopeKind: 'self',
            scopeIds: [],
            territories: [],
            sourceKind: null,
          },
        ],
      };
      const scope = scopeFor(auth, 'mine:read')!;
      expect(scope).toMatchObject({ all: false, codes: [], buildingIds: [], self: true, userId: party!.id });
      const own = await t.db
        .select({ id: persons.id })
        .from(persons)
        .where(personCondition(scope, persons.id));
      expect(own).toEqual([{ id: (await personOfUser(t.db, party!.id))!.id }]);
    } finally {
      assembleKit(modules);
    }
    const nobody: Scope = { all: false, codes: [], buildingIds: [], self: true };
    expect(await t.db.select().from(persons).where(personCondition(nobody, persons.id))).toEqual([]);
  });

  it('other modules filter their records by the person they name', async () => {
    const id = await insertPerson(t.db, testKeys, { name: '测试人员', territoryCode: ids.otherGrid.code });
    const inGrid1: Scope = { all: false, codes: [ids.community1.code], buildingIds: [], self: false };
    const inOther: Scope = { all: false, codes: [ids.otherGrid.code], buildingIds: [], self: false };
    const found = (scope: Scope) =>
      t.db
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.id, id), personCondition(scope, sql`${persons.id}`)));
    expect(await found(inGrid1)).toEqual([]);
    expect(await found(inOther)).toEqual([{ id }]);
  });
});

describe('the access of a person’s positions follows the person, not the account', () => {
  const rolesOf = async (userId: string) =>
    (await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
      .map((r) => `${r.role}:${r.sourceKind ?? 'by hand'}:${r.scopeIds.join(',')}`)
      .sort();
  const myRoles = async (cookie: string) =>
    ((await t.request('GET', '/api/v1/me', { cookie })).json.data.roles as { role: string }[])
      .map((r) => r.role)
      .sort();

  it('relinking moves the post’s access to the new account; unlinking ends it; sessions lose it at once', async () => {
    const personId = (await createPerson(secretary, { name: '换号网格员', territoryId: ids.grid1.id })).json
      .data.id as string;
    const appointed = await t.request('POST', '/api/v1/grid-workers', {
      cookie: secretary,
      body: { personId, gridIds: [ids.grid1.id], employment: 'full_time' },
    });
    expect(appointed.status, appointed.text).toBe(201);
    const opened = appointed.json.opened as { username: string; password: string };
    const [first] = await t.db.select().from(persons).where(eq(persons.id, personId));
    const oldAccount = first!.userId!;
    const firstCookie = await t.login(opened.username, opened.password);
    const changed = await t.request('POST', '/api/v1/me/password', {
      cookie: firstCookie,
      body: { currentPassword: opened.password, newPassword: 'Worker-pass-2026' },
    });
    expect(changed.status, changed.text).toBeLessThan(300);
    const oldCookie = await t.login(opened.username, 'Worker-pass-2026');
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie: oldCookie })).status).toBe(200);

    // Relinked to another account: the post's access moves with the person; the old account keeps nothing.
    const newAccountId = await newAccount(secretary, 'people-relink-gw', ids.grid2.id);
    const newCookie = await t.login('people-relink-gw', 'Initial-pass-1');
    expect(await myRoles(newCookie)).toEqual(['grid_worker']);
    expect((await link(secretary, personId, newAccountId)).status).toBe(200);
    expect(await rolesOf(oldAccount)).toEqual([]);
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie: oldCookie })).status).toBe(403);
    expect(await rolesOf(newAccountId)).toEqual([
      `grid_worker:by hand:${ids.grid2.id}`,
      `grid_worker:grid_worker:${ids.grid1.id}`,
    ]);
    expect(await myRoles(newCookie)).toEqual(['grid_worker', 'grid_worker']);

    // Unlinked: the access ends; the roles given by hand stay.
    expect((await link(secretary, personId, null)).status).toBe(200);
    expect(await rolesOf(newAccountId)).toEqual([`grid_worker:by hand:${ids.grid2.id}`]);
    expect(await myRoles(newCookie)).toEqual(['grid_worker']);
    expect((await auditRows(personId)).map((r) => [r.action, r.changes])).toEqual(
      expect.arrayContaining([
        [
          'person.access_moved',
          {
            userId: { from: oldAccount, to: newAccountId },
            roles: [{ role: 'grid_worker', source: 'grid_worker' }],
          },
        ],
        ['person.access_ended', { roles: [{ role: 'grid_worker', source: 'grid_worker' }] }],
      ]),
    );
    // The person still serves; their next appointment opens an account for them again.
    const again = await t.request('POST', '/api/v1/grid-workers', {
      cookie: secretary,
      body: { personId, gridIds: [ids.grid2.id], employment: 'full_time' },
    });
    expect(again.status, again.text).toBe(201);
    expect(again.json.opened).not.toBeNull();
  });

  // Last in the file: it takes the demo grid worker's access away.
  it('the demo grid worker’s account unlinked from its person loses the grid_worker role', async () => {
    const [gridUser] = await t.db.select().from(users).where(eq(users.username, DEMO_ACCOUNT.grid_worker));
    const [person] = await t.db.select().from(persons).where(eq(persons.userId, gridUser!.id));
    const cookie = await t.login(DEMO_ACCOUNT.grid_worker);
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie })).status).toBe(200);
    expect((await link(secretary, person!.id, null)).status).toBe(200);
    expect(await rolesOf(gridUser!.id)).not.toContainEqual(expect.stringMatching(/^grid_worker:/));
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie })).status).toBe(403);
    const fresh = await t.login(DEMO_ACCOUNT.grid_worker);
    expect((await t.request('GET', '/api/v1/grid-workers', { cookie: fresh })).status).toBe(403);
  });
});
