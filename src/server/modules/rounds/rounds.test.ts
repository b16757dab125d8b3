import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { newId } from '../../core/db/ids.ts';
import { dataVersion } from '../../core/db/versioned-cache.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { households } from '../registry/registry.tables.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';
import { insertRound } from './rounds.factories.ts';
import { countRoundFigures } from './rounds.figures.ts';
import { nextState } from './rounds.visits.ts';
import { roundHouseholds, rounds, roundVisits } from './rounds.tables.ts';

type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid'; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let leader: string;
let county: Node;
let community: Node;
let grid: Node;
let otherGrid: Node;
let outsideCommunity: Node;
let leaderBuilding: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker, leader] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.building_leader),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  community = county.children[0]!.children[0]!;
  grid = community.children[0]!;
  otherGrid = community.children[1]!;
  outsideCommunity = county.children[1]!.children[0]!;
  const me = await t.request('GET', '/api/v1/leaders/me', { cookie: leader });
  leaderBuilding = (me.json.data.buildings as { id: string }[])[0]!.id;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });

const roundBody = (territoryId: string, extra: Record<string, unknown> = {}) => ({
  territoryId,
  name: '测试敲门行动',
  purpose: '测试',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  checklist: ['是否有独居老人需要帮助？', '是否有安全隐患？'],
  ...extra,
});

async function openRound(territoryId: string, cookie = secretary) {
  const response = await post('/rounds', roundBody(territoryId), cookie);
  expect(response.status, response.text).toBe(201);
  return response.json.data as { id: string; coverage: { households: number; covered: number } };
}

const visit = (roundId: string, body: Record<string, unknown>, cookie = gridWorker) =>
  post(`/rounds/${roundId}/visits`, { clientId: newId(), outcome: 'met', ...body }, cookie);

async function presentHouseholds(code: string) {
  const [row] = await rowsOf<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from households where moved_out_at is null and territory_code like ${`${code}%`}`,
  );
  return row!.n;
}

/** The place's households registered on a day: those a round opened that day lists. */
async function householdsOn(code: string, at: string) {
  const [row] = await rowsOf<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from households where created_at <= ${at}::timestamptz
      and (moved_out_at is null or moved_out_at > ${at}::timestamptz) and territory_code like ${`${code}%`}`,
  );
  return row!.n;
}

async function auditCount(action: string, entityId?: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return row!.n;
}

/** A new grid of the community with one building of the given rooms (no demo household, no grid worker). */
async function freshGrid(rooms: string[]) {
  const node = await insertTerritoryNode(t.db, { parent: community });
  const first = await insertHousehold(t.db, testKeys, { grid: node, room: rooms[0] });
  const all = [first.household];
  for (const room of rooms.slice(1)) {
    all.push((await insertHousehold(t.db, testKeys, { buildingId: first.building.id, room })).household);
  }
  return { node, buildingId: first.building.id, households: all };
}

describe('the demo rounds and the figures', () => {
  it('has five closed county-wide rounds since 2022, about fully covered, and an open one about half done', async () => {
    const all = await rowsOf<{
      name: string;
      status: string;
      households: number;
      covered: number;
      starts: string;
      opened: string;
    }>(
      t.db,
      sql`select r.name, r.status, r.households, r.starts_on::text as starts, r.opened_at::text as opened,
        (select coalesce(sum(covered), 0)::int from round_grids g where g.round_id = r.id) as covered
        from rounds r where r.territory_code = ${county.code} and r.opened_by is null and r.purpose is not null order by r.starts_on`,
    );
    const closed = all.filter((r) => r.status === 'closed');
    const open = all.filter((r) => r.status === 'open');
    expect(closed).toHaveLength(5);
    expect(closed[0]!.starts >= '2022-01-01').toBe(true);
    for (const r of closed) {
      // The households registered when it opened: fewer in the earlier rounds, as the registry grew since.
      expect(r.households).toBe(await householdsOn(county.code, r.opened));
      expect(r.covered / r.households).toBeGreaterThan(0.97);
      expect(r.covered).toBeLessThanOrEqual(r.households);
    }
    expect(closed[0]!.households).toBeLessThan(closed[4]!.households);
    expect(open).toHaveLength(1);
    expect(open[0]!.covered / open[0]!.households).toBeGreaterThan(0.4);
    expect(open[0]!.covered / open[0]!.households).toBeLessThan(0.6);
    // Every visit is in the past, and the counters agree with the list.
    const [future] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from round_visits where visited_at > now()`,
    );
    expect(future!.n).toBe(0);
    const [mismatch] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from round_grids g where g.covered <> (select count(*) from round_households rh
        where rh.round_id = g.round_id and rh.grid_id = g.grid_id and rh.state <> 'pending')
        or g.visited <> (select count(*) from round_households rh where rh.round_id = g.round_id
        and rh.grid_id = g.grid_id and rh.visits > 0)`,
    );
    expect(mismatch!.n).toBe(0);
    const [visitsVsList] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from round_households rh where rh.visits <> (select count(*) from round_visits v
        where v.round_id = rh.round_id and v.household_id = rh.household_id)`,
    );
    expect(visitsVsList!.n).toBe(0);
    const [visitorsVsVisits] = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from rounds r where (select count(*) from round_visits v where v.round_id = r.id)
        <> (select coalesce(sum(visits), 0) from round_visitors c where c.round_id = r.id)
        or (select count(distinct household_id) from round_visits v where v.round_id = r.id)
        <> (select coalesce(sum(households), 0) from round_visitors c where c.round_id = r.id)`,
    );
    expect(visitorsVsVisits!.n).toBe(0);
  });

  it('computes the figures as direct counts do, by place and period', async () => {
    const all = { all: true, codes: [], buildingIds: [], self: false };
    const from = new Date('2022-01-01T00:00:00+08:00');
    const to = new Date('2025-12-31T23:59:59+08:00');
    const street = county.children[0]!;
    for (const code of [undefined, street.code, grid.code]) {
      const figures = await countRoundFigures(t.db, all, code, from, to);
      const place = code ?? county.code;
      const [rounds] = await rowsOf<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from rounds where status = 'closed' and closed_at between ${from.toISOString()}::timestamptz
          and ${to.toISOString()}::timestamptz and ${place} like territory_code || '%'`,
      );
      expect(figures.doorKnockRounds).toBe(rounds!.n);
      const [visits] = await rowsOf<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from round_visits where visited_at between ${from.toISOString()}::timestamptz
          and ${to.toISOString()}::timestamptz and territory_code like ${`${place}%`}`,
      );
      expect(figures.visits).toBe(visits!.n);
      const [visitors] = await rowsOf<{ n: number }>(
        t.db,
        sql`select count(distinct coalesce(visitor_person_id, visitor_user_id))::int as n from round_visits
          where visited_at between ${from.toISOString()}::timestamptz and ${to.toISOString()}::timestamptz
          and territory_code like ${`${place}%`}`,
      );
      expect(figures.visitors).toBe(visitors!.n);
      expect(figures.visitors).toBeGreaterThan(0);
      expect(figures.visits).toBeGreaterThan(0);
      const [last] = await rowsOf<{ share: number }>(
        t.db,
        sql`with last as (select id from rounds where status = 'closed' and closed_at <= ${to.toISOString()}::timestamptz
            and ${place} like territory_code || '%' order by closed_at desc, id limit 1)
          select round(100.0 * count(*) filter (where state <> 'pending') / count(*), 1)::float as share
          from round_households where round_id = (select id from last) and territory_code like ${`${place}%`}`,
      );
      expect(figures.lastRoundCoverage).toBe(last!.share);
    }
    expect((await countRoundFigures(t.db, all, undefined, from, to)).doorKnockRounds).toBe(5);
    // A street administrator's figures stay inside the street.
    const streetScope = { all: false, codes: [street.code], buildingIds: [], self: false };
    const inStreet = await countRoundFigures(t.db, streetScope, undefined, from, to);
    expect(inStreet.visits).toBe((await countRoundFigures(t.db, all, street.code, from, to)).visits);
    const insights = await get(`/insights/figures?from=2022-01-01&to=2025-12-31`, admin);
    expect(insights.status, insights.text).toBe(200);
  });

  it('gives the same closed rounds for the same seed: households, states, visits and answers (a fingerprint)', async () => {
    // Only what the seed decides: places, states, outcomes, times, answers (no ids, no ciphertext, no today). A change
    // here means the demo's rounds changed: a faster seed must keep it (docs/decisions/demo-seed-speed.md).
    const place = sql`b.code || ':' || u.number || ':' || h.room`;
    const rows = await rowsOf<{ name: string; households: string; visits: string }>(
      t.db,
      sql`select r.name,
        (select count(*) || ':' || md5(string_agg(concat_ws(',', ${place}, rh.floor, rh.state, rh.visits, rh.last_outcome,
            extract(epoch from rh.last_visited_at), rh.nobody_home_on, extract(epoch from rh.covered_at), rh.grid_id is null),
            '|' order by ${place}))
          from round_households rh join households h on h.id = rh.household_id join buildings b on b.id = h.building_id
          join units u on u.id = h.unit_id where rh.round_id = r.id) as households,
        (select count(*) || ':' || md5(string_agg(concat_ws(',', ${place}, extract(epoch from v.visited_at), v.outcome,
            v.answers::text, v.follow_up, v.note_enc is null, v.visitor_person_id is null), '|' order by ${place}, v.visited_at))
          from round_visits v join households h on h.id = v.household_id join buildings b on b.id = h.building_id
          join units u on u.id = h.unit_id where v.round_id = r.id) as visits
        from rounds r where r.territory_code = ${county.code} and r.opened_by is null and r.status = 'closed'
        order by r.starts_on`,
    );
    expect(rows.map((r) => `${r.name} ${r.households} ${r.visits}`)).toEqual([
      '2022 年春季全覆盖敲门行动 3203:9bd38f27ae6e19bf441d663304415d25 3445:dbb55f0b76ad13fffd48cd35b7373cc1',
      '2022 年秋季全覆盖敲门行动 3294:1b077f11c9aba561b3a904c1b50f7959 3527:0c2e79add40de65cbcd3eebe71f30662',
      '2023 年全覆盖敲门行动 3384:3d82fc2a9da04afcddfec27825302240 3661:9ed12f95c4e65d57264761f7dbc98338',
      '2024 年全覆盖敲门行动 3502:af440723a6f044cb725103f07ba1e082 3789:9932ed0a6e533d10ca6895a9d211b4d1',
      '2025 年全覆盖敲门行动 3668:17632964251c3a613feec508e9263087 4000:9b91ec5ded4c9641de2a605e6545a7db',
    ]);
  });
});

describe('opening a round', () => {
  it('lists every present household of the scope in one go, audited', async () => {
    const round = await openRound(community.id);
    expect(round.coverage).toMatchObject({ households: await presentHouseholds(community.code), covered: 0 });
    const [listed] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(roundHouseholds)
      .where(eq(roundHouseholds.roundId, round.id));
    expect(listed!.n).toBe(await presentHouseholds(community.code));
    expect(await auditCount('round.opened', round.id)).toBe(1);
    const [row] = await t.db.select().from(rounds).where(eq(rounds.id, round.id));
    expect(row!.checklist).toEqual([
      { key: 'q1', text: '是否有独居老人需要帮助？' },
      { key: 'q2', text: '是否有安全隐患？' },
    ]);
  });

  it('refreshes the planner’s statistics of the round’s households, so a visit finds its row by its key', async () => {
    const statistics = () =>
      rowsOf<{ estimated: number; counted: number }>(
        t.db,
        sql`select (select reltuples::int from pg_class where relname = 'round_households') as estimated,
          (select count(*)::int from round_households) as counted`,
      );
    const round = await openRound(county.id, admin);
    const [after] = await statistics();
    expect(round.coverage.households).toBeGreaterThan(0);
    // Estimated as counted: analysed after the round's rows were written (not left at the count before).
    expect(after!.estimated).toBe(after!.counted);
    const plan = await rowsOf<{ 'QUERY PLAN': string }>(
      t.db,
      sql`explain select 1 from round_households where round_id = ${round.id}::uuid
        and household_id = ${newId()}::uuid`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).not.toContain('round_households_code_idx');
  });

  it('leaves out households moved out before it opens', async () => {
    const g = await freshGrid(['101', '102']);
    await t.db
      .update(households)
      .set({ movedOutAt: new Date() })
      .where(eq(households.id, g.households[1]!.id));
    const round = await openRound(g.node.id);
    expect(round.coverage.households).toBe(1);
  });

  it('refuses a place outside the scope (404), a grid worker (403) and bad input field by field (400)', async () => {
    expect((await post('/rounds', roundBody(outsideCommunity.id), secretary)).status).toBe(404);
    expect((await post('/rounds', roundBody(grid.id), gridWorker)).status).toBe(403);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(rounds);
    const bad = await post('/rounds', roundBody(grid.id, { name: ' ', endsOn: '2025-01-01' }), secretary);
    expect(bad.status).toBe(400);
    const fields = (bad.json.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'endsOn']));
    expect(bad.json.error.details.find((d: { field: string }) => d.field === 'endsOn').message).toBe(
      '结束日期不能早于开始日期',
    );
    const english = await t.request('POST', '/api/v1/rounds', {
      cookie: secretary,
      body: roundBody(grid.id, { endsOn: '2025-01-01' }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.json.error.details[0].message).toBe('The last day cannot come before the first');
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(rounds);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('lists rounds concerning the caller: a county round reaches the grid worker, a street’s other round does not', async () => {
    const countyRound = await openRound(county.id, admin);
    const elsewhere = await openRound(outsideCommunity.id, admin);
    const ids = ((await get('/rounds?status=open', gridWorker)).json.data as { id: string }[]).map(
      (r) => r.id,
    );
    expect(ids).toContain(countyRound.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await get(`/rounds/${elsewhere.id}`, gridWorker)).status).toBe(404);
    const leaderIds = ((await get('/rounds', leader)).json.data as { id: string }[]).map((r) => r.id);
    expect(leaderIds).toContain(countyRound.id);
    expect(leaderIds).not.toContain(elsewhere.id);
  });
});

describe('recording visits', () => {
  let roundId: string;
  let mine: { buildingId: string; households: { id: string }[] };
  let theirs: { buildingId: string; households: { id: string }[] };

  beforeAll(async () => {
    const a = await insertHousehold(t.db, testKeys, { grid, room: '101' });
    const a2 = await insertHousehold(t.db, testKeys, { buildingId: a.building.id, room: '102' });
    const a3 = await insertHousehold(t.db, testKeys, { buildingId: a.building.id, room: '201' });
    const a4 = await insertHousehold(t.db, testKeys, { buildingId: a.building.id, room: '202' });
    mine = { buildingId: a.building.id, households: [a.household, a2.household, a3.household, a4.household] };
    const b = await insertHousehold(t.db, testKeys, { grid: otherGrid, room: '101' });
    theirs = { buildingId: b.building.id, households: [b.household] };
    roundId = (await openRound(community.id)).id;
  });

  it('stores a visit once: the same clientId answers the stored visit (200), audited once', async () => {
    const clientId = newId();
    const body = { clientId, householdId: mine.households[0]!.id, outcome: 'met', answers: { q1: true } };
    const first = await post(
      `/rounds/${roundId}/visits`,
      { ...body, note: '老人独居，需要助餐' },
      gridWorker,
    );
    expect(first.status, first.text).toBe(201);
    expect(first.json.data).toMatchObject({ outcome: 'met', state: 'met', note: '老人独居，需要助餐' });
    const again = await post(`/rounds/${roundId}/visits`, body, gridWorker);
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(first.json.data.id);
    const stored = await t.db.select().from(roundVisits).where(eq(roundVisits.clientId, clientId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.noteEnc).not.toContain('老人');
    expect(await auditCount('round.visit_recorded', first.json.data.id)).toBe(1);
  });

  it('bumps the rounds’ data version, not the registry’s: a visit recomputes no registry figure', async () => {
    const versions = async () => ({
      registry: await dataVersion(t.db, 'registry'),
      rounds: await dataVersion(t.db, 'rounds'),
    });
    const before = await versions();
    const visit = await post(
      `/rounds/${roundId}/visits`,
      { clientId: newId(), householdId: mine.households[3]!.id, outcome: 'nobody_home', answers: {} },
      gridWorker,
    );
    expect(visit.status, visit.text).toBe(201);
    const after = await versions();
    expect(after.registry).toBe(before.registry);
    expect(after.rounds).toBeGreaterThan(before.rounds);
  });

  it('turns a finding to follow up into a task for the grid’s worker, once per visit', async () => {
    const body = {
      clientId: newId(),
      householdId: mine.households[2]!.id,
      outcome: 'met',
      followUp: true,
      note: '独居老人需要助餐',
    };
    const first = await post(`/rounds/${roundId}/visits`, body, gridWorker);
    expect(first.status, first.text).toBe(201);
    expect((await post(`/rounds/${roundId}/visits`, body, gridWorker)).status).toBe(200);
    const tasks = await rowsOf<{ id: string; title: string; building_id: string; person_id: string }>(
      t.db,
      sql`select t.id, t.title, t.building_id, a.person_id from duty_tasks t
        join duty_task_assignees a on a.task_id = t.id
        where t.source_key = ${`rounds.visit:${first.json.data.id}`}`,
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.building_id).toBe(mine.buildingId);
    // The task shows among the grid worker's own tasks of today, and carries no note of the visit.
    const today = await get('/duties/tasks/mine', gridWorker);
    expect(today.status, today.text).toBe(200);
    const task = today.json.data.find((x: { id: string }) => x.id === tasks[0]!.id);
    expect(task).toBeDefined();
    expect(JSON.stringify(task)).not.toContain('独居老人');
    // A visit without a finding raises nothing.
    const plain = await visit(roundId, { householdId: mine.households[3]!.id, outcome: 'met' });
    const none = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from duty_tasks where source_key = ${`rounds.visit:${plain.json.data.id}`}`,
    );
    expect(none[0]!.n).toBe(0);
  });

  it('stores a visit once under two concurrent requests', async () => {
    const body = { clientId: newId(), householdId: mine.households[1]!.id, outcome: 'met' };
    const [a, b] = await Promise.all([
      post(`/rounds/${roundId}/visits`, body, gridWorker),
      post(`/rounds/${roundId}/visits`, body, gridWorker),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json.data.id).toBe(b.json.data.id);
    const stored = await t.db.select().from(roundVisits).where(eq(roundVisits.clientId, body.clientId));
    expect(stored).toHaveLength(1);
    const [rh] = await t.db
      .select()
      .from(roundHouseholds)
      .where(and(eq(roundHouseholds.roundId, roundId), eq(roundHouseholds.householdId, body.householdId)));
    expect(rh!.visits).toBe(1);
  });

  it('answers 404 for a household of another grid (grid worker) or another building (leader)', async () => {
    expect((await visit(roundId, { householdId: theirs.households[0]!.id })).status).toBe(404);
    expect((await visit(roundId, { householdId: mine.households[0]!.id }, leader)).status).toBe(404);
    expect((await visit(roundId, { householdId: newId() })).status).toBe(404);
    expect((await visit(newId(), { householdId: mine.households[0]!.id })).status).toBe(404);
    // The same clientId, replayed by someone whose scope does not reach it: 404, not the stored visit.
    const clientId = newId();
    expect((await visit(roundId, { clientId, householdId: mine.households[0]!.id })).status).toBe(201);
    expect((await visit(roundId, { clientId, householdId: mine.households[0]!.id }, leader)).status).toBe(
      404,
    );
  });

  it('lets the leader visit the households of their building', async () => {
    const [household] = await rowsOf<{ id: string }>(
      t.db,
      sql`select rh.household_id::text as id from round_households rh
        where rh.round_id = ${roundId}::uuid and rh.building_id = ${leaderBuilding}::uuid
        order by rh.unit_number, rh.floor, rh.room limit 1`,
    );
    expect(household).toBeDefined();
    const response = await visit(roundId, { householdId: household!.id, outcome: 'nobody_home' }, leader);
    expect(response.status, response.text).toBe(201);
    expect(response.json.data.state).toBe('pending');
  });

  it('refuses bad input field by field, storing nothing', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(roundVisits);
    const noNote = await visit(roundId, { householdId: mine.households[2]!.id, outcome: 'refused' });
    expect(noNote.status).toBe(400);
    expect(noNote.json.error.details.map((d: { field: string }) => d.field)).toContain('note');
    const badOutcome = await visit(roundId, { householdId: mine.households[2]!.id, outcome: 'asleep' });
    expect(badOutcome.status).toBe(400);
    const unknown = await visit(roundId, { householdId: mine.households[2]!.id, answers: { q9: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0]).toMatchObject({ field: 'answers.q9' });
    const badClient = await visit(roundId, { householdId: mine.households[2]!.id, clientId: 'x' });
    expect(badClient.status).toBe(400);
    // Dated before the round began, or in the future: refused on the field, in both languages.
    for (const visitedAt of ['2025-12-31T12:00:00+08:00', new Date(Date.now() + 3_600_000).toISOString()]) {
      const misdated = await visit(roundId, { householdId: mine.households[2]!.id, visitedAt });
      expect(misdated.status, misdated.text).toBe(400);
      expect(misdated.json.error.details[0]).toMatchObject({ field: 'visitedAt', code: 'out_of_round' });
      expect(misdated.json.error.details[0].message).toContain('2026-01-01');
    }
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(roundVisits);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers 409 for a household moved out meanwhile, and for a closed round', async () => {
    const g = await freshGrid(['301', '302']);
    const round = await openRound(g.node.id);
    await t.db
      .update(households)
      .set({ movedOutAt: new Date() })
      .where(eq(households.id, g.households[0]!.id));
    const moved = await visit(round.id, { householdId: g.households[0]!.id }, secretary);
    expect(moved.status).toBe(403); // the secretary records no visits
    const movedByAdmin = await visit(round.id, { householdId: g.households[0]!.id }, admin);
    expect(movedByAdmin.status).toBe(409);
    expect(movedByAdmin.json.error.code).toBe('ROUND_HOUSEHOLD_MOVED_OUT');
    // The moved-out household needs no visit: the other one met, the round closes without a reason.
    const clientId = newId();
    const met = await visit(round.id, { clientId, householdId: g.households[1]!.id }, admin);
    expect(met.status).toBe(201);
    const closed = await post(`/rounds/${round.id}/close`, {}, secretary);
    expect(closed.status, closed.text).toBe(200);
    const late = await visit(round.id, { householdId: g.households[1]!.id }, admin);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('ROUND_CLOSED');
    // A phone's queue sending the stored visit again after the round closed gets the stored visit, not an error.
    const replay = await visit(round.id, { clientId, householdId: g.households[1]!.id }, admin);
    expect(replay.status).toBe(200);
    expect(replay.json.data).toEqual(met.json.data);
  });
});

describe('the coverage rule', () => {
  it('two nobody-home visits on one day do not cover; on two days they do', async () => {
    const g = await freshGrid(['101', '102']);
    const round = await openRound(g.node.id);
    const [h1, h2] = g.households;
    const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
    const state = async (householdId: string) =>
      (
        await t.db
          .select({ state: roundHouseholds.state })
          .from(roundHouseholds)
          .where(and(eq(roundHouseholds.roundId, round.id), eq(roundHouseholds.householdId, householdId)))
      )[0]!.state;
    for (const hour of [9, 20]) {
      const r = await visit(
        round.id,
        { householdId: h1!.id, outcome: 'nobody_home', visitedAt: at('2026-03-02', hour) },
        admin,
      );
      expect(r.status).toBe(201);
    }
    expect(await state(h1!.id)).toBe('pending');
    // 23:30 on the 2nd in Shanghai is 15:30 UTC: still the same Shanghai day.
    await visit(
      round.id,
      { householdId: h1!.id, outcome: 'nobody_home', visitedAt: '2026-03-02T15:30:00Z' },
      admin,
    );
    expect(await state(h1!.id)).toBe('pending');
    await visit(
      round.id,
      { householdId: h1!.id, outcome: 'nobody_home', visitedAt: at('2026-03-03', 9) },
      admin,
    );
    expect(await state(h1!.id)).toBe('attempted');
    await visit(round.id, { householdId: h2!.id, outcome: 'vacant', note: '空置' }, admin);
    expect(await state(h2!.id)).toBe('documented');
    const progress = (await get(`/rounds/${round.id}/progress`, admin)).json.data;
    expect(progress.round).toMatchObject({ households: 2, visited: 2, covered: 2, share: 1 });
  });

  it('follows the rule case by case (nextState)', () => {
    const pending = { state: 'pending' as const, nobodyHomeOn: null };
    expect(nextState(pending, 'met', '2026-01-01').state).toBe('met');
    expect(nextState(pending, 'refused', '2026-01-01').state).toBe('documented');
    const once = nextState(pending, 'nobody_home', '2026-01-01');
    expect(once).toEqual({ state: 'pending', nobodyHomeOn: '2026-01-01' });
    expect(nextState(once, 'nobody_home', '2026-01-01').state).toBe('pending');
    expect(nextState(once, 'nobody_home', '2026-01-02').state).toBe('attempted');
    expect(nextState({ state: 'attempted', nobodyHomeOn: '2026-01-01' }, 'met', '2026-01-05').state).toBe(
      'met',
    );
    expect(nextState({ state: 'documented', nobodyHomeOn: null }, 'nobody_home', '2026-01-05').state).toBe(
      'documented',
    );
  });
});

describe('closing a round', () => {
  it('is refused while households are not covered, then closes with a reason (audited)', async () => {
    const g = await freshGrid(['101', '102']);
    const round = await openRound(g.node.id);
    await visit(round.id, { householdId: g.households[0]!.id }, admin);
    const refused = await post(`/rounds/${round.id}/close`, {}, secretary);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('ROUND_NOT_COVERED');
    expect(refused.json.error.message).toMatch(/1/);
    expect((await post(`/rounds/${round.id}/close`, {}, gridWorker)).status).toBe(403);
    const closed = await post(`/rounds/${round.id}/close`, { reason: '一户长期外出，转日常跟进' }, secretary);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.data).toMatchObject({ status: 'closed', closeReason: '一户长期外出，转日常跟进' });
    expect(await auditCount('round.closed', round.id)).toBe(1);
    expect((await post(`/rounds/${round.id}/close`, { reason: 'x' }, secretary)).status).toBe(409);
  });

  it('is refused (404) to a secretary for a round over the county', async () => {
    const round = await insertRound(t.db, { territoryId: county.id, territoryCode: county.code });
    expect((await post(`/rounds/${round.id}/close`, { reason: 'x' }, secretary)).status).toBe(404);
  });
});

describe('the visit list and progress', () => {
  it('gives each caller their households in building / unit / floor / room order', async () => {
    const g = await freshGrid(['1001', '902', '201', '102', '101']);
    const round = await openRound(community.id);
    const list = (await get(`/rounds/${round.id}/households?buildingId=${g.buildingId}`, secretary)).json
      .data as {
      room: string;
      floor: number;
    }[];
    expect(list.map((h) => h.room)).toEqual(['101', '102', '201', '902', '1001']);
    expect(list.map((h) => h.floor)).toEqual([1, 1, 2, 9, 10]);
    const mine = (await get(`/rounds/${round.id}/households?pageSize=500`, gridWorker)).json.data as {
      buildingCode: string;
      householdId: string;
    }[];
    expect(mine.length).toBe(await presentHouseholds(grid.code));
    expect(mine.every((h) => h.buildingCode.startsWith(grid.code))).toBe(true);
    const codes = mine.map((h) => h.buildingCode);
    expect([...codes].sort()).toEqual(codes);
    const leaderList = (await get(`/rounds/${round.id}/households`, leader)).json.data as {
      buildingId: string;
    }[];
    expect(leaderList.length).toBeGreaterThan(0);
    expect(leaderList.every((h) => h.buildingId === leaderBuilding)).toBe(true);
    expect((await get(`/rounds/${newId()}/households`, gridWorker)).status).toBe(404);
  });

  it('counts progress per grid, community and visitor like the rows do', async () => {
    const round = await openRound(community.id);
    const mine = (await get(`/rounds/${round.id}/households`, gridWorker)).json.data as {
      householdId: string;
    }[];
    for (const h of mine.slice(0, 3)) await visit(round.id, { householdId: h.householdId });
    await visit(round.id, { householdId: mine[3]!.householdId, outcome: 'nobody_home' });
    const progress = (await get(`/rounds/${round.id}/progress`, secretary)).json.data;
    const direct = await rowsOf<{ code: string; households: number; visited: number; covered: number }>(
      t.db,
      sql`select territory_code as code, count(*)::int as households,
        (count(*) filter (where visits > 0))::int as visited, (count(*) filter (where state <> 'pending'))::int as covered
        from round_households where round_id = ${round.id}::uuid group by territory_code order by territory_code`,
    );
    expect(
      progress.grids.map((g: { code: string; households: number; visited: number; covered: number }) => ({
        code: g.code,
        households: g.households,
        visited: g.visited,
        covered: g.covered,
      })),
    ).toEqual(direct);
    expect(progress.round).toMatchObject({ covered: 3, visited: 4 });
    expect(progress.communities).toHaveLength(1);
    expect(progress.communities[0]).toMatchObject({ code: community.code, covered: 3, visited: 4 });
    expect(progress.people).toHaveLength(1);
    expect(progress.people[0]).toMatchObject({ visits: 4, households: 4 });
    // A second visit of a household counts a visit, not a household.
    await visit(round.id, { householdId: mine[3]!.householdId, outcome: 'met' });
    const again = (await get(`/rounds/${round.id}/progress`, secretary)).json.data;
    expect(again.people[0]).toMatchObject({ visits: 5, households: 4 });
    expect(again.round).toMatchObject({ covered: 4, visited: 4 });
    const own = (await get(`/rounds/${round.id}/progress`, gridWorker)).json.data;
    expect(own.grids.map((g: { code: string }) => g.code)).toEqual([grid.code]);
  });
});

describe('the phone’s lists: pages, filters, my buildings, tap to call', () => {
  it('pages and filters the households (grid, building, state, room or address)', async () => {
    const g = await freshGrid(['101', '102', '201', '202', '301']);
    const round = await openRound(community.id);
    const page = (url: string) => get(`/rounds/${round.id}/households?${url}`, secretary);
    const first = await page(`gridId=${g.node.id}&pageSize=2`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.page).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(first.json.data.map((h: { room: string }) => h.room)).toEqual(['101', '102']);
    const third = (await page(`gridId=${g.node.id}&pageSize=2&page=3`)).json;
    expect(third.data.map((h: { room: string }) => h.room)).toEqual(['301']);
    // The default page is 100, whatever the round's size.
    const all = (await page('')).json;
    expect(all.page.pageSize).toBe(100);
    expect(all.data.length).toBe(Math.min(100, all.page.total));
    expect(all.page.total).toBe(await presentHouseholds(community.code));
    expect(
      (await page(`buildingId=${g.buildingId}&q=20`)).json.data.map((h: { room: string }) => h.room),
    ).toEqual(['201', '202']);
    const name = (await page(`buildingId=${g.buildingId}&pageSize=1`)).json.data[0].buildingName as string;
    expect((await page(`q=${encodeURIComponent(name)}`)).json.page.total).toBeGreaterThanOrEqual(5);
    const v = await visit(round.id, { householdId: g.households[0]!.id }, admin);
    expect(v.status, v.text).toBe(201);
    expect((await page(`buildingId=${g.buildingId}&state=covered`)).json.page.total).toBe(1);
    expect((await page(`buildingId=${g.buildingId}&state=pending`)).json.page.total).toBe(4);
    expect((await page(`buildingId=${g.buildingId}&state=met`)).json.data[0].room).toBe('101');
    // Bad filters: a clear 400, never a 500.
    const bad = await page('pageSize=501&state=nope');
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'query.pageSize',
      'query.state',
    ]);
    // The grid worker sees their grid only.
    const theirs = (await get(`/rounds/${round.id}/households?gridId=${g.node.id}`, gridWorker)).json;
    expect(theirs.page.total).toBe(0);
  });

  it('lists my buildings with pending and covered counts', async () => {
    const round = await openRound(community.id);
    const response = await get(`/rounds/${round.id}/buildings?pageSize=500`, gridWorker);
    expect(response.status, response.text).toBe(200);
    const buildings = response.json.data as {
      buildingId: string;
      buildingCode: string;
      households: number;
      pending: number;
      covered: number;
    }[];
    expect(buildings.length).toBe(response.json.page.total);
    expect(buildings.every((b) => b.buildingCode.startsWith(grid.code))).toBe(true);
    expect(buildings.reduce((n, b) => n + b.households, 0)).toBe(await presentHouseholds(grid.code));
    const b = buildings[0]!;
    expect(b).toMatchObject({ pending: b.households, covered: 0 });
    const list = (await get(`/rounds/${round.id}/households?buildingId=${b.buildingId}`, gridWorker)).json
      .data as { householdId: string }[];
    await visit(round.id, { householdId: list[0]!.householdId });
    const after = (await get(`/rounds/${round.id}/buildings?pageSize=500`, gridWorker)).json
      .data as typeof buildings;
    expect(after.find((x) => x.buildingId === b.buildingId)).toMatchObject({
      pending: b.households - 1,
      covered: 1,
    });
    const leaderBuildings = (await get(`/rounds/${round.id}/buildings`, leader)).json
      .data as typeof buildings;
    expect(leaderBuildings.map((x) => x.buildingId)).toEqual([leaderBuilding]);
  });

  it('shows members with masked phones and reveals one for a call, audited; others answer 404', async () => {
    const node = await insertTerritoryNode(t.db, { parent: community });
    const mine = await insertHousehold(t.db, testKeys, {
      grid: grid,
      room: '501',
      members: [{ name: '测试户主', phone: '13812345678' }],
    });
    const outside = await insertHousehold(t.db, testKeys, {
      grid: node,
      room: '601',
      members: [{ name: '别处住户', phone: '13900001111' }],
    });
    const round = await openRound(community.id);
    const list = (await get(`/rounds/${round.id}/households?buildingId=${mine.building.id}`, gridWorker)).json
      .data as { members: { id: string; name: string; phone: string | null }[] }[];
    expect(list[0]!.members).toEqual([
      { id: mine.members[0]!.id, name: '测试户主', relation: 'head', phone: '138****5678' },
    ]);
    const call = await post(`/rounds/${round.id}/calls`, { residentId: mine.members[0]!.id }, gridWorker);
    expect(call.status, call.text).toBe(200);
    expect(call.json.data.phone).toBe('13812345678');
    expect(await auditCount('round.resident_called', mine.members[0]!.id)).toBe(1);
    const refused = await post(
      `/rounds/${round.id}/calls`,
      { residentId: outside.members[0]!.id },
      gridWorker,
    );
    expect(refused.status).toBe(404);
    expect(await auditCount('round.resident_called', outside.members[0]!.id)).toBe(0);
    // A secretary may read but not visit: no call.
    expect(
      (await post(`/rounds/${round.id}/calls`, { residentId: mine.members[0]!.id }, secretary)).status,
    ).toBe(403);
  });
});
