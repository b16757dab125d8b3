import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { searchTokens } from '../../core/auth/personal-data.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { insertVisitLog } from './visitlogs.factories.ts';
import { countVisitLogFigures } from './visitlogs.figures.ts';
import { TEXT_TOKENS } from './visitlogs.service.ts';
import { visitLogs } from './visitlogs.tables.ts';

type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid'; children: Node[] };
type Log = { id: string; text: string; editable: boolean; followUp: string; comments: number };

let t: TestApp;
let admin: string;
let secretary: string;
let gridWorker: string;
let leader: string;
let branch: string;
let county: Node;
let community: Node;
let grid: Node;
let otherGrid: Node;
let outsideCommunity: Node;
let leaderBuilding: string;
/** Households inserted for the tests: two in the grid worker's grid, one in the next grid, one in another street. */
let home: string;
let neighbour: string;
let homeBuilding: string;
let otherGridHome: string;
let outsideHome: string;
let leaderHome: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, gridWorker, leader, branch] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.building_leader),
    t.login(DEMO_ACCOUNT.branch_secretary),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  community = county.children[0]!.children[0]!;
  grid = community.children[0]!;
  otherGrid = community.children[1]!;
  outsideCommunity = county.children[1]!.children[0]!;
  const me = await t.request('GET', '/api/v1/leaders/me', { cookie: leader });
  leaderBuilding = (me.json.data.buildings as { id: string }[])[0]!.id;
  const first = await insertHousehold(t.db, testKeys, { grid, room: '1201' });
  home = first.household.id;
  homeBuilding = first.building.id;
  neighbour = (await insertHousehold(t.db, testKeys, { buildingId: homeBuilding, room: '1202' })).household
    .id;
  otherGridHome = (await insertHousehold(t.db, testKeys, { grid: otherGrid, room: '301' })).household.id;
  outsideHome = (await insertHousehold(t.db, testKeys, { grid: outsideCommunity.children[0]!, room: '502' }))
    .household.id;
  leaderHome = (await insertHousehold(t.db, testKeys, { buildingId: leaderBuilding, room: '2808' })).household
    .id;
});
afterAll(() => t.close());

const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const patch = (url: string, body: unknown, cookie: string) =>
  t.request('PATCH', `/api/v1${url}`, { cookie, body });
const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });

async function write(body: Record<string, unknown>, cookie = gridWorker): Promise<Log> {
  const response = await post(
    '/visit-logs',
    { kind: 'need', occurredOn: '2026-01-05', householdIds: [home], ...body },
    cookie,
  );
  expect(response.status, response.text).toBe(201);
  return response.json.data as Log;
}

const search = async (q: string, cookie = gridWorker, extra = '') => {
  const response = await get(`/visit-logs?q=${encodeURIComponent(q)}&pageSize=200${extra}`, cookie);
  expect(response.status, response.text).toBe(200);
  return response.json as { data: Log[]; page: { total: number } };
};

async function auditCount(action: string, entityId: string) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row!.n;
}

describe('the demo logs and the figure', () => {
  it('has logs since 2022 with tags, comments and follow-ups, the grid worker’s among them', async () => {
    const [demo] = await rowsOf<{
      n: number;
      first: string;
      tagged: number;
      commented: number;
      open: number;
    }>(
      t.db,
      sql`select count(*)::int as n, min(occurred_on)::text as first,
        (count(*) filter (where cardinality(tags) > 0))::int as tagged,
        (select count(distinct log_id)::int from visit_log_comments) as commented,
        (count(*) filter (where follow_up in ('open', 'in_progress')))::int as open from visit_logs`,
    );
    expect(demo!.n).toBeGreaterThanOrEqual(100);
    expect(demo!.first >= '2022-01-01' && demo!.first < '2023-01-01').toBe(true);
    expect(demo!.tagged).toBeGreaterThan(demo!.n / 2);
    expect(demo!.commented).toBeGreaterThan(10);
    expect(demo!.open).toBeGreaterThan(0);
    const mine = await get('/visit-logs?mine=true', gridWorker);
    expect(mine.json.page.total).toBeGreaterThan(0);
    // Every demo text decrypts and is found by a word from its middle.
    const list = await get('/visit-logs?pageSize=5', admin);
    const sample = (list.json.data as Log[])[0]!;
    const middle = Array.from(sample.text).slice(3, 7).join('');
    const found = await search(middle, admin);
    expect(found.data.map((l) => l.id)).toContain(sample.id);
  });

  it('counts the logs written as direct counts do, by place and period', async () => {
    const all = { all: true, codes: [], buildingIds: [], self: false };
    const street = county.children[0]!;
    for (const [from, to] of [
      [new Date('2022-01-01T00:00:00+08:00'), new Date('2024-06-30T23:59:59+08:00')],
      [new Date('2024-07-01T00:00:00+08:00'), new Date()],
    ] as const) {
      for (const code of [undefined, street.code, community.code, grid.code]) {
        const figures = await countVisitLogFigures(t.db, all, code, from, to);
        const [direct] = await rowsOf<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from visit_logs where created_at between ${from.toISOString()}::timestamptz
            and ${to.toISOString()}::timestamptz and territory_code like ${`${code ?? county.code}%`}`,
        );
        expect(figures.visitLogs).toBe(direct!.n);
      }
    }
    const whole = await countVisitLogFigures(t.db, all, undefined, new Date('2022-01-01T00:00:00+08:00'));
    expect(whole.visitLogs).toBeGreaterThan(50);
    // A street administrator's figure stays inside the street.
    const streetScope = { all: false, codes: [street.code], buildingIds: [], self: false };
    expect((await countVisitLogFigures(t.db, streetScope)).visitLogs).toBe(
      (await countVisitLogFigures(t.db, all, street.code)).visitLogs,
    );
    const insights = await get('/insights/figures?from=2022-01-01', admin);
    expect(insights.status, insights.text).toBe(200);
    expect(insights.json.visitLogs).toBe(whole.visitLogs);
  });

  it('bumps its own data set: a new log shows in the figure at once, the registry’s version unchanged', async () => {
    const version = async (name: string) =>
      (
        await rowsOf<{ v: number }>(
          t.db,
          sql`select version::int as v from data_versions where name = ${name}`,
        )
      )[0]!.v;
    const [registry, logs] = [await version('registry'), await version('visitlogs')];
    const before = (await get('/insights/figures', admin)).json.visitLogs as number;
    await write({ text: '数据版本测试日志' });
    expect(await version('visitlogs')).toBeGreaterThan(logs);
    expect(await version('registry')).toBe(registry);
    expect((await get('/insights/figures', admin)).json.visitLogs).toBe(before + 1);
  });
});

describe('searching the encrypted text', () => {
  it('finds a Chinese word from the middle of a text, and not a word that is absent', async () => {
    const log = await write({ text: '楼下独居的钱奶奶行动不便，希望社区提供助餐服务，每天中午送餐上门。' });
    expect((await search('助餐服务')).data.map((l) => l.id)).toContain(log.id);
    expect((await search('中午送餐')).data.map((l) => l.id)).toContain(log.id);
    expect((await search('钱奶奶')).data.map((l) => l.id)).toContain(log.id);
    expect((await search('钱')).data.map((l) => l.id)).toContain(log.id);
    expect((await search('助餐服务站')).data.map((l) => l.id)).not.toContain(log.id);
    expect((await search('噪音扰民钱奶奶')).data.map((l) => l.id)).not.toContain(log.id);
  });

  it('confirms the words: every bigram present but not the whole word finds nothing', async () => {
    // 停车, 车位, 位紧 all occur, 停车位紧 does not.
    const log = await write({ text: '夜间停车，车位被占，位紧挨消防通道。' });
    const candidates = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from visit_logs
        where search_tokens @> ${sql.param(searchTokens(testKeys, TEXT_TOKENS, '停车位紧', 'query'))}::text[]`,
    );
    expect(candidates.map((c) => c.id)).toContain(log.id);
    expect((await search('停车位紧')).data.map((l) => l.id)).not.toContain(log.id);
    expect((await search('车位被占')).data.map((l) => l.id)).toContain(log.id);
  });

  it('ignores spaces and full-width letters: “Ｗｉ Ｆｉ” finds wifi', async () => {
    const log = await write({ text: '楼道里的WiFi信号很差，老人视频通话困难。' });
    expect((await search('Ｗｉ Ｆｉ')).data.map((l) => l.id)).toContain(log.id);
  });

  it('keeps no plaintext in the database: the text, the tokens and the audit row', async () => {
    const secret = '住在1201的孙建国说他儿子欠债不还';
    const log = await write({ text: secret, tags: ['家庭矛盾'] });
    const [row] = await rowsOf<{ all: string }>(
      t.db,
      sql`select v::text as all from visit_logs v where id = ${log.id}::uuid`,
    );
    const [audit] = await rowsOf<{ all: string }>(
      t.db,
      sql`select coalesce(string_agg(a::text, ''), '') as all from audit_log a where entity_id = ${log.id}`,
    );
    for (const piece of ['孙建国', '欠债', '儿子', secret]) {
      expect(row!.all).not.toContain(piece);
      expect(audit!.all).not.toContain(piece);
    }
    expect(row!.all).toContain('家庭矛盾'); // tags are not personal
    expect((await get(`/visit-logs/${log.id}`, gridWorker)).json.data.text).toBe(secret);
  });

  it('uses the GIN index on the tokens (PGlite and PostgreSQL)', async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return rowsOf<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain select id from visit_logs where search_tokens @> ${sql.param(['abc'])}::text[]`,
      );
    });
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('visit_logs_tokens_idx');
  });
});

describe('filters', () => {
  it('filters by kind, tag, follow-up, period, household, building, place and author', async () => {
    const log = await write({
      kind: 'conflict',
      text: '筛选测试：邻居因晾衣杆问题争执。',
      tags: ['邻里纠纷', '晾衣杆'],
      householdIds: [home, neighbour],
      occurredOn: '2025-02-03',
      followUp: 'open',
    });
    const ids = async (query: string, cookie = gridWorker) => {
      const response = await get(`/visit-logs?pageSize=200&${query}`, cookie);
      expect(response.status, response.text).toBe(200);
      return (response.json.data as Log[]).map((l) => l.id);
    };
    expect(await ids('tag=晾衣杆')).toEqual([log.id]);
    expect(await ids('tag=晾衣杆&kind=need')).toEqual([]);
    expect(await ids('tag=晾衣杆&kind=conflict&followUp=open')).toEqual([log.id]);
    expect(await ids('tag=晾衣杆&followUp=done')).toEqual([]);
    expect(await ids('tag=晾衣杆&from=2025-02-03&to=2025-02-03')).toEqual([log.id]);
    expect(await ids('tag=晾衣杆&from=2025-02-04')).toEqual([]);
    expect(await ids(`householdId=${neighbour}`)).toContain(log.id);
    expect(await ids(`buildingId=${homeBuilding}&tag=晾衣杆`)).toEqual([log.id]);
    expect(await ids(`territoryId=${grid.id}&tag=晾衣杆`)).toEqual([log.id]);
    expect(await ids(`territoryId=${otherGrid.id}&tag=晾衣杆`, secretary)).toEqual([]);
    expect(await ids(`mine=true&tag=晾衣杆`)).toEqual([log.id]);
    expect(await ids(`mine=true&tag=晾衣杆`, secretary)).toEqual([]);
    const detail = await get(`/visit-logs/${log.id}`, secretary);
    expect(await ids(`authorId=${detail.json.data.authorUserId}&tag=晾衣杆`, secretary)).toEqual([log.id]);
    expect(detail.json.data.households).toHaveLength(2);
    expect(detail.json.data.households[0].address).toMatch(/120[12]/);
    const tags = await get('/visit-logs/tags', gridWorker);
    expect(tags.json.data.suggested).toContain('独居老人');
    expect(tags.json.data.used.map((u: { tag: string }) => u.tag)).toContain('晾衣杆');
  });

  it('pages: total and pages agree with and without a text', async () => {
    for (let i = 0; i < 3; i++) await write({ text: `分页测试第${i}条：垃圾清运不及时。` });
    expect((await search('分页测试')).page.total).toBe(3);
    const p1 = await get('/visit-logs?q=分页测试&pageSize=2&page=1', gridWorker);
    const p2 = await get('/visit-logs?q=分页测试&pageSize=2&page=2', gridWorker);
    expect(p1.json.data).toHaveLength(2);
    expect(p2.json.data).toHaveLength(1);
    expect(p1.json.page.total).toBe(3);
  });
});

describe('scope', () => {
  it('a writer writes only for households and places in their scope (404 otherwise), nothing stored', async () => {
    const before = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from visit_logs`);
    for (const body of [
      { householdIds: [otherGridHome] },
      { householdIds: [home, outsideHome] },
      { householdIds: [], placeId: otherGrid.id },
      { householdIds: [], placeId: community.id },
    ]) {
      const response = await post(
        '/visit-logs',
        { kind: 'need', text: '越权写日志', occurredOn: '2026-01-05', ...body },
        gridWorker,
      );
      expect(response.status, JSON.stringify(body)).toBe(404);
    }
    // A leader writes for the households of their building, not for the grid.
    expect(
      (
        await post(
          '/visit-logs',
          { kind: 'need', text: '越权写日志', occurredOn: '2026-01-05', placeId: grid.id },
          leader,
        )
      ).status,
    ).toBe(404);
    const after = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from visit_logs`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('reading follows the territory: a log of another community is 404, a leader reads only their buildings’', async () => {
    const outside = await insertVisitLog(t.db, testKeys, {
      territoryCode: outsideCommunity.children[0]!.code,
      gridId: outsideCommunity.children[0]!.id,
      householdIds: [outsideHome],
      text: '另一街道的日志',
    });
    for (const cookie of [secretary, gridWorker, leader, branch]) {
      expect((await get(`/visit-logs/${outside.id}`, cookie)).status).toBe(404);
      expect((await post(`/visit-logs/${outside.id}/follow-up`, { followUp: 'done' }, cookie)).status).toBe(
        404,
      );
    }
    expect((await post(`/visit-logs/${outside.id}/comments`, { text: '越权批注' }, secretary)).status).toBe(
      404,
    );
    expect((await get(`/visit-logs/${outside.id}`, admin)).status).toBe(200);
    const onGrid = await write({ householdIds: [], placeId: grid.id, text: '网格层面的日志' });
    expect((await get(`/visit-logs/${onGrid.id}`, leader)).status).toBe(404);
    expect((await get(`/visit-logs/${onGrid.id}`, secretary)).status).toBe(200);
    const leaders = await write({ householdIds: [leaderHome], text: '楼长写的日志：楼道灯坏了' }, leader);
    expect((await get(`/visit-logs/${leaders.id}`, leader)).status).toBe(200);
    expect((await get(`/visit-logs/${leaders.id}`, gridWorker)).status).toBe(200);
    const found = await search('楼道灯坏了', leader);
    expect(found.data.map((l) => l.id)).toEqual([leaders.id]);
    expect((await search('网格层面的日志', leader)).page.total).toBe(0);
  });
});

describe('bad input', () => {
  it('answers 400 field by field and stores nothing', async () => {
    const before = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from visit_logs`);
    const response = await post(
      '/visit-logs',
      { kind: 'gossip', text: ' ', occurredOn: '2026-02-30', tags: ['a'.repeat(21), '有 空格'] },
      gridWorker,
    );
    expect(response.status).toBe(400);
    const fields = (response.json.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['kind', 'text', 'occurredOn', 'tags.0', 'tags.1']));
    // Tags are checked as they would be stored, after NFKC: a small comma, a diaeresis (a space and a combining
    // mark) and one ligature of eighteen letters pass as they are typed, not once normalised.
    const compatible = await post(
      '/visit-logs',
      {
        kind: 'need',
        text: '标签核查',
        occurredOn: '2026-01-01',
        householdIds: [home],
        tags: ['甲﹐乙', '丙¨', 'ﷺﷺ'],
      },
      gridWorker,
    );
    expect(compatible.status).toBe(400);
    expect((compatible.json.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'tags.0',
      'tags.1',
      'tags.2',
    ]);
    const noPlace = await post(
      '/visit-logs',
      { kind: 'need', text: '没有地点', occurredOn: '2026-01-01' },
      gridWorker,
    );
    expect(noPlace.status).toBe(400);
    expect(noPlace.json.error.details[0].field).toBe('placeId');
    const future = await post(
      '/visit-logs',
      { kind: 'need', text: '未来的日志', occurredOn: '2099-01-01', householdIds: [home] },
      gridWorker,
    );
    expect(future.status).toBe(400);
    expect(future.json.error.details[0].field).toBe('occurredOn');
    // Households of two grids (the secretary may write… no: only writers write; the admin writes across grids).
    const twoGrids = await post(
      '/visit-logs',
      { kind: 'need', text: '两个网格', occurredOn: '2026-01-01', householdIds: [home, otherGridHome] },
      admin,
    );
    expect(twoGrids.status).toBe(400);
    expect(twoGrids.json.error.details[0].field).toBe('householdIds');
    const notInPlace = await post(
      '/visit-logs',
      {
        kind: 'need',
        text: '住户不在楼栋',
        occurredOn: '2026-01-01',
        householdIds: [home],
        placeId: leaderBuilding,
      },
      admin,
    );
    expect(notInPlace.status).toBe(400);
    expect(notInPlace.json.error.details[0].field).toBe('householdIds');
    const badQuery = await get('/visit-logs?kind=x&pageSize=500', gridWorker);
    expect(badQuery.status).toBe(400);
    expect((badQuery.json.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'query.kind',
      'query.pageSize',
    ]);
    const badPeriod = await get('/visit-logs?from=2026-02-01&to=2026-01-01', gridWorker);
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.json.error.details[0].field).toBe('query.to');
    const after = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from visit_logs`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('editing, comments and follow-up', () => {
  it('the author edits within the window (audited, text masked), others get 403', async () => {
    const log = await write({ text: '原来的内容：需要修缮屋顶' });
    expect(log.editable).toBe(true);
    const edited = await patch(
      `/visit-logs/${log.id}`,
      { text: '改过的内容：需要修缮外墙', tags: ['房屋漏水'] },
      gridWorker,
    );
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.data.text).toBe('改过的内容：需要修缮外墙');
    expect((await search('修缮外墙')).data.map((l) => l.id)).toContain(log.id);
    expect((await search('修缮屋顶')).data.map((l) => l.id)).not.toContain(log.id);
    expect(await auditCount('visit_log.updated', log.id)).toBe(1);
    const [audit] = await rowsOf<{ changes: string }>(
      t.db,
      sql`select changes::text as changes from audit_log where action = 'visit_log.updated' and entity_id = ${log.id}`,
    );
    expect(audit!.changes).not.toContain('外墙');
    expect((await patch(`/visit-logs/${log.id}`, { text: '别人改' }, admin)).status).toBe(403);
    // Older than seven days: locked.
    await t.db
      .update(visitLogs)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(visitLogs.id, log.id));
    const old = await patch(`/visit-logs/${log.id}`, { text: '太晚了' }, gridWorker);
    expect(old.status).toBe(409);
    expect(old.json.error.code).toBe('VISIT_LOG_LOCKED');
  });

  it('a supervisor comments, the author sees it, and the log is then locked; a writer cannot comment', async () => {
    const log = await write({ text: '批注测试：希望增设快递柜' });
    expect((await post(`/visit-logs/${log.id}/comments`, { text: '我也来批注' }, gridWorker)).status).toBe(
      403,
    );
    expect((await post(`/visit-logs/${log.id}/comments`, { text: '' }, secretary)).status).toBe(400);
    const commented = await post(
      `/visit-logs/${log.id}/comments`,
      { text: '请联系物业落实，王书记' },
      secretary,
    );
    expect(commented.status, commented.text).toBe(201);
    expect(await auditCount('visit_log.commented', log.id)).toBe(1);
    const seen = await get(`/visit-logs/${log.id}`, gridWorker);
    expect(seen.json.data.commentList).toEqual([
      expect.objectContaining({ text: '请联系物业落实，王书记', authorName: expect.any(String) }),
    ]);
    expect(seen.json.data.comments).toBe(1);
    expect(seen.json.data.editable).toBe(false);
    const [stored] = await rowsOf<{ all: string }>(
      t.db,
      sql`select c::text as all from visit_log_comments c where log_id = ${log.id}::uuid`,
    );
    expect(stored!.all).not.toContain('物业落实');
    const locked = await patch(`/visit-logs/${log.id}`, { text: '改一下' }, gridWorker);
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('VISIT_LOG_LOCKED');
  });

  it('the follow-up status is set by the author or a supervisor, not by a reader; audited', async () => {
    const log = await write({ text: '跟进测试：路灯不亮' });
    const byAuthor = await post(`/visit-logs/${log.id}/follow-up`, { followUp: 'open' }, gridWorker);
    expect(byAuthor.status, byAuthor.text).toBe(200);
    expect(byAuthor.json.data.followUp).toBe('open');
    expect((await post(`/visit-logs/${log.id}/follow-up`, { followUp: 'done' }, branch)).status).toBe(403);
    expect((await post(`/visit-logs/${log.id}/follow-up`, { followUp: 'later' }, secretary)).status).toBe(
      400,
    );
    const bySupervisor = await post(`/visit-logs/${log.id}/follow-up`, { followUp: 'done' }, secretary);
    expect(bySupervisor.json.data.followUp).toBe('done');
    expect(await auditCount('visit_log.follow_up_set', log.id)).toBe(2);
    expect(await auditCount('visit_log.created', log.id)).toBe(1);
  });
});

describe('written offline: the phone’s client id', () => {
  const body = (clientId: string, extra: Record<string, unknown> = {}) => ({
    kind: 'need',
    text: '离线写的日志：楼道灯坏了',
    occurredOn: '2026-01-06',
    householdIds: [home],
    clientId,
    ...extra,
  });
  const stored = async (clientId: string) =>
    (
      await rowsOf<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from visit_logs where client_id = ${clientId}::uuid`,
      )
    )[0]!.n;

  it('stores a log once per client id: sent again it answers the stored log (200) and audits nothing more', async () => {
    const clientId = crypto.randomUUID();
    const first = await post('/visit-logs', body(clientId), gridWorker);
    expect(first.status, first.text).toBe(201);
    const again = await post('/visit-logs', body(clientId, { text: '改过的文字不会覆盖' }), gridWorker);
    expect(again.status, again.text).toBe(200);
    expect(again.json.data.id).toBe(first.json.data.id);
    expect(again.json.data.text).toBe('离线写的日志：楼道灯坏了');
    expect(await stored(clientId)).toBe(1);
    expect(await auditCount('visit_log.created', first.json.data.id as string)).toBe(1);
  });

  it('two requests with the same client id at once store one log', async () => {
    const clientId = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post('/visit-logs', body(clientId), gridWorker)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json.data.id)).size).toBe(1);
    expect(await stored(clientId)).toBe(1);
  });

  it('another author re-using someone’s client id gets 409 and does not read their log', async () => {
    const clientId = crypto.randomUUID();
    expect((await post('/visit-logs', body(clientId), gridWorker)).status).toBe(201);
    for (const lang of ['zh', 'en'] as const) {
      const response = await t.request('POST', '/api/v1/visit-logs', {
        cookie: admin,
        body: body(clientId, { text: '管理员的另一条日志' }),
        headers: { 'accept-language': lang },
      });
      expect(response.status, response.text).toBe(409);
      expect(response.json.error.code).toBe('VISIT_LOG_CLIENT_ID_TAKEN');
      expect(response.json.data).toBeUndefined();
      expect(response.text).not.toContain('楼道灯');
      expect(response.json.error.message).toMatch(lang === 'zh' ? /已被他人使用/ : /someone else/);
    }
    expect(await stored(clientId)).toBe(1);
  });

  it('a household moved out meanwhile is refused with 409 and the reason; nothing stored', async () => {
    const moving = (await insertHousehold(t.db, testKeys, { buildingId: homeBuilding, room: '1709' }))
      .household.id;
    const out = await post(`/households/${moving}/move-out`, { note: '整户搬离' }, admin);
    expect(out.status, out.text).toBe(204);
    const clientId = crypto.randomUUID();
    const response = await post('/visit-logs', body(clientId, { householdIds: [moving] }), gridWorker);
    expect(response.status, response.text).toBe(409);
    expect(response.json.error.code).toBe('VISIT_LOG_HOUSEHOLD_MOVED_OUT');
    expect(response.json.error.message).toContain('1709');
    expect(await stored(clientId)).toBe(0);
    // Out of the writer's scope: 404, as for any log.
    const outside = await post(
      '/visit-logs',
      body(crypto.randomUUID(), { householdIds: [outsideHome] }),
      gridWorker,
    );
    expect(outside.status).toBe(404);
  });
});
