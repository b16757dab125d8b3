import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportThroughJob } from '../../../../tests/support/exports.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { decrypt } from '../../core/auth/personal-data.ts';
import { newId } from '../../core/db/ids.ts';
import { makeIdCard } from './id-card.ts';
import { insertHousehold } from './registry.factories.ts';
import { residents } from './registry.tables.ts';
import { territories } from '../territory/territory.tables.ts';

/*
 * The masking rule (docs/ARCHITECTURE.md): without personal:reveal no answer, export or combination of fields gives
 * more than the last four characters of an ID-card number and an age (never a birth date), and no more than the
 * first three and last four digits of a mobile. With the county's region code, the full birth date and the last
 * four characters rebuild the whole number, so a birth date is as personal as the number itself.
 */

let t: TestApp;
let grid: string;
let target: {
  id: string;
  householdId: string;
  idCard: string;
  phone: string;
  birthDate: string;
};
let gridId: string;

beforeAll(async () => {
  t = await createTestApp();
  grid = await t.login('grid');
  const [first] = await t.db
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(eq(territories.level, 'grid'))
    .orderBy(territories.code)
    .limit(1);
  gridId = first!.id;
  // A resident of the grid worker's grid with an ID card, a mobile and a household, among the grid's others (named to
  // come first in the grid's list, ordered by name).
  const { household, members } = await insertHousehold(t.db, testKeys, {
    grid: first!,
    members: [{ name: '丁一', birthDate: '1968-11-30', phone: '13956781234' }, { gender: 'female' }],
  });
  const row = members[0]!;
  target = {
    id: row.id,
    householdId: household.id,
    idCard: row.idCard!,
    phone: row.phone!,
    birthDate: row.birthDate,
  };
});
afterAll(() => t.close());

/**
 * What of the person's ID-card number, birth date and mobile a text gives away, beyond what the rule allows: any run
 * of five or more characters of the ID number that reaches past its region code (the first six, public for a
 * county), the birth date in any usual spelling, or a run of five or more digits of the mobile.
 */
function leaksIn(text: string, person: { idCard: string; birthDate: string; phone: string }): string[] {
  const found: string[] = [];
  const [y, m, d] = person.birthDate.split('-');
  for (const spelling of [
    person.birthDate,
    `${y}${m}${d}`,
    `${y}/${m}/${d}`,
    `${y}年${Number(m)}月${Number(d)}日`,
  ]) {
    if (text.includes(spelling)) found.push(`birth date ${spelling}`);
  }
  const id = person.idCard.toUpperCase();
  // Ids (UUIDs) and coordinates hold random digit runs: left out, since they can carry no part of a number.
  const digits = text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' ')
    .replace(/\d+\.\d+/g, ' ');
  for (const run of digits.toUpperCase().match(/[\dX]{5,}/g) ?? []) {
    for (let at = 0; at + 5 <= run.length; at++) {
      const window = run.slice(at, at + 5);
      for (let p = id.indexOf(window); p !== -1; p = id.indexOf(window, p + 1)) {
        if (p + 5 > 6) found.push(`ID-card fragment ${window}`);
      }
      if (person.phone.includes(window)) found.push(`mobile fragment ${window}`);
    }
  }
  return found;
}

/** Every string in a JSON answer that is shaped like a masked field must show no more than the rule allows. */
function maskedShapes(value: unknown, path = ''): string[] {
  const bad: string[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => bad.push(...maskedShapes(v, `${path}[${i}]`)));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'idCard' && typeof v === 'string' && !/^\*+[\dX]{0,4}$/.test(v)) {
        bad.push(`${path}.${key}=${v}`);
      }
      if ((key === 'phone' || key === 'mobile') && typeof v === 'string' && !/^(\d{3})?\*+\d{0,4}$/.test(v)) {
        bad.push(`${path}.${key}=${v}`);
      }
      if (key === 'birthDate' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        bad.push(`${path}.${key}=${v}`);
      }
      bad.push(...maskedShapes(v, `${path}.${key}`));
    }
  }
  return bad;
}

function expectMasked(json: unknown) {
  expect(leaksIn(JSON.stringify(json), target)).toEqual([]);
  expect(maskedShapes(json)).toEqual([]);
}

async function sheetText(cookie: string, url: string): Promise<string[]> {
  const { response } = await exportThroughJob(t, cookie, url);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : String(cell.text ?? v));
      }),
    ),
  );
  return cells;
}

describe('without personal:reveal (the grid worker)', () => {
  it('the resident list, found by name or by whole ID-card number, gives an age, not a birth date', async () => {
    const byId = await t.request('GET', `/api/v1/residents?q=${target.idCard}`, { cookie: grid });
    expect(byId.status).toBe(200);
    expect(byId.json.data.map((r: { id: string }) => r.id)).toEqual([target.id]);
    // The caller typed the number: the answer must not echo more of it than the mask.
    expectMasked(byId.json);
    expect(byId.json.data[0].idCard).toBe(`${'*'.repeat(14)}${target.idCard.slice(-4)}`);
    expect(byId.json.data[0].phone).toBe(`${target.phone.slice(0, 3)}****${target.phone.slice(-4)}`);
    expect(typeof byId.json.data[0].age).toBe('number');
    const page = await t.request('GET', `/api/v1/residents?territoryId=${gridId}&pageSize=200`, {
      cookie: grid,
    });
    expect(page.json.data.some((r: { id: string }) => r.id === target.id)).toBe(true);
    expectMasked(page.json);
  });

  it('the resident detail, with its history, and the household card', async () => {
    const detail = await t.request('GET', `/api/v1/residents/${target.id}`, { cookie: grid });
    expect(detail.status).toBe(200);
    expectMasked(detail.json);
    const card = await t.request('GET', `/api/v1/households/${target.householdId}`, { cookie: grid });
    expect(card.status).toBe(200);
    expect(card.json.data.members.some((m: { id: string }) => m.id === target.id)).toBe(true);
    expectMasked(card.json);
  });

  it('the grid fact sheet and the map', async () => {
    const sheet = await t.request('GET', `/api/v1/territories/${gridId}/fact-sheet`, { cookie: grid });
    expect(sheet.status).toBe(200);
    expectMasked(sheet.json);
    const map = await t.request('GET', `/api/v1/territories/${gridId}/map`, { cookie: grid });
    expect(map.status).toBe(200);
    expectMasked(map.json);
  });

  it('the Excel export (the inspector: export without reveal): no birth date, ID cards to their last four', async () => {
    const inspector = await t.login('inspector');
    const cells = await sheetText(inspector, `/api/v1/residents/export?territoryId=${gridId}`);
    expect(cells.length).toBeGreaterThan(0);
    expect(leaksIn(cells.join('\n'), target)).toEqual([]);
    expect(cells).toContain(`${'*'.repeat(14)}${target.idCard.slice(-4)}`);
    expect(cells.some((c) => /^(19|20)\d{2}-\d{2}-\d{2}$/.test(c))).toBe(false);
  });

  it('may not reveal, and cannot learn the birth date by trying dates on an edit', async () => {
    const reveal = await t.request('POST', `/api/v1/residents/${target.id}/reveal`, { cookie: grid });
    expect(reveal.status).toBe(403);
    const [y] = target.birthDate.split('-');
    const wrong = `${y}-${target.birthDate.slice(5) === '01-01' ? '01-02' : '01-01'}`;
    const tries = await Promise.all(
      [target.birthDate, wrong].map((birthDate) =>
        t.request('PATCH', `/api/v1/residents/${target.id}`, { cookie: grid, body: { birthDate } }),
      ),
    );
    // The same answer whether the date is right or wrong: the birth date follows the ID-card number.
    expect(tries.map((r) => r.status)).toEqual([400, 400]);
    expect(tries[0]!.json.error.details).toEqual(tries[1]!.json.error.details);
  });
});

describe('lookups by a whole number without personal:reveal', () => {
  it('are audited, masked, and throttled after ten that found nobody', async () => {
    const branch = await t.login('branch');
    const hit = await t.request('GET', `/api/v1/residents?q=${target.idCard}`, { cookie: branch });
    expect(hit.json.data.map((r: { id: string }) => r.id)).toEqual([target.id]);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.looked_up'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({
      entityId: target.id,
      changes: { kind: 'idCard', q: `${'*'.repeat(14)}${target.idCard.slice(-4)}`, found: 1 },
    });
    // Guesses: the region code, a birth date in the age's year, the real last four with another check digit.
    const guesses = Array.from({ length: 11 }, (_, i) =>
      makeIdCard(target.idCard.slice(0, 6), new Date(Date.UTC(1950, 0, 1 + i)), 100 + i),
    )
      .filter((g) => g !== target.idCard)
      .slice(0, 10);
    // The export by a whole number is a lookup too (the inspector holds no personal:reveal).
    const inspector = await t.login('inspector');
    const exported = await t.app.request(`/api/v1/residents/exports?q=${guesses[0]}`, {
      method: 'POST',
      headers: { cookie: inspector },
    });
    expect(exported.status).toBe(202);
    const [exportLookup] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.looked_up'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(exportLookup!.changes).toMatchObject({ kind: 'idCard', found: 0 });
    expect(exportLookup!.actorName).not.toBe(row!.actorName);
    for (const guess of guesses) {
      const miss = await t.request('GET', `/api/v1/residents?q=${guess}`, { cookie: branch });
      expect(miss.status).toBe(200);
      expect(miss.json.data).toEqual([]);
    }
    const refused = await t.request('GET', `/api/v1/residents?q=${target.idCard}`, { cookie: branch });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('LOOKUP_THROTTLED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Names are still found; holders of personal:reveal are neither throttled nor audited for lookups.
    const byName = await t.request('GET', `/api/v1/residents?q=${encodeURIComponent('王')}`, {
      cookie: branch,
    });
    expect(byName.status).toBe(200);
    const worker = await t.login('worker');
    const before = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'resident.looked_up')))
      .length;
    for (const guess of guesses.slice(0, 3)) {
      expect((await t.request('GET', `/api/v1/residents?q=${guess}`, { cookie: worker })).status).toBe(200);
    }
    const after = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'resident.looked_up')))
      .length;
    expect(after).toBe(before);
  });
  it('answers at most ten misses however many are sent at once', async () => {
    const leader = await t.login('leader');
    const guesses = Array.from({ length: 16 }, (_, i) =>
      makeIdCard('379901', new Date(Date.UTC(1960, 0, 1 + i)), 300 + i),
    );
    const answers = await Promise.all(
      guesses.map((g) => t.request('GET', `/api/v1/residents?q=${g}`, { cookie: leader })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
  });
});

describe('the audit log read without personal:reveal (the inspector)', () => {
  it('shows ID cards to their last four and birth dates to their year, also for a changed ID card', async () => {
    const admin = await t.login('admin');
    const [y, m, d] = target.birthDate.split('-').map(Number) as [number, number, number];
    const newBirth = new Date(Date.UTC(y - 1, m - 1, d === 29 && m === 2 ? 28 : d));
    const newId = makeIdCard(target.idCard.slice(0, 6), newBirth, 777);
    const changed = await t.request('PATCH', `/api/v1/residents/${target.id}`, {
      cookie: admin,
      body: { idCard: newId },
    });
    expect(changed.status, changed.text).toBe(200);
    const inspector = await t.login('inspector');
    const audit = await t.request('GET', `/api/v1/audit?entityId=${target.id}&pageSize=50`, {
      cookie: inspector,
    });
    expect(audit.status).toBe(200);
    const updated = audit.json.data.find((r: { action: string }) => r.action === 'resident.updated');
    expect(updated).toBeDefined();
    expect(updated.changes.idCard).toBeDefined();
    expectMasked(audit.json);
    expect(
      leaksIn(JSON.stringify(audit.json), {
        idCard: newId,
        birthDate: newBirth.toISOString().slice(0, 10),
        phone: target.phone,
      }),
    ).toEqual([]);
  });
  it('masks again audit rows written under the older mask (first three of the ID card, full birth date)', async () => {
    const [y] = target.birthDate.split('-');
    await t.db.insert(auditLog).values({
      id: newId(),
      action: 'resident.updated',
      entityType: 'resident',
      entityId: target.id,
      territoryCode: null,
      changes: {
        idCard: { from: null, to: `${target.idCard.slice(0, 3)}***********${target.idCard.slice(-4)}` },
        birthDate: { from: null, to: target.birthDate },
        phone: { from: target.phone, to: null },
      },
      requestId: 'old-row',
    });
    const inspector = await t.login('inspector');
    const audit = await t.request('GET', `/api/v1/audit?q=old-row&pageSize=5`, { cookie: inspector });
    expect(audit.json.data[0].changes).toEqual({
      idCard: { from: null, to: `${'*'.repeat(14)}${target.idCard.slice(-4)}` },
      birthDate: { from: null, to: `${y}-**-**` },
      phone: { from: `${target.phone.slice(0, 3)}****${target.phone.slice(-4)}`, to: null },
    });
  });
});

describe('with personal:reveal (the community worker)', () => {
  it('the audited reveal gives the clear ID card, phone and birth date; lists still give an age', async () => {
    const worker = await t.login('worker');
    const [row] = await t.db.select().from(residents).where(eq(residents.id, target.id));
    const idCard = decrypt(testKeys, row!.idCardEnc!);
    const detail = await t.request('GET', `/api/v1/residents/${target.id}`, { cookie: worker });
    expect(detail.json.data.birthDate ?? null).toBeNull();
    const reveal = await t.request('POST', `/api/v1/residents/${target.id}/reveal`, { cookie: worker });
    expect(reveal.status).toBe(200);
    expect(reveal.json.data).toEqual({ idCard, phone: target.phone, birthDate: row!.birthDate });
    const inspector = await t.login('inspector');
    const audit = await t.request(
      'GET',
      `/api/v1/audit?entityId=${target.id}&action=personal.revealed&pageSize=5`,
      { cookie: inspector },
    );
    expect(audit.json.data[0].changes).toEqual({ fields: ['idCard', 'phone', 'birthDate'] });
  });
});
