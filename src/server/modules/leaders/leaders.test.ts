import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, roleAssignments, users } from '../../core/auth/auth.tables.ts';
import type { Job } from '../../core/jobs/handler.ts';
import { notifications } from '../../core/notifications/notifications.tables.ts';
import { insertAccount } from '../accounts/accounts.factories.ts';
import type { ModuleDefinition } from '../../core/kit/module.ts';
import { insertPerson } from '../people/people.factories.ts';
import { persons } from '../people/people.tables.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';
import { addDays, shanghaiDay, yearTermEnd } from './leaders.days.ts';
import { insertLeaderTerm } from './leaders.factories.ts';
import { LEADERS_REMIND, leadersModule } from './leaders.module.ts';
import { countLeaderFigures } from './leaders.service.ts';
import { leaderTerms } from './leaders.tables.ts';

type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid'; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let street2Secretary: Node;
let grid: Node;
let community: Node;
let outsideGrid: Node;
const today = shanghaiDay();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [street1, street2] = tree[0]!.children;
  community = street1!.children[0]!;
  grid = community.children[0]!;
  street2Secretary = street2!.children[0]!;
  outsideGrid = street2Secretary.children[0]!;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie = secretary) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie = secretary) => t.request('GET', `/api/v1${url}`, { cookie });

let phoneSeq = 0;
/** A new building on `on` with a household per room given, each with one adult member with a phone. */
async function building(rooms: string[] = ['101'], on: Node = grid, units = 1) {
  const first = await insertHousehold(t.db, testKeys, {
    grid: on,
    room: rooms[0],
    building: { unitCount: units },
    members: [{ name: '楼长候选', phone: `1390000${String(++phoneSeq).padStart(4, '0')}` }],
  });
  const all = [first];
  for (const room of rooms.slice(1)) {
    all.push(
      await insertHousehold(t.db, testKeys, {
        buildingId: first.building.id,
        room,
        members: [{ name: `住户${room}`, phone: `1390000${String(++phoneSeq).padStart(4, '0')}` }],
      }),
    );
  }
  return { id: first.building.id, households: all, resident: first.members[0]! };
}

async function personOn(on: Node = grid, name = '某人') {
  return t.db.transaction((tx) => insertPerson(tx, testKeys, { name, territoryCode: on.code }));
}

async function nominate(body: Record<string, unknown>, cookie = secretary) {
  const response = await post('/leaders/terms', { nomination: 'residents', ...body }, cookie);
  expect(response.status, response.text).toBe(201);
  return response.json.data as {
    id: string;
    personId: string;
    status: string;
    startsOn: string;
    endsOn: string;
  };
}

const approve = (id: string, cookie = secretary) =>
  post(`/leaders/terms/${id}/review`, { decision: 'approve' }, cookie);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await t.db.execute(query);
  return (result as { rows: T[] }).rows;
}
const unitsOf = (buildingId: string) =>
  rows<{ id: string }>(
    sql`select id::text as id from units where building_id = ${buildingId}::uuid order by number`,
  );

async function auditCount(action: string, entityId?: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return row!.n;
}

describe('nominating and reviewing a leader', () => {
  it('nominates a resident (their person recorded), approves, and the leader signs in with their page', async () => {
    const b = await building(['1201', '201', '1001', '902', '301']);
    const term = await nominate({ buildingId: b.id, residentId: b.resident.id, tags: ['mass_leader'] });
    expect(term.status).toBe('submitted');
    expect(term.startsOn).toBe(today);
    expect(term.endsOn).toBe(yearTermEnd(today));
    expect(await auditCount('leader.nominated', term.id)).toBe(1);
    const [person] = await t.db.select().from(persons).where(eq(persons.residentId, b.resident.id));
    expect(person!.id).toBe(term.personId);

    const approved = await approve(term.id);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.data.status).toBe('approved');
    expect(approved.json.data.active).toBe(true);
    expect(approved.json.data.mobile).toMatch(/\*\*\*\*/);
    const opened = approved.json.opened as { username: string; password: string };
    expect(opened.username).toBeTruthy();
    const [assignment] = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.sourceId, term.id));
    expect(assignment).toMatchObject({ role: 'building_leader', scopeKind: 'buildings', scopeIds: [b.id] });
    expect(assignment!.endsAt!.toISOString()).toBe(
      new Date(`${addDays(term.endsOn, 1)}T00:00:00+08:00`).toISOString(),
    );

    let cookie = await t.login(opened.username, opened.password);
    const changed = await post(
      '/me/password',
      { currentPassword: opened.password, newPassword: 'Leader-pass-2026' },
      cookie,
    );
    expect(changed.status, changed.text).toBeLessThan(300);
    cookie = await t.login(opened.username, 'Leader-pass-2026');
    const me = await get('/leaders/me', cookie);
    expect(me.status).toBe(200);
    expect(me.json.data.buildings.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(me.json.data.terms[0].id).toBe(term.id);
    const homes = await get('/leaders/me/households', cookie);
    expect(homes.status, homes.text).toBe(200);
    // Number-aware room order: 201, 301, 902, 1001, 1201.
    expect(homes.json.data.map((h: { room: string }) => h.room)).toEqual([
      '201',
      '301',
      '902',
      '1001',
      '1201',
    ]);
    const member = homes.json.data[0].members[0];
    expect(member.phone).toMatch(/\*\*\*\*/);
    const call = await post(`/leaders/me/residents/${member.id}/call`, undefined, cookie);
    expect(call.status, call.text).toBe(200);
    expect(call.json.data.phone).toMatch(/^1390000\d{4}$/);
    expect(await auditCount('leader.resident_called', member.id)).toBe(1);
    // A resident of another building is not theirs to call; the registry's reveal stays closed to them.
    const other = await building(['101']);
    expect((await post(`/leaders/me/residents/${other.resident.id}/call`, undefined, cookie)).status).toBe(
      404,
    );
    expect((await post(`/residents/${member.id}/reveal`, undefined, cookie)).status).toBe(403);
    // They see their building's terms only.
    const list = await get('/leaders/terms?pageSize=200', cookie);
    expect(list.status).toBe(200);
    expect(new Set(list.json.data.map((x: { buildingId: string }) => x.buildingId))).toEqual(new Set([b.id]));
    expect((await get(`/leaders/buildings/${other.id}`, cookie)).status).toBe(404);
    expect((await get(`/leaders/buildings/${b.id}`, cookie)).json.data.current[0].id).toBe(term.id);
  });

  it('a term approved ahead of its first day gives the leader nothing before that day', async () => {
    const b = await building();
    const startsOn = addDays(today, 3);
    const term = await nominate({ buildingId: b.id, residentId: b.resident.id, startsOn });
    const approved = await approve(term.id);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.data.active).toBe(false);
    const [assignment] = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.sourceId, term.id));
    expect(assignment!.startsAt!.toISOString()).toBe(new Date(`${startsOn}T00:00:00+08:00`).toISOString());
    const opened = approved.json.opened as { username: string; password: string };
    await post(
      '/me/password',
      { currentPassword: opened.password, newPassword: 'Leader-pass-2028' },
      await t.login(opened.username, opened.password),
    );
    const cookie = await t.login(opened.username, 'Leader-pass-2028');
    expect((await get('/me', cookie)).json.data.roles).toEqual([]);
    expect((await get('/leaders/me/households', cookie)).status).toBe(403);
    expect((await get(`/leaders/buildings/${b.id}`, cookie)).status).toBe(403);
  });

  it('refuses a body naming both a person and a resident, or neither, and an end before the start', async () => {
    const b = await building();
    const before = await auditCount('leader.nominated');
    const personId = await personOn();
    for (const body of [
      { buildingId: b.id, nomination: 'self', personId, residentId: b.resident.id },
      { buildingId: b.id, nomination: 'self' },
      { buildingId: b.id, nomination: 'self', personId, startsOn: '2026-05-01', endsOn: '2026-04-01' },
      { buildingId: b.id, nomination: 'self', personId, startsOn: '1999-05-01' },
    ]) {
      const response = await post('/leaders/terms', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.details.length).toBeGreaterThan(0);
    }
    expect(await auditCount('leader.nominated')).toBe(before);
  });

  it('one approved building leader per building on any day: a second, overlapping, answers 409', async () => {
    const b = await building();
    const first = await nominate({ buildingId: b.id, personId: await personOn(), startsOn: '2026-01-01' });
    expect((await approve(first.id)).status).toBe(200);
    const second = await nominate({
      buildingId: b.id,
      personId: await personOn(grid, '另一人'),
      startsOn: '2026-12-31',
    });
    const refused = await t.request('POST', `/api/v1/leaders/terms/${second.id}/review`, {
      cookie: secretary,
      body: { decision: 'approve' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('LEADER_BUILDING_TAKEN');
    expect(refused.json.error.message).toContain('同一时间只能有一名楼长');
    const english = await t.request('POST', `/api/v1/leaders/terms/${second.id}/review`, {
      cookie: secretary,
      body: { decision: 'approve' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json.error.message).toContain('one leader at a time');
    expect((await get(`/leaders/terms/${second.id}`)).json.data.status).toBe('submitted');
    // A term starting the day after the first ends is fine.
    const later = await nominate({
      buildingId: b.id,
      personId: await personOn(grid, '下一任'),
      startsOn: '2027-01-01',
    });
    expect((await approve(later.id)).status).toBe(200);
  });

  it('two approvals of two nominations for one building at once: one is approved, the other answers 409', async () => {
    const b = await building();
    const first = await nominate({ buildingId: b.id, personId: await personOn() });
    const second = await nominate({ buildingId: b.id, personId: await personOn(grid, '同时') });
    const worker = await t.login(DEMO_ACCOUNT.community_worker);
    const answers = await Promise.all([approve(first.id), approve(second.id, worker)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [approved] = await rows<{ n: number }>(
      sql`select count(*)::int as n from leader_terms where building_id = ${b.id}::uuid and status = 'approved'`,
    );
    expect(approved!.n).toBe(1);
  });

  it('one leader per unit; unit leaders do not take the building leader’s place', async () => {
    const b = await building(['101'], grid, 2);
    const [unit1, unit2] = await unitsOf(b.id);
    const buildingLeader = await nominate({ buildingId: b.id, personId: await personOn() });
    expect((await approve(buildingLeader.id)).status).toBe(200);
    const u1 = await nominate({ buildingId: b.id, unitId: unit1!.id, personId: await personOn() });
    expect((await approve(u1.id)).status).toBe(200);
    const u2 = await nominate({ buildingId: b.id, unitId: unit2!.id, personId: await personOn() });
    expect((await approve(u2.id)).status).toBe(200);
    const u1again = await nominate({ buildingId: b.id, unitId: unit1!.id, personId: await personOn() });
    const refused = await approve(u1again.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('LEADER_BUILDING_TAKEN');
    // A unit of another building is refused at nomination.
    const other = await building();
    const wrong = await post('/leaders/terms', {
      buildingId: other.id,
      unitId: unit1!.id,
      nomination: 'self',
      personId: await personOn(),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details[0].field).toBe('unitId');
  });

  it('no overlapping terms of one person on one building', async () => {
    const b = await building(['101'], grid, 2);
    const [unit1] = await unitsOf(b.id);
    const personId = await personOn();
    const first = await nominate({ buildingId: b.id, personId, startsOn: '2026-03-01' });
    expect((await approve(first.id)).status).toBe(200);
    const again = await nominate({ buildingId: b.id, unitId: unit1!.id, personId, startsOn: '2026-09-01' });
    const refused = await approve(again.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('LEADER_TERMS_OVERLAP');
    expect(refused.json.error.message).toMatch(/overlap|重叠/);
  });

  it('rejecting needs a reason; withdrawing works on submitted nominations only', async () => {
    const b = await building();
    const term = await nominate({ buildingId: b.id, personId: await personOn() });
    const noReason = await post(`/leaders/terms/${term.id}/review`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details[0].field).toBe('reason');
    const rejected = await post(`/leaders/terms/${term.id}/review`, {
      decision: 'reject',
      reason: '不符合条件',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.json.data).toMatchObject({ status: 'rejected', reason: '不符合条件' });
    expect(await auditCount('leader.rejected', term.id)).toBe(1);
    expect((await approve(term.id)).json.error.code).toBe('LEADER_TERM_STATUS');

    const other = await nominate({ buildingId: b.id, personId: await personOn() });
    const withdrawn = await post(`/leaders/terms/${other.id}/withdraw`, { reason: '本人放弃' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.data.status).toBe('withdrawn');
    expect((await post(`/leaders/terms/${other.id}/withdraw`, {})).status).toBe(409);
  });
});

describe('ending and renewing a term', () => {
  it('ending early sets the last day and removes the access within one request', async () => {
    const b = await building();
    const term = await nominate({ buildingId: b.id, residentId: b.resident.id });
    const opened = (await approve(term.id)).json.opened as { username: string; password: string };
    const cookie = await t.login(opened.username, opened.password);
    // mustChangePassword still lets GET requests through? Change it to be sure.
    await post('/me/password', { currentPassword: opened.password, newPassword: 'Leader-pass-2027' }, cookie);
    const signedIn = await t.login(opened.username, 'Leader-pass-2027');
    expect((await get('/leaders/me/households', signedIn)).status).toBe(200);

    const noReason = await post(`/leaders/terms/${term.id}/end`, {});
    expect(noReason.status).toBe(400);
    const ended = await post(`/leaders/terms/${term.id}/end`, { reason: '搬离本楼' });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.data.endsOn).toBe(addDays(today, -1));
    expect(ended.json.data.endedAt).toBeTruthy();
    expect(ended.json.data.active).toBe(false);
    expect(await auditCount('leader.ended', term.id)).toBe(1);
    // The very next request of the same session has no leader access.
    const after = await get('/leaders/me/households', signedIn);
    expect(after.status).toBe(403);
    expect((await get('/leaders/me', signedIn)).json.data.buildings).toEqual([]);
    expect((await get(`/residents?buildingId=${b.id}`, signedIn)).status).toBe(403);
    // Ending twice is refused.
    expect((await post(`/leaders/terms/${term.id}/end`, { reason: '再次' })).json.error.code).toBe(
      'LEADER_TERM_OVER',
    );
  });

  it('renewing makes a new approved term from the day after and re-grants the access to its end', async () => {
    const b = await building();
    const start = addDays(today, -300);
    const term = await nominate({ buildingId: b.id, personId: await personOn(), startsOn: start });
    expect((await approve(term.id)).status).toBe(200);
    const renewed = await post(`/leaders/terms/${term.id}/renew`, { tags: ['deliberator'] });
    expect(renewed.status, renewed.text).toBe(201);
    const next = renewed.json.data;
    expect(next).toMatchObject({
      status: 'approved',
      renewalOf: term.id,
      startsOn: addDays(term.endsOn, 1),
      endsOn: yearTermEnd(addDays(term.endsOn, 1)),
      tags: ['deliberator'],
    });
    const [assignment] = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.sourceId, next.id));
    expect(assignment!.endsAt!.toISOString()).toBe(
      new Date(`${addDays(next.endsOn, 1)}T00:00:00+08:00`).toISOString(),
    );
    expect(await auditCount('leader.renewed', next.id)).toBe(1);
    const twice = await post(`/leaders/terms/${term.id}/renew`, {});
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('LEADER_TERM_RENEWED');
    // The list says so, so that no page offers a second renewal.
    const listed = (await get(`/leaders/terms?buildingId=${b.id}`)).json.data as {
      id: string;
      renewed: boolean;
    }[];
    expect(listed.find((r) => r.id === term.id)?.renewed).toBe(true);
    expect(listed.find((r) => r.id === next.id)?.renewed).toBe(false);
  });
});

describe('reminders of terms ending soon', () => {
  it('the daily job marks approved terms ending within 30 days once, audits each, and /leaders/expiring lists them', async () => {
    const b1 = await building();
    const b2 = await building();
    const b3 = await building();
    const soon = await insertLeaderTerm(t.db, {
      buildingId: b1.id,
      personId: await personOn(),
      startsOn: addDays(today, -355),
      endsOn: addDays(today, 10),
    });
    const later = await insertLeaderTerm(t.db, {
      buildingId: b2.id,
      personId: await personOn(),
      startsOn: addDays(today, -300),
      endsOn: addDays(today, 65),
    });
    const pending = await insertLeaderTerm(t.db, {
      buildingId: b3.id,
      personId: await personOn(),
      status: 'submitted',
      startsOn: addDays(today, -355),
      endsOn: addDays(today, 10),
    });
    const jobs = (leadersModule.jobs as NonNullable<ModuleDefinition['jobs']>)({
      db: t.db,
      keys: testKeys,
      logger: pino({ level: 'silent' }),
      databaseKind: t.database.kind,
    });
    expect(jobs.schedules?.map((s) => s.kind)).toContain(LEADERS_REMIND);
    const run = () =>
      jobs.handlers[LEADERS_REMIND]!({
        job: { id: 'x', kind: LEADERS_REMIND, payload: {}, attempts: 1 } as unknown as Job,
        signal: new AbortController().signal,
        heartbeat: async () => {},
      });
    await run();
    const rows = await t.db
      .select()
      .from(leaderTerms)
      .where(sql`${leaderTerms.id} in (${soon.id}, ${later.id}, ${pending.id})`);
    const reminded = Object.fromEntries(rows.map((r) => [r.id, r.remindedAt]));
    expect(reminded[soon.id]).toBeTruthy();
    expect(reminded[later.id]).toBeNull();
    expect(reminded[pending.id]).toBeNull();
    expect(await auditCount('leader.term_expiring', soon.id)).toBe(1);
    await run();
    expect(await auditCount('leader.term_expiring', soon.id)).toBe(1);
    // Told once: the community's staff (the demo secretary of the building's community) on the desk's bell.
    const [secretaryUser] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, DEMO_ACCOUNT.community_secretary));
    const toldOf = (id: string) =>
      t.db
        .select({ userId: notifications.userId, link: notifications.link })
        .from(notifications)
        .where(eq(notifications.sourceKey, `leader.term_expiring:${id}`));
    const toldSoon = await toldOf(soon.id);
    expect(toldSoon.map((n) => n.userId)).toContain(secretaryUser!.id);
    expect(toldSoon.every((n) => n.link === '/leaders')).toBe(true);
    expect(new Set(toldSoon.map((n) => n.userId)).size).toBe(toldSoon.length);
    expect(await toldOf(later.id)).toEqual([]);
    const mine = await get('/me/notifications?unread=true');
    expect(mine.json.data.some((n: { title: { zh: string } }) => n.title.zh === '楼栋长任期即将到期')).toBe(
      true,
    );
    // A leader with an account is told too (a term reminded for the first time).
    const b4 = await building();
    const withAccount = await insertLeaderTerm(t.db, {
      buildingId: b4.id,
      personId: await personOn(),
      startsOn: addDays(today, -360),
      endsOn: addDays(today, 5),
    });
    const account = await insertAccount(t.db, testKeys, { username: 'expiring-leader', roles: [] });
    await t.db.update(persons).set({ userId: account.user.id }).where(eq(persons.id, withAccount.personId));
    await run();
    // The leader, and the same staff as before.
    expect((await toldOf(withAccount.id)).map((n) => n.userId).sort()).toEqual(
      [...toldSoon.map((n) => n.userId), account.user.id].sort(),
    );

    const expiring = await get('/leaders/expiring?days=30');
    expect(expiring.status).toBe(200);
    const ids = expiring.json.data.map((x: { id: string }) => x.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(pending.id);
    const filtered = await get('/leaders/terms?expiringWithin=30&pageSize=200');
    expect(filtered.json.data.map((x: { id: string }) => x.id)).toContain(soon.id);
  });
});

describe('scope', () => {
  it('a community secretary manages only their community: another street’s terms and buildings answer 404', async () => {
    const outside = await building(['101'], outsideGrid);
    const term = await insertLeaderTerm(t.db, {
      buildingId: outside.id,
      personId: await personOn(outsideGrid),
    });
    const submitted = await insertLeaderTerm(t.db, {
      buildingId: outside.id,
      personId: await personOn(outsideGrid),
      status: 'submitted',
    });
    expect((await get(`/leaders/terms/${term.id}`)).status).toBe(404);
    expect((await get(`/leaders/buildings/${outside.id}`)).status).toBe(404);
    expect((await approve(submitted.id)).status).toBe(404);
    expect((await post(`/leaders/terms/${term.id}/end`, { reason: '越权' })).status).toBe(404);
    expect((await post(`/leaders/terms/${term.id}/renew`, {})).status).toBe(404);
    expect(
      (
        await post('/leaders/terms', {
          buildingId: outside.id,
          nomination: 'self',
          residentId: outside.resident.id,
        })
      ).status,
    ).toBe(404);
    expect((await get(`/leaders/terms?territoryId=${outsideGrid.id}`)).status).toBe(404);
    expect((await get(`/leaders/terms?buildingId=${outside.id}`)).status).toBe(404);
    // The street admin of the other street sees them.
    expect((await get(`/leaders/terms/${term.id}`, admin)).status).toBe(200);
  });

  it('approving or renewing gives no access to an account the reviewer could not manage: 404 (another street’s), 403 (a peer’s); nothing changes', async () => {
    const rolesOf = async (userId: string) =>
      (await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
        .map((r) => `${r.role}:${r.scopeIds.join(',')}`)
        .sort();
    /** A nomination on a new building of the grid for a person linked to a new account with `role`. */
    const nominatedWith = async (username: string, role: Parameters<typeof insertAccount>[2]['roles']) => {
      const account = await insertAccount(t.db, testKeys, { username, roles: role });
      const b = await building();
      const personId = await personOn();
      await t.db.update(persons).set({ userId: account.user.id }).where(eq(persons.id, personId));
      const term = await nominate({ buildingId: b.id, personId });
      return { userId: account.user.id, term };
    };
    const elsewhere = await nominatedWith('leader-other-street', [
      { role: 'grid_worker', scopeKind: 'grids', scopeIds: [outsideGrid.id] },
    ]);
    const peer = await nominatedWith('leader-peer-secretary', [
      { role: 'community_secretary', scopeKind: 'community', scopeIds: [community.id] },
    ]);
    for (const [{ userId, term }, status] of [
      [elsewhere, 404],
      [peer, 403],
    ] as const) {
      const roles = await rolesOf(userId);
      const refused = await approve(term.id);
      expect(refused.status, refused.text).toBe(status);
      expect((await get(`/leaders/terms/${term.id}`)).json.data.status).toBe('submitted');
      expect(await rolesOf(userId)).toEqual(roles);
      expect(await auditCount('leader.approved', term.id)).toBe(0);
    }
    // The county administrator approves; the secretary may not renew the term onto that account either.
    expect((await approve(elsewhere.term.id, admin)).status).toBe(200);
    const roles = await rolesOf(elsewhere.userId);
    expect(roles).toHaveLength(2);
    const renewed = await post(`/leaders/terms/${elsewhere.term.id}/renew`, {});
    expect(renewed.status, renewed.text).toBe(404);
    expect(await rolesOf(elsewhere.userId)).toEqual(roles);
    const renewals = await t.db
      .select()
      .from(leaderTerms)
      .where(eq(leaderTerms.renewalOf, elsewhere.term.id));
    expect(renewals).toEqual([]);
    // Ending the term only takes access away: the secretary may.
    expect((await post(`/leaders/terms/${elsewhere.term.id}/end`, { reason: '调离' })).status).toBe(200);
  });

  it('a building leader names only places holding their buildings, and only their buildings: others answer 404', async () => {
    const leader = await t.login(DEMO_ACCOUNT.building_leader);
    const terms = (await get('/leaders/terms?pageSize=200', leader)).json.data as {
      buildingId: string;
      gridCode: string;
    }[];
    const mine = terms[0]!;
    const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
    const nodes: Node[] = [];
    const walk = (n: Node) => {
      nodes.push(n);
      n.children.forEach(walk);
    };
    tree.forEach(walk);
    const holding = nodes.filter((n) => n.level !== 'county' && mine.gridCode.startsWith(n.code));
    const notHolding = nodes.filter((n) => n.level === 'grid' && !mine.gridCode.startsWith(n.code));
    expect(holding.map((n) => n.level).sort()).toEqual(['community', 'grid', 'street']);
    const sameCommunity = notHolding.find((n) =>
      n.code.startsWith(holding.find((h) => h.level === 'community')!.code),
    );
    for (const place of [outsideGrid, sameCommunity!]) {
      for (const path of ['/leaders/terms', '/leaders/expiring']) {
        const response = await get(`${path}?territoryId=${place.id}`, leader);
        expect(response.status, `${path} ${place.code}: ${response.text}`).toBe(404);
      }
    }
    for (const place of holding) {
      for (const path of ['/leaders/terms', '/leaders/expiring']) {
        expect((await get(`${path}?territoryId=${place.id}`, leader)).status).toBe(200);
      }
    }
    const otherBuilding = await building(['101'], grid);
    expect((await get(`/leaders/terms?buildingId=${otherBuilding.id}`, leader)).status).toBe(404);
    const own = await get(`/leaders/terms?buildingId=${mine.buildingId}`, leader);
    expect(own.status).toBe(200);
    expect(own.json.page.total).toBeGreaterThan(0);
  });

  it('the demo building leader is the approved leader of their building and sees only it', async () => {
    const leader = await t.login(DEMO_ACCOUNT.building_leader);
    const me = await get('/leaders/me', leader);
    expect(me.status).toBe(200);
    expect(me.json.data.buildings.length).toBe(1);
    const buildingId = me.json.data.buildings[0].id;
    expect(
      me.json.data.terms.some(
        (x: { active: boolean; buildingId: string }) => x.active && x.buildingId === buildingId,
      ),
    ).toBe(true);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'leader'));
    const [assignment] = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, user!.id));
    expect(assignment!.sourceKind).toBe('leader_term');
    const terms = await get('/leaders/terms?pageSize=200', leader);
    expect(terms.json.data.every((x: { buildingId: string }) => x.buildingId === buildingId)).toBe(true);
    const homes = await get('/leaders/me/households', leader);
    expect(homes.status).toBe(200);
    expect(homes.json.data.length).toBeGreaterThan(0);
  });
});

describe('the building’s WeChat group', () => {
  const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;
  it('records name, member count and a PNG QR image, audited; refuses what is not an image', async () => {
    const b = await building();
    const put = await t.request('PUT', `/api/v1/leaders/buildings/${b.id}/chat`, {
      cookie: secretary,
      body: { name: '1号楼居民群', memberCount: 42, qrImage: png },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json.data).toMatchObject({ name: '1号楼居民群', memberCount: 42, qrImage: png });
    expect(await auditCount('leader.chat_updated', b.id)).toBe(1);
    expect((await get(`/leaders/buildings/${b.id}`)).json.data.chat.memberCount).toBe(42);
    const fake = `data:image/png;base64,${Buffer.from('<svg>not a png</svg>').toString('base64')}`;
    const refused = await t.request('PUT', `/api/v1/leaders/buildings/${b.id}/chat`, {
      cookie: secretary,
      body: { name: '假图', memberCount: 1, qrImage: fake },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details[0].field).toBe('qrImage');
    const gif = await t.request('PUT', `/api/v1/leaders/buildings/${b.id}/chat`, {
      cookie: secretary,
      body: { name: '动图', memberCount: 1, qrImage: 'data:image/gif;base64,R0lGODlh' },
    });
    expect(gif.status).toBe(400);
    expect(await auditCount('leader.chat_updated', b.id)).toBe(1);
  });
});

describe('figures', () => {
  it('counts leaders and buildings without one as of a past day, from the terms’ dates', async () => {
    const newGrid = await insertTerritoryNode(t.db, { parent: community });
    const place = { id: newGrid.id, code: newGrid.code, level: 'grid' as const, children: [] };
    const b1 = await building(['101'], place);
    const b2 = await building(['101'], place);
    const b3 = await building(['101'], place);
    await t.db.execute(
      sql`update buildings set created_at = '2025-01-01T00:00:00+08:00' where territory_code = ${newGrid.code}`,
    );
    const p1 = await personOn(place);
    const p2 = await personOn(place);
    // p1 leads b1 and b2 through 2025; p2 leads b1 from 2026 (after p1), b3 has a rejected nomination only.
    await insertLeaderTerm(t.db, {
      buildingId: b1.id,
      personId: p1,
      startsOn: '2025-03-01',
      endsOn: '2025-12-31',
    });
    await insertLeaderTerm(t.db, {
      buildingId: b2.id,
      personId: p1,
      startsOn: '2025-03-01',
      endsOn: '2025-12-31',
    });
    await insertLeaderTerm(t.db, {
      buildingId: b1.id,
      personId: p2,
      startsOn: '2026-01-01',
      endsOn: addDays(today, 100),
    });
    await insertLeaderTerm(t.db, {
      buildingId: b3.id,
      personId: p2,
      status: 'rejected',
      startsOn: '2025-01-01',
    });
    // p3 leads b2's unit through the first half of 2025: a leader counted, but b2 is not led by it.
    const p3 = await personOn(place);
    const [b2unit] = await unitsOf(b2.id);
    await insertLeaderTerm(t.db, {
      buildingId: b2.id,
      unitId: b2unit!.id,
      personId: p3,
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
    });
    const scope = { all: true, codes: [], buildingIds: [], self: false };
    const on = (day: string) =>
      countLeaderFigures(t.db, scope, newGrid.code, new Date(`${day}T23:59:59+08:00`));
    expect(await on('2025-02-28')).toEqual({ buildingLeaders: 1, buildingsWithoutLeader: 3 });
    expect(await on('2025-06-30')).toEqual({ buildingLeaders: 2, buildingsWithoutLeader: 1 });
    expect(await on('2025-12-31')).toEqual({ buildingLeaders: 1, buildingsWithoutLeader: 1 });
    expect(await on('2026-01-01')).toEqual({ buildingLeaders: 1, buildingsWithoutLeader: 2 });
    expect(await on('2024-12-01')).toEqual({ buildingLeaders: 0, buildingsWithoutLeader: 0 });
    expect(await countLeaderFigures(t.db, scope, newGrid.code)).toEqual({
      buildingLeaders: 1,
      buildingsWithoutLeader: 2,
    });
    // Through the insights endpoint, as of a past day.
    const figures = await get(`/insights/figures?territoryId=${newGrid.id}&to=2025-06-30`, admin);
    expect(figures.status, figures.text).toBe(200);
    expect(JSON.stringify(figures.json)).toContain('buildingsWithoutLeader');
  });

  it('the demo county: nearly every building has a leader', async () => {
    const scope = { all: true, codes: [], buildingIds: [], self: false };
    const figures = await countLeaderFigures(t.db, scope);
    const [buildings] = await rows<{ n: number }>(sql`select count(*)::int as n from buildings`);
    expect(figures.buildingLeaders).toBeGreaterThan(0);
    expect(figures.buildingsWithoutLeader).toBeLessThan(buildings!.n * 0.25);
  });
});
