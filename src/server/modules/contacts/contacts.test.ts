import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { countContactFigures } from './contacts.figures.ts';
import {
  metresBetween,
  proposeAssignments,
  type ProposalBuilding,
  type ProposalContact,
  type ProposalHousehold,
} from './contacts.proposal.ts';
import { centralHouseholds, contactAssignments } from './contacts.tables.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let county: Node;
let community: Node;
let grid: Node;
let outsideCommunity: Node;

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  community = county.children[0]!.children[0]!;
  grid = community.children[0]!;
  outsideCommunity = county.children[1]!.children[0]!;
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

async function auditCount(action: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, action));
  return row!.n;
}

/** The open assignments of a kind in a community, per contact, against their load. */
async function overloaded(code: string, kind: string, leaderLoad: number) {
  return rowsOf<{ key: string; n: number; max: number }>(
    t.db,
    sql`select coalesce(a.central_household_id, a.person_id)::text as key, count(*)::int as n,
      coalesce(max(c.max_load), ${leaderLoad})::int as max
    from contact_assignments a left join central_households c on c.id = a.central_household_id
    where a.ends_on is null and a.kind = ${kind} and a.territory_code like ${`${code}%`}
    group by 1 having count(*) > coalesce(max(c.max_load), ${leaderLoad})`,
  );
}

describe('the proposal rule (pure)', () => {
  const building = (
    id: string,
    lng: number,
    lat: number,
    compound: string | null = 'A',
  ): ProposalBuilding => ({
    id,
    code: `B${id}`,
    compound,
    lng,
    lat,
  });
  const households = (buildingId: string, n: number, unit = `${buildingId}-u1`): ProposalHousehold[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${buildingId}-h${String(i).padStart(3, '0')}`,
      buildingId,
      unitId: unit,
      buildingCode: `B${buildingId}`,
      unitNumber: 1,
      room: `${100 + i}`,
      current: null,
    }));
  const contact = (
    key: string,
    buildingId: string,
    maxLoad: number,
    unitId: string | null = null,
  ): ProposalContact => ({
    key,
    order: key,
    maxLoad,
    sites: [{ buildingId, unitId }],
  });

  it('never exceeds a contact’s load and serves its own building first, then its compound, then the nearest', () => {
    // 0.001° of latitude is about 110 m.
    const buildings = new Map([
      ['1', building('1', 118.3, 35.0)],
      ['2', building('2', 118.3, 35.001)],
      ['3', building('3', 118.3, 35.003, 'B')],
      ['4', building('4', 118.3, 35.02, 'C')],
    ]);
    const result = proposeAssignments({
      households: [
        ...households('1', 10),
        ...households('2', 10),
        ...households('3', 10),
        ...households('4', 5),
      ],
      buildings,
      contacts: [contact('L1', '1', 12), contact('L3', '3', 15)],
      maxDistance: 500,
    });
    const by = (prefix: string) => result.filter((r) => r.householdId.startsWith(prefix));
    // L1 takes its 10, then 2 of the same compound's building 2; L3 its 10, then 5 of building 2 (≈220 m).
    expect(by('1-').every((r) => r.contact === 'L1' && r.tier === 1 && r.distance === 0)).toBe(true);
    expect(by('3-').every((r) => r.contact === 'L3' && r.distance === 0)).toBe(true);
    expect(by('2-').filter((r) => r.contact === 'L1')).toHaveLength(2);
    expect(
      by('2-')
        .filter((r) => r.contact === 'L1')
        .every((r) => r.tier === 2),
    ).toBe(true);
    expect(by('2-').filter((r) => r.contact === 'L3')).toHaveLength(5);
    expect(by('2-').filter((r) => r.contact === 'L3')[0]!.distance).toBe(
      metresBetween(buildings.get('2')!, buildings.get('3')!),
    );
    expect(by('2-').filter((r) => r.contact === null)).toHaveLength(3);
    // Building 4 lies 2 km away in another compound: beyond the farthest distance, nobody.
    expect(by('4-').every((r) => r.contact === null)).toBe(true);
    for (const key of ['L1', 'L3']) {
      expect(result.filter((r) => r.contact === key).length).toBeLessThanOrEqual(key === 'L1' ? 12 : 15);
    }
  });

  it('gives a unit leader their own unit before the building leader', () => {
    const buildings = new Map([['1', building('1', 118.3, 35.0)]]);
    const result = proposeAssignments({
      households: [
        ...households('1', 4, 'u1'),
        ...households('1', 4, 'u2').map((h) => ({ ...h, id: `${h.id}b`, unitNumber: 2 })),
      ],
      buildings,
      contacts: [contact('B', '1', 100), contact('U2', '1', 100, 'u2')],
      maxDistance: 500,
    });
    expect(
      result
        .filter((r) => r.contact === 'U2')
        .map((r) => r.householdId)
        .every((id) => id.endsWith('b')),
    ).toBe(true);
    expect(result.filter((r) => r.contact === 'U2')).toHaveLength(4);
    expect(result.filter((r) => r.contact === 'B')).toHaveLength(4);
  });

  it('is deterministic whatever the input order, and keeps current contacts within a stairwell', () => {
    const buildings = new Map([
      ['1', building('1', 118.3, 35.0)],
      ['2', building('2', 118.3005, 35.0)],
    ]);
    const hs = [...households('1', 30), ...households('2', 30)];
    const cs = [contact('C1', '1', 20), contact('C2', '2', 20), contact('C3', '1', 10)];
    const a = proposeAssignments({ households: hs, buildings, contacts: cs, maxDistance: 500 });
    const b = proposeAssignments({
      households: [...hs].reverse(),
      buildings,
      contacts: [...cs].reverse(),
      maxDistance: 500,
    });
    const sorted = (x: typeof a) => [...x].sort((p, q) => (p.householdId < q.householdId ? -1 : 1));
    expect(sorted(b)).toEqual(sorted(a));
    // A household currently with C3 keeps it when C3 serves its stairwell.
    const last = hs.find((h) => h.id === '1-h029')!;
    const kept = proposeAssignments({
      households: hs.map((h) => (h === last ? { ...h, current: 'C3' } : h)),
      buildings,
      contacts: cs,
      maxDistance: 500,
    });
    expect(kept.find((r) => r.householdId === '1-h029')!.contact).toBe('C3');
  });

  it('proposes over a community of 3,000 households and 150 central households well under a second', () => {
    const buildings = new Map<string, ProposalBuilding>();
    const hs: ProposalHousehold[] = [];
    for (let i = 0; i < 120; i++) {
      const id = String(i);
      buildings.set(
        id,
        building(id, 118.3 + (i % 12) * 0.0006, 35.0 + Math.floor(i / 12) * 0.0006, `C${i % 5}`),
      );
      for (let u = 1; u <= 3; u++) {
        hs.push(
          ...households(id, 8 + (i % 3), `${id}-u${u}`).map((h) => ({
            ...h,
            id: `${h.id}-${u}`,
            unitNumber: u,
          })),
        );
      }
    }
    const cs = Array.from({ length: 150 }, (_, i) =>
      contact(`K${i}`, String((i * 7) % 120), 15, `${(i * 7) % 120}-u1`),
    );
    const started = performance.now();
    const result = proposeAssignments({ households: hs, buildings, contacts: cs, maxDistance: 500 });
    const elapsed = performance.now() - started;
    expect(hs.length).toBeGreaterThan(3000);
    expect(elapsed).toBeLessThan(1000);
    const loads = new Map<string, number>();
    for (const r of result) if (r.contact) loads.set(r.contact, (loads.get(r.contact) ?? 0) + 1);
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(15);
    expect([...loads.values()].reduce((s, n) => s + n, 0)).toBe(150 * 15);
  });
});

describe('the demo', () => {
  it('has about one central household per 20 households, each a party member’s, and assignments within the loads', async () => {
    const { households, central } = await one<{ households: number; central: number }>(sql`
      select (select count(*)::int from households where moved_out_at is null) as households,
        (select count(*)::int from central_households where ends_on is null) as central`);
    expect(central).toBeGreaterThan(households / 30);
    expect(central).toBeLessThan(households / 12);
    const notMembers = await one<{ n: number }>(sql`select count(*)::int as n from central_households c
      where not exists (select 1 from party_members pm join persons p on p.id = pm.person_id
        join residents r on r.id = p.resident_id where pm.person_id = c.person_id and r.household_id = c.household_id)`);
    expect(notMembers.n).toBe(0);
    expect(await overloaded(county.code, 'leader', 80)).toEqual([]);
    expect(await overloaded(county.code, 'central_household', 0)).toEqual([]);
    // Every assignment is in the contact's building or compound, or within the farthest distance.
    const far = await one<{ n: number }>(sql`select count(*)::int as n from contact_assignments
      where ends_on is null and distance > 1000`);
    expect(far.n).toBe(0);
    const { withLeader } = await one<{
      withLeader: number;
    }>(sql`select count(distinct household_id)::int as "withLeader"
      from contact_assignments where kind = 'leader' and ends_on is null`);
    expect(withLeader / households).toBeGreaterThan(0.8);
    // Some designations ended (history).
    const ended = await one<{ n: number }>(
      sql`select count(*)::int as n from central_households where ends_on is not null`,
    );
    expect(ended.n).toBeGreaterThan(0);
  });
});

describe('figures and coverage', () => {
  it('counts as direct queries do, by place and as of a past day', async () => {
    const all = { all: true, codes: [], buildingIds: [], self: false };
    for (const [code, at] of [
      [undefined, undefined],
      [community.code, undefined],
      [grid.code, undefined],
      [undefined, new Date(Date.now() - 400 * 86_400_000)],
    ] as const) {
      const figures = await countContactFigures(t.db, all, code, at);
      const moment = (at ?? new Date()).toISOString();
      const day = shanghaiDay(at ?? new Date());
      const place = `${code ?? county.code}%`;
      const direct = await one<{ central: number; noLeader: number; noCentral: number; none: number }>(sql`
        with hh as (
          select h.id,
            exists (select 1 from contact_assignments a where a.household_id = h.id and a.kind = 'leader'
              and a.starts_on <= ${day}::date and coalesce(a.ends_on, '2099-12-31') >= ${day}::date
              and exists (select 1 from leader_terms lt where lt.person_id = a.person_id and lt.status = 'approved'
                and ${day}::date between lt.starts_on and lt.ends_on)) as leader,
            exists (select 1 from contact_assignments a join central_households c on c.id = a.central_household_id
              where a.household_id = h.id and ${day}::date between a.starts_on and coalesce(a.ends_on, '2099-12-31')
              and ${day}::date between c.starts_on and coalesce(c.ends_on, '2099-12-31')) as central
          from households h where h.territory_code like ${place} and h.created_at <= ${moment}::timestamptz
            and (h.moved_out_at is null or h.moved_out_at > ${moment}::timestamptz))
        select (select count(*)::int from central_households where territory_code like ${place}
            and ${day}::date between starts_on and coalesce(ends_on, '2099-12-31')) as central,
          (select count(*)::int from hh where not leader) as "noLeader",
          (select count(*)::int from hh where not central) as "noCentral",
          (select count(*)::int from hh where not leader and not central) as none`);
      expect(figures).toEqual({
        centralHouseholds: direct.central,
        householdsWithoutContact: direct.none,
        householdsWithoutLeaderContact: direct.noLeader,
        householdsWithoutCentralContact: direct.noCentral,
      });
    }
    const now = await countContactFigures(t.db, all);
    const past = await countContactFigures(t.db, all, undefined, new Date(Date.now() - 400 * 86_400_000));
    expect(now.centralHouseholds!).toBeGreaterThan(past.centralHouseholds!);
    const insights = await get('/insights/figures', admin);
    expect(insights.status, insights.text).toBe(200);
    expect(JSON.stringify(insights.json)).toContain(`"centralHouseholds":${now.centralHouseholds}`);
  });

  it('shows coverage per community and per grid, a grid worker only their grid', async () => {
    const whole = await get('/contacts/coverage', admin);
    expect(whole.status, whole.text).toBe(200);
    const households = await one<{ n: number }>(
      sql`select count(*)::int as n from households where moved_out_at is null`,
    );
    expect(whole.json.data.total.households).toBe(households.n);
    expect(whole.json.data.communities.length).toBeGreaterThan(3);
    const mine = await get(`/contacts/coverage?communityId=${community.id}`, secretary);
    expect(mine.status).toBe(200);
    expect(mine.json.data.grids.length).toBe(community.children.length);
    const worker = await get(`/contacts/coverage?communityId=${community.id}`, gridWorker);
    expect(worker.status).toBe(200);
    expect((worker.json.data.grids as { code: string }[]).map((g) => g.code)).toEqual([grid.code]);
    expect((await get(`/contacts/coverage?communityId=${outsideCommunity.id}`, secretary)).status).toBe(404);
    expect((await get(`/contacts/coverage?communityId=${grid.id}`, secretary)).status).toBe(400);
    // The households listed without a contact are the coverage's count.
    const row = (mine.json.data.grids as { id: string; withoutCentral: number }[])[0]!;
    const list = await get(
      `/contacts/uncovered?communityId=${community.id}&kind=central_household&gridId=${row.id}&pageSize=5`,
      secretary,
    );
    expect(list.status, list.text).toBe(200);
    expect(list.json.page.total).toBe(row.withoutCentral);
  });
});

describe('central households and the proposal, applied', () => {
  it('designates a party member’s household, proposes, applies once (idempotent), refuses a stale proposal', async () => {
    const candidates = await get(
      `/contacts/central-households/candidates?communityId=${community.id}`,
      secretary,
    );
    expect(candidates.status, candidates.text).toBe(200);
    const candidate = (candidates.json.data as { personId: string; householdId: string }[])[0]!;
    expect(candidate).toBeDefined();
    const designated = await post(
      '/contacts/central-households',
      { personId: candidate.personId, maxLoad: 6, note: '测试认定' },
      secretary,
    );
    expect(designated.status, designated.text).toBe(201);
    const id = designated.json.data.id as string;
    expect(await auditCount('contact.central_designated')).toBe(1);
    // The same household again: 409.
    const again = await post('/contacts/central-households', { personId: candidate.personId }, secretary);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONTACT_ALREADY_CENTRAL');

    const proposed = await get(
      `/contacts/proposal?communityId=${community.id}&kind=central_household`,
      secretary,
    );
    expect(proposed.status, proposed.text).toBe(200);
    const p = proposed.json.data;
    const mine = (p.contacts as { key: string; load: number; maxLoad: number }[]).find((c) => c.key === id)!;
    expect(mine.load).toBeGreaterThan(0);
    expect(mine.load).toBeLessThanOrEqual(6);
    for (const c of p.contacts as { load: number; maxLoad: number }[]) {
      expect(c.load).toBeLessThanOrEqual(c.maxLoad);
    }
    const changed = (p.rows as { change: string }[]).filter((r) => r.change !== 'none');
    expect(changed.length).toBeGreaterThan(0);
    // The new central household's own building comes first: distance 0.
    expect(
      (p.rows as { proposed: { key: string } | null; distance: number | null }[])
        .filter((r) => r.proposed?.key === id)
        .some((r) => r.distance === 0),
    ).toBe(true);

    const openBefore = await one<{ n: number }>(
      sql`select count(*)::int as n from contact_assignments where ends_on is null and kind = 'central_household'`,
    );
    const applied = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'central_household', fingerprint: p.fingerprint },
      secretary,
    );
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.data.assigned + applied.json.data.reassigned + applied.json.data.ended).toBe(
      changed.length,
    );
    expect(await auditCount('contact.proposal_applied')).toBe(1);
    const openAfter = await one<{ n: number }>(
      sql`select count(*)::int as n from contact_assignments where ends_on is null and kind = 'central_household'`,
    );
    expect(openAfter.n).toBe(openBefore.n + applied.json.data.assigned - applied.json.data.ended);
    const load = await one<{ n: number }>(
      sql`select count(*)::int as n from contact_assignments where central_household_id = ${id}::uuid and ends_on is null`,
    );
    expect(load.n).toBe(mine.load);

    // Applying the same proposal again changes nothing and writes no audit row.
    const versions = await one<{ v: string }>(
      sql`select string_agg(name || version, ',' order by name) as v from data_versions`,
    );
    const twice = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'central_household', fingerprint: p.fingerprint },
      secretary,
    );
    expect(twice.status, twice.text).toBe(200);
    expect(twice.json.data).toEqual({ assigned: 0, reassigned: 0, ended: 0 });
    expect(await auditCount('contact.proposal_applied')).toBe(1);
    expect(
      (
        await one<{ v: string }>(
          sql`select string_agg(name || version, ',' order by name) as v from data_versions`,
        )
      ).v,
    ).toBe(versions.v);
    const after = await get(
      `/contacts/proposal?communityId=${community.id}&kind=central_household`,
      secretary,
    );
    expect(
      after.json.data.summary.new + after.json.data.summary.changed + after.json.data.summary.ended,
    ).toBe(0);

    // Ending it releases its households (history kept); the old proposal is now stale.
    const ended = await post(`/contacts/central-households/${id}/end`, { reason: '测试撤销' }, secretary);
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.data.householdsReleased).toBe(load.n);
    const stale = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'central_household', fingerprint: p.fingerprint },
      secretary,
    );
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONTACT_PROPOSAL_STALE');
    const history = await t.db
      .select({ endsOn: contactAssignments.endsOn })
      .from(contactAssignments)
      .where(eq(contactAssignments.centralHouseholdId, id));
    expect(history.length).toBe(load.n);
    expect(history.every((h) => h.endsOn !== null)).toBe(true);
    expect((await post(`/contacts/central-households/${id}/end`, {}, secretary)).status).toBe(409);
    const [row] = await t.db.select().from(centralHouseholds).where(eq(centralHouseholds.id, id));
    expect(row!.endReason).toBe('测试撤销');
  });

  it('keeps the community’s maximum load: a lower load ends the assignments above it', async () => {
    const set = await put(
      '/contacts/settings',
      { communityId: community.id, leaderMaxLoad: 5, centralMaxLoad: 10, maxDistance: 300 },
      secretary,
    );
    expect(set.status, set.text).toBe(200);
    const p = (await get(`/contacts/proposal?communityId=${community.id}&kind=leader`, secretary)).json.data;
    expect(p.maxLoad).toBe(5);
    for (const c of p.contacts as { load: number }[]) expect(c.load).toBeLessThanOrEqual(5);
    const applied = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'leader', fingerprint: p.fingerprint },
      secretary,
    );
    expect(applied.status, applied.text).toBe(200);
    expect(await overloaded(community.code, 'leader', 5)).toEqual([]);
    expect(applied.json.data.ended).toBeGreaterThan(0);
    // Put the demo's load back, and everybody is covered again.
    await put(
      '/contacts/settings',
      { communityId: community.id, leaderMaxLoad: 80, centralMaxLoad: 15, maxDistance: 500 },
      secretary,
    );
    const back = (await get(`/contacts/proposal?communityId=${community.id}&kind=leader`, secretary)).json
      .data;
    const reapplied = await post(
      '/contacts/proposal/apply',
      { communityId: community.id, kind: 'leader', fingerprint: back.fingerprint },
      secretary,
    );
    expect(reapplied.json.data.assigned).toBeGreaterThan(0);
    expect(await overloaded(community.code, 'leader', 80)).toEqual([]);
  });

  it('applies only inside the scope: 404 outside, 403 for a grid worker, nothing changed', async () => {
    const count = () =>
      one<{ n: number; a: number }>(
        sql`select (select count(*)::int from contact_assignments) as n, (select count(*)::int from audit_log) as a`,
      );
    const before = await count();
    const outside = await get(`/contacts/proposal?communityId=${outsideCommunity.id}&kind=leader`, secretary);
    expect(outside.status).toBe(404);
    const fingerprint = '0'.repeat(32);
    expect(
      (
        await post(
          '/contacts/proposal/apply',
          { communityId: outsideCommunity.id, kind: 'leader', fingerprint },
          secretary,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await post(
          '/contacts/proposal/apply',
          { communityId: community.id, kind: 'leader', fingerprint },
          gridWorker,
        )
      ).status,
    ).toBe(403);
    // A grid worker reads the community (their grid of it) but may not manage it.
    expect((await get(`/contacts/proposal?communityId=${community.id}&kind=leader`, gridWorker)).status).toBe(
      403,
    );
    const outsideCentral = await one<{ id: string }>(sql`select id::text as id from central_households
      where territory_code like ${`${outsideCommunity.code}%`} and ends_on is null order by territory_code, starts_on limit 1`);
    const endOutside = await post(`/contacts/central-households/${outsideCentral.id}/end`, {}, secretary);
    expect(endOutside.status, endOutside.text).toBe(404);
    const outsideMember = await one<{ id: string }>(sql`select p.id::text as id from party_members pm
      join persons p on p.id = pm.person_id where p.territory_code like ${`${outsideCommunity.code}%`} limit 1`);
    expect(
      (await post('/contacts/central-households', { personId: outsideMember.id }, secretary)).status,
    ).toBe(404);
    expect(
      (await get(`/contacts/central-households?communityId=${outsideCommunity.id}`, secretary)).status,
    ).toBe(404);
    expect(await count()).toEqual(before);
  });

  it('refuses bad input field by field (400), in both languages, changing nothing', async () => {
    const bad = await post(
      '/contacts/proposal/apply',
      { communityId: 'x', kind: 'mayor', fingerprint: 'abc' },
      secretary,
    );
    expect(bad.status).toBe(400);
    expect((bad.json.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'communityId',
      'fingerprint',
      'kind',
    ]);
    const designate = await t.request('POST', '/api/v1/contacts/central-households', {
      cookie: secretary,
      body: { personId: 'nobody', maxLoad: 0, startsOn: '1999-01-01' },
      headers: { 'accept-language': 'en' },
    });
    expect(designate.status).toBe(400);
    const fields = designate.json.error.details as { field: string; message: string }[];
    expect(fields.map((d) => d.field).sort()).toEqual(['maxLoad', 'personId', 'startsOn']);
    expect(fields.find((d) => d.field === 'maxLoad')!.message).toBe('At least 1');
    const settings = await put(
      '/contacts/settings',
      { communityId: community.id, leaderMaxLoad: 0, centralMaxLoad: 1, maxDistance: 10 },
      secretary,
    );
    expect(settings.status).toBe(400);
    expect((settings.json.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'leaderMaxLoad',
      'maxDistance',
    ]);
    // A party member's household already designated, or somebody who is no party member: 409.
    const notMember = await one<{ id: string }>(sql`select p.id::text as id from persons p
      where p.territory_code like ${`${grid.code}%`} and p.resident_id is not null
      and not exists (select 1 from party_members pm where pm.person_id = p.id) limit 1`);
    const refused = await post('/contacts/central-households', { personId: notMember.id }, secretary);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('CONTACT_NOT_PARTY_MEMBER');
  });
});

describe('a household’s contacts', () => {
  it('names its grid workers, its leader and its central household; 404 outside', async () => {
    const h = await one<{ id: string }>(sql`select a.household_id::text as id from contact_assignments a
      where a.kind = 'leader' and a.ends_on is null and a.territory_code = ${grid.code}
      and exists (select 1 from contact_assignments b where b.household_id = a.household_id
        and b.kind = 'central_household' and b.ends_on is null)
      order by a.territory_code limit 1`);
    const response = await get(`/households/${h.id}/contacts`, gridWorker);
    expect(response.status, response.text).toBe(200);
    const data = response.json.data;
    expect(data.gridWorkers.length).toBeGreaterThan(0);
    expect(data.leader?.name).toBeTruthy();
    expect(data.central?.name).toBeTruthy();
    // Phones: in full only when published, else masked.
    for (const p of [...data.gridWorkers, data.leader, data.central]) {
      if (p.phone) expect(p.phone).toMatch(/^1\d{10}$|^\d{3}\*{4}\d{4}$/);
    }
    const outside = await one<{ id: string }>(
      sql`select id::text as id from households where territory_code like ${`${outsideCommunity.code}%`} limit 1`,
    );
    expect((await get(`/households/${outside.id}/contacts`, gridWorker)).status).toBe(404);
    const [mine] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contactAssignments)
      .where(and(eq(contactAssignments.householdId, h.id)));
    expect(mine!.n).toBeGreaterThan(1);
  });
});
