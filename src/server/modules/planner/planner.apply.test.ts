import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let street: string;
let secretary: string;
let county: Node;
let community: Node;
let otherCommunity: Node;

beforeAll(async () => {
  t = await createTestApp();
  [admin, street, secretary] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.street_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  community = county.children[0]!.children[0]!;
  otherCommunity = county.children[0]!.children[1]!;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });
const yesterday = (() => {
  const d = new Date(`${shanghaiDay()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
})();
const figuresOf = async (territoryId: string, to: string) => {
  const response = await get(`/insights/figures?territoryId=${territoryId}&to=${to}`, admin);
  expect(response.status, response.text).toBe(200);
  return (response.json.data ?? response.json) as Record<string, number>;
};

async function planOf(territoryId: string, body: Record<string, unknown>, cookie = secretary) {
  const response = await post('/planner/proposals', { territoryId, timeLimitMs: 1000, ...body }, cookie);
  expect(response.status, response.text).toBe(201);
  return response.json.data as {
    id: string;
    changes: { buildingId: string; from: string; to: string }[];
    grids: { id: string; isNew: boolean }[];
  };
}

describe('applying a grid plan', () => {
  it('creates and ends grids, moves buildings, households and residents with their history; past figures stay', async () => {
    const grids = community.children;
    const proposal = await planOf(community.id, { mode: 'fresh', gridCount: grids.length + 1, seed: 3 });
    expect(proposal.changes.length).toBeGreaterThan(0);
    const prefix = `${community.code}%`;
    const homesBefore = await rowsOf<{ id: string; code: string }>(
      t.db,
      sql`select id::text as id, territory_code as code from households where territory_code like ${prefix} and moved_out_at is null order by id`,
    );
    const peopleBefore = await rowsOf<{ id: string; code: string }>(
      t.db,
      sql`select id::text as id, territory_code as code from residents where territory_code like ${prefix} and moved_out_at is null order by id`,
    );
    const pastBefore = await Promise.all(grids.map((g) => figuresOf(g.id, yesterday)));
    const communityBefore = await figuresOf(community.id, yesterday);

    const applied = await post(`/planner/proposals/${proposal.id}/apply`, undefined, secretary);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.data.gridsCreated).toBeGreaterThan(0);
    expect(applied.json.data.buildingsMoved).toBeGreaterThan(0);

    // Every household and resident is kept, in the community, on a grid in force.
    const homesAfter = await rowsOf<{ id: string; code: string; live: boolean }>(
      t.db,
      sql`select h.id::text as id, h.territory_code as code,
          exists (select 1 from territories g where g.code = h.territory_code and g.ends_on is null) as live
        from households h where h.territory_code like ${prefix} and h.moved_out_at is null order by h.id`,
    );
    expect(homesAfter.map((h) => h.id)).toEqual(homesBefore.map((h) => h.id));
    expect(homesAfter.every((h) => h.live)).toBe(true);
    const peopleAfter = await rowsOf<{ id: string; code: string }>(
      t.db,
      sql`select id::text as id, territory_code as code from residents where territory_code like ${prefix} and moved_out_at is null order by id`,
    );
    expect(peopleAfter.map((r) => r.id)).toEqual(peopleBefore.map((r) => r.id));
    // Buildings, households and residents agree on the grid.
    const [disagree] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from households h join buildings b on b.id = h.building_id
        join territories g on g.id = b.grid_id
        where h.territory_code like ${prefix} and h.moved_out_at is null
          and (h.territory_code <> b.territory_code or g.code <> b.territory_code)`,
    );
    expect(disagree!.n).toBe(0);
    // Their history holds the old grid.
    const oldCode = new Map(homesBefore.map((h) => [h.id, h.code]));
    const movedHomes = homesAfter.filter((h) => h.code !== oldCode.get(h.id));
    expect(movedHomes.length).toBeGreaterThan(0);
    const homeHistory = await rowsOf<{ id: string; code: string }>(
      t.db,
      sql`select household_id::text as id, territory_code as code from household_grid_history`,
    );
    const historyOf = new Map(homeHistory.map((h) => [h.id, h.code]));
    for (const h of movedHomes) expect(historyOf.get(h.id)).toBe(oldCode.get(h.id));
    const oldResident = new Map(peopleBefore.map((r) => [r.id, r.code]));
    const movedPeople = peopleAfter.filter((r) => r.code !== oldResident.get(r.id));
    const residentHistory = await rowsOf<{ id: string; code: string; to: string }>(
      t.db,
      sql`select resident_id::text as id, territory_code as code, moved_to_code as "to" from residence_history
        where moved_to_code like ${prefix} and departure = 'regridded'`,
    );
    const residentHistoryOf = new Map(residentHistory.map((r) => [r.id, r]));
    for (const r of movedPeople) {
      expect(residentHistoryOf.get(r.id)?.code).toBe(oldResident.get(r.id));
      expect(residentHistoryOf.get(r.id)?.to).toBe(r.code);
    }
    // Figures as of yesterday are what they were, for the old grids and the community.
    const pastAfter = await Promise.all(grids.map((g) => figuresOf(g.id, yesterday)));
    for (let i = 0; i < grids.length; i++) {
      expect(pastAfter[i]!.households).toBe(pastBefore[i]!.households);
      expect(pastAfter[i]!.residents).toBe(pastBefore[i]!.residents);
      expect(pastAfter[i]!.keyPopulation).toBe(pastBefore[i]!.keyPopulation);
    }
    const communityAfter = await figuresOf(community.id, yesterday);
    expect(communityAfter.households).toBe(communityBefore.households);
    expect(communityAfter.residents).toBe(communityBefore.residents);
    // Today the community holds the proposal's grids.
    const [live] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from territories where level = 'grid' and ends_on is null and code like ${prefix}`,
    );
    expect(live!.n).toBe(proposal.grids.length);
    // Nobody moved: today's flows count the residents of re-gridded buildings as regridded, not as moves; in the
    // community (whose edge no grid change crossed) neither; for every grid, stock today = stock yesterday +
    // registered + moved in − moved out + regridded in − regridded out.
    const today = shanghaiDay();
    const flowsOf = async (territoryId: string) => {
      const response = await get(
        `/insights/figures?territoryId=${territoryId}&from=${today}&to=${today}`,
        admin,
      );
      expect(response.status, response.text).toBe(200);
      return (response.json.data ?? response.json) as Record<string, number>;
    };
    const communityFlows = await flowsOf(community.id);
    expect(communityFlows).toMatchObject({
      residentsMovedIn: 0,
      residentsMovedOut: 0,
      residentsRegriddedIn: 0,
      residentsRegriddedOut: 0,
    });
    const gridsNow = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from territories where level = 'grid' and code like ${prefix}
        and (ends_on is null or ends_on >= ${yesterday}::date)`,
    );
    let regriddedIn = 0;
    let regriddedOut = 0;
    for (const grid of gridsNow) {
      const flows = await flowsOf(grid.id);
      const before = await figuresOf(grid.id, yesterday);
      expect(flows.residentsMovedIn, grid.id).toBe(0);
      expect(flows.residentsMovedOut, grid.id).toBe(0);
      expect(flows.residents, grid.id).toBe(
        before.residents! +
          flows.residentsRegistered! +
          flows.residentsRegriddedIn! -
          flows.residentsRegriddedOut!,
      );
      regriddedIn += flows.residentsRegriddedIn!;
      regriddedOut += flows.residentsRegriddedOut!;
    }
    expect(regriddedIn).toBeGreaterThan(0);
    expect(regriddedIn).toBe(regriddedOut);
    expect(regriddedIn).toBe(applied.json.data.residentsMoved);
    const [audit] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'planner.proposal_applied' and entity_id::text = ${proposal.id}`,
    );
    expect(audit!.n).toBe(1);

    // A second apply is refused.
    const again = await post(`/planner/proposals/${proposal.id}/apply`, undefined, secretary);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('PLANNER_ALREADY_APPLIED');
    const move = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { buildingId: proposal.changes[0]!.buildingId, toGrid: 'x' },
      secretary,
    );
    expect(move.status).toBe(409);
  });

  it('tells whoever the plan concerns, once, in the apply: the changed grids’ staff, the moved buildings’ leaders, the place’s staff — not the one who applied it', async () => {
    // The first community again (the first test applied a plan there): its grids have the demo accounts.
    const [live] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from territories where level = 'grid' and ends_on is null and code like ${`${community.code}%`}`,
    );
    const target = { ...community, children: Array.from({ length: live!.n }) };
    const proposal = await planOf(
      target.id,
      { mode: 'fresh', gridCount: Math.max(1, target.children.length - 1), seed: 5 },
      street,
    );
    const anchoredIn = (kind: string, ids: string[]) =>
      rowsOf<{ user: string }>(
        t.db,
        sql`select distinct ra.user_id::text as user from role_assignments ra join users u on u.id = ra.user_id
          where u.status = 'active' and ra.scope_kind = ${kind} and ra.scope_ids && ${sql.param(ids)}::uuid[]
            and (ra.ends_at is null or ra.ends_at > now())`,
      );
    const applied = await post(`/planner/proposals/${proposal.id}/apply`, undefined, street);
    expect(applied.status, applied.text).toBe(200);
    const told = await rowsOf<{ user: string; link: string; title: string }>(
      t.db,
      sql`select user_id::text as user, link, title->>'zh' as title from notifications
        where source_key = ${`planner.applied:${proposal.id}`}`,
    );
    const toldUsers = told.map((n) => n.user);
    expect(new Set(toldUsers).size).toBe(toldUsers.length);
    // The grids in force that changed: those whose buildings differ from before (grid codes in the audit row).
    const [audit] = await rowsOf<{ grids: string[] }>(
      t.db,
      sql`select array(select jsonb_array_elements_text(changes->'affectedGrids')) as grids from audit_log
        where action = 'planner.proposal_applied' and entity_id::text = ${proposal.id}`,
    );
    const changed = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from territories where level = 'grid' and ends_on is null
        and code = any(${sql.param(audit!.grids)}::text[])`,
    );
    const gridStaff = await anchoredIn(
      'grids',
      changed.map((g) => g.id),
    );
    expect(gridStaff.length).toBeGreaterThan(0);
    const leaders = await anchoredIn(
      'buildings',
      proposal.changes.map((c) => c.buildingId),
    );
    const placeStaff = await anchoredIn('community', [target.id]);
    const [streetUser] = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from users where username = ${DEMO_ACCOUNT.street_admin}`,
    );
    for (const { user } of [...gridStaff, ...leaders, ...placeStaff]) expect(toldUsers).toContain(user);
    // The street administrator applied it: not told of their own act.
    expect(toldUsers).not.toContain(streetUser!.id);
    // Grid staff of grids that did not change are not told.
    const unchanged = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from territories where level = 'grid' and ends_on is null
        and code like ${`${target.code}%`} and code <> all(${sql.param(audit!.grids)}::text[])`,
    );
    if (unchanged.length) {
      const others = (
        await anchoredIn(
          'grids',
          unchanged.map((g) => g.id),
        )
      ).map((r) => r.user);
      const expected = new Set([...gridStaff, ...leaders, ...placeStaff].map((r) => r.user));
      for (const user of others) if (!expected.has(user)) expect(toldUsers).not.toContain(user);
    }
    // A grid worker of a changed grid reads theirs, and marks it read.
    const [workerName] = await rowsOf<{ username: string; user: string }>(
      t.db,
      sql`select u.username, u.id::text as user from users u join persons p on p.user_id = u.id
        where u.id::text = any(${sql.param(gridStaff.map((g) => g.user))}::text[]) order by u.username limit 1`,
    );
    if (workerName) {
      const cookie = await t.login(workerName.username);
      const mine = await get('/me/notifications', cookie);
      expect(mine.status, mine.text).toBe(200);
      const note = (mine.json.data as { id: string; link: string; title: { zh: string } }[]).find(
        (n) => n.title.zh === told.find((x) => x.user === workerName.user)!.title,
      );
      expect(note).toBeDefined();
      expect(mine.json.unread).toBeGreaterThan(0);
    }
  });

  it('moves the workers of the grids it ends to the grid that took most of their households, with their access', async () => {
    // The community (not the other tests') whose grids have the most workers serving.
    const communities = county.children.flatMap((s) => s.children);
    const [busiest] = await rowsOf<{ code: string }>(
      t.db,
      sql`select left(territory_code, 12) as code from grid_workers where ends_on is null
        and left(territory_code, 12) not in (${community.code}, ${otherCommunity.code})
        group by 1 order by count(*) desc, 1 limit 1`,
    );
    const place = communities.find((c) => c.code === busiest!.code)!;
    const prefix = `${place.code}%`;
    const serving = () =>
      rowsOf<{ person: string; grid: string; code: string; starts: string; live: boolean }>(
        t.db,
        sql`select gw.person_id::text as person, gw.grid_id::text as grid, gw.territory_code as code,
          gw.starts_on::text as starts, g.ends_on is null as live
        from grid_workers gw join territories g on g.id = gw.grid_id
        where gw.territory_code like ${prefix} and gw.ends_on is null order by 1, 3`,
      );
    const before = await serving();
    expect(before.length).toBeGreaterThan(0);
    const proposal = await planOf(
      place.id,
      { mode: 'fresh', gridCount: Math.max(1, place.children.length - 1), seed: 2 },
      admin,
    );
    const applied = await post(`/planner/proposals/${proposal.id}/apply`, undefined, admin);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.data.gridsRetired).toBeGreaterThan(0);

    const after = await serving();
    // Everyone who served in the community still does, on grids in force only.
    expect([...new Set(after.map((r) => r.person))]).toEqual([...new Set(before.map((r) => r.person))]);
    expect(after.every((r) => r.live)).toBe(true);
    const ended = new Set(
      (
        await rowsOf<{ id: string }>(
          t.db,
          sql`select id::text as id from territories where code like ${prefix} and level = 'grid' and ends_on is not null`,
        )
      ).map((r) => r.id),
    );
    const movedPersons = new Set(before.filter((r) => ended.has(r.grid)).map((r) => r.person));
    expect(movedPersons.size).toBeGreaterThan(0);
    // A moved worker's earlier service ended the day before, the new one starts today.
    const today = shanghaiDay();
    for (const person of movedPersons) {
      expect(after.filter((r) => r.person === person).some((r) => r.starts === today)).toBe(true);
      const [old] = await rowsOf<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from grid_workers where person_id = ${person}::uuid
          and grid_id in (select id from territories where code like ${prefix} and ends_on is not null)
          and ends_on is null`,
      );
      expect(old!.n).toBe(0);
    }
    // Their access (the one grid_worker assignment of an account) covers exactly the grids they now serve.
    const access = await rowsOf<{ person: string; scope: string[] }>(
      t.db,
      sql`select p.id::text as person, ra.scope_ids::text[] as scope from persons p
        join role_assignments ra on ra.user_id = p.user_id and ra.source_kind = 'grid_worker'
        where p.id::text = any(${sql.param([...movedPersons])}::text[])`,
    );
    for (const a of access) {
      const grids = after.filter((r) => r.person === a.person).map((r) => r.grid);
      expect([...a.scope].sort()).toEqual(expect.arrayContaining([...new Set(grids)].sort()));
      expect(a.scope.some((id) => ended.has(id))).toBe(false);
    }
    const [audited] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'grid_worker.moved'
        and entity_id::text = any(${sql.param([...movedPersons])}::text[])`,
    );
    expect(audited!.n).toBe(movedPersons.size);
    expect(applied.json.data).toBeDefined();
  });

  it('refuses a stale proposal (the registry changed since) with a 409 and changes nothing', async () => {
    const proposal = await planOf(
      otherCommunity.id,
      { mode: 'fresh', gridCount: otherCommunity.children.length + 1 },
      street,
    );
    // A household moves out of the community after the proposal was made.
    const [home] = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from households where territory_code like ${`${otherCommunity.code}%`} and moved_out_at is null order by id limit 1`,
    );
    const out = await post(`/households/${home!.id}/move-out`, { note: '测试迁出' }, admin);
    expect(out.status, out.text).toBe(204);
    const [before] = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from territories`);
    const stale = await post(`/planner/proposals/${proposal.id}/apply`, undefined, street);
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('PLANNER_PROPOSAL_STALE');
    const [after] = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from territories`);
    expect(after!.n).toBe(before!.n);
    const [told] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notifications where source_key = ${`planner.applied:${proposal.id}`}`,
    );
    expect(told!.n).toBe(0);
  });

  it('a county-wide plan is applied only by the county administrator; others get 404', async () => {
    const proposal = await planOf(county.id, { mode: 'adjust', timeLimitMs: 2000 }, admin);
    expect((await post(`/planner/proposals/${proposal.id}/apply`, undefined, street)).status).toBe(404);
    expect((await post(`/planner/proposals/${proposal.id}/apply`, undefined, secretary)).status).toBe(404);
    const grid = await t.login(DEMO_ACCOUNT.grid_worker);
    expect((await post(`/planner/proposals/${proposal.id}/apply`, undefined, grid)).status).toBe(403);
  });

  it('gridPlanBalance is the share of grids in force within ±10% of 300 households, counted live', async () => {
    const figures = await figuresOf(county.id, shanghaiDay());
    const [row] = await rowsOf<{ grids: number; within: number }>(
      t.db,
      sql`select count(*)::int as grids, count(*) filter (where n between 270 and 330)::int as within from (
        select g.code, (select count(*) from households h where h.territory_code = g.code and h.moved_out_at is null) as n
        from territories g where g.level = 'grid' and g.ends_on is null) x`,
    );
    expect(row!.grids).toBeGreaterThan(0);
    expect(figures.gridPlanBalance).toBe(Math.round((1000 * row!.within) / row!.grids) / 10);
  });
});
