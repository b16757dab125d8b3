import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { kit } from '../../modules.ts';
import { insertHousehold } from '../../modules/registry/registry.factories.ts';
import { territories } from '../../modules/territory/territory.tables.ts';
import type { Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { presentAuditPage, type PresentedChange } from './audit-present.ts';
import { auditLog } from './auth.tables.ts';
import { maskPersonName } from './personal-data.ts';

/** The audit log in plain words: labels, object names, masked changes, actors; scope and batching. */

let t: TestApp;
let admin: string;
type Grid = { id: string; code: string };
/** A grid inside the community secretary's community, and one outside it. */
let inside: Grid;
let outside: Grid;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const secretary = await t.login('secretary');
  const me = await t.request('GET', '/api/v1/me', { cookie: secretary });
  const communityCode = JSON.stringify(me.json).match(/"code":"(\d+)"/)![1]!;
  const grids = await t.db
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(eq(territories.level, 'grid'))
    .orderBy(asc(territories.code));
  inside = grids.find((g) => g.code.startsWith(communityCode))!;
  outside = grids.find((g) => !g.code.startsWith(communityCode))!;
  expect(inside && outside).toBeTruthy();
});
afterAll(() => t.close());

type Row = {
  action: string;
  entityId: string | null;
  actionLabel: { zh: string; en: string };
  entityTypeLabel: { zh: string; en: string };
  entityName: string | null;
  actor: { kind: string; name: { zh: string; en: string }; roles: { zh: string; en: string }[] };
  changeList: PresentedChange[];
};

const auditOf = async (cookie: string, query: string) => {
  const response = await t.request('GET', `/api/v1/audit?${query}`, { cookie });
  expect(response.status, response.text).toBe(200);
  return response.json.data as Row[];
};
const change = (row: Row, field: string) => row.changeList.find((c) => c.field === field);

describe('the audit log in plain words', () => {
  it('names the action, the object type, the resident (masked), the actor and role, and each change', async () => {
    const { members } = await insertHousehold(t.db, testKeys, {
      grid: inside,
      members: [{ name: '欧阳小明', phone: '13900001111' }],
    });
    const resident = members[0]!;
    const edited = await t.request('PATCH', `/api/v1/residents/${resident.id}`, {
      cookie: admin,
      body: { name: '欧阳晓明', phone: '13900002222', relation: 'spouse', politicalStatus: 'league_member' },
    });
    expect(edited.status, edited.text).toBe(200);

    const [row] = await auditOf(admin, `entityId=${resident.id}&action=resident.updated`);
    expect(row!.actionLabel).toEqual({ zh: '修改居民', en: 'Resident updated' });
    expect(row!.entityTypeLabel).toEqual({ zh: '居民', en: 'Resident' });
    expect(row!.entityName).toBe('欧**明');
    expect(row!.actor).toEqual({
      kind: 'user',
      name: { zh: '县级管理员', en: '县级管理员' },
      roles: [{ zh: '县级管理员', en: 'County administrator' }],
    });
    expect(change(row!, 'name')).toEqual({
      field: 'name',
      label: { zh: '姓名', en: 'Name' },
      changed: true,
      from: { zh: '欧**明', en: '欧**明' },
      to: { zh: '欧**明', en: '欧**明' },
    });
    expect(change(row!, 'phone')).toMatchObject({
      label: { zh: '电话', en: 'Phone' },
      from: { zh: '139****1111' },
      to: { zh: '139****2222' },
    });
    expect(change(row!, 'relation')).toMatchObject({
      label: { zh: '与户主关系', en: 'Relation to the head' },
      from: { zh: '户主', en: 'Head' },
      to: { zh: '配偶', en: 'Spouse' },
    });
    expect(change(row!, 'politicalStatus')?.to).toEqual({ zh: '共青团员', en: 'Youth League member' });
    // Nothing in clear: neither name nor numbers.
    const text = JSON.stringify(row);
    for (const clear of ['欧阳小明', '欧阳晓明', '13900001111', '13900002222']) {
      expect(text).not.toContain(clear);
    }
  });

  it('names the households a move refers to by address, and one outside the reader’s area as such', async () => {
    const from = await insertHousehold(t.db, testKeys, { grid: outside, members: [{ name: '钱多多' }] });
    const to = await insertHousehold(t.db, testKeys, { grid: inside, members: [{ name: '钱少少' }] });
    const mover = from.members[0]!;
    const moved = await t.request('POST', `/api/v1/residents/${mover.id}/move`, {
      cookie: admin,
      body: { householdId: to.household.id, relation: 'child' },
    });
    expect(moved.status, moved.text).toBe(200);
    const fromAddress = `${from.building.name}${from.unitNumber}单元${from.household.room}室`;
    const toAddress = `${to.building.name}${to.unitNumber}单元${to.household.room}室`;

    const [byAdmin] = await auditOf(admin, `entityId=${mover.id}&action=resident.moved`);
    expect(change(byAdmin!, 'householdId')).toMatchObject({
      label: { zh: '住户', en: 'Household' },
      from: { zh: fromAddress },
      to: { zh: toAddress },
    });
    expect(change(byAdmin!, 'relation')?.to).toEqual({ zh: '子女', en: 'Child' });

    // The row lies in the secretary's community (where the resident went): the household they left does not.
    const secretary = await t.login('secretary');
    const [bySecretary] = await auditOf(secretary, `entityId=${mover.id}&action=resident.moved`);
    expect(bySecretary!.entityName).toBe(maskPersonName('钱多多'));
    expect(change(bySecretary!, 'householdId')).toMatchObject({
      from: { zh: '（管辖范围外）', en: '(outside your area)' },
      to: { zh: toAddress },
    });
    expect(JSON.stringify(bySecretary)).not.toContain(from.building.name);
  });

  it('keeps an out-of-scope entry invisible, with its name', async () => {
    const { members } = await insertHousehold(t.db, testKeys, {
      grid: outside,
      members: [{ name: '孙远方' }],
    });
    const edited = await t.request('PATCH', `/api/v1/residents/${members[0]!.id}`, {
      cookie: admin,
      body: { note: '外社区' },
    });
    expect(edited.status, edited.text).toBe(200);
    const secretary = await t.login('secretary');
    expect(await auditOf(secretary, `entityId=${members[0]!.id}`)).toEqual([]);
    const all = await auditOf(secretary, 'pageSize=200');
    expect(JSON.stringify(all)).not.toContain(maskPersonName('孙远方'));
  });

  it('shows the demo seed as the system, the county by name, and every count it wrote by its label', async () => {
    const [seeded] = await auditOf(admin, 'action=demo.seeded');
    expect(seeded!.actor).toEqual({
      kind: 'system',
      name: { zh: '系统（演示数据）', en: 'System (demo data)' },
      roles: [],
    });
    const [county] = await t.db.select().from(territories).where(eq(territories.level, 'county'));
    expect(seeded!.entityName).toBe(county!.name);
    expect(seeded!.changeList.length).toBeGreaterThan(3);
    const unlabelled = seeded!.changeList.filter((c) => c.label.zh === c.field).map((c) => c.field);
    expect(unlabelled).toEqual([]);
    // Counts with thousands separators, as the dashboards write them.
    const residents = change(seeded!, 'residents')!;
    expect(residents.label).toEqual({ zh: '居民数', en: 'Residents' });
    expect(residents.to!.zh).toMatch(/^\d{1,3}(,\d{3})+$/);
  });

  it('names accounts, roles given and places of a scope', async () => {
    const created = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: {
        username: 'audit-plain-words',
        displayName: '审计测试员',
        password: 'Initial-pass-1',
        roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [inside.id] }],
      },
    });
    expect(created.status, created.text).toBe(201);
    const [row] = await auditOf(admin, `entityId=${created.json.data.id}&action=user.created`);
    expect(row!.entityName).toBe('审计测试员');
    const [grid] = await t.db.select().from(territories).where(eq(territories.id, inside.id));
    const roles = change(row!, 'roles')!;
    expect(roles.label).toEqual({ zh: '角色', en: 'Roles' });
    // Stored as jsonb, whose keys come back in its own order.
    expect(roles.to!.zh.split('；').sort()).toEqual(
      ['角色：网格员', '范围：网格', `范围内：${grid!.name}`].sort(),
    );
    expect(roles.to!.en.split('; ').sort()).toEqual(
      ['Role: Grid worker', 'Scope: Grids', `Places: ${grid!.name}`].sort(),
    );
  });

  it('names a grid worker’s appointment by the person (masked), for readers of the grid', async () => {
    const person = await t.request('POST', '/api/v1/people', {
      cookie: admin,
      body: { territoryId: inside.id, name: '司马网格' },
    });
    expect(person.status, person.text).toBe(201);
    const personId = person.json.data.id as string;
    const appointed = await t.request('POST', '/api/v1/grid-workers', {
      cookie: admin,
      body: { personId, gridIds: [inside.id], employment: 'full_time' },
    });
    expect(appointed.status, appointed.text).toBe(201);
    const [row] = await auditOf(admin, `entityId=${personId}&action=grid_worker.appointed`);
    expect(row!.entityTypeLabel).toEqual({ zh: '网格员', en: 'Grid worker' });
    expect(row!.entityName).toBe(maskPersonName('司马网格'));
    const secretary = await t.login('secretary');
    const [seen] = await auditOf(secretary, `entityId=${personId}&action=grid_worker.appointed`);
    expect(seen!.entityName).toBe(maskPersonName('司马网格'));
  });

  it('shows a failed sign-in with no account as not signed in', async () => {
    const failed = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'nobody-like-this', password: 'Wrong-pass-1' },
    });
    expect(failed.status).toBe(401);
    const rows = await auditOf(admin, 'action=auth.login_failed&pageSize=5');
    const row = rows.find((r) => JSON.stringify(r.changeList).includes('nobody-like-this'));
    expect(row?.actor.kind).toBe('anonymous');
    expect(row?.actor.name).toEqual({ zh: '未登录用户', en: 'Not signed in' });
    expect(row?.actionLabel.zh).toBe('登录失败');
    expect(change(row!, 'account')?.label).toEqual({ zh: '登录账号', en: 'Account' });
  });

  it('offers the accounts that wrote entries the caller may read, by part of their name', async () => {
    const found = await t.request('GET', `/api/v1/audit/actors?q=${encodeURIComponent('县级')}`, {
      cookie: admin,
    });
    expect(found.status).toBe(200);
    expect(found.json.data.map((a: { username: string }) => a.username)).toContain('admin');
    const none = await t.request('GET', '/api/v1/audit/actors?q=zzzz-nobody', { cookie: admin });
    expect(none.json.data).toEqual([]);
    const filtered = await auditOf(admin, `actorId=${found.json.data[0].id}&pageSize=5`);
    expect(filtered.every((r) => r.actor.name.zh === found.json.data[0].name)).toBe(true);
  });
});

describe('the cost of a page', () => {
  /** A database handle that counts the queries started through it. */
  function counting(db: Executor) {
    let queries = 0;
    const handle = new Proxy(db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === 'select' || property === 'execute') {
          return (...args: unknown[]) => {
            queries += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { handle: handle, count: () => queries };
  }

  it('names a page of 50 entries of many objects with one query per entity type, however many entries', async () => {
    const household = await insertHousehold(t.db, testKeys, {
      grid: inside,
      members: Array.from({ length: 5 }, (_, i) => ({ name: `批量${i}号` })),
    });
    const residentIds = household.members.map((m) => m.id);
    const requestId = `batch-${newId()}`;
    const write = (i: number) => ({
      id: newId(),
      actorId: null,
      actorName: null,
      actorRole: null,
      action: i % 2 ? 'resident.moved' : 'household.updated',
      entityType: i % 2 ? 'resident' : 'household',
      entityId: i % 2 ? residentIds[i % residentIds.length]! : household.household.id,
      territoryCode: inside.code,
      changes:
        i % 2
          ? { householdId: { from: household.household.id, to: household.household.id }, relation: 'other' }
          : { note: { from: null, to: `第${i}次` } },
      requestId,
      ip: null,
      userAgent: null,
    });
    await t.db.insert(auditLog).values(Array.from({ length: 50 }, (_, i) => write(i)));
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(rows).toHaveLength(50);

    const scope = { all: true, codes: [], buildingIds: [], self: false };
    const few = counting(t.db);
    await presentAuditPage(few.handle, kit.audit, scope, rows.slice(0, 2));
    const many = counting(t.db);
    const page = await presentAuditPage(many.handle, kit.audit, scope, rows);
    // Two entity types named (resident, household): two queries for 2 entries or for 50.
    expect(few.count()).toBe(2);
    expect(many.count()).toBe(2);
    const names = new Set(page.filter((r) => r.entityType === 'resident').map((r) => r.entityName));
    expect(names).toEqual(new Set(household.members.map((m) => maskPersonName(m.name))));
    expect(page.every((r) => r.entityName !== null)).toBe(true);
    await t.db
      .delete(auditLog)
      .where(and(eq(auditLog.requestId, requestId), inArray(auditLog.entityType, ['resident', 'household'])));
  });
});
