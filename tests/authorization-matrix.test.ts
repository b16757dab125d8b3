import { sql } from 'drizzle-orm';
import { DEMO_ACCOUNT } from './support/constants.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions, permissionsOfRole } from '../src/server/core/auth/catalogue.ts';
import { roleCodes, type RoleCode } from '../src/server/core/auth/roles.ts';
import { XLSX_TYPE } from '../src/server/modules/registry/xlsx.ts';
import { insertDutyItem, insertTaskPhoto } from '../src/server/modules/duties/duties.factories.ts';
import { raiseTask } from '../src/server/modules/duties/duties.public.ts';
import { insertRound, insertVisitWithPhoto } from '../src/server/modules/rounds/rounds.factories.ts';
import { insertVisitLog } from '../src/server/modules/visitlogs/visitlogs.factories.ts';
import { notify } from '../src/server/core/notifications/notifications.ts';
import { exportThroughJob } from './support/exports.ts';
import { createTestApp, testKeys, type TestApp } from './support/test-app.ts';

/**
 * The authorisation matrix, generated from the OpenAPI document so that a new route cannot escape it:
 * 1. every operation declares its access (`x-access`);
 * 2. every operation × anonymous and every demo role: the access is checked before the request is validated, so a
 *    caller without the permission gets 403 (401 when not signed in) even for a malformed request, and a caller
 *    with it never does;
 * 3. every operation that names a record in its path × every scoped role holding the permission: a record outside
 *    the caller's scope answers 404 and changes nothing, even with a valid body; one inside can be read;
 * 4. mixed-scope targets: an account working both inside and outside the caller's scope, moves between scopes,
 *    new records and roles pointing outside.
 */

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; format?: string; enum?: unknown[] };
};
type Operation = {
  key: string;
  method: string;
  path: string;
  /** `public`, `signed-in`, or the permissions the caller must all hold. */
  access: string | string[];
  parameters: Parameter[];
  bodyType: string | null;
};

let t: TestApp;
const operations: Operation[] = [];
const cookies = {} as Record<RoleCode, string>;

/** Records every scoped demo role holds (first street → first community → first grid → the leader's building). */
const inside = {
  planProposal: '',
  planBarrier: '',
  notification: '',
  territory: '',
  household: '',
  resident: '',
  building: '',
  account: '',
  import: '',
  export: '',
  person: '',
  leaderTerm: '',
  partyOrg: '',
  partyMember: '',
  partySecretary: '',
  allianceUnit: '',
  registration: '',
  gridWorker: '',
  volunteer: '',
  volunteerTeam: '',
  round: '',
  roundVisit: '',
  visitLog: '',
  dutyItem: '',
  dutyTask: '',
  dutyTaskPhoto: '',
  centralHousehold: '',
};
/** Records of another street: outside every scoped demo role. */
const outside = {
  planProposal: '',
  planBarrier: '',
  notification: '',
  territory: '',
  community: '',
  household: '',
  resident: '',
  building: '',
  account: '',
  import: '',
  export: '',
  person: '',
  leaderTerm: '',
  partyOrg: '',
  partyMember: '',
  partySecretary: '',
  allianceUnit: '',
  registration: '',
  gridWorker: '',
  volunteer: '',
  volunteerTeam: '',
  round: '',
  roundVisit: '',
  visitLog: '',
  dutyItem: '',
  dutyTask: '',
  dutyTaskPhoto: '',
  centralHousehold: '',
};
/** An account working in the first grid and, as a community worker, in a community of another street. */
let mixedAccount = '';
let ids: { street1: string; community1: string; grid1: string; grid2: string };

type Node = { id: string; level: string; children: Node[] };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await t.db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** What every write changes: the audit log and the data versions. Equal before and after = nothing changed. */
async function snapshot() {
  const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
  const versions = await rows<{ v: string }>(
    sql`select coalesce(string_agg(name || ':' || version::text, ',' order by name), '') as v from data_versions`,
  );
  const [accounts] = await rows<{ h: string }>(
    sql`select md5(coalesce(string_agg(id::text || password_hash || status || display_name || updated_at::text, ',' order by id), '')) as h from users`,
  );
  const [notes] = await rows<{ h: string }>(
    sql`select md5(coalesce(string_agg(id::text || coalesce(read_at::text, ''), ',' order by id), '')) as h from notifications`,
  );
  return { audit: audit!.n, versions: versions[0]!.v, accounts: accounts!.h, notifications: notes!.h };
}

/** Rows below the header of the first sheet of a spreadsheet answer. */
async function dataRows(op: Operation, query: string, cookie: string): Promise<number> {
  const response = await t.app.request(`/api/v1${op.path}?${query}`, { headers: { cookie } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!.actualRowCount - 1;
}

async function uploadTemplate(cookie: string): Promise<string> {
  const template = await t.app.request('/api/v1/registry/import-template', { headers: { cookie } });
  expect(template.status).toBe(200);
  const form = new FormData();
  form.append(
    'file',
    new File([new Uint8Array(await template.arrayBuffer())], 'residents.xlsx', { type: XLSX_TYPE }),
  );
  const response = await t.app.request('/api/v1/registry/imports', {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  const json = (await response.json()) as { data: { id: string } };
  expect(response.status, JSON.stringify(json)).toBe(202);
  // Let the validation in the background finish before the matrix compares snapshots.
  for (let i = 0; i < 500; i++) {
    const poll = await t.request('GET', `/api/v1/registry/imports/${json.data.id}`, { cookie });
    if (poll.json.data.status !== 'validating') return json.data.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not finish validating');
}

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roleCodes) cookies[role] = await t.login(DEMO_ACCOUNT[role]);

  const doc = (await t.request('GET', '/api/openapi.json')).json as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  for (const [fullPath, item] of Object.entries(doc.paths)) {
    const path = fullPath.replace(/^\/api\/v1/, '');
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        access: op['x-access'] as string,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        bodyType: content ? Object.keys(content)[0]! : null,
      });
    }
  }

  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: cookies.county_admin })).json
    .data as Node[];
  const [street1, street2] = tree[0]!.children;
  const community1 = street1!.children[0]!;
  ids = {
    street1: street1!.id,
    community1: community1.id,
    grid1: community1.children[0]!.id,
    grid2: community1.children[1]!.id,
  };
  inside.territory = ids.grid1;
  outside.territory = street2!.children[0]!.children[0]!.id;
  outside.community = street2!.children[0]!.id;

  const [leaderBuilding] = await rows<{ id: string }>(sql`
    select unnest(ra.scope_ids)::text as id from role_assignments ra join users u on u.id = ra.user_id
    where u.username = 'leader' limit 1`);
  inside.building = leaderBuilding!.id;
  const [insideResident] = await rows<{ id: string; household: string }>(sql`
    select r.id::text as id, r.household_id::text as household from residents r
    where r.building_id = ${inside.building}::uuid and r.moved_out_at is null order by r.id limit 1`);
  inside.resident = insideResident!.id;
  inside.household = insideResident!.household;
  const [street2Code] = await rows<{ code: string }>(
    sql`select code from territories where id = ${street2!.id}::uuid`,
  );
  const [outsideResident] = await rows<{ id: string; household: string; building: string }>(sql`
    select r.id::text as id, r.household_id::text as household, r.building_id::text as building from residents r
    where r.territory_code like ${`${street2Code!.code}%`} and r.moved_out_at is null order by r.id limit 1`);
  outside.resident = outsideResident!.id;
  outside.household = outsideResident!.household;
  outside.building = outsideResident!.building;

  const [gridAccount] = await rows<{ id: string }>(
    sql`select id::text as id from users where username = 'grid'`,
  );
  inside.account = gridAccount!.id;
  const create = async (username: string, assignments: unknown[]) => {
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: cookies.county_admin,
      body: { username, displayName: username, password: 'Initial-pass-1', roles: assignments },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  outside.account = await create('matrix-outside', [
    { role: 'grid_worker', scopeKind: 'grids', scopeIds: [outside.territory] },
  ]);
  mixedAccount = await create('matrix-mixed', [
    { role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] },
    { role: 'community_worker', scopeKind: 'community', scopeIds: [outside.community] },
  ]);
  // Persons: a resident of the leader's building (inside every scoped role reading people), one of another street.
  const person = async (where: ReturnType<typeof sql>) => {
    const [resident] = await rows<{ id: string }>(sql`
      select r.id::text as id from residents r
      where ${where} and r.moved_out_at is null
        and not exists (select 1 from persons p where p.resident_id = r.id)
      order by r.id limit 1`);
    const response = await t.request('POST', '/api/v1/people', {
      cookie: cookies.county_admin,
      body: { residentId: resident!.id },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  inside.person = await person(sql`r.building_id = ${inside.building}::uuid`);
  outside.person = await person(sql`r.territory_code like ${`${street2Code!.code}%`}`);
  // Leader terms: the demo leader's own (its building is inside every scoped role reading terms), one of another street.
  const [leaderTerm] = await rows<{ id: string }>(sql`
    select ra.source_id::text as id from role_assignments ra join users u on u.id = ra.user_id
    where u.username = 'leader' and ra.source_kind = 'leader_term' limit 1`);
  inside.leaderTerm = leaderTerm!.id;
  const [outsideTerm] = await rows<{ id: string }>(sql`
    select lt.id::text as id from leader_terms lt join buildings b on b.id = lt.building_id
    where b.territory_code like ${`${street2Code!.code}%`} and lt.status = 'approved' order by b.code limit 1`);
  outside.leaderTerm = outsideTerm!.id;
  // Party records of the demo: a branch covering the first grid (every party reader's scope holds it) and
  // members, secretaries, alliance units and registrations of the other street.
  const one = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(query))[0]!.id;
  const [grid1Code] = await rows<{ code: string }>(
    sql`select code from territories where id = ${ids.grid1}::uuid`,
  );
  const otherStreet = `${street2Code!.code}%`;
  inside.partyOrg =
    await one(sql`select o.id::text as id from party_orgs o join party_org_places p on p.org_id = o.id
    where p.territory_code = ${grid1Code!.code} and o.kind = 'branch' and o.ends_on is null order by o.name limit 1`);
  outside.partyOrg = await one(sql`select id::text as id from party_orgs
    where community_code like ${otherStreet} and kind = 'branch' and ends_on is null order by name limit 1`);
  outside.partyMember =
    await one(sql`select m.id::text as id from party_members m join party_orgs o on o.id = m.branch_id
    where o.community_code like ${otherStreet} and m.ends_on is null order by m.starts_on, m.id limit 1`);
  outside.partySecretary = await one(sql`select s.id::text as id from party_secretaries s
    join party_orgs o on o.id = s.org_id
    where o.community_code like ${otherStreet} and s.ends_on is null order by s.starts_on, s.id limit 1`);
  outside.allianceUnit = await one(sql`select u.id::text as id from alliance_units u
    join party_orgs o on o.id = u.alliance_id
    where o.community_code like ${otherStreet} and u.ends_on is null order by u.name, u.id limit 1`);
  outside.registration = await one(sql`select id::text as id from party_registrations
    where territory_code like ${otherStreet} order by created_at, id limit 1`);
  // Grid workers: the demo grid worker (a worker of the first grid), and a worker of the other street.
  const [insideWorker] = await rows<{ id: string }>(sql`
    select p.id::text as id from persons p join users u on u.id = p.user_id where u.username = 'grid'`);
  inside.gridWorker = insideWorker!.id;
  const [outsideWorker] = await rows<{ id: string }>(sql`
    select person_id::text as id from grid_workers
    where territory_code like ${`${street2Code!.code}%`} and ends_on is null order by territory_code, starts_on limit 1`);
  outside.gridWorker = outsideWorker!.id;
  // Volunteers and teams: serving the first grid (inside every scoped role reading them), and the other street.
  const volunteer = async (personId: string, territoryId: string) => {
    const response = await t.request('POST', '/api/v1/volunteers', {
      cookie: cookies.county_admin,
      body: { personId, territoryId },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  inside.volunteer = await volunteer(inside.person, ids.grid1);
  outside.volunteer = await volunteer(outside.person, outside.territory);
  const team = async (territoryId: string) => {
    const response = await t.request('POST', '/api/v1/volunteer-teams', {
      cookie: cookies.county_admin,
      body: { name: '矩阵服务队', territoryId },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  inside.volunteerTeam = await team(ids.grid1);
  outside.volunteerTeam = await team(outside.territory);
  // Rounds: the demo's open county-wide round (it reaches every scoped role), and one over a community of the other
  // street.
  inside.round =
    await one(sql`select id::text as id from rounds where status = 'open' and territory_id = ${tree[0]!.id}::uuid
    order by opened_at, id limit 1`);
  const outsideCommunityCode = await one(
    sql`select code as id from territories where id = ${outside.community}::uuid`,
  );
  outside.round = (
    await insertRound(t.db, { territoryId: outside.community, territoryCode: outsideCommunityCode })
  ).id;
  // Visits with a photo: one of the inside household (the demo's open round), one in the other street's round.
  const visitOf = async (roundId: string, householdId: string) => {
    const [home] = await rows<{ code: string; building: string }>(sql`
      select territory_code as code, building_id::text as building from households where id = ${householdId}::uuid`);
    return (
      await insertVisitWithPhoto(t.db, testKeys, {
        roundId,
        householdId,
        territoryCode: home!.code,
        buildingId: home!.building,
      })
    ).id;
  };
  inside.roundVisit = await visitOf(inside.round, inside.household);
  outside.roundVisit = await visitOf(outside.round, outside.household);
  // Visit logs: one about a household of the leader's building (inside every scoped role reading logs), one in
  // the other street.
  const [insideHome] = await rows<{ code: string; grid: string }>(sql`
    select h.territory_code as code, b.grid_id::text as grid from households h join buildings b on b.id = h.building_id
    where h.id = ${inside.household}::uuid`);
  inside.visitLog = (
    await insertVisitLog(t.db, testKeys, {
      territoryCode: insideHome!.code,
      gridId: insideHome!.grid,
      buildingId: inside.building,
      householdIds: [inside.household],
      text: '矩阵测试日志',
    })
  ).id;
  const [outsideHome] = await rows<{ code: string; grid: string }>(sql`
    select h.territory_code as code, b.grid_id::text as grid from households h join buildings b on b.id = h.building_id
    where h.id = ${outside.household}::uuid`);
  outside.visitLog = (
    await insertVisitLog(t.db, testKeys, {
      territoryCode: outsideHome!.code,
      gridId: outsideHome!.grid,
      buildingId: outside.building,
      householdIds: [outside.household],
      text: '矩阵测试日志（外街道）',
    })
  ).id;
  // Central households: the demo's, one in the first grid and one in the other street.
  inside.centralHousehold = await one(sql`select id::text as id from central_households
    where territory_code = ${grid1Code!.code} and ends_on is null order by starts_on, id limit 1`);
  outside.centralHousehold = await one(sql`select id::text as id from central_households
    where territory_code like ${otherStreet} and ends_on is null order by starts_on, id limit 1`);
  outside.import = await uploadTemplate(cookies.county_admin);
  inside.import = outside.import;
  // Duties: a template item and a task of the demo (inside), an item of the other street's community and a task
  // raised for a person living there (outside: nobody of the demo roles holds it).
  inside.dutyItem = await one(
    sql`select id::text as id from duty_items where community_id is null order by title limit 1`,
  );
  inside.dutyTask = await one(sql`select id::text as id from duty_tasks order by id limit 1`);
  outside.dutyItem = (
    await insertDutyItem(t.db, {
      communityId: outside.community,
      territoryCode: outsideCommunityCode,
      roleGroup: 'grid_worker',
      title: '越权测试事项',
    })
  ).id;
  outside.dutyTask = await t.db.transaction((tx) =>
    raiseTask(
      tx,
      { userId: null, name: 'matrix', role: null, requestId: 'matrix', ip: null, userAgent: null },
      { personId: outside.person, title: '越权测试任务', dueOn: '2099-12-31', evidence: 'none' },
    ),
  );
  // Grid plans and barrier lines: of the first community (inside every planner's scope) and of the other street.
  const planOf = async (territoryId: string) => {
    const response = await t.request('POST', '/api/v1/planner/proposals', {
      cookie: cookies.county_admin,
      body: { territoryId, timeLimitMs: 500 },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  inside.planProposal = await planOf(ids.community1);
  outside.planProposal = await planOf(outside.community);
  const barrierOf = async (territoryId: string) => {
    // A short line from one of the community's buildings: a barrier must lie in its place.
    const [at] = await rows<{ lng: number; lat: number }>(
      sql`select b.lng::float8 as lng, b.lat::float8 as lat from buildings b, territories c
        where c.id = ${territoryId}::uuid and b.territory_code like c.code || '%' and b.lng is not null
        order by b.code limit 1`,
    );
    const response = await t.request('POST', '/api/v1/planner/barriers', {
      cookie: cookies.county_admin,
      body: {
        territoryId,
        kind: 'road',
        name: '矩阵路',
        line: [
          [at!.lng, at!.lat],
          [at!.lng + 0.0003, at!.lat + 0.0003],
        ],
      },
    });
    expect(response.status, response.text).toBe(201);
    return response.json.data.id as string;
  };
  inside.planBarrier = await barrierOf(ids.community1);
  outside.planBarrier = await barrierOf(outside.community);
  // A notification is its account's alone: the county administrator's is outside every other account.
  const [adminUser] = await rows<{ id: string }>(
    sql`select id::text as id from users where username = ${DEMO_ACCOUNT.county_admin}`,
  );
  await t.db.transaction((tx) =>
    notify(tx, [adminUser!.id], {
      kind: 'test.matrix',
      title: { zh: '矩阵', en: 'Matrix' },
      body: { zh: '矩阵', en: 'Matrix' },
      sourceKey: 'test:matrix',
    }),
  );
  const [adminNote] = await rows<{ id: string }>(
    sql`select id::text as id from notifications where source_key = 'test:matrix'`,
  );
  outside.notification = adminNote!.id;
  inside.notification = adminNote!.id;
  // An export belongs to whoever asked for it: the county administrator's, run to its end (its audit row written)
  // before any snapshot is compared.
  outside.export = (
    await exportThroughJob(t, cookies.county_admin, `/api/v1/residents/export?buildingId=${outside.building}`)
  ).exportId!;
  inside.export = outside.export;
  // Task photos: one on a task raised for the demo grid worker in their grid (inside every board reader's scope),
  // one on the other street's task (outside: a photo is there, only the scope refuses it).
  const [gridPerson] = await rows<{ id: string }>(
    sql`select p.id::text as id from persons p join users u on u.id = p.user_id where u.username = 'grid'`,
  );
  inside.dutyTaskPhoto = await t.db.transaction((tx) =>
    raiseTask(
      tx,
      { userId: null, name: 'matrix', role: null, requestId: 'matrix', ip: null, userAgent: null },
      { personId: gridPerson!.id, title: '拍照任务', dueOn: '2099-12-31', evidence: 'photo' },
    ),
  );
  await insertTaskPhoto(t.db, testKeys, { taskId: inside.dutyTaskPhoto });
  outside.dutyTaskPhoto = outside.dutyTask;
  await insertTaskPhoto(t.db, testKeys, { taskId: outside.dutyTaskPhoto });
}, 120_000);
afterAll(() => t?.close());

const has = (role: RoleCode, access: string | string[]) =>
  (typeof access === 'string' ? [access] : access).every((p) =>
    (permissionsOfRole(role) as string[]).includes(p),
  );

/** A request that fails validation wherever the operation validates anything: wrong types in every field. */
function malformed(op: Operation): { url: string; body?: string; headers?: Record<string, string> } {
  const search = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    const s = p.schema ?? {};
    if (s.type === 'integer' || s.type === 'number' || s.type === 'boolean' || s.enum || s.format) {
      search.set(p.name, '~not-valid~');
    } else {
      // Text the boundary check refuses: it too comes after the access check.
      search.set(p.name, 'bad\u0000text');
    }
  }
  const path = op.path.replace(/\{id\}/g, 'not-a-uuid');
  const query = search.size ? `?${search}` : '';
  if (!op.bodyType) return { url: `/api/v1${path}${query}` };
  return { url: `/api/v1${path}${query}`, body: '[]', headers: { 'content-type': 'application/json' } };
}

describe('every operation declares its access', () => {
  it('the document has the operations, and each names public, signed-in or a known permission', () => {
    expect(operations.length).toBeGreaterThan(30);
    const permissions: string[] = allPermissions().map(([p]) => p);
    const known = new Set<string>(['public', 'signed-in', ...permissions]);
    const undeclared = operations
      .filter((op) =>
        typeof op.access === 'string'
          ? !known.has(op.access)
          : op.access.length === 0 || op.access.some((p) => !permissions.includes(p)),
      )
      .map((op) => op.key);
    expect(undeclared).toEqual([]);
  });
});

describe('the access is checked before the request is validated', () => {
  it('anonymous callers get 401 everywhere but public operations', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const { url, body, headers } = malformed(op);
      const response = await t.request(op.method, url, { body, headers });
      const ok = op.access === 'public' ? ![401, 403].includes(response.status) : response.status === 401;
      if (!ok || response.status >= 500) wrong.push(`${op.key} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([...roleCodes])(
    '%s: 403 without the permission, never 401/403 with it, for every operation',
    async (role) => {
      const wrong: string[] = [];
      for (const op of operations) {
        const { url, body, headers } = malformed(op);
        // Signing out ends the session: that operation gets a session of its own.
        const cookie = op.key === 'POST /auth/logout' ? await t.login(DEMO_ACCOUNT[role]) : cookies[role];
        const response = await t.request(op.method, url, { body, headers, cookie });
        const allowed = op.access === 'public' || op.access === 'signed-in' || has(role, op.access);
        const ok = allowed
          ? ![401, 403].includes(response.status)
          : response.status === 403 && response.json?.error?.code === 'FORBIDDEN';
        if (!ok || response.status >= 500) {
          wrong.push(`${op.key} → ${response.status} ${response.text.slice(0, 120)}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});

/** The kind of record an operation's `{id}` names, from its path. A new kind must be added here. */
function targetKind(path: string): keyof typeof inside {
  if (path.startsWith('/territories/{id}')) return 'territory';
  if (path.startsWith('/households/{id}')) return 'household';
  if (path.startsWith('/residents/{id}')) return 'resident';
  if (path.startsWith('/accounts/{id}')) return 'account';
  if (path.startsWith('/registry/imports/{id}')) return 'import';
  if (path.startsWith('/residents/exports/{id}')) return 'export';
  if (path.startsWith('/people/{id}')) return 'person';
  if (path.startsWith('/buildings/{id}')) return 'building';
  if (path.startsWith('/leaders/terms/{id}')) return 'leaderTerm';
  if (path.startsWith('/leaders/buildings/{id}')) return 'building';
  if (path.startsWith('/leaders/me/residents/{id}')) return 'resident';
  if (path.startsWith('/party/orgs/{id}')) return 'partyOrg';
  if (path.startsWith('/party/members/{id}')) return 'partyMember';
  if (path.startsWith('/party/secretaries/{id}')) return 'partySecretary';
  if (path.startsWith('/party/alliance-units/{id}')) return 'allianceUnit';
  if (path.startsWith('/party/registrations/{id}')) return 'registration';
  if (path.startsWith('/grid-workers/{id}')) return 'gridWorker';
  if (path.startsWith('/volunteers/{id}')) return 'volunteer';
  if (path.startsWith('/volunteer-teams/{id}')) return 'volunteerTeam';
  if (path.startsWith('/rounds/{id}')) return 'round';
  if (path.startsWith('/round-visits/{id}')) return 'roundVisit';
  if (path.startsWith('/visit-logs/{id}')) return 'visitLog';
  if (path.startsWith('/duties/items/{id}')) return 'dutyItem';
  if (path === '/duties/tasks/{id}/photo') return 'dutyTaskPhoto';
  if (path.startsWith('/duties/tasks/{id}')) return 'dutyTask';
  if (path.startsWith('/contacts/central-households/{id}')) return 'centralHousehold';
  if (path.startsWith('/planner/proposals/{id}')) return 'planProposal';
  if (path.startsWith('/planner/barriers/{id}')) return 'planBarrier';
  if (path.startsWith('/me/notifications/{id}')) return 'notification';
  throw new Error(`No target kind for ${path}: add it to the authorisation matrix`);
}

/** A valid body for every operation on a record that takes one, so that only the scope can refuse it. */
function validBody(op: Operation): unknown {
  const bodies: Record<string, () => unknown> = {
    'PATCH /territories/{id}': () => ({ name: '越权改名' }),
    'PATCH /households/{id}': () => ({ note: '越权备注' }),
    'POST /households/{id}/move-out': () => ({ note: '越权迁出' }),
    'PATCH /residents/{id}': () => ({ note: '越权备注' }),
    'POST /residents/{id}/move': () => ({ householdId: inside.household, relation: 'other' }),
    'POST /residents/{id}/move-out': () => ({ note: '越权迁出' }),
    'PATCH /accounts/{id}': () => ({ displayName: '越权改名', status: 'disabled' }),
    'POST /accounts/{id}/password-reset': () => ({ newPassword: 'Takeover-pass-9' }),
    'PUT /accounts/{id}/roles': () => ({
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] }],
    }),
    'POST /registry/imports/{id}/commit': () => ({ mode: 'valid-only' }),
    'POST /registry/imports/{id}/discard': () => ({}),
    'PUT /people/{id}/account': () => ({ userId: inside.account }),
    'POST /leaders/terms/{id}/review': () => ({ decision: 'reject', reason: '越权驳回' }),
    'POST /leaders/terms/{id}/end': () => ({ reason: '越权解聘' }),
    'POST /leaders/terms/{id}/renew': () => ({}),
    'POST /leaders/terms/{id}/withdraw': () => ({}),
    'PUT /leaders/buildings/{id}/chat': () => ({ name: '越权改群', memberCount: 1 }),
    'PATCH /party/orgs/{id}': () => ({ name: '越权改名' }),
    'POST /party/orgs/{id}/merge': () => ({ intoId: inside.partyOrg }),
    'PATCH /party/members/{id}': () => ({ status: 'probationary' }),
    'POST /party/registrations/{id}/approve': () => ({ branchId: inside.partyOrg }),
    'POST /party/registrations/{id}/reject': () => ({ reason: '越权退回' }),
    'POST /party/registrations/{id}/transfer': () => ({
      territoryId: ids.community1,
      householdId: inside.household,
    }),
    'POST /grid-workers/{id}/end': () => ({}),
    'POST /volunteers/{id}/end': () => ({}),
    'PATCH /volunteer-teams/{id}': () => ({ name: '越权改名' }),
    'POST /volunteer-teams/{id}/dissolve': () => ({}),
    'POST /volunteer-teams/{id}/join': () => ({ volunteerId: inside.volunteer }),
    'POST /volunteer-teams/{id}/leave': () => ({ volunteerId: inside.volunteer }),
    'POST /rounds/{id}/close': () => ({ reason: '越权结束' }),
    'POST /rounds/{id}/calls': () => ({ residentId: inside.resident }),
    'PATCH /duties/items/{id}': () => ({ title: '越权改名' }),
    'POST /duties/tasks/{id}/complete': () => ({ note: '越权完成' }),
    'POST /contacts/central-households/{id}/end': () => ({ reason: '越权撤销' }),
    'POST /households/{id}/contacts': () => ({
      kind: 'leader',
      contactKey: '01900000-0000-7000-8000-000000000001',
    }),
    'POST /households/{id}/contacts/end': () => ({ kind: 'leader' }),
    'POST /rounds/{id}/visits': () => ({
      clientId: '01900000-0000-7000-8000-000000000001',
      householdId: inside.household,
      outcome: 'met',
    }),
    'PATCH /visit-logs/{id}': () => ({ text: '越权修改' }),
    'POST /visit-logs/{id}/comments': () => ({ text: '越权批注' }),
    'POST /visit-logs/{id}/follow-up': () => ({ followUp: 'done' }),
    'POST /planner/proposals/{id}/moves': () => ({ buildingId: inside.building, toGrid: 'x' }),
  };
  if (!op.bodyType) return undefined;
  const make = bodies[op.key];
  if (!make) throw new Error(`No valid body for ${op.key}: add one to the authorisation matrix`);
  return make();
}

/** Scoped demo roles (county-wide ones have no outside). */
const scopedRoles = roleCodes.filter(
  (r) => !['county_admin', 'inspector'].includes(r) && permissionsOfRole(r).length > 0,
);

describe('a record outside the caller’s scope answers 404 and changes nothing', () => {
  it('every operation on a record has a target kind and, if it takes a body, a valid one', () => {
    const onRecords = operations.filter((op) => op.path.includes('{id}'));
    expect(onRecords.length).toBeGreaterThan(15);
    for (const op of onRecords) {
      targetKind(op.path);
      validBody(op);
    }
  });

  it.each(scopedRoles)('%s', async (role) => {
    const wrong: string[] = [];
    let tried = 0;
    for (const op of operations.filter((o) => o.path.includes('{id}'))) {
      if (op.access !== 'signed-in' && !has(role, op.access)) continue;
      const kind = targetKind(op.path);
      for (const [where, id] of [
        ['outside', outside[kind]],
        ['mixed', kind === 'account' ? mixedAccount : null],
      ] as const) {
        if (!id) continue;
        tried += 1;
        const before = await snapshot();
        const response = await t.request(op.method, `/api/v1${op.path.replace('{id}', id)}`, {
          cookie: cookies[role],
          body: validBody(op),
        });
        const after = await snapshot();
        if (response.status !== 404 || response.json?.error?.code !== 'NOT_FOUND') {
          wrong.push(`${op.key} (${where}) → ${response.status} ${response.text.slice(0, 120)}`);
        }
        if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${op.key} (${where}) changed data`);
      }
    }
    // A self-scoped role may hold only permissions on no record named in the path (volunteer:self); every role
    // tries the signed-in operations on records (another account's notification).
    const onRecords = operations.some(
      (o) => o.path.includes('{id}') && (o.access === 'signed-in' || has(role, o.access)),
    );
    expect(tried > 0).toBe(onRecords);
    expect(wrong).toEqual([]);
  });

  it.each(scopedRoles)('%s reads records inside its scope', async (role) => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && o.path.includes('{id}'))) {
      if (op.access !== 'signed-in' && !has(role, op.access)) continue;
      const kind = targetKind(op.path);
      // Imports belong to the user who uploaded them; the matrix's import is the county administrator's.
      if (kind === 'import' || kind === 'export') continue;
      // A task's photo is read by its assignee (the grid worker's task) and by readers of the task board of its
      // place; any other reader of duty lists gets 404 inside too (duties.photos.test.ts).
      if (kind === 'dutyTaskPhoto' && role !== 'grid_worker' && !has(role, 'duty:board')) continue;
      // A building leader sees residents and households of their buildings, not territories; account readers
      // see accounts wholly inside their scope, which the grid worker's is for every account reader.
      const response = await t.request('GET', `/api/v1${op.path.replace('{id}', inside[kind])}`, {
        cookie: cookies[role],
      });
      if (response.status !== 200) {
        wrong.push(`${op.key} → ${response.status} ${response.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the spreadsheet check counts rows: an export inside the scope has them', async () => {
    const { response } = await exportThroughJob(
      t,
      cookies.community_worker,
      `/api/v1/residents/export?buildingId=${inside.building}`,
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]!.actualRowCount - 1).toBeGreaterThan(0);
  });
});

describe('mixed-scope targets', () => {
  it('an account also working in another street is invisible to a street admin and a secretary, and cannot be taken over', async () => {
    for (const role of ['street_admin', 'community_secretary'] as const) {
      const cookie = cookies[role];
      const list = await t.request('GET', '/api/v1/accounts?q=matrix-mixed', { cookie });
      expect(list.status).toBe(200);
      expect(list.json.page.total).toBe(0);
      const everyAccount = await t.request('GET', '/api/v1/accounts?pageSize=200', { cookie });
      expect((everyAccount.json.data as { id: string }[]).map((a) => a.id)).not.toContain(mixedAccount);
      expect((everyAccount.json.data as { id: string }[]).map((a) => a.id)).toContain(inside.account);
    }
    // The account's own password still works and the takeover password does not.
    await t.login('matrix-mixed', 'Initial-pass-1');
    const takeover = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'matrix-mixed', password: 'Takeover-pass-9' },
    });
    expect(takeover.status).toBe(401);
    // The county administrator manages it.
    expect(
      (await t.request('GET', `/api/v1/accounts/${mixedAccount}`, { cookie: cookies.county_admin })).status,
    ).toBe(200);
  });

  it('the mobile of an account is revealed only to a caller who may read the account', async () => {
    // A community worker holds personal:reveal but not account:read.
    const response = await t.request('POST', `/api/v1/accounts/${inside.account}/reveal`, {
      cookie: cookies.community_worker,
    });
    expect(response.status).toBe(403);
    expect(
      (
        await t.request('POST', `/api/v1/accounts/${inside.account}/reveal`, {
          cookie: cookies.community_secretary,
        })
      ).status,
    ).toBe(200);
  });

  it('a password reset is refused before the policy is checked: nothing is learnt about an account outside', async () => {
    const response = await t.request('POST', `/api/v1/accounts/${outside.account}/password-reset`, {
      cookie: cookies.community_secretary,
      body: { newPassword: 'matrix-outside' },
    });
    expect(response.status).toBe(404);
  });

  it('roles reaching outside the caller’s scope cannot be granted, on a new account or an existing one', async () => {
    const before = await snapshot();
    const created = await t.request('POST', '/api/v1/accounts', {
      cookie: cookies.street_admin,
      body: {
        username: 'matrix-new-mixed',
        displayName: '混合范围',
        password: 'Initial-pass-1',
        roles: [
          { role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] },
          { role: 'community_worker', scopeKind: 'community', scopeIds: [outside.community] },
        ],
      },
    });
    expect(created.status).toBe(400);
    expect(created.json.error.details.map((d: { field: string }) => d.field)).toEqual(['roles.1']);
    const regranted = await t.request('PUT', `/api/v1/accounts/${inside.account}/roles`, {
      cookie: cookies.community_secretary,
      body: {
        roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1, outside.territory] }],
      },
    });
    expect(regranted.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['street_admin', 'community_secretary', 'community_worker', 'grid_worker'] as const)(
    '%s cannot move residents across the edge of its scope, nor register into a place outside it',
    async (role) => {
      const cookie = cookies[role];
      const before = await snapshot();
      const attempts = [
        // In → out: a resident of the caller's own grid into a household of another street.
        t.request('POST', `/api/v1/residents/${inside.resident}/move`, {
          cookie,
          body: { householdId: outside.household, relation: 'other' },
        }),
        // Out → in.
        t.request('POST', `/api/v1/residents/${outside.resident}/move`, {
          cookie,
          body: { householdId: inside.household, relation: 'other' },
        }),
        t.request('POST', '/api/v1/households', {
          cookie,
          body: { buildingId: outside.building, unitNumber: 1, room: '9901', kind: 'permanent' },
        }),
        t.request('POST', '/api/v1/residents', {
          cookie,
          body: {
            householdId: outside.household,
            name: '越权登记',
            gender: 'male',
            birthDate: '1990-01-01',
            relation: 'other',
          },
        }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status, response.text).toBe(404);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(['street_admin', 'community_secretary'] as const)(
    '%s cannot create a territory under a parent outside its scope',
    async (role) => {
      const before = await snapshot();
      const response = await t.request('POST', '/api/v1/territories', {
        cookie: cookies[role],
        body: { parentId: outside.community, name: '越权网格' },
      });
      expect([403, 404]).toContain(response.status);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(scopedRoles)(
    '%s: every query naming a place outside its scope shows nothing of it',
    async (role) => {
      const places: Record<string, () => string> = {
        territoryId: () => outside.territory,
        parentId: () => outside.community,
        buildingId: () => outside.building,
      };
      const wrong: string[] = [];
      for (const op of operations.filter((o) => o.method === 'GET')) {
        if (op.access !== 'signed-in' && !has(role, op.access)) continue;
        // Other required parameters take a valid value (the figure keys of GET /insights/trends).
        const requiredValues: Record<string, string> = { keys: 'visits,residents' };
        const required = op.parameters
          .filter((p) => p.in === 'query' && p.required && !(p.name in places))
          .map((p) => `&${p.name}=${encodeURIComponent(requiredValues[p.name] ?? '')}`)
          .join('');
        for (const p of op.parameters.filter((p) => p.in === 'query' && p.name in places)) {
          const response = await t.request(
            'GET',
            `/api/v1${op.path.replace('{id}', inside.territory)}?${p.name}=${places[p.name]!()}${required}`,
            { cookie: cookies[role] },
          );
          const empty =
            response.status === 200 &&
            (response.headers.get('content-type') === XLSX_TYPE
              ? (await dataRows(op, `${p.name}=${places[p.name]!()}`, cookies[role])) === 0
              : Array.isArray(response.json?.data) && response.json.data.length === 0);
          if (response.status !== 404 && !empty) {
            wrong.push(`${op.key}?${p.name} → ${response.status} ${response.text.slice(0, 120)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
