import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, roleAssignments } from '../../core/auth/auth.tables.ts';
import type { Actor } from '../../core/auth/audit.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { insertHousehold } from '../registry/registry.factories.ts';
import { accessEndsAfter, accessStartsOn, endPositionAccess, grantPositionAccess } from './people.access.ts';
import { insertPerson } from './people.factories.ts';
import { persons } from './people.tables.ts';

type Node = { id: string; code: string; level: string; children: Node[] };

let t: TestApp;
let admin: string;
let grid: Node;
let buildingId: string;
const actor: Actor = { userId: null, name: 'test', role: null, requestId: 'test', ip: null, userAgent: null };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  grid = tree[0]!.children[0]!.children[0]!.children[0]!;
  const household = await insertHousehold(t.db, testKeys, { grid, members: [{ name: '楼长甲' }] });
  buildingId = household.building.id;
});
afterAll(() => t.close());

async function personWithoutAccount(name: string, mobile: string | null = null) {
  return t.db.transaction((tx) => insertPerson(tx, testKeys, { name, territoryCode: grid.code, mobile }));
}

const leaderAccess = (sourceId: string, endsAt: Date | null = null) => ({
  role: 'building_leader' as const,
  scopeKind: 'buildings' as const,
  scopeIds: [buildingId],
  source: { kind: 'leader_term', id: sourceId },
  endsAt,
});

describe('access given by a position', () => {
  it('opens an account for a person without one, signs in with the role, and loses it at once when it ends', async () => {
    const personId = await personWithoutAccount('新楼长', '13900001111');
    const sourceId = newId();
    const granted = await t.db.transaction((tx) =>
      grantPositionAccess(tx, testKeys, actor, personId, leaderAccess(sourceId), 'kept'),
    );
    expect(granted.opened?.username).toMatch(/^p[0-9a-f]{8}$/);
    expect(granted.opened?.password).toMatch(/^[a-zA-Z0-9]{10}$/);
    const [person] = await t.db.select().from(persons).where(eq(persons.id, personId));
    expect(person!.userId).toBe(granted.userId);

    const cookie = await t.login(granted.opened!.username, granted.opened!.password);
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.json.data.mustChangePassword).toBe(true);
    const changed = await t.request('POST', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: granted.opened!.password, newPassword: 'Leader-pass-2026' },
    });
    expect(changed.status, changed.text).toBeLessThan(300);
    expect(me.json.data.roles).toMatchObject([
      { role: 'building_leader', scopeKind: 'buildings', scopeIds: [buildingId], sourceKind: 'leader_term' },
    ]);
    const before = await t.request('GET', `/api/v1/buildings?pageSize=20`, { cookie });
    expect(before.status).toBe(200);
    expect(before.json.data.map((b: { id: string }) => b.id)).toEqual([buildingId]);

    await t.db.transaction((tx) => endPositionAccess(tx, actor, [sourceId]));
    const after = await t.request('GET', '/api/v1/me', { cookie });
    expect(after.json.data.roles).toEqual([]);
    expect((await t.request('GET', '/api/v1/buildings', { cookie })).status).toBe(403);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, personId));
    expect(audit.map((a) => a.action).sort()).toEqual(['person.access_ended', 'person.access_granted']);
  });

  it('reuses the account a person has, and a term past its end gives no access even before its row is deleted', async () => {
    const personId = await personWithoutAccount('老楼长');
    const first = await t.db.transaction((tx) =>
      grantPositionAccess(tx, testKeys, actor, personId, leaderAccess(newId()), 'kept'),
    );
    const second = await t.db.transaction((tx) =>
      grantPositionAccess(
        tx,
        testKeys,
        actor,
        personId,
        leaderAccess(newId(), accessEndsAfter('2020-12-31')),
        'kept',
      ),
    );
    expect(second.userId).toBe(first.userId);
    expect(second.opened).toBeNull();
    const cookie = await t.login(first.opened!.username, first.opened!.password);
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.json.data.roles).toHaveLength(1);
  });

  it('a second grant for the same position replaces the first', async () => {
    const personId = await personWithoutAccount('换楼楼长');
    const sourceId = newId();
    const { userId } = await t.db.transaction((tx) =>
      grantPositionAccess(tx, testKeys, actor, personId, leaderAccess(sourceId), 'kept'),
    );
    await t.db.transaction((tx) =>
      grantPositionAccess(tx, testKeys, actor, personId, leaderAccess(sourceId), 'kept'),
    );
    const rows = await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
    expect(rows).toHaveLength(1);
  });

  it('account administration keeps the roles a position gave: setting roles by hand replaces only those', async () => {
    const personId = await personWithoutAccount('兼任楼长');
    const sourceId = newId();
    const { userId } = await t.db.transaction((tx) =>
      grantPositionAccess(tx, testKeys, actor, personId, leaderAccess(sourceId), 'kept'),
    );
    const set = await t.request('PUT', `/api/v1/accounts/${userId}/roles`, {
      cookie: admin,
      body: { roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [grid.id] }] },
    });
    expect(set.status, set.text).toBe(200);
    const rows = await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
    expect(rows.map((r) => [r.role, r.sourceKind]).sort()).toEqual([
      ['building_leader', 'leader_term'],
      ['grid_worker', null],
    ]);
  });

  it('a position starting later gives access from its first day, not before; it lasts through its last day', async () => {
    const personId = await personWithoutAccount('候任楼长');
    const sourceId = newId();
    const today = shanghaiDay();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const grant = (startsAt: Date | null, endsAt: Date | null) =>
      t.db.transaction((tx) =>
        grantPositionAccess(
          tx,
          testKeys,
          actor,
          personId,
          { ...leaderAccess(sourceId, endsAt), startsAt },
          'kept',
        ),
      );
    // Approved today for a term from tomorrow: the row is there, the access is not.
    const { opened } = await grant(accessStartsOn(tomorrow), null);
    const [row] = await t.db.select().from(roleAssignments).where(eq(roleAssignments.sourceId, sourceId));
    expect(row!.startsAt!.toISOString()).toBe(new Date(`${tomorrow}T00:00:00+08:00`).toISOString());
    const first = await t.login(opened!.username, opened!.password);
    await t.request('POST', '/api/v1/me/password', {
      cookie: first,
      body: { currentPassword: opened!.password, newPassword: 'Leader-pass-2029' },
    });
    const cookie = await t.login(opened!.username, 'Leader-pass-2029');
    expect((await t.request('GET', '/api/v1/me', { cookie })).json.data.roles).toEqual([]);
    expect((await t.request('GET', '/api/v1/buildings', { cookie })).status).toBe(403);
    // On its first day (the start is the midnight that began today): access.
    await grant(new Date(`${today}T00:00:00+08:00`), null);
    const on = await t.request('GET', '/api/v1/buildings?pageSize=20', { cookie });
    expect(on.status).toBe(200);
    expect(on.json.data.map((b: { id: string }) => b.id)).toEqual([buildingId]);
    // A term whose last day is today still gives it; one that ended yesterday does not.
    await grant(null, accessEndsAfter(today));
    expect((await t.request('GET', '/api/v1/buildings', { cookie })).status).toBe(200);
    await grant(null, accessEndsAfter(yesterday));
    expect((await t.request('GET', '/api/v1/buildings', { cookie })).status).toBe(403);
    // Account administration still sees the role that has not started (and checks it before any change).
    await grant(accessStartsOn(tomorrow), null);
    const [holder] = await t.db.select().from(persons).where(eq(persons.id, personId));
    const account = await t.request('GET', `/api/v1/accounts/${holder!.userId}`, { cookie: admin });
    expect(account.json.data.roles.map((r: { role: string }) => r.role)).toEqual(['building_leader']);
  });

  it('a first day already begun starts at once', () => {
    expect(accessStartsOn('2020-01-01')).toBeNull();
    expect(accessStartsOn('2026-07-01', new Date('2026-06-30T15:59:59Z'))?.toISOString()).toBe(
      '2026-06-30T16:00:00.000Z',
    );
    expect(accessStartsOn('2026-07-01', new Date('2026-06-30T16:00:00Z'))).toBeNull();
  });

  it('ends access at the next midnight in Shanghai after the last day', () => {
    expect(accessEndsAfter('2026-06-30').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });
});
