import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { proposeAssignments, type ProposalHousehold } from './contacts.proposal.ts';
import { dayBefore } from './contacts.service.ts';

type Node = { id: string; code: string; level: string; children: Node[] };
type Candidate = {
  key: string;
  personId: string;
  name: string;
  load: number;
  maxLoad: number;
  current: boolean;
};

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let community: Node;
let outsideCommunity: Node;
const today = shanghaiDay();

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  community = tree[0]!.children[0]!.children[0]!;
  outsideCommunity = tree[0]!.children[1]!.children[0]!;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });
const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const put = (url: string, body: unknown, cookie: string) =>
  t.request('PUT', `/api/v1${url}`, { cookie, body });

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await rowsOf<T>(t.db, query))[0]!;
}
const auditCount = async (action: string) =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;

let used = 0;
/**
 * A household of the community (not moved out) without a leader contact: the demo gives most one, so one in turn is
 * freed first (its proposal's assignment ended through the API).
 */
async function householdWithoutLeader(code = community.code) {
  const row = await one<{ id: string }>(sql`select id::text as id from households
    where territory_code like ${`${code}%`} and moved_out_at is null order by room, id offset ${used++} limit 1`);
  const open = await one<{ n: number }>(sql`select count(*)::int as n from contact_assignments
    where household_id = ${row.id}::uuid and kind = 'leader' and ends_on is null`);
  if (open.n > 0 && code === community.code) {
    const ended = await post(`/households/${row.id}/contacts/end`, { kind: 'leader' }, secretary);
    expect(ended.status, ended.text).toBe(200);
  }
  return row.id;
}
const candidatesOf = async (householdId: string, kind = 'leader') => {
  const response = await get(`/households/${householdId}/contacts/candidates?kind=${kind}`, secretary);
  expect(response.status, response.text).toBe(200);
  return response.json.data as { current: { key: string; source: string } | null; candidates: Candidate[] };
};
const withoutLeader = async () =>
  (await get(`/contacts/coverage?communityId=${community.id}`, secretary)).json.data.total
    .withoutLeader as number;
const assignmentRows = (householdId: string, kind = 'leader') =>
  rowsOf<{ id: string; person_id: string; source: string; starts_on: string; ends_on: string | null }>(
    t.db,
    sql`select id, person_id, source, starts_on::text, ends_on::text from contact_assignments
      where household_id = ${householdId}::uuid and kind = ${kind} and source = 'manual' order by created_at, id`,
  );

describe('manual contact assignment', () => {
  it('assigns a leader by hand within the load, changes it (history kept), ends it; the figures follow; audited', async () => {
    const householdId = await householdWithoutLeader();
    const before = await withoutLeader();
    const [assignedBefore, endedBefore] = [
      await auditCount('contact.assigned'),
      await auditCount('contact.assignment_ended'),
    ];
    const { candidates, current } = await candidatesOf(householdId);
    expect(current).toBeNull();
    expect(candidates.length).toBeGreaterThan(1);
    const free = candidates.filter((c) => c.load < c.maxLoad);
    expect(free.length).toBeGreaterThan(1);
    const first = await post(
      `/households/${householdId}/contacts`,
      { kind: 'leader', contactKey: free[0]!.key },
      secretary,
    );
    expect(first.status, first.text).toBe(200);
    expect(first.json.data).toMatchObject({
      personId: free[0]!.personId,
      load: free[0]!.load + 1,
      overLoad: false,
    });
    expect(await withoutLeader()).toBe(before - 1);
    const card = (await get(`/households/${householdId}/contacts`, secretary)).json.data;
    expect(card.leader).toMatchObject({ personId: free[0]!.personId, source: 'manual', since: today });
    expect((await candidatesOf(householdId)).current).toMatchObject({ key: free[0]!.key, source: 'manual' });

    // Changed: the first row ends (a row started today never held), the new one is open.
    const second = await post(
      `/households/${householdId}/contacts`,
      { kind: 'leader', contactKey: free[1]!.key },
      secretary,
    );
    expect(second.status, second.text).toBe(200);
    const rows = await assignmentRows(householdId);
    expect(rows.map((r) => [r.person_id, r.source, r.ends_on])).toEqual([
      [free[0]!.personId, 'manual', dayBefore(today)],
      [free[1]!.personId, 'manual', null],
    ]);
    expect(await withoutLeader()).toBe(before - 1);

    // Ended: the household is without a leader again today; ending twice: 409.
    const ended = await post(
      `/households/${householdId}/contacts/end`,
      { kind: 'leader', reason: '测试' },
      secretary,
    );
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.data.endsOn).toBe(dayBefore(today));
    expect((await get(`/households/${householdId}/contacts`, secretary)).json.data.leader).toBeNull();
    expect(await withoutLeader()).toBe(before);
    const twice = await post(`/households/${householdId}/contacts/end`, { kind: 'leader' }, secretary);
    expect([twice.status, twice.json.error.code]).toEqual([409, 'CONTACT_NONE']);
    expect((await assignmentRows(householdId)).every((r) => r.ends_on !== null)).toBe(true);
    expect(await auditCount('contact.assigned')).toBe(assignedBefore + 2);
    expect(await auditCount('contact.assignment_ended')).toBe(endedBefore + 1);
  });

  it('goes above a contact’s load only when confirmed, and says so', async () => {
    const householdId = await householdWithoutLeader();
    const { candidates } = await candidatesOf(householdId);
    const busy = candidates.find((c) => c.load >= 1)!;
    expect(busy).toBeDefined();
    // The community's load down to the contact's: one more is above it.
    const settings = (await get(`/contacts/settings?communityId=${community.id}`, secretary)).json.data;
    const saved = await put(
      '/contacts/settings',
      {
        communityId: community.id,
        leaderMaxLoad: busy.load,
        centralMaxLoad: settings.centralMaxLoad,
        maxDistance: settings.maxDistance,
      },
      secretary,
    );
    expect(saved.status, saved.text).toBe(200);
    const refused = await post(
      `/households/${householdId}/contacts`,
      { kind: 'leader', contactKey: busy.key },
      secretary,
    );
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('CONTACT_OVER_LOAD');
    expect(refused.json.error.message).toContain(String(busy.load));
    expect(await assignmentRows(householdId)).toEqual([]);
    const english = await t.request('POST', `/api/v1/households/${householdId}/contacts`, {
      cookie: secretary,
      body: { kind: 'leader', contactKey: busy.key },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json.error.message).toMatch(/load/);
    const confirmed = await post(
      `/households/${householdId}/contacts`,
      { kind: 'leader', contactKey: busy.key, overLoad: true },
      secretary,
    );
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.data).toMatchObject({ overLoad: true, load: busy.load + 1, maxLoad: busy.load });
    const [entry] = await t.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(
        sql`${auditLog.action} = 'contact.assigned' and ${auditLog.entityId} = ${confirmed.json.data.id}`,
      );
    expect(entry!.changes).toMatchObject({ overLoad: true, source: 'manual' });
  });

  it('answers 404 for a household or a contact out of scope, 403 without the permission, 400 for bad input; nothing changes', async () => {
    const inside = await householdWithoutLeader();
    const outside = await householdWithoutLeader(outsideCommunity.code);
    const { candidates } = await candidatesOf(inside);
    const outsideLeader = await one<{ person_id: string }>(sql`select lt.person_id::text as person_id
      from leader_terms lt join buildings b on b.id = lt.building_id
      where lt.status = 'approved' and lt.ends_on >= ${today}::date and lt.starts_on <= ${today}::date
        and b.territory_code like ${`${outsideCommunity.code}%`} order by lt.person_id limit 1`);
    const audits = await auditCount('contact.assigned');
    const body = { kind: 'leader', contactKey: candidates[0]!.key };
    expect((await get(`/households/${outside}/contacts/candidates?kind=leader`, secretary)).status).toBe(404);
    expect((await post(`/households/${outside}/contacts`, body, secretary)).status).toBe(404);
    expect((await post(`/households/${outside}/contacts/end`, { kind: 'leader' }, secretary)).status).toBe(
      404,
    );
    // A contact of another community (out of scope): 404.
    const foreign = await post(
      `/households/${inside}/contacts`,
      { kind: 'leader', contactKey: outsideLeader.person_id },
      secretary,
    );
    expect(foreign.status).toBe(404);
    // A central household key given as a leader: 404 (not a leader of the community).
    expect(
      (
        await post(
          `/households/${inside}/contacts`,
          { kind: 'leader', contactKey: '01900000-0000-7000-8000-000000000001' },
          secretary,
        )
      ).status,
    ).toBe(404);
    expect((await post(`/households/${inside}/contacts`, body, gridWorker)).status).toBe(403);
    const bad = await post(
      `/households/${inside}/contacts`,
      { kind: 'mayor', contactKey: 'x', overLoad: 'yes' },
      secretary,
    );
    expect(bad.status).toBe(400);
    expect((bad.json.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'contactKey',
      'kind',
      'overLoad',
    ]);
    expect(await assignmentRows(inside)).toEqual([]);
    expect(await auditCount('contact.assigned')).toBe(audits);
  });
});

describe('the proposal keeps manual assignments', () => {
  it('keeps a pinned household with its contact, counted in the load (pure rule)', () => {
    const buildings = new Map([
      ['near', { id: 'near', code: 'B1', compound: 'A', lng: 117, lat: 36 }],
      ['far', { id: 'far', code: 'B2', compound: 'B', lng: 117.1, lat: 36.1 }],
    ]);
    const households: ProposalHousehold[] = ['101', '102'].map((room) => ({
      id: `h${room}`,
      buildingId: 'near',
      unitId: 'u1',
      buildingCode: 'B1',
      unitNumber: 1,
      room,
      current: room === '101' ? 'farLeader' : null,
      pinned: room === '101',
    }));
    const contacts = [
      { key: 'nearLeader', order: '1', maxLoad: 5, sites: [{ buildingId: 'near', unitId: null }] },
      { key: 'farLeader', order: '2', maxLoad: 1, sites: [{ buildingId: 'far', unitId: null }] },
    ];
    const pinned = proposeAssignments({ households, buildings, contacts, maxDistance: 300 });
    expect(pinned.map((p) => p.contact)).toEqual(['farLeader', 'nearLeader']);
    // Not pinned, the same household goes to the near leader: the pin is what keeps it.
    const free = proposeAssignments({
      households: households.map((h) => ({ ...h, pinned: false })),
      buildings,
      contacts,
      maxDistance: 300,
    });
    expect(free.map((p) => p.contact)).toEqual(['nearLeader', 'nearLeader']);
  });

  it('applying a later proposal leaves a manual assignment as it is', async () => {
    const householdId = await householdWithoutLeader();
    const { candidates } = await candidatesOf(householdId);
    // The leader the proposal would not choose: one whose buildings are farthest from the household's (or any).
    const ranked = await rowsOf<{ person_id: string }>(
      t.db,
      sql`select lt.person_id::text as person_id from leader_terms lt join buildings b on b.id = lt.building_id
        cross join (select hb.lng, hb.lat, hb.id, hb.compound from households h join buildings hb on hb.id = h.building_id
          where h.id = ${householdId}::uuid) me
        where lt.status = 'approved' and lt.person_id = any(${sql.param(candidates.map((c) => c.personId))}::uuid[])
        group by lt.person_id
        order by bool_or(b.id = me.id), min(abs(coalesce(b.lng, 0) - coalesce(me.lng, 0))
          + abs(coalesce(b.lat, 0) - coalesce(me.lat, 0))) desc, lt.person_id`,
    );
    const far = candidates.find((c) => c.personId === ranked[0]!.person_id)!;
    const assigned = await post(
      `/households/${householdId}/contacts`,
      { kind: 'leader', contactKey: far.key, overLoad: true },
      secretary,
    );
    expect(assigned.status, assigned.text).toBe(200);
    const proposal = await get(`/contacts/proposal?communityId=${community.id}&kind=leader`, secretary);
    expect(proposal.status, proposal.text).toBe(200);
    expect(
      (proposal.json.data.rows as { householdId: string }[]).some((r) => r.householdId === householdId),
    ).toBe(false);
    const applied = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'leader', fingerprint: proposal.json.data.fingerprint },
      secretary,
    );
    expect(applied.status, applied.text).toBe(200);
    const rows = await assignmentRows(householdId);
    expect(rows.filter((r) => r.ends_on === null)).toEqual([
      expect.objectContaining({ id: assigned.json.data.id, person_id: far.personId, source: 'manual' }),
    ]);
  });
});

describe('the central household flag follows the designations (one truth)', () => {
  const mismatches = () =>
    rowsOf<{ person_id: string }>(
      t.db,
      sql`select person_id::text from party_members where central_household
        except select person_id::text from central_households where ends_on is null
        union all
        (select person_id::text from central_households where ends_on is null
        except select person_id::text from party_members where central_household)`,
    );

  it('agrees after the demo, and designating / ending sets and clears the member’s flag', async () => {
    expect(await mismatches()).toEqual([]);
    const flagged = await one<{ n: number }>(
      sql`select count(*)::int as n from party_members where central_household`,
    );
    expect(flagged.n).toBeGreaterThan(0);
    const candidates = await get(
      `/contacts/central-households/candidates?communityId=${community.id}`,
      secretary,
    );
    const candidate = (candidates.json.data as { personId: string }[])[0]!;
    const flagOf = async () =>
      (
        await one<{ flagged: boolean }>(
          sql`select bool_or(central_household) as flagged from party_members where person_id = ${candidate.personId}::uuid`,
        )
      ).flagged;
    expect(await flagOf()).toBe(false);
    const designated = await post(
      '/contacts/central-households',
      { personId: candidate.personId },
      secretary,
    );
    expect(designated.status, designated.text).toBe(201);
    expect(await flagOf()).toBe(true);
    expect(await mismatches()).toEqual([]);
    // The party page shows it.
    const member = await one<{ branch_id: string }>(
      sql`select branch_id::text from party_members where person_id = ${candidate.personId}::uuid and ends_on is null`,
    );
    const org = (await get(`/party/orgs/${member.branch_id}`, admin)).json.data;
    expect(
      (org.members as { personId: string; centralHousehold: boolean }[]).find(
        (m) => m.personId === candidate.personId,
      )?.centralHousehold,
    ).toBe(true);
    const ended = await post(
      `/contacts/central-households/${designated.json.data.id}/end`,
      { reason: '测试' },
      secretary,
    );
    expect(ended.status, ended.text).toBe(200);
    expect(await flagOf()).toBe(false);
    expect(await mismatches()).toEqual([]);
    // The party routes no longer edit it (one truth): 400.
    const edit = await t.request('PATCH', `/api/v1/party/members/${member.branch_id}`, {
      cookie: admin,
      body: { centralHousehold: true },
    });
    expect(edit.status).toBe(400);
  });
});
