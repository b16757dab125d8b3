import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { insertPerson } from '../people/people.factories.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';
import { insertVolunteer } from './volunteers.factories.ts';
import { volunteerTeamMembers, volunteerTeams, volunteers } from './volunteers.tables.ts';
import { shanghaiDay } from '../registry/registry.public.ts';

type Node = { id: string; code: string; name: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let worker: string;
let ids: {
  street1: Node;
  community1: Node;
  community2: Node;
  grid1: Node;
  grid2: Node;
  otherGrid: Node;
  otherCommunity: Node;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  worker = await t.login(DEMO_ACCOUNT.community_worker);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [s1, s2] = tree[0]!.children;
  ids = {
    street1: s1!,
    community1: s1!.children[0]!,
    community2: s1!.children[1]!,
    grid1: s1!.children[0]!.children[0]!,
    grid2: s1!.children[0]!.children[1]!,
    otherCommunity: s2!.children[0]!,
    otherGrid: s2!.children[0]!.children[0]!,
  };
});
afterAll(() => t.close());

let counter = 0;
async function person(place: { code: string }) {
  counter += 1;
  return t.db.transaction((tx) =>
    insertPerson(tx, testKeys, {
      name: `测试志愿者${counter}`,
      territoryCode: place.code,
      mobile: '13600001111',
    }),
  );
}
const register = (cookie: string, body: unknown) => t.request('POST', '/api/v1/volunteers', { cookie, body });
const createTeam = (cookie: string, body: unknown) =>
  t.request('POST', '/api/v1/volunteer-teams', { cookie, body });
const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('the demo county', () => {
  it('has corps with sub-teams, members, and the volunteer account’s own profile', async () => {
    const teams = (await t.request('GET', '/api/v1/volunteer-teams', { cookie: admin })).json.data as {
      kind: string;
      parentId: string | null;
      members: number;
      subTeams: number;
    }[];
    const corps = teams.filter((x) => x.kind === 'corps');
    const subs = teams.filter((x) => x.kind === 'team');
    expect(corps.length).toBeGreaterThan(0);
    expect(subs.length).toBeGreaterThanOrEqual(corps.length);
    for (const sub of subs) {
      expect(corps.some((c) => (c as unknown as { id: string }).id === sub.parentId)).toBe(true);
    }
    expect(subs.reduce((n, s) => n + s.members, 0)).toBeGreaterThan(0);

    const volunteer = await t.login(DEMO_ACCOUNT.volunteer);
    const me = await t.request('GET', '/api/v1/volunteers/me', { cookie: volunteer });
    expect(me.status, me.text).toBe(200);
    expect(me.json.data).toMatchObject({ territoryCode: ids.community1.code, endsOn: null });
    expect(me.json.data.teams).toHaveLength(1);
    const figures = (await t.request('GET', '/api/v1/insights/figures', { cookie: admin })).json;
    const [active] = await t.db.select({ n: count() }).from(volunteers);
    expect(figures.volunteers).toBeGreaterThan(0);
    expect(figures.volunteers).toBeLessThanOrEqual(active!.n);
  });
});

describe('profiles', () => {
  it('registers a person of the scope, a resident recorded on the way, refuses a second active profile, ends it', async () => {
    const personId = await person(ids.grid1);
    const response = await register(secretary, {
      personId,
      territoryId: ids.community1.id,
      skills: ['理发', '理发', '摄影'],
      availability: 'weekends',
      startsOn: '2025-01-01',
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.data).toMatchObject({
      personId,
      territoryCode: ids.community1.code,
      skills: ['理发', '摄影'],
      availability: 'weekends',
      mobile: '136****1111',
      startsOn: '2025-01-01',
      endsOn: null,
    });
    const again = await register(secretary, { personId });
    expect(again.status).toBe(409);
    expect(again.json.error.details[0].field).toBe('personId');

    const { members } = await insertHousehold(t.db, testKeys, {
      grid: ids.grid2,
      members: [{ name: '新志愿者' }],
    });
    const fromResident = await register(worker, { person: { residentId: members[0]!.id } });
    expect(fromResident.status, fromResident.text).toBe(201);
    expect(fromResident.json.data).toMatchObject({
      name: '新志愿者',
      territoryCode: ids.grid2.code,
      startsOn: shanghaiDay(),
    });

    const id = response.json.data.id;
    const future = await t.request('POST', `/api/v1/volunteers/${id}/end`, {
      cookie: secretary,
      body: { endsOn: '2099-01-01' },
    });
    expect(future.status).toBe(400);
    expect(future.json.error.details[0]).toMatchObject({ field: 'endsOn', code: 'future' });
    const early = await t.request('POST', `/api/v1/volunteers/${id}/end`, {
      cookie: secretary,
      body: { endsOn: '2024-12-31' },
    });
    expect(early.json.error.details[0]).toMatchObject({ field: 'endsOn', code: 'before_start' });
    const ended = await t.request('POST', `/api/v1/volunteers/${id}/end`, {
      cookie: secretary,
      body: { endsOn: '2025-06-30' },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.data.endsOn).toBe('2025-06-30');
    const twice = await t.request('POST', `/api/v1/volunteers/${id}/end`, { cookie: secretary, body: {} });
    expect(twice.status).toBe(400);
    // Ended, the person may register again.
    expect((await register(secretary, { personId })).status).toBe(201);
    const actions = await t.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.a).sort()).toEqual(['volunteer.ended', 'volunteer.registered']);
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const personId = await person(ids.grid1);
    const before = await auditCount();
    const cases: [unknown, string[]][] = [
      [{}, ['personId']],
      [{ personId, person: { name: '某人', territoryId: ids.grid1.id } }, ['personId']],
      [{ personId, skills: ['<b>'] }, ['skills.0']],
      [{ personId, availability: 'never' }, ['availability']],
      [{ personId, startsOn: '9999-12-31' }, ['startsOn']],
      [{ personId, territoryId: ids.street1.id }, ['territoryId']],
    ];
    for (const [body, fields] of cases) {
      // A street is out of the secretary's scope (404): the county administrator meets the level rule.
      const response = await register(fields[0] === 'territoryId' ? admin : secretary, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(
        response.json.error.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toEqual(fields);
    }
    expect(await t.db.select().from(volunteers).where(eq(volunteers.personId, personId))).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('a self-scoped person registers themself and sees only their own profile', async () => {
    const resident = await t.login(DEMO_ACCOUNT.resident);
    expect((await t.request('GET', '/api/v1/volunteers/me', { cookie: resident })).json.data).toBeNull();
    const mine = await t.request('POST', '/api/v1/volunteers/me', {
      cookie: resident,
      body: { skills: ['烹饪'], availability: 'evenings' },
    });
    expect(mine.status, mine.text).toBe(201);
    expect(mine.json.data).toMatchObject({ skills: ['烹饪'], territoryCode: ids.grid1.code });
    expect((await t.request('POST', '/api/v1/volunteers/me', { cookie: resident, body: {} })).status).toBe(
      409,
    );
    // No reading of others, no managing.
    expect((await t.request('GET', '/api/v1/volunteers', { cookie: resident })).status).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/volunteers/${mine.json.data.id}`, { cookie: resident })).status,
    ).toBe(403);
    expect((await register(resident, { personId: mine.json.data.personId })).status).toBe(403);
    // An account without a person has nothing to register; a staff role has no self-registration.
    const merchant = await t.login(DEMO_ACCOUNT.merchant);
    expect((await t.request('POST', '/api/v1/volunteers/me', { cookie: merchant, body: {} })).status).toBe(
      403,
    );
    expect((await t.request('GET', '/api/v1/volunteers/me', { cookie: secretary })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/volunteers/me', { cookie: admin, body: {} })).status).toBe(404);
  });
});

describe('corps and sub-teams', () => {
  it('create, rename, join, leave, dissolve only when empty; lists with counts; each write audited', async () => {
    const before = await auditCount();
    const corps = await createTeam(secretary, {
      name: '测试先锋志愿服务队',
      territoryId: ids.community1.id,
      startsOn: '2024-01-01',
    });
    expect(corps.status, corps.text).toBe(201);
    expect(corps.json.data).toMatchObject({ kind: 'corps', parentId: null, members: 0, subTeams: 0 });
    const corpsId = corps.json.data.id;
    const sub = await createTeam(secretary, {
      name: '测试分队',
      parentId: corpsId,
      territoryId: ids.grid1.id,
      startsOn: '2024-02-01',
    });
    expect(sub.status, sub.text).toBe(201);
    expect(sub.json.data).toMatchObject({ kind: 'team', parentId: corpsId, territoryCode: ids.grid1.code });
    const subId = sub.json.data.id;
    const nested = await createTeam(secretary, { name: '孙分队', parentId: subId });
    expect(nested.status).toBe(400);
    expect(nested.json.error.details[0]).toMatchObject({ field: 'parentId', code: 'not_corps' });

    const renamed = await t.request('PATCH', `/api/v1/volunteer-teams/${subId}`, {
      cookie: secretary,
      body: { name: '春松分队' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data.name).toBe('春松分队');

    const personId = await person(ids.grid1);
    const volunteerId = (await register(secretary, { personId, startsOn: '2024-03-01' })).json.data.id;
    const joined = await t.request('POST', `/api/v1/volunteer-teams/${subId}/join`, {
      cookie: secretary,
      body: { volunteerId, on: '2024-03-02' },
    });
    expect(joined.status, joined.text).toBe(200);
    expect(joined.json.data.members).toBe(1);
    expect(joined.json.data.memberList[0]).toMatchObject({ volunteerId, startsOn: '2024-03-02' });
    const twice = await t.request('POST', `/api/v1/volunteer-teams/${subId}/join`, {
      cookie: secretary,
      body: { volunteerId },
    });
    expect(twice.status).toBe(409);
    const early = await t.request('POST', `/api/v1/volunteer-teams/${corpsId}/join`, {
      cookie: secretary,
      body: { volunteerId, on: '2024-02-15' },
    });
    expect(early.json.error.details[0]).toMatchObject({ field: 'on', code: 'before_start' });

    const corpsView = await t.request('GET', `/api/v1/volunteer-teams/${corpsId}`, { cookie: secretary });
    expect(corpsView.json.data).toMatchObject({ subTeams: 1, members: 0 });
    expect(corpsView.json.data.subTeamList.map((s: { id: string }) => s.id)).toEqual([subId]);
    const listed = await t.request('GET', `/api/v1/volunteer-teams?territoryId=${ids.community1.id}`, {
      cookie: secretary,
    });
    expect(listed.json.data.find((x: { id: string }) => x.id === subId)).toMatchObject({ members: 1 });
    const profile = await t.request('GET', `/api/v1/volunteers/${volunteerId}`, { cookie: secretary });
    expect(profile.json.data.teams).toEqual([{ id: subId, name: '春松分队', kind: 'team' }]);

    // Dissolving: refused while the corps has a sub-team, the sub-team a member.
    const corpsRefused = await t.request('POST', `/api/v1/volunteer-teams/${corpsId}/dissolve`, {
      cookie: secretary,
      body: {},
    });
    expect(corpsRefused.status).toBe(409);
    expect(corpsRefused.json.error.details[0].field).toBe('subTeams');
    const subRefused = await t.request('POST', `/api/v1/volunteer-teams/${subId}/dissolve`, {
      cookie: secretary,
      body: {},
    });
    expect(subRefused.status).toBe(409);
    expect(subRefused.json.error.details[0].field).toBe('members');
    const left = await t.request('POST', `/api/v1/volunteer-teams/${subId}/leave`, {
      cookie: secretary,
      body: { volunteerId },
    });
    expect(left.status, left.text).toBe(200);
    expect(left.json.data.members).toBe(0);
    const notMember = await t.request('POST', `/api/v1/volunteer-teams/${subId}/leave`, {
      cookie: secretary,
      body: { volunteerId },
    });
    expect(notMember.json.error.details[0]).toMatchObject({ field: 'volunteerId', code: 'not_member' });
    expect(
      (await t.request('POST', `/api/v1/volunteer-teams/${subId}/dissolve`, { cookie: secretary, body: {} }))
        .status,
    ).toBe(200);
    const dissolved = await t.request('POST', `/api/v1/volunteer-teams/${corpsId}/dissolve`, {
      cookie: secretary,
      body: {},
    });
    expect(dissolved.status, dissolved.text).toBe(200);
    expect(dissolved.json.data.endsOn).toBe(shanghaiDay());
    const afterwards = await t.request('POST', `/api/v1/volunteer-teams/${corpsId}/join`, {
      cookie: secretary,
      body: { volunteerId },
    });
    expect(afterwards.json.error.details[0].code).toBe('dissolved');
    const active = await t.request('GET', `/api/v1/volunteer-teams?territoryId=${ids.community1.id}`, {
      cookie: secretary,
    });
    expect(active.json.data.map((x: { id: string }) => x.id)).not.toContain(corpsId);
    const gone = await t.request(
      'GET',
      `/api/v1/volunteer-teams?territoryId=${ids.community1.id}&status=dissolved`,
      { cookie: secretary },
    );
    expect(gone.json.data.map((x: { id: string }) => x.id).sort()).toEqual([corpsId, subId].sort());
    // created ×2, renamed, registered, joined, left, dissolved ×2.
    expect((await auditCount()) - before).toBe(8);
  });

  it('ending a profile ends its memberships the same day', async () => {
    const corps = (
      await createTeam(admin, { name: '注销测试队', territoryId: ids.grid2.id, startsOn: '2024-01-01' })
    ).json.data.id;
    const volunteerId = (await register(admin, { personId: await person(ids.grid2), startsOn: '2024-01-01' }))
      .json.data.id;
    await t.request('POST', `/api/v1/volunteer-teams/${corps}/join`, {
      cookie: admin,
      body: { volunteerId, on: '2024-01-05' },
    });
    await t.request('POST', `/api/v1/volunteers/${volunteerId}/end`, {
      cookie: admin,
      body: { endsOn: '2025-01-01' },
    });
    const [membership] = await t.db
      .select()
      .from(volunteerTeamMembers)
      .where(eq(volunteerTeamMembers.volunteerId, volunteerId));
    expect(membership!.endsOn).toBe('2025-01-01');
  });
});

describe('scope', () => {
  it('a community secretary manages only their community: another’s volunteers and teams answer 404 and change nothing', async () => {
    const outsidePerson = await person(ids.otherGrid);
    const outsideVolunteer = (await register(admin, { personId: outsidePerson })).json.data.id;
    const outsideTeam = (
      await createTeam(admin, { name: '外街道服务队', territoryId: ids.otherCommunity.id })
    ).json.data.id;
    const neighbourTeam = (await createTeam(admin, { name: '邻社区服务队', territoryId: ids.community2.id }))
      .json.data.id;
    const mine = (await register(secretary, { personId: await person(ids.grid1) })).json.data.id;
    const before = await auditCount();
    const attempts = [
      t.request('GET', `/api/v1/volunteers/${outsideVolunteer}`, { cookie: secretary }),
      t.request('POST', `/api/v1/volunteers/${outsideVolunteer}/end`, { cookie: secretary, body: {} }),
      t.request('GET', `/api/v1/volunteer-teams/${outsideTeam}`, { cookie: secretary }),
      t.request('GET', `/api/v1/volunteer-teams/${neighbourTeam}`, { cookie: secretary }),
      t.request('PATCH', `/api/v1/volunteer-teams/${neighbourTeam}`, {
        cookie: secretary,
        body: { name: '越权' },
      }),
      t.request('POST', `/api/v1/volunteer-teams/${neighbourTeam}/dissolve`, { cookie: secretary, body: {} }),
      t.request('POST', `/api/v1/volunteer-teams/${neighbourTeam}/join`, {
        cookie: secretary,
        body: { volunteerId: mine },
      }),
      // A team of the scope, a volunteer outside it.
      register(secretary, { personId: outsidePerson }),
      register(secretary, { personId: await person(ids.grid1), territoryId: ids.community2.id }),
      createTeam(secretary, { name: '越权队', territoryId: ids.community2.id }),
      createTeam(secretary, { name: '越权分队', parentId: neighbourTeam }),
      t.request('GET', `/api/v1/volunteers?territoryId=${ids.otherGrid.id}`, { cookie: secretary }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status, response.text).toBe(404);
    expect(await auditCount()).toBe(before);
    const listed = await t.request('GET', '/api/v1/volunteers?pageSize=200&status=all', {
      cookie: secretary,
    });
    expect(listed.json.data.map((v: { id: string }) => v.id)).not.toContain(outsideVolunteer);
    const teams = await t.request('GET', '/api/v1/volunteer-teams?status=all', { cookie: secretary });
    for (const team of teams.json.data) expect(team.territoryCode.startsWith(ids.community1.code)).toBe(true);
  });

  it('grid workers, branch secretaries and inspectors read, they do not manage; a grid worker sees their grid', async () => {
    for (const role of ['grid_worker', 'branch_secretary', 'inspector'] as const) {
      const cookie = await t.login(DEMO_ACCOUNT[role]);
      expect((await t.request('GET', '/api/v1/volunteers', { cookie })).status).toBe(200);
      expect((await createTeam(cookie, { name: '无权队', territoryId: ids.grid1.id })).status).toBe(403);
    }
    const gridCookie = await t.login(DEMO_ACCOUNT.grid_worker);
    const seen = await t.request('GET', '/api/v1/volunteers?pageSize=200', { cookie: gridCookie });
    for (const v of seen.json.data) expect(v.territoryCode.startsWith(ids.grid1.code)).toBe(true);
  });
});

describe('figures as of a day', () => {
  it('counts volunteers active on the day, each person once', async () => {
    const place = await insertTerritoryNode(t.db, {
      parent: { ...ids.community1, level: 'community' as const },
      level: 'grid',
      name: '志愿历史网格',
    });
    const a = await person(place);
    const b = await person(place);
    await t.db.transaction(async (tx) => {
      await insertVolunteer(tx, {
        personId: a,
        territoryCode: place.code,
        startsOn: '2022-01-01',
        endsOn: '2022-12-31',
      });
      await insertVolunteer(tx, { personId: a, territoryCode: place.code, startsOn: '2023-06-01' });
      await insertVolunteer(tx, {
        personId: b,
        territoryCode: place.code,
        startsOn: '2022-06-01',
        endsOn: '2023-12-31',
      });
    });
    const figure = async (to?: string) =>
      (
        await t.request('GET', `/api/v1/insights/figures?territoryId=${place.id}${to ? `&to=${to}` : ''}`, {
          cookie: admin,
        })
      ).json.volunteers as number;
    expect(await figure('2021-12-31')).toBe(0);
    expect(await figure('2022-07-01')).toBe(2);
    expect(await figure('2023-03-01')).toBe(1);
    expect(await figure('2023-07-01')).toBe(2);
    expect(await figure()).toBe(1);
    const teams = await t.db
      .select({ n: count() })
      .from(volunteerTeams)
      .where(eq(volunteerTeams.territoryCode, place.code));
    expect(teams[0]!.n).toBe(0);
  });
});
