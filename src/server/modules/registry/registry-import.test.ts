import { and, count, eq, isNull, notLike } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportThroughJob } from '../../../../tests/support/exports.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { blindIndex, decrypt } from '../../core/auth/personal-data.ts';
import { makeIdCard } from './id-card.ts';
import { importColumns } from './registry-import.schemas.ts';
import { registryImports } from './registry-import.tables.ts';
import { buildings, households, registryHistory, residents, residentTags, units } from './registry.tables.ts';
import { neutralise, XLSX_TYPE } from './xlsx.ts';

type Building = { id: string; code: string; unitCount: number; gridCode: string };
type Row = Partial<Record<(typeof importColumns)[number]['header'], ExcelJS.CellValue>>;

let t: TestApp;
let secretary: string;
let worker: string;
let grid: string;
let inspector: string;
let home: Building;
let outside: Building;
let existing: { id: string; unit: number; room: string };
let registeredIdCard: string;

/** A fresh, valid ID-card number in a region the demo county does not use. */
let sequence = 0;
const idCard = (birth = '1980-05-06', male = true) => {
  sequence += 1;
  return makeIdCard('110105', new Date(`${birth}T00:00:00Z`), (sequence * 2 + (male ? 1 : 0)) % 1000);
};

/** An .xlsx in the template's columns; cells keep their JS type (a number stays a number cell). */
async function workbookOf(rows: Row[], headers: readonly string[] = importColumns.map((c) => c.header)) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('居民信息');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h as keyof Row] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const person = (extra: Row = {}): Row => ({
  楼栋编码: home.code,
  单元: 1,
  房号: 'T901',
  户类型: '常住户',
  姓名: '测试甲',
  身份证号: idCard(),
  手机号: '13912340001',
  与户主关系: '户主',
  ...extra,
});

async function upload(cookie: string, file: Buffer, name = 'residents.xlsx') {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(file)], name, { type: XLSX_TYPE }));
  const response = await t.app.request('/api/v1/registry/imports', {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  return { status: response.status, json: await response.json() };
}

/** Polls the import until validation or commit has finished. */
async function settled(cookie: string, id: string) {
  for (let i = 0; i < 400; i++) {
    const response = await t.request('GET', `/api/v1/registry/imports/${id}?pageSize=1000`, { cookie });
    expect(response.status).toBe(200);
    if (!['validating', 'committing'].includes(response.json.data.status)) return response.json.data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('import did not settle');
}

async function validated(cookie: string, rows: Row[]) {
  const response = await upload(cookie, await workbookOf(rows));
  expect(response.status).toBe(202);
  return settled(cookie, response.json.data.id);
}

const commit = (cookie: string, id: string, mode: 'valid-only' | 'all-or-nothing') =>
  t.request('POST', `/api/v1/registry/imports/${id}/commit`, { cookie, body: { mode } });

async function download(cookie: string, url: string) {
  const response = url.startsWith('/api/v1/residents/export?')
    ? (await exportThroughJob(t, cookie, url)).response
    : await t.app.request(url, { headers: { cookie } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, response, workbook: null };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return { status: response.status, response, workbook };
}

/** Rows of a sheet as arrays of cell values (column A first), header excluded. */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

async function tally() {
  const n = async (
    table: typeof households | typeof residents | typeof residentTags | typeof registryHistory,
  ) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    households: await n(households),
    residents: await n(residents),
    tags: await n(residentTags),
    history: await n(registryHistory),
    audit: (await t.db.select({ n: count() }).from(auditLog))[0]!.n,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  secretary = await t.login('secretary');
  worker = await t.login('worker');
  grid = await t.login('grid');
  inspector = await t.login('inspector');
  const mine = (await t.request('GET', '/api/v1/buildings?pageSize=200', { cookie: secretary })).json
    .data as Building[];
  home = mine.find((b) => b.unitCount >= 2) ?? mine[0]!;
  // A building of another community (codes: county 6 digits, then 3 per level).
  outside = (
    await t.db
      .select({
        id: buildings.id,
        code: buildings.code,
        unitCount: buildings.unitCount,
        gridCode: buildings.territoryCode,
      })
      .from(buildings)
      .where(notLike(buildings.territoryCode, `${home.gridCode.slice(0, 12)}%`))
      .limit(1)
  )[0]!;
  const [household] = await t.db
    .select({ id: households.id, unit: units.number, room: households.room })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(eq(households.buildingId, home.id), isNull(households.movedOutAt)))
    .limit(1);
  existing = household!;
  const [someone] = await t.db
    .select({ idCardEnc: residents.idCardEnc })
    .from(residents)
    .where(eq(residents.buildingId, outside!.id))
    .limit(1);
  registeredIdCard = decrypt(testKeys, someone!.idCardEnc!);
});
afterAll(() => t.close());

describe('the import template', () => {
  it('is a real .xlsx with the Chinese header, drop-downs, instructions and the caller’s buildings', async () => {
    const { status, response, workbook } = await download(secretary, '/api/v1/registry/import-template');
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(workbook!.worksheets.map((s) => s.name)).toEqual(['居民信息', '说明', '楼栋编码']);
    const data = workbook!.getWorksheet('居民信息')!;
    expect((data.getRow(1).values as string[]).slice(1)).toEqual([
      '楼栋编码',
      '单元',
      '房号',
      '户类型',
      '住房性质',
      '姓名',
      '身份证号',
      '性别',
      '出生日期',
      '手机号',
      '与户主关系',
      '政治面貌',
      '户籍类型',
      '重点人群',
      '备注',
    ]);
    expect(data.getCell('D2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"常住户,流动户,空置户"'],
    });
    expect(data.getCell('K50').dataValidation?.formulae?.[0]).toContain('户主');
    expect(data.getColumn(7).width).toBeGreaterThan(15);
    const codes = rowsOf(workbook!.getWorksheet('楼栋编码')!).map((r) => r[0]);
    const total = (await t.request('GET', '/api/v1/buildings?pageSize=1', { cookie: secretary })).json.page
      .total;
    expect(codes).toHaveLength(total);
    expect(codes).toContain(home.code);
    expect(codes).not.toContain(outside.code);
  });

  it('skips its example row, so an untouched template has no data rows', async () => {
    const template = await t.app.request('/api/v1/registry/import-template', {
      headers: { cookie: secretary },
    });
    const response = await upload(secretary, Buffer.from(await template.arrayBuffer()));
    const result = await settled(secretary, response.json.data.id);
    expect(result.status).toBe('failed');
    expect(result.failure.zh).toContain('没有数据行');
  });

  it('needs the import permission', async () => {
    expect((await t.request('GET', '/api/v1/registry/import-template', { cookie: grid })).status).toBe(403);
  });
});

describe('validating an upload', () => {
  it('lists every bad row with its reason and changes nothing, and nothing can be committed', async () => {
    const before = await tally();
    const dup = idCard();
    const birth = '1975-03-04';
    const good = idCard();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const rows: [Row, string, string][] = [
      [person({ 姓名: '' }), '姓名', 'required'],
      [person({ 身份证号: wrongCheck }), '身份证号', 'id_card_checksum'],
      [person({ 楼栋编码: '999999999999999' }), '楼栋编码', 'building_unknown'],
      [person({ 楼栋编码: outside.code }), '楼栋编码', 'building_unknown'],
      [person({ 手机号: '12345' }), '手机号', 'phone_invalid'],
      [person({ 身份证号: null, 性别: '男', 出生日期: '1990-02-30' }), '出生日期', 'birth_date_invalid'],
      [person({ 身份证号: null, 性别: '女', 出生日期: '2999-01-01' }), '出生日期', 'birth_date_impossible'],
      [person({ 身份证号: idCard(birth), 出生日期: '1975-03-05' }), '出生日期', 'id_card_mismatch'],
      [person({ 单元: home.unitCount + 1 }), '单元', 'unit_out_of_range'],
      [person({ 与户主关系: '表哥' }), '与户主关系', 'unknown_option'],
      // Registered in another community: not told as registered (registry.attack.test.ts).
      [person({ 身份证号: registeredIdCard }), '身份证号', 'id_card_refused'],
      [person({ 身份证号: dup, 手机号: '1381234' }), '手机号', 'phone_invalid'],
      [person({ 身份证号: dup }), '身份证号', 'duplicate_in_file'],
      [person({ 身份证号: Number('110105198005060017') }), '身份证号', 'id_card_not_text'],
      [person({ 重点人群: '独居老人、外星人' }), '重点人群', 'unknown_option'],
    ];
    const result = await validated(
      secretary,
      rows.map(([row]) => row),
    );
    expect(result.status).toBe('validated');
    expect(result.progress).toEqual({ processedRows: rows.length, totalRows: rows.length });
    expect(result.counts).toMatchObject({ rows: rows.length, validRows: 0, errorRows: rows.length });
    expect(result.errors.map((e: any) => [e.row, e.column, e.code])).toEqual(
      rows.map(([, column, code], i) => [i + 2, column, code]),
    );
    const unknown = result.errors.filter((e: any) => e.code === 'building_unknown');
    expect(unknown[0].message).toEqual(unknown[1].message);
    expect(result.errors[12].message.zh).toContain('第 13 行');

    const valid_only = await commit(secretary, result.id, 'valid-only');
    expect(valid_only.status).toBe(409);
    expect(valid_only.json.error.code).toBe('IMPORT_NOTHING_VALID');
    expect((await commit(secretary, result.id, 'all-or-nothing')).status).toBe(409);
    // The one refusal of a card registered outside the scope is audited.
    expect(await tally()).toEqual({ ...before, audit: before.audit + 1 });

    const report = await download(secretary, `/api/v1/registry/imports/${result.id}/report.xlsx`);
    expect(report.status).toBe(200);
    const reported = rowsOf(report.workbook!.worksheets[0]!);
    expect(reported.map((r) => r[0])).toEqual(rows.map((_, i) => i + 2));
    expect(reported[4]![1] as string).toContain('手机号');
    expect(reported[4]![2 + 9]).toBe('12345');
  });

  it('refuses a file that is not an .xlsx, and fails one without the template’s header', async () => {
    const form = new FormData();
    form.append('note', 'no file');
    const noFile = await t.app.request('/api/v1/registry/imports', {
      method: 'POST',
      headers: { cookie: secretary, 'accept-language': 'en' },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.details[0]).toMatchObject({
      field: 'form.file',
      message: 'Choose the .xlsx file to upload',
    });

    const notXlsx = await upload(secretary, Buffer.from('name,id\n'), 'residents.csv');
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.json.error.details[0]).toMatchObject({ field: 'file', code: 'not_xlsx' });

    const corrupt = await upload(
      secretary,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]),
    );
    expect((await settled(secretary, corrupt.json.data.id)).status).toBe('failed');

    const response = await upload(secretary, await workbookOf([{ 姓名: '王五' }], ['姓名', '电话']));
    const result = await settled(secretary, response.json.data.id);
    expect(result.status).toBe('failed');
    expect(result.failure.zh).toContain('楼栋编码');
  });

  it('takes a household’s kind from its first row and reports a later row that says otherwise', async () => {
    const result = await validated(secretary, [
      person({ 房号: 'T907', 户类型: '流动户' }),
      person({ 房号: 'T907', 户类型: null, 与户主关系: '配偶', 身份证号: idCard('1981-01-01', false) }),
      person({ 房号: 'T907', 户类型: '常住户', 与户主关系: '子女', 身份证号: idCard('2010-01-01') }),
    ]);
    expect(result.counts).toMatchObject({ validRows: 2, errorRows: 1, newHouseholds: 1 });
    expect(result.errors).toMatchObject([{ row: 4, column: '户类型', code: 'household_conflict' }]);
    expect(result.errors[0].message.zh).toContain('第 2 行');
  });

  it('shows an import only to its creator', async () => {
    const result = await validated(secretary, [person({ 姓名: '' })]);
    expect((await t.request('GET', `/api/v1/registry/imports/${result.id}`, { cookie: worker })).status).toBe(
      404,
    );
    expect((await commit(worker, result.id, 'valid-only')).status).toBe(404);
    expect((await download(worker, `/api/v1/registry/imports/${result.id}/report.xlsx`)).status).toBe(404);
    const mine = (await t.request('GET', '/api/v1/registry/imports', { cookie: secretary })).json.data;
    const theirs = (await t.request('GET', '/api/v1/registry/imports', { cookie: worker })).json.data;
    expect(mine.map((i: any) => i.id)).toContain(result.id);
    expect(theirs.map((i: any) => i.id)).not.toContain(result.id);
  });

  it('keeps a grid worker out: no import permission, and no building of another area is revealed', async () => {
    const form = await upload(grid, await workbookOf([person()]));
    expect(form.status).toBe(403);
    // The community worker may import, but only into the community: another area’s building is “unknown”.
    const result = await validated(worker, [person({ 楼栋编码: outside.code })]);
    expect(result.errors[0]).toMatchObject({ column: '楼栋编码', code: 'building_unknown' });
  });
});

describe('committing an import', () => {
  it('writes only the valid rows: new and existing households, encrypted ID cards, tags, history, one audit row', async () => {
    const head = idCard('1970-01-02');
    const joiner = idCard('1991-07-08', false);
    const before = await tally();
    const result = await validated(secretary, [
      person({ 身份证号: head, 户类型: '流动户', 住房性质: '租赁住房', 重点人群: '残疾人(2)、低保对象' }),
      person({
        姓名: '测试乙',
        户类型: null,
        身份证号: null,
        性别: '女',
        出生日期: '2015-09-10',
        与户主关系: '子女',
        手机号: null,
      }),
      person({ 姓名: '', 身份证号: idCard() }),
      person({
        姓名: '测试丙',
        身份证号: joiner,
        单元: existing.unit,
        房号: existing.room,
        与户主关系: '租户',
        政治面貌: '中共党员',
      }),
    ]);
    expect(result.counts).toMatchObject({ rows: 4, validRows: 3, errorRows: 1, newHouseholds: 1 });
    expect(await tally()).toEqual(before);

    const response = await commit(secretary, result.id, 'valid-only');
    expect(response.status).toBe(202);
    const done = await settled(secretary, result.id);
    expect(done.status).toBe('committed');
    expect(done.counts).toMatchObject({ committedResidents: 3, committedHouseholds: 1 });

    const [created] = await t.db
      .select()
      .from(households)
      .where(and(eq(households.buildingId, home.id), eq(households.room, 'T901')));
    expect(created).toMatchObject({ kind: 'floating', tenure: 'rented' });
    const members = await t.db.select().from(residents).where(eq(residents.householdId, created!.id));
    expect(members.map((m) => m.name).sort()).toEqual(['测试乙', '测试甲']);
    const headRow = members.find((m) => m.name === '测试甲')!;
    expect(headRow.idCardEnc).not.toContain(head);
    expect(decrypt(testKeys, headRow.idCardEnc!)).toBe(head);
    expect(headRow.idCardIndex).toBe(blindIndex(testKeys, 'idCard', head));
    expect(headRow.phoneEnc).not.toContain('13912340001');
    expect(headRow).toMatchObject({
      gender: 'male',
      birthDate: '1970-01-02',
      territoryCode: created!.territoryCode,
    });
    const tags = await t.db.select().from(residentTags).where(eq(residentTags.residentId, headRow.id));
    expect(tags.map((x) => [x.tag, x.careLevel]).sort()).toEqual([
      ['disabled', 2],
      ['low_income', 1],
    ]);
    const [joined] = await t.db
      .select()
      .from(residents)
      .where(eq(residents.idCardIndex, blindIndex(testKeys, 'idCard', joiner)));
    expect(joined).toMatchObject({
      householdId: existing.id,
      relation: 'tenant',
      politicalStatus: 'party_member',
    });

    const history = await t.db.select().from(registryHistory).where(eq(registryHistory.entityId, headRow.id));
    expect(history).toMatchObject([
      { event: 'moved_in', toHouseholdId: created!.id, details: { importId: result.id } },
    ]);
    const householdHistory = await t.db
      .select()
      .from(registryHistory)
      .where(eq(registryHistory.entityId, created!.id));
    expect(householdHistory.map((h) => h.event)).toEqual(['created']);

    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'registry.imported',
      changes: { residents: 3, householdsCreated: 1, householdsJoined: 1, skippedRows: 1 },
    });
    expect(JSON.stringify(audits[0]!.changes)).not.toContain(head);
    const after = await tally();
    expect(after).toEqual({
      households: before.households + 1,
      residents: before.residents + 3,
      tags: before.tags + 2,
      history: before.history + 4,
      audit: before.audit + 1,
    });

    // The imported resident is found like any other, masked.
    const found = await t.request('GET', `/api/v1/residents?q=${head}`, { cookie: secretary });
    expect(found.json.data[0]).toMatchObject({
      name: '测试甲',
      idCard: expect.stringMatching(/^\*{14}[\dX]{4}$/),
    });

    // A second commit does nothing.
    const again = await commit(secretary, result.id, 'valid-only');
    expect(again.status).toBe(202);
    expect(again.json.data.status).toBe('committed');
    expect(await tally()).toEqual(after);
  });

  it('all-or-nothing refuses a file with a bad row and commits a clean one whole', async () => {
    const mixed = await validated(secretary, [
      person({ 房号: 'T902' }),
      person({ 房号: 'T902', 手机号: '1' }),
    ]);
    const refused = await commit(secretary, mixed.id, 'all-or-nothing');
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('IMPORT_HAS_ERRORS');

    const clean = await validated(secretary, [
      person({ 房号: 'T903' }),
      person({ 房号: 'T903', 与户主关系: '配偶', 身份证号: idCard('1982-02-02', false) }),
    ]);
    expect((await commit(secretary, clean.id, 'all-or-nothing')).status).toBe(202);
    expect((await settled(secretary, clean.id)).counts).toMatchObject({
      committedResidents: 2,
      committedHouseholds: 1,
    });
  });

  it('checks again at commit: a person registered since validation is skipped and reported', async () => {
    const late = idCard('1966-06-06');
    const result = await validated(secretary, [
      person({ 房号: 'T904', 身份证号: late }),
      person({ 房号: 'T904', 姓名: '测试丁', 与户主关系: '配偶', 身份证号: idCard('1967-07-07', false) }),
    ]);
    expect(result.counts.validRows).toBe(2);
    const created = await t.request('POST', '/api/v1/residents', {
      cookie: secretary,
      body: { householdId: existing.id, name: '抢先登记', idCard: late, relation: 'other' },
    });
    expect(created.status).toBe(201);
    await commit(secretary, result.id, 'valid-only');
    const done = await settled(secretary, result.id);
    expect(done.counts).toMatchObject({ committedResidents: 1, validRows: 1, errorRows: 1 });
    expect(done.errors).toMatchObject([{ row: 2, code: 'duplicate_registered' }]);
  });

  it('cannot commit a discarded import', async () => {
    const result = await validated(secretary, [person({ 房号: 'T905' })]);
    const discarded = await t.request('POST', `/api/v1/registry/imports/${result.id}/discard`, {
      cookie: secretary,
    });
    expect(discarded.json.data.status).toBe('discarded');
    const [row] = await t.db
      .select({ file: registryImports.fileEnc })
      .from(registryImports)
      .where(eq(registryImports.id, result.id));
    expect(row!.file).toBeNull();
    const response = await commit(secretary, result.id, 'valid-only');
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('IMPORT_NOT_READY');
  });
});

describe('exporting residents', () => {
  const url = () => `/api/v1/residents/export?buildingId=${home.id}`;
  const exportAudits = async () =>
    (await t.db.select().from(auditLog).where(eq(auditLog.action, 'resident.exported'))).length;

  it('masks ID cards and phones by default and audits the export with its filters and row count', async () => {
    const audits = await exportAudits();
    const { status, workbook } = await download(secretary, url());
    expect(status).toBe(200);
    const rows = rowsOf(workbook!.worksheets[0]!);
    const total = (
      await t.request('GET', `/api/v1/residents?buildingId=${home.id}&pageSize=1`, { cookie: secretary })
    ).json.page.total;
    expect(rows).toHaveLength(total);
    const ids = rows.map((r) => r[6]).filter(Boolean) as string[];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\*{14}\d{3}[\dX]$/);
    // No birth date (it would complete the ID card); the age column stays.
    expect(rows.every((r) => r[8] === null || r[8] === undefined)).toBe(true);
    expect(rows.every((r) => typeof r[15] === 'number')).toBe(true);
    for (const phone of rows.map((r) => r[9]).filter(Boolean)) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await exportAudits()).toBe(audits + 1);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.exported'))
      .orderBy(auditLog.id);
    expect(audit!.changes).toMatchObject({ rows: total, reveal: false, filters: { buildingId: home.id } });
  });

  it('reveals only with the reveal permission and reveal=true, and audits that', async () => {
    const { workbook } = await download(secretary, `${url()}&reveal=true`);
    const rows = rowsOf(workbook!.worksheets[0]!);
    const clear = rows.map((r) => r[6]).filter(Boolean) as string[];
    expect(clear.some((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    expect(clear.every((id) => !id.includes('*'))).toBe(true);
    expect(rows.every((r) => typeof r[8] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r[8]))).toBe(true);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'resident.exported'));
    expect(audits.some((a) => (a.changes as any).reveal === true)).toBe(true);

    // The inspector may export but not reveal.
    expect((await download(inspector, `${url()}&reveal=true`)).status).toBe(403);
    const masked = rowsOf((await download(inspector, url())).workbook!.worksheets[0]!);
    expect(
      masked
        .map((r) => r[6])
        .filter(Boolean)
        .every((id) => (id as string).includes('*')),
    ).toBe(true);
    expect((await download(grid, url())).status).toBe(403);
  });

  it('neutralises cells that a spreadsheet would take for a formula', async () => {
    const notes = ['=HYPERLINK("http://evil.example","点我")', '+1+2', '-3', '@SUM(A1)'];
    const result = await validated(
      secretary,
      notes.map((note, i) =>
        person({
          房号: 'T906',
          姓名: `公式${'甲乙丙丁'[i]}`,
          身份证号: idCard(),
          与户主关系: i ? '子女' : '户主',
          备注: note,
        }),
      ),
    );
    await commit(secretary, result.id, 'valid-only');
    expect((await settled(secretary, result.id)).counts.committedResidents).toBe(4);
    const { workbook } = await download(secretary, `${url()}&q=${encodeURIComponent('公式')}`);
    const sheet = workbook!.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row, n) => n > 1 && cells.push(row.getCell(15)));
    expect(cells.map((c) => c.value).sort()).toEqual(notes.map((n) => `'${n}`).sort());
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);

    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('王=五')).toBe('王=五');
  });
});
