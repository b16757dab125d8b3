import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportThroughJob } from '../../../../tests/support/exports.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { insertAccount } from '../accounts/accounts.factories.ts';
import { makeIdCard } from './id-card.ts';
import { importColumns } from './registry-import.schemas.ts';
import { ageInYears, ageOn } from './registry.common.ts';
import { insertHousehold } from './registry.factories.ts';
import { residents } from './registry.tables.ts';
import { readSheetRows } from './xlsx-reader.ts';
import { XLSX_TYPE } from './xlsx.ts';
import { territories } from '../territory/territory.tables.ts';

// Attacks on the masked registry by callers holding demo roles: the order of a list must not give away birth dates
// (which rebuild masked ID cards), and a lookup by a whole number is free only where the caller may reveal.

let t: TestApp;
let admin: string;
type Node = { id: string; code: string; level: string };
let nodes: Node[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  nodes = await t.db
    .select({ id: territories.id, code: territories.code, level: territories.level })
    .from(territories)
    .orderBy(territories.code);
});
afterAll(() => t.close());

/** The ISO date `years` years and `days` days before today (UTC). */
function daysAfterYearsAgo(years: number, days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}

describe('orders by age give away no birth date', () => {
  let household: string;
  let building: string;
  /** Two residents of one household, of one age, the first by id born later than the second. */
  let first: { id: string; name: string };
  let second: { id: string; name: string };

  beforeAll(async () => {
    const grid = nodes.find((n) => n.level === 'grid')!;
    const inserted = await insertHousehold(t.db, testKeys, {
      grid,
      members: [
        { name: '攻序甲', relation: 'child' },
        { name: '攻序乙', relation: 'child' },
      ],
    });
    household = inserted.household.id;
    building = inserted.building.id;
    const [a, b] = inserted.members
      .map((m) => ({ id: m.id, name: m.name }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    first = a!;
    second = b!;
    // Both 30 years old, whenever the test runs; the one registered first is the younger by some 200 days: so the
    // birth-date order is the opposite of the id order.
    await t.db
      .update(residents)
      .set({ birthDate: daysAfterYearsAgo(31, 200) })
      .where(eq(residents.id, first.id));
    await t.db
      .update(residents)
      .set({ birthDate: daysAfterYearsAgo(31, 2) })
      .where(eq(residents.id, second.id));
  });

  it('sorts by the age the list shows (ageInYears as ageOn counts), birthdays and 29 February included', async () => {
    const cases: [string, string][] = [
      ['2000-02-29', '2025-02-28'],
      ['2000-02-29', '2025-03-01'],
      ['2000-02-29', '2024-02-29'],
      ['1990-06-15', '2026-06-14'],
      ['1990-06-15', '2026-06-15'],
      ['1990-12-31', '2026-01-01'],
      ['2026-01-01', '2026-12-31'],
    ];
    for (const [born, on] of cases) {
      const today = new Date(`${on}T12:00:00Z`);
      const [row] = await t.db
        .select({ age: ageInYears(sql`${born}::date`, today) })
        .from(residents)
        .limit(1);
      expect(Number(row!.age), `${born} on ${on}`).toBe(ageOn(born, today));
    }
  });

  it('the resident list sorted by age orders one age by id, both ways', async () => {
    for (const order of ['asc', 'desc']) {
      const r = await t.request('GET', `/api/v1/residents?buildingId=${building}&sort=age&order=${order}`, {
        cookie: admin,
      });
      expect(r.status).toBe(200);
      expect(r.json.data.map((x: { age: number }) => x.age)).toEqual([30, 30]);
      expect(r.json.data.map((x: { id: string }) => x.id)).toEqual([first.id, second.id]);
    }
  });

  it('the household card lists members of one relation and age by id', async () => {
    const card = await t.request('GET', `/api/v1/households/${household}`, { cookie: admin });
    expect(card.status).toBe(200);
    expect(card.json.data.members.map((m: { id: string }) => m.id)).toEqual([first.id, second.id]);
  });

  it('the export lists members of one relation and age by id', async () => {
    const { response } = await exportThroughJob(t, admin, `/api/v1/residents/export?buildingId=${building}`);
    expect(response.status).toBe(200);
    const names: unknown[] = [];
    for await (const row of readSheetRows(Buffer.from(await response.arrayBuffer()))) {
      names.push(...row.cells.filter((c) => c === first.name || c === second.name));
    }
    expect(names).toEqual([first.name, second.name]);
  });
});

describe('lookups by a whole number are free only where the caller may reveal', () => {
  it('a community worker who also inspects another street is audited and throttled for lookups', async () => {
    const streets = nodes.filter((n) => n.level === 'street');
    const community = nodes.find((n) => n.level === 'community' && n.code.startsWith(streets[0]!.code))!;
    // personal:reveal in one community (community worker), reading and exporting a whole other street (inspector).
    const mixed = await insertAccount(t.db, testKeys, {
      username: 'attack-mixed',
      roles: [
        { role: 'community_worker', scopeKind: 'community', scopeIds: [community.id] },
        { role: 'inspector', scopeKind: 'street', scopeIds: [streets[1]!.id] },
      ],
    });
    const cookie = await t.login('attack-mixed', mixed.password!);
    const otherGrid = nodes.find((n) => n.level === 'grid' && n.code.startsWith(streets[1]!.code))!;
    const { members } = await insertHousehold(t.db, testKeys, {
      grid: otherGrid,
      members: [{ name: '攻查甲' }],
    });
    const target = members[0]!;

    const lookups = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'resident.looked_up'), eq(auditLog.actorId, mixed.user.id)))
        .orderBy(desc(auditLog.id));
    const hit = await t.request('GET', `/api/v1/residents?q=${target.idCard}`, { cookie });
    expect(hit.json.data.map((r: { id: string }) => r.id)).toEqual([target.id]);
    expect((await lookups())[0]).toMatchObject({
      entityId: target.id,
      changes: { kind: 'idCard', found: 1 },
    });

    // The export by a whole number is the same lookup.
    const guesses = Array.from({ length: 10 }, (_, i) =>
      makeIdCard(target.idCard!.slice(0, 6), new Date(Date.UTC(1951, 0, 1 + i)), 500 + i),
    );
    const exported = await t.app.request(`/api/v1/residents/exports?q=${guesses[0]}`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(exported.status).toBe(202);
    expect((await lookups())[0]!.changes).toMatchObject({ kind: 'idCard', found: 0 });
    for (const guess of guesses.slice(1)) {
      expect((await t.request('GET', `/api/v1/residents?q=${guess}`, { cookie })).status).toBe(200);
    }
    const refused = await t.request('GET', `/api/v1/residents?q=${target.idCard}`, { cookie });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('LOOKUP_THROTTLED');
  });

  it('a community worker (reveal over the whole read scope) looks up freely, unaudited', async () => {
    const worker = await t.login('worker');
    const me = (await t.request('GET', '/api/v1/me', { cookie: worker })).json.data as { id: string };
    const found = await t.request('GET', '/api/v1/residents?q=13900000000', { cookie: worker });
    expect(found.status).toBe(200);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resident.looked_up'), inArray(auditLog.actorId, [me.id])));
    expect(rows).toEqual([]);
  });
});

describe('an ID-card number already registered', () => {
  it('confirms a guess at most five times: each refusal is audited, then every number is refused', async () => {
    const grid = await t.login('grid');
    const gridId = (await t.request('GET', '/api/v1/me', { cookie: grid })).json.data.id as string;
    const streets = nodes.filter((n) => n.level === 'street');
    const otherGrid = nodes.find((n) => n.level === 'grid' && n.code.startsWith(streets[1]!.code))!;
    const { members: others } = await insertHousehold(t.db, testKeys, {
      grid: otherGrid,
      members: [{ name: '攻证他' }],
    });
    const target = others[0]!.idCard!;
    const own = await insertHousehold(t.db, testKeys, {
      grid: nodes.find((n) => n.level === 'grid')!,
      members: [{ name: '攻证己' }],
    });
    const register = (idCard: string) =>
      t.request('POST', '/api/v1/residents', {
        cookie: grid,
        body: { householdId: own.household.id, name: '攻证新', relation: 'other', idCard },
      });
    const first = await register(target);
    expect(first.status).toBe(409);
    expect(first.json.error.details[0].field).toBe('idCard');
    const refusals = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'resident.id_card_taken'), eq(auditLog.actorId, gridId)));
    expect((await refusals()).map((r) => r.changes)).toEqual([
      { idCard: `${'*'.repeat(14)}${target.slice(-4)}` },
    ]);
    // Editing a resident's number is the same probe.
    for (let i = 0; i < 4; i++) {
      const edit = await t.request('PATCH', `/api/v1/residents/${own.members[0]!.id}`, {
        cookie: grid,
        body: { idCard: target },
      });
      expect(edit.status).toBe(409);
    }
    expect(await refusals()).toHaveLength(5);
    const free = makeIdCard(target.slice(0, 6), new Date(Date.UTC(1977, 4, 5)), 777);
    for (const idCard of [target, free]) {
      const refused = await register(idCard);
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('ID_CARD_TAKEN_THROTTLED');
    }
    const created = await t.db.select().from(residents).where(eq(residents.name, '攻证新'));
    expect(created).toEqual([]);
  });
});

describe('an import naming ID cards already registered', () => {
  type Row = Partial<Record<(typeof importColumns)[number]['header'], string | number>>;
  type ImportError = { row: number; column: string; code: string; message: { zh: string; en: string } };

  async function validated(cookie: string, rows: Row[]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('居民信息');
    const headers = importColumns.map((c) => c.header);
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
    const form = new FormData();
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    form.append('file', new File([bytes], 'residents.xlsx', { type: XLSX_TYPE }));
    const uploaded = await t.app.request('/api/v1/registry/imports', {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(uploaded.status).toBe(202);
    const id = ((await uploaded.json()) as { data: { id: string } }).data.id;
    for (let i = 0; i < 400; i++) {
      const got = await t.request('GET', `/api/v1/registry/imports/${id}?pageSize=100`, { cookie });
      if (got.json.data.status !== 'validating') {
        return got.json.data as { id: string; errors: ImportError[] };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('import did not settle');
  }

  it('say "already registered" only inside the importer’s scope; outside it, a refusal audited and limited like registering one', async () => {
    const secretary = await t.login('secretary');
    const secretaryId = (await t.request('GET', '/api/v1/me', { cookie: secretary })).json.data.id as string;
    const [home] = (await t.request('GET', '/api/v1/buildings?pageSize=1', { cookie: secretary })).json
      .data as {
      id: string;
      code: string;
    }[];
    const { members: ours } = await insertHousehold(t.db, testKeys, {
      buildingId: home!.id,
      members: [{ name: '攻导己' }],
    });
    const streets = nodes.filter((n) => n.level === 'street');
    const otherGrid = nodes.find((n) => n.level === 'grid' && n.code.startsWith(streets[1]!.code))!;
    const { members: theirs } = await insertHousehold(t.db, testKeys, {
      grid: otherGrid,
      members: ['甲', '乙', '丙', '丁', '戊', '己'].map((n) => ({ name: `攻导他${n}` })),
    });
    let room = 0;
    const row = (idCard: string): Row => ({
      楼栋编码: home!.code,
      单元: 1,
      房号: `G${++room}`,
      户类型: '常住户',
      姓名: '攻导新',
      身份证号: idCard,
      与户主关系: '户主',
    });
    const refusals = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'resident.id_card_taken'), eq(auditLog.actorId, secretaryId)));

    const first = await validated(secretary, [row(ours[0]!.idCard!), row(theirs[0]!.idCard!)]);
    expect(first.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'duplicate_registered'],
      [3, 'id_card_refused'],
    ]);
    expect(first.errors[1]!.message.zh).toBe('无法在此登记：请联系上级核实');
    expect((await refusals()).map((r) => r.changes)).toEqual([
      { idCard: `${'*'.repeat(14)}${theirs[0]!.idCard!.slice(-4)}` },
    ]);

    // Four more reach the limit; past it a registered card and a free one read the same.
    const free = makeIdCard('110105', new Date(Date.UTC(1981, 2, 3)), 555);
    const cards = [...theirs.slice(1).map((m) => m.idCard!), free];
    const second = await validated(secretary, cards.map(row));
    expect(second.errors.map((e) => [e.row, e.code])).toEqual(
      cards.map((_, i) => [i + 2, 'id_card_refused']),
    );
    expect(new Set(second.errors.map((e) => JSON.stringify([e.column, e.message]))).size).toBe(1);
    expect(await refusals()).toHaveLength(5);

    // The downloadable report reads the same for every row.
    const report = await t.app.request(`/api/v1/registry/imports/${second.id}/report.xlsx`, {
      headers: { cookie: secretary },
    });
    expect(report.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await report.arrayBuffer());
    const reasons: string[] = [];
    book.worksheets[0]!.eachRow((r, n) => {
      if (n > 1) reasons.push(r.getCell(2).text);
    });
    expect(reasons).toHaveLength(cards.length);
    expect(new Set(reasons).size).toBe(1);
    expect(reasons[0]).not.toContain('已登记');
  });
});
