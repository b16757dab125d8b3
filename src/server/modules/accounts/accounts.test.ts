import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, users } from '../../core/auth/auth.tables.ts';
import { insertBuilding } from '../registry/registry.factories.ts';
import { insertAccount } from './accounts.factories.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let street: string;
let ids: {
  street1: string;
  street2: string;
  community1: string;
  grid1: string;
  grid2: string;
  otherGrid: string;
};
let grids: { grid1: Node; otherGrid: Node };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  street = await t.login('street');
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [s1, s2] = tree[0]!.children;
  ids = {
    street1: s1!.id,
    street2: s2!.id,
    community1: s1!.children[0]!.id,
    grid1: s1!.children[0]!.children[0]!.id,
    grid2: s1!.children[0]!.children[1]!.id,
    otherGrid: s2!.children[0]!.children[0]!.id,
  };
  grids = { grid1: s1!.children[0]!.children[0]!, otherGrid: s2!.children[0]!.children[0]! };
});
afterAll(() => t.close());

const create = (cookie: string, body: Record<string, unknown>) =>
  t.request('POST', '/api/v1/accounts', { cookie, body });
const gridWorker = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: '测试网格员',
  password: 'Initial-pass-1',
  roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1, ids.grid2] }],
  ...extra,
});

describe('creating accounts', () => {
  it('stores the mobile number encrypted, answers it masked, and must change the password at first sign-in', async () => {
    const response = await create(admin, gridWorker('gw-mobile', { mobile: '13912345678' }));
    expect(response.status).toBe(201);
    const account = response.json.data;
    expect(account.mobile).toBe('139****5678');
    expect(account.mustChangePassword).toBe(true);
    expect(account.roles[0].territories).toHaveLength(2);
    const [row] = await t.db.select().from(users).where(eq(users.id, account.id));
    expect(row!.mobileEnc).not.toContain('13912345678');
    const me = await t.request('POST', '/api/v1/auth/login', {
      body: { username: '13912345678', password: 'Initial-pass-1' },
    });
    expect(me.json.data.mustChangePassword).toBe(true);
  });

  it('masks the mobile number in the audit log', async () => {
    const response = await create(admin, gridWorker('gw-audit', { mobile: '13987654321' }));
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, response.json.data.id));
    expect(row!.action).toBe('user.created');
    expect(JSON.stringify(row!.changes)).toContain('139****4321');
    expect(JSON.stringify(row!.changes)).not.toContain('13987654321');
  });

  it('refuses a taken username (any case) and a taken mobile number with 409', async () => {
    await create(admin, gridWorker('gw-unique', { mobile: '13711112222' }));
    const sameName = await create(admin, gridWorker('GW-Unique'));
    expect(sameName.status).toBe(409);
    expect(sameName.json.error.details[0].field).toBe('username');
    const sameMobile = await create(admin, gridWorker('gw-unique2', { mobile: '13711112222' }));
    expect(sameMobile.status).toBe(409);
    expect(sameMobile.json.error.details[0].field).toBe('mobile');
  });

  it('applies the password policy to the initial password', async () => {
    const response = await create(admin, gridWorker('gw-weak', { password: 'short' }));
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('PASSWORD_POLICY');
  });

  it('checks every role row: level, grantability and scope, naming the row', async () => {
    const wrongLevel = await create(admin, {
      ...gridWorker('gw-level'),
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.community1] }],
    });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.json.error.details[0].field).toBe('roles.0');

    const tooHigh = await create(street, {
      ...gridWorker('gw-high'),
      roles: [{ role: 'county_admin', scopeKind: 'all', scopeIds: [] }],
    });
    expect(tooHigh.json.error.details[0].code).toBe('not_grantable');

    const outside = await create(street, {
      ...gridWorker('gw-outside'),
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.otherGrid] }],
    });
    expect(outside.status).toBe(400);
    expect(outside.json.error.details[0].field).toBe('roles.0');

    const wrongKind = await create(admin, {
      ...gridWorker('gw-kind'),
      roles: [{ role: 'grid_worker', scopeKind: 'all', scopeIds: [] }],
    });
    expect(wrongKind.json.error.details[0].code).toBe('scope_kind');
    const [none] = await t.db.select().from(users).where(eq(users.username, 'gw-outside'));
    expect(none).toBeUndefined();
  });

  it('a street admin appoints a building leader for a building of their street, not of another', async () => {
    const { building: own } = await insertBuilding(t.db, { grid: grids.grid1 });
    const { building: other } = await insertBuilding(t.db, { grid: grids.otherGrid });
    const leader = (username: string, buildingId: string) =>
      create(street, {
        username,
        displayName: '新楼长',
        password: 'Initial-pass-1',
        roles: [{ role: 'building_leader', scopeKind: 'buildings', scopeIds: [buildingId] }],
      });
    const ok = await leader('leader-own', own.id);
    expect(ok.status, ok.text).toBe(201);
    expect((await t.request('GET', `/api/v1/accounts/${ok.json.data.id}`, { cookie: street })).status).toBe(
      200,
    );
    const refused = await leader('leader-other', other.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error.details[0].field).toBe('roles.0');
  });

  it('a street admin creates a grid worker in their street', async () => {
    expect((await create(street, gridWorker('gw-by-street'))).status).toBe(201);
  });
});

describe('managing accounts', () => {
  it('lists with search by name, by whole mobile number, by role and by status', async () => {
    await create(admin, gridWorker('gw-list', { mobile: '13600001111', displayName: '钱多多' }));
    const byName = await t.request('GET', `/api/v1/accounts?q=${encodeURIComponent('钱多')}`, {
      cookie: admin,
    });
    expect(byName.json.data.map((a: { username: string }) => a.username)).toEqual(['gw-list']);
    const byMobile = await t.request('GET', '/api/v1/accounts?q=13600001111', { cookie: admin });
    expect(byMobile.json.data[0].username).toBe('gw-list');
    const byRole = await t.request('GET', '/api/v1/accounts?role=inspector', { cookie: admin });
    expect(byRole.json.data.map((a: { username: string }) => a.username)).toEqual(['inspector']);
  });

  it('disabling ends the account’s sessions; enabling lets it sign in again', async () => {
    const id = (await create(admin, gridWorker('gw-disable'))).json.data.id as string;
    const login = () =>
      t.request('POST', '/api/v1/auth/login', {
        body: { username: 'gw-disable', password: 'Initial-pass-1' },
      });
    const cookie = (await login()).headers.get('set-cookie')!.split(';')[0]!;
    const disabled = await t.request('PATCH', `/api/v1/accounts/${id}`, {
      cookie: admin,
      body: { status: 'disabled' },
    });
    expect(disabled.json.data.status).toBe('disabled');
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(401);
    expect((await login()).json.error.code).toBe('INVALID_CREDENTIALS');
    await t.request('PATCH', `/api/v1/accounts/${id}`, { cookie: admin, body: { status: 'active' } });
    expect((await login()).status).toBe(200);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('an administrator cannot disable their own account', async () => {
    const me = (await t.request('GET', '/api/v1/me', { cookie: admin })).json.data;
    const response = await t.request('PATCH', `/api/v1/accounts/${me.id}`, {
      cookie: admin,
      body: { status: 'disabled' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].code).toBe('self');
  });

  it('a street admin cannot see the county admin’s account (404), and a password reset forces a change', async () => {
    const adminId = (await t.request('GET', '/api/v1/me', { cookie: admin })).json.data.id;
    const response = await t.request('PATCH', `/api/v1/accounts/${adminId}`, {
      cookie: street,
      body: { displayName: 'x' },
    });
    expect(response.status).toBe(404);

    const id = (await create(street, gridWorker('gw-reset'))).json.data.id as string;
    const reset = await t.request('POST', `/api/v1/accounts/${id}/password-reset`, {
      cookie: street,
      body: { newPassword: 'Reset-pass-2026' },
    });
    expect(reset.status).toBe(204);
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'gw-reset', password: 'Reset-pass-2026' },
    });
    expect(login.json.data.mustChangePassword).toBe(true);
  });

  it('replaces roles, signs the account out, and records old and new roles', async () => {
    const id = (await create(admin, gridWorker('gw-roles'))).json.data.id as string;
    const response = await t.request('PUT', `/api/v1/accounts/${id}/roles`, {
      cookie: admin,
      body: { roles: [{ role: 'community_worker', scopeKind: 'community', scopeIds: [ids.community1] }] },
    });
    expect(response.status).toBe(200);
    expect(response.json.data.roles.map((r: { role: string }) => r.role)).toEqual(['community_worker']);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.roles_changed')));
    expect(row!.changes).toMatchObject({
      roles: { from: [{ role: 'grid_worker' }], to: [{ role: 'community_worker' }] },
    });
  });

  it('reveals the full mobile number only with personal:reveal, and audits each reveal', async () => {
    const id = (await create(admin, gridWorker('gw-reveal', { mobile: '13522223333' }))).json.data
      .id as string;
    const revealed = await t.request('POST', `/api/v1/accounts/${id}/reveal`, { cookie: admin });
    expect(revealed.json.data.mobile).toBe('13522223333');
    const inspector = await t.login('inspector');
    expect((await t.request('POST', `/api/v1/accounts/${id}/reveal`, { cookie: inspector })).status).toBe(
      403,
    );
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'personal.revealed')));
    expect(rows).toHaveLength(1);
  });

  it('the role catalogue says which roles the caller may grant', async () => {
    const catalogue = (await t.request('GET', '/api/v1/roles', { cookie: street })).json.data as {
      code: string;
      grantable: boolean;
    }[];
    const grantable = catalogue.filter((r) => r.grantable).map((r) => r.code);
    expect(grantable).toContain('grid_worker');
    expect(grantable).not.toContain('county_admin');
    expect(grantable).not.toContain('street_admin');
  });
});

describe('audit log', () => {
  it('a street admin sees rows of their street, not of the other street', async () => {
    await create(admin, {
      username: 'other-street-worker',
      displayName: '外街道',
      password: 'Initial-pass-1',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.otherGrid] }],
    });
    const page = await t.request('GET', '/api/v1/audit?action=user.created&pageSize=200', { cookie: street });
    expect(page.status).toBe(200);
    const entities = page.json.data as { entityId: string; territoryCode: string }[];
    expect(entities.length).toBeGreaterThan(0);
    const adminPage = await t.request('GET', '/api/v1/audit?action=user.created&pageSize=200', {
      cookie: admin,
    });
    expect(adminPage.json.page.total).toBeGreaterThan(page.json.page.total);
  });

  it('a street admin sees sign-ins of accounts in their street, with the role', async () => {
    const page = await t.request('GET', '/api/v1/audit?action=auth.login&pageSize=200', { cookie: street });
    const rows = page.json.data as { actorName: string; actorRole: string; territoryCode: string }[];
    expect(rows.some((r) => r.actorRole === 'grid_worker')).toBe(true);
    expect(rows.every((r) => r.territoryCode !== null)).toBe(true);
  });

  it('finds a row by the request id an error message showed', async () => {
    const failed = await t.request('GET', '/api/v1/accounts/01900000-0000-7000-8000-000000000000', {
      cookie: admin,
    });
    const requestId = failed.json.error.requestId as string;
    const reveal = await t.request(
      'POST',
      `/api/v1/accounts/${(await t.request('GET', '/api/v1/me', { cookie: admin })).json.data.id}/reveal`,
      {
        cookie: admin,
        headers: { 'x-request-id': requestId },
      },
    );
    expect(reveal.status).toBe(200);
    const page = await t.request('GET', `/api/v1/audit?q=${requestId.slice(0, 13)}`, { cookie: admin });
    expect(page.json.data.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });

  it('filters by time range and free text', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const page = await t.request('GET', `/api/v1/audit?from=${encodeURIComponent(from)}&q=login`, {
      cookie: admin,
    });
    expect(page.status).toBe(200);
    expect(page.json.data.every((r: { action: string }) => r.action.includes('login'))).toBe(true);
    const bad = await t.request('GET', '/api/v1/audit?from=yesterday', { cookie: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe('query.from');
  });
});

describe('the accounts factory', () => {
  it('inserts an account that signs in with its password and holds its roles in order, each scope id once', async () => {
    const account = await insertAccount(t.db, testKeys, {
      username: 'factory-gw',
      mobile: '13611112222',
      roles: [
        { role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1, ids.grid1, ids.grid2] },
        { role: 'volunteer', scopeKind: 'self', scopeIds: [] },
      ],
    });
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: '13611112222', password: account.password },
    });
    expect(login.status, login.text).toBe(200);
    expect(login.json.data.mustChangePassword).toBe(false);
    const detail = (await t.request('GET', `/api/v1/accounts/${account.user.id}`, { cookie: admin })).json
      .data;
    expect(detail.roles.map((r: { role: string; scopeIds: string[] }) => [r.role, r.scopeIds])).toEqual([
      ['grid_worker', [ids.grid1, ids.grid2]],
      ['volunteer', []],
    ]);
    expect(detail.mobile).toBe('136****2222');
  });
});
