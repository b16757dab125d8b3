import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { auditLog, users } from '../../core/auth/auth.tables.ts';
import type { AfterRollback } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { persons } from '../people/people.public.ts';
import { commonCodePrefix } from '../../core/auth/auth.service.ts';
import { holdRefusal, openPositionAccount } from './accounts.service.ts';
import { scopeWithin, type Scope } from '../../core/auth/scope.ts';

// Attacks on account administration by callers holding demo roles: finding out whether a phone number has an account
// without the right to see clear phones, and reading audit rows about accounts outside one's scope.

type Node = { id: string; code: string; children: Node[] };

let t: TestApp;
let admin: string;
let street: string;
let ids: {
  street1: string;
  community1: string;
  grid1: string;
  grid1Code: string;
  otherGrid: string;
  street1Code: string;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  street = await t.login('street');
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [s1, s2] = tree[0]!.children;
  ids = {
    street1: s1!.id,
    street1Code: s1!.code,
    community1: s1!.children[0]!.id,
    grid1: s1!.children[0]!.children[0]!.id,
    grid1Code: s1!.children[0]!.children[0]!.code,
    otherGrid: s2!.children[0]!.children[0]!.id,
  };
});
afterAll(() => t.close());

const create = (cookie: string, body: Record<string, unknown>) =>
  t.request('POST', '/api/v1/accounts', { cookie, body });

describe('searching accounts by a whole mobile number', () => {
  it('is refused to a caller who may read accounts where they may not reveal phones (the inspector)', async () => {
    const created = await create(admin, {
      username: 'attack-phone',
      displayName: '手机探测',
      password: 'Initial-pass-1',
      mobile: '13744445555',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] }],
    });
    expect(created.status).toBe(201);
    const inspector = await t.login('inspector');
    for (const mobile of ['13744445555', '13744445556']) {
      const r = await t.request('GET', `/api/v1/accounts?q=${mobile}`, { cookie: inspector });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('MOBILE_SEARCH_NOT_ALLOWED');
      expect(r.json.data).toBeUndefined();
    }
    const english = await t.request('GET', '/api/v1/accounts?q=13744445555', {
      cookie: inspector,
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.json.error.message).toMatch(/mobile number/);
    // Names and usernames are still found.
    const byName = await t.request('GET', '/api/v1/accounts?q=attack-phone', { cookie: inspector });
    expect(byName.json.data.map((a: { username: string }) => a.username)).toEqual(['attack-phone']);
  });

  it('is allowed where the caller may reveal every account they read (the street admin)', async () => {
    const r = await t.request('GET', '/api/v1/accounts?q=13744445555', { cookie: street });
    expect(r.status).toBe(200);
    expect(r.json.data.map((a: { username: string }) => a.username)).toEqual(['attack-phone']);
  });
});

describe('audit rows about accounts', () => {
  const rowsOf = async (cookie: string, entityId: string) => {
    const page = await t.request('GET', '/api/v1/audit?entityType=user&pageSize=200', { cookie });
    expect(page.status).toBe(200);
    return (page.json.data as { entityId: string; territoryCode: string | null }[]).filter(
      (r) => r.entityId === entityId,
    );
  };

  it('about an account reaching into another street are not read by a street admin', async () => {
    const created = await create(admin, {
      username: 'attack-two-streets',
      displayName: '跨街道网格员',
      password: 'Initial-pass-1',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1, ids.otherGrid] }],
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    // The account is out of the street admin's scope…
    expect((await t.request('GET', `/api/v1/accounts/${id}`, { cookie: street })).status).toBe(404);
    // …and so is what was done to it.
    const [row] = await t.db
      .select({ territoryCode: auditLog.territoryCode })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.created')));
    expect(row!.territoryCode).not.toBeNull();
    expect(row!.territoryCode!.startsWith(ids.street1Code)).toBe(false);
    expect(await rowsOf(street, id)).toEqual([]);
    expect(await rowsOf(admin, id)).toHaveLength(1);
  });

  it('about an account with a county-wide role are read county-wide only', async () => {
    const created = await create(admin, {
      username: 'attack-county-wide',
      displayName: '县级督查兼社区工作者',
      password: 'Initial-pass-1',
      roles: [
        { role: 'community_worker', scopeKind: 'community', scopeIds: [ids.community1] },
        { role: 'inspector', scopeKind: 'all', scopeIds: [] },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    const secretary = await t.login('secretary');
    expect(await rowsOf(secretary, id)).toEqual([]);
    expect(await rowsOf(street, id)).toEqual([]);
    expect(await rowsOf(admin, id)).toHaveLength(1);
  });

  it('about an account of one street are read by its street admin, filed under the codes it shares', async () => {
    const created = await create(street, {
      username: 'attack-own-street',
      displayName: '本街道网格员',
      password: 'Initial-pass-1',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] }],
    });
    expect(created.status).toBe(201);
    const rows = await rowsOf(street, created.json.data.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.territoryCode!.startsWith(ids.street1Code)).toBe(true);
  });
});

describe('a mobile number already in use', () => {
  it('gets one answer wherever the account having it lies; refusals are audited and limited', async () => {
    const account = (username: string, mobile: string, grid: string) =>
      create(admin, {
        username,
        displayName: '占号账号',
        password: 'Initial-pass-1',
        mobile,
        roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [grid] }],
      });
    expect((await account('attack-taken-in', '13766660001', ids.grid1)).status).toBe(201);
    expect((await account('attack-taken-out', '13766660002', ids.otherGrid)).status).toBe(201);
    const own = await account('attack-taken-own', '13766660003', ids.grid1);
    const probe = (username: string, mobile: string | null) =>
      create(street, {
        username,
        displayName: '探测',
        password: 'Initial-pass-1',
        mobile,
        roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.grid1] }],
      });
    const inside = await probe('attack-probe-1', '13766660001');
    const outside = await probe('attack-probe-2', '13766660002');
    expect([inside.status, outside.status]).toEqual([409, 409]);
    const { requestId: _a, ...insideError } = inside.json.error;
    const { requestId: _b, ...outsideError } = outside.json.error;
    expect(insideError).toEqual(outsideError);

    const streetId = (await t.request('GET', '/api/v1/me', { cookie: street })).json.data.id as string;
    const refusals = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.mobile_taken'), eq(auditLog.actorId, streetId)));
    expect((await refusals()).map((r) => r.changes)).toEqual([
      { mobile: '137****0001' },
      { mobile: '137****0002' },
    ]);
    // Editing an account's number is the same probe.
    for (let i = 0; i < 3; i++) {
      const edit = await t.request('PATCH', `/api/v1/accounts/${own.json.data.id}`, {
        cookie: street,
        body: { mobile: '13766660002' },
      });
      expect(edit.status).toBe(409);
    }
    expect(await refusals()).toHaveLength(5);
    // At the limit every number is refused, taken or not, so the answer tells nothing.
    for (const mobile of ['13766660002', '13766669999']) {
      const refused = await probe('attack-probe-3', mobile);
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('MOBILE_TAKEN_THROTTLED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Without a number the caller still works.
    expect((await probe('attack-probe-4', null)).status).toBe(201);
  });
});

describe('a mobile number already in use, on an account a position opens', () => {
  it('is refused with the same field error, audited and limited, and nothing of the appointment is kept', async () => {
    const secretary = await t.login('secretary');
    const secretaryId = (await t.request('GET', '/api/v1/me', { cookie: secretary })).json.data.id as string;
    // An account outside the secretary's community holds the number.
    const holder = await create(admin, {
      username: 'attack-position-holder',
      displayName: '占号账号',
      password: 'Initial-pass-1',
      mobile: '13766661001',
      roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.otherGrid] }],
    });
    expect(holder.status).toBe(201);
    const appoint = (name: string, mobile: string) =>
      t.request('POST', '/api/v1/grid-workers', {
        cookie: secretary,
        body: {
          person: { name, territoryId: ids.grid1, mobile },
          gridIds: [ids.grid1],
          employment: 'full_time',
        },
      });
    const refused = await appoint('探测网格员', '13766661001');
    expect(refused.status).toBe(409);
    expect(refused.json.error.details).toMatchObject([{ field: 'mobile', code: 'conflict' }]);
    // Nothing of the appointment: no person, no account, no post.
    expect(await t.db.select().from(persons).where(eq(persons.name, '探测网格员'))).toEqual([]);
    expect(await t.db.select().from(users).where(eq(users.displayName, '探测网格员'))).toEqual([]);
    const refusals = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.mobile_taken'), eq(auditLog.actorId, secretaryId)));
    expect((await refusals()).map((r) => [r.changes, r.territoryCode])).toEqual([
      [{ mobile: '137****1001' }, ids.grid1Code],
    ]);
    for (const n of '甲乙丙丁') expect((await appoint(`探测网格员${n}`, '13766661001')).status).toBe(409);
    expect(await refusals()).toHaveLength(5);
    // At the limit every number is refused, taken or not.
    const free = await appoint('探测网格员戊', '13766661999');
    expect(free.status).toBe(429);
    expect(free.json.error.code).toBe('MOBILE_TAKEN_THROTTLED');
  });

  it('a free number goes onto the account opened', async () => {
    const appointed = await t.request('POST', '/api/v1/grid-workers', {
      cookie: await t.login('admin'),
      body: {
        person: { name: '新网格员', territoryId: ids.grid1, mobile: '13766661002' },
        gridIds: [ids.grid1],
        employment: 'full_time',
      },
    });
    expect(appointed.status, appointed.text).toBe(201);
    const [user] = await t.db.select().from(users).where(eq(users.username, appointed.json.opened.username));
    expect(user!.mobileIndex).not.toBeNull();
  });

  it('a refusal whose row is written but not yet let go counts once, not twice', async () => {
    // The moment between a refusal's audit row being committed and its in-flight entry leaving: a check then sees
    // both. Made here by hand for a caller with no refusals yet (the inspector), through the service.
    const inspector = await t.login('inspector');
    const me = (await t.request('GET', '/api/v1/me', { cookie: inspector })).json.data as { id: string };
    const actor: Actor = {
      userId: me.id,
      name: '检查',
      role: null,
      requestId: 'r',
      ip: null,
      userAgent: null,
    };
    const open = (mobile: string) =>
      t.db
        .transaction((tx) =>
          openPositionAccount(tx, testKeys, actor, {
            displayName: '探测',
            mobile,
            territoryCode: ids.grid1Code,
          }),
        )
        .then(
          () => 201,
          (error: { status?: number }) => error.status,
        );
    for (let i = 0; i < 3; i++) expect(await open('13766661001')).toBe(409);
    const refusal: AfterRollback = {};
    const auditId = newId();
    holdRefusal(me.id, refusal, auditId);
    await appendAudit(t.db, actor, {
      id: auditId,
      action: 'user.mobile_taken',
      entityType: 'user',
      changes: { mobile: '137****1001' },
    });
    // Four refusals: one more is allowed.
    expect(await open('13766661001')).toBe(409);
    refusal.afterRollbackEnded!();
    expect(await open('13766661001')).toBe(429);
  });

  it('sent all at once, cannot pass the limit by the requests in flight', async () => {
    // Each refusal's audit row is written after its appointment rolls back, which frees the caller's row lock; the
    // requests waiting on that lock must still count it.
    const caller = await t.login('admin');
    const callerId = (await t.request('GET', '/api/v1/me', { cookie: caller })).json.data.id as string;
    const appoint = (n: number) =>
      t.request('POST', '/api/v1/grid-workers', {
        cookie: caller,
        body: {
          person: {
            name: `并发探测${'甲乙丙丁戊己庚辛壬癸子丑'[n]}`,
            territoryId: ids.grid1,
            mobile: '13766661001',
          },
          gridIds: [ids.grid1],
          employment: 'full_time',
        },
      });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => appoint(n)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(409), ...Array(7).fill(429)]);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.mobile_taken'), eq(auditLog.actorId, callerId)));
    expect(rows).toHaveLength(5);
    expect(
      await t.db
        .select()
        .from(persons)
        .where(sql`${persons.name} like '并发探测%'`),
    ).toEqual([]);
  });
});

describe('the scope rules these checks stand on', () => {
  const scope = (over: Partial<Scope>): Scope => ({
    all: false,
    codes: [],
    buildingIds: [],
    self: false,
    ...over,
  });

  it('scopeWithin: subtrees, buildings by their codes or ids, self, county-wide', () => {
    const street = scope({ codes: ['3701'] });
    expect(scopeWithin(scope({ codes: ['370101', '370102'] }), street)).toBe(true);
    expect(scopeWithin(scope({ codes: ['370101', '3702'] }), street)).toBe(false);
    expect(scopeWithin(street, scope({ codes: ['370101'] }))).toBe(false);
    expect(scopeWithin(scope({ all: true }), street)).toBe(false);
    expect(scopeWithin(scope({ all: true }), scope({ all: true }))).toBe(true);
    // A building inside the subtree by its code; one of unknown code only when listed.
    expect(scopeWithin(scope({ buildingIds: ['b1'], buildingCodes: { b1: '370101001' } }), street)).toBe(
      true,
    );
    expect(scopeWithin(scope({ buildingIds: ['b1'], buildingCodes: { b1: '370201001' } }), street)).toBe(
      false,
    );
    expect(scopeWithin(scope({ buildingIds: ['b2'] }), street)).toBe(false);
    expect(scopeWithin(scope({ buildingIds: ['b2'] }), scope({ buildingIds: ['b2'] }))).toBe(true);
    expect(scopeWithin(scope({ self: true }), street)).toBe(false);
    expect(scopeWithin(scope({ self: true }), scope({ self: true }))).toBe(true);
  });

  it('commonCodePrefix: the codes every one starts with; none when one is missing', () => {
    expect(commonCodePrefix(['370101001', '370101002'])).toBe('37010100');
    expect(commonCodePrefix(['370101001', '370201001'])).toBe('370');
    expect(commonCodePrefix(['370101001'])).toBe('370101001');
    expect(commonCodePrefix(['370101001', null])).toBeNull();
    expect(commonCodePrefix([])).toBeNull();
    expect(commonCodePrefix(['1', '2'])).toBeNull();
  });
});
