import fs from 'node:fs';
import { and, eq, isNotNull, isNull, like, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportThroughJob } from '../../../../tests/support/exports.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { encrypt } from '../../core/auth/personal-data.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { exportFilePath } from './registry-export.file.ts';
import { importLabels } from './registry-import.schemas.ts';
import { readSheetRows } from './xlsx-reader.ts';
import { neutralise } from './xlsx.ts';
import { expireExports, exportTuning, runExport, startExportWorker } from './registry-export.service.ts';
import { registryExports } from './registry-export.tables.ts';
import { ageInYears } from './registry.common.ts';
import { insertHousehold } from './registry.factories.ts';
import { households, residents, residentTags } from './registry.tables.ts';
import { territories } from '../territory/territory.tables.ts';

// The resident and household lists at every scope (exact totals, orders, deep pages, the head of household) and the
// export as a background job (progress, the encrypted file, one download by its owner only, expiry).

let t: TestApp;
let admin: string;
type Node = { id: string; code: string; level: string };
let street: Node;
let community: Node;
let grid: Node;

const get = (cookie: string, url: string) => t.request('GET', url, { cookie });
const active = sql`${residents.movedOutAt} is null`;
async function countResidents(where: ReturnType<typeof sql> | undefined) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(and(active, where));
  return row!.n;
}
const under = (code: string) => sql`${residents.territoryCode} like ${code + '%'}`;
type Row = {
  id: string;
  name: string;
  age: number;
  gridCode: string | null;
  gridName: string | null;
  address: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const nodes = await t.db
    .select({ id: territories.id, code: territories.code, level: territories.level })
    .from(territories)
    .orderBy(territories.code);
  street = nodes.find((n) => n.level === 'street')!;
  community = nodes.find((n) => n.level === 'community' && n.code.startsWith(street.code))!;
  grid = nodes.find((n) => n.level === 'grid' && n.code.startsWith(community.code))!;
});
afterAll(() => t.close());

describe('resident list totals', () => {
  it('are exact at county, street, community and grid scope, and for a tag, a name and an age range', async () => {
    const county = await get(admin, '/api/v1/residents?pageSize=1');
    expect(county.json.page.total).toBe(await countResidents(undefined));
    expect(county.json.page.totalCapped).toBeUndefined();
    for (const node of [street, community, grid]) {
      const place = await get(admin, `/api/v1/residents?pageSize=1&territoryId=${node.id}`);
      expect(place.json.page.total).toBe(await countResidents(under(node.code)));
    }
    // The scope itself: the community secretary and the grid worker, with no place chosen.
    const secretary = await t.login('secretary');
    const scoped = await get(secretary, '/api/v1/residents?pageSize=1');
    const communities = await t.db
      .select({ code: territories.code })
      .from(territories)
      .where(eq(territories.level, 'community'));
    const own = communities.find((c) => scoped.json.data[0].gridCode.startsWith(c.code))!;
    expect(scoped.json.page.total).toBe(await countResidents(under(own.code)));
    const gridWorker = await t.login('grid');
    const mine = await get(gridWorker, '/api/v1/residents?pageSize=200');
    const codes = new Set(mine.json.data.map((r: Row) => r.gridCode));
    const direct = await countResidents(
      sql`${residents.territoryCode} in (${sql.join(
        [...codes].map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    expect(mine.json.page.total).toBe(direct);

    const tagged = await get(admin, `/api/v1/residents?pageSize=1&tag=disabled&territoryId=${street.id}`);
    const [taggedDirect] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(residentTags)
      .innerJoin(residents, eq(residents.id, residentTags.residentId))
      .where(and(eq(residentTags.tag, 'disabled'), active, under(street.code)));
    expect(tagged.json.page.total).toBe(taggedDirect!.n);

    const aged = await get(admin, '/api/v1/residents?pageSize=1&ageFrom=60&ageTo=69');
    expect(aged.json.page.total).toBe(
      await countResidents(
        sql`${residents.birthDate} <= (current_date - interval '60 years') and ${residents.birthDate} > (current_date - interval '70 years')`,
      ),
    );
  });

  it('follow a write at once', async () => {
    const before = (await get(admin, `/api/v1/residents?pageSize=1&territoryId=${grid.id}`)).json.page.total;
    await insertHousehold(t.db, testKeys, { grid, members: [{}, { relation: 'child' }] });
    const after = (await get(admin, `/api/v1/residents?pageSize=1&territoryId=${grid.id}`)).json.page.total;
    expect(after).toBe(before + 2);
    expect(after).toBe(await countResidents(under(grid.code)));
  });
});

describe('resident list order and pages', () => {
  const all = async (url: string) => {
    const rows: Row[] = [];
    for (let page = 1; ; page++) {
      const r = await get(admin, `${url}&pageSize=200&page=${page}`);
      expect(r.status).toBe(200);
      rows.push(...r.json.data);
      if (r.json.data.length < 200) return { rows, total: r.json.page.total as number };
    }
  };

  it('sorts by age, grid, address and registered date, both ways, with no row twice or missing', async () => {
    const base = `/api/v1/residents?territoryId=${community.id}`;
    const expected = await countResidents(under(community.code));
    const byAge = await all(`${base}&sort=age`);
    expect(byAge.rows).toHaveLength(expected);
    expect(new Set(byAge.rows.map((r) => r.id)).size).toBe(expected);
    const ages = byAge.rows.map((r) => r.age);
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
    const older = (await all(`${base}&sort=age&order=desc`)).rows.map((r) => r.age);
    expect(older).toEqual([...older].sort((a, b) => b - a));

    const byGrid = (await all(`${base}&sort=grid`)).rows;
    const gridCodes = byGrid.map((r) => r.gridCode!);
    expect(gridCodes).toEqual([...gridCodes].sort());
    expect(byGrid.every((r) => r.gridName)).toBe(true);

    const byAddress = (await get(admin, `/api/v1/residents?territoryId=${grid.id}&sort=address&pageSize=200`))
      .json.data as Row[];
    const [first] = byAddress;
    expect(first!.address).toBeTruthy();
    const reversed = (
      await get(admin, `/api/v1/residents?territoryId=${grid.id}&sort=address&order=desc&pageSize=200`)
    ).json.data as Row[];
    expect(reversed.length).toBe(byAddress.length);

    const newest = (await get(admin, `/api/v1/residents?sort=registered&order=desc&pageSize=5`)).json.data;
    const [latest] = await t.db
      .select({ id: residents.id })
      .from(residents)
      .where(active)
      .orderBy(sql`${residents.createdAt} desc, ${residents.id} desc`)
      .limit(1);
    expect(newest[0].id).toBe(latest!.id);
  });

  it('reaches any page of the county list, far past page 50, as the database orders it', async () => {
    const total = (await get(admin, '/api/v1/residents?pageSize=1')).json.page.total as number;
    const pageSize = 20;
    for (const page of [51, Math.floor(total / pageSize / 2), Math.ceil(total / pageSize)]) {
      const r = await get(admin, `/api/v1/residents?pageSize=${pageSize}&page=${page}`);
      const direct = await t.db
        .select({ id: residents.id })
        .from(residents)
        .where(active)
        .orderBy(sql`(${residents.name} collate "C"), ${residents.id}`)
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      expect(r.json.data.map((x: Row) => x.id)).toEqual(direct.map((d) => d.id));
      expect(r.json.page.total).toBe(total);
    }
    const byAge = await get(admin, `/api/v1/residents?pageSize=${pageSize}&page=120&sort=age&order=desc`);
    const direct = await t.db
      .select({ id: residents.id })
      .from(residents)
      .where(active)
      .orderBy(sql`${ageInYears(residents.birthDate)} desc, ${residents.id}`)
      .limit(pageSize)
      .offset(119 * pageSize);
    expect(byAge.json.data.map((x: Row) => x.id)).toEqual(direct.map((d) => d.id));
  });

  it('reads any page of the age order as sorting the whole scope by whole years and id would, both ways', async () => {
    const pageSize = 7;
    const orderedIds = async (condition: SQL, descending: boolean) =>
      (
        await t.db
          .select({ id: residents.id })
          .from(residents)
          .where(condition)
          .orderBy(
            sql`${ageInYears(residents.birthDate)} ${sql.raw(descending ? 'desc' : 'asc')}, ${residents.id}`,
          )
      ).map((r) => r.id);
    for (const [query, condition] of [
      [`territoryId=${community.id}`, and(active, under(community.code))!],
      [`territoryId=${community.id}&includeMovedOut=true`, under(community.code)],
      ['ageFrom=30&ageTo=33', and(active, sql`${ageInYears(residents.birthDate)} between 30 and 33`)!],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = await orderedIds(condition, order === 'desc');
        const last = Math.ceil(expected.length / pageSize);
        // The first pages, pages in the middle (most start inside an age and cross into the next) and the last.
        for (const page of [1, 2, 3, Math.floor(last / 3), Math.floor(last / 2), last - 1, last, last + 1]) {
          if (page < 1) continue;
          const r = await get(
            admin,
            `/api/v1/residents?${query}&sort=age&order=${order}&pageSize=${pageSize}&page=${page}`,
          );
          expect(r.status).toBe(200);
          const ids = r.json.data.map((x: Row) => x.id);
          expect(ids, `${query} ${order} page ${page}`).toEqual(
            expected.slice((page - 1) * pageSize, page * pageSize),
          );
        }
      }
    }
  });

  it('refuses an unknown sort with a field error', async () => {
    const r = await get(admin, '/api/v1/residents?sort=idCard');
    expect(r.status).toBe(400);
    expect(r.json.error.details[0].field).toBe('query.sort');
  });
});

describe('household list', () => {
  it('names the head of household and counts exactly at each scope', async () => {
    const { household, members } = await insertHousehold(t.db, testKeys, {
      grid,
      building: { name: '户主测试家园1号楼', unitCount: 1 },
      room: '101',
      members: [
        { name: '配偶甲', relation: 'spouse', gender: 'female' },
        { name: '户主乙', relation: 'head' },
      ],
    });
    const head = members.find((m) => m.relation === 'head')!;
    const found = await get(admin, `/api/v1/households?q=${encodeURIComponent('户主测试家园1号楼')}`);
    expect(found.json.data).toHaveLength(1);
    expect(found.json.data[0]).toMatchObject({ id: household.id, headId: head.id, headName: '户主乙' });
    for (const node of [street, community, grid]) {
      const r = await get(admin, `/api/v1/households?pageSize=1&territoryId=${node.id}`);
      const [row] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(households)
        .where(and(isNull(households.movedOutAt), like(households.territoryCode, `${node.code}%`)));
      expect(r.json.page.total).toBe(row!.n);
    }
  });
});

describe('exporting residents in the background', () => {
  it('shows progress, writes an encrypted file, gives it to its owner once, and audits it', async () => {
    const secretary = await t.login('secretary');
    const total = (await get(secretary, '/api/v1/residents?pageSize=1')).json.page.total as number;
    const started = await t.request('POST', '/api/v1/residents/exports', { cookie: secretary });
    expect(started.status).toBe(202);
    expect(['queued', 'running', 'ready']).toContain(started.json.data.status);
    const id = started.json.data.id as string;
    let seen: { status: string; doneRows: number; totalRows: number | null } = started.json.data;
    const progress: number[] = [];
    for (let i = 0; i < 3000 && seen.status !== 'ready' && seen.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = (await get(secretary, `/api/v1/residents/exports/${id}`)).json.data;
      progress.push(seen.doneRows);
    }
    expect(seen).toMatchObject({ status: 'ready', totalRows: total, doneRows: total });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // At rest the file is ciphertext: neither the zip signature nor a resident's name in it.
    const onDisk = fs.readFileSync(exportFilePath(id));
    expect(onDisk.subarray(0, 4).toString()).toBe('WWX1');
    expect(onDisk.includes(Buffer.from('PK\x03\x04'))).toBe(false);

    // Another account, even one who may export the county, gets 404 for its status and its file.
    const other = await t.login('inspector');
    expect((await get(other, `/api/v1/residents/exports/${id}`)).status).toBe(404);
    expect((await get(other, `/api/v1/residents/exports/${id}/file`)).status).toBe(404);
    expect(
      (await get(other, '/api/v1/residents/exports')).json.data.map((e: { id: string }) => e.id),
    ).not.toContain(id);

    const file = await t.app.request(`/api/v1/residents/exports/${id}/file`, {
      headers: { cookie: secretary },
    });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(1).getCell(6).value).toBe('姓名');
    const ids: string[] = [];
    sheet.eachRow((row, n) => n > 1 && row.getCell(7).value && ids.push(row.getCell(7).text));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((v) => /^\*{14}[\dX]{4}$/.test(v))).toBe(true);

    // Downloaded once: the file is removed, a second download is refused.
    await expect.poll(() => fs.existsSync(exportFilePath(id))).toBe(false);
    const again = await get(secretary, `/api/v1/residents/exports/${id}/file`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('EXPORT_NOT_READY');
    expect((await get(secretary, `/api/v1/residents/exports/${id}`)).json.data.status).toBe('downloaded');

    expect((await exportAudits()).at(-1)!.changes).toMatchObject({ rows: total, reveal: false });
  });

  it('writes a real .xlsx that exceljs and the import reader read alike, each cell as the list shows it (a grid)', async () => {
    const { response } = await exportThroughJob(t, admin, `/api/v1/residents/export?territoryId=${grid.id}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // Cells as exceljs reads them (column A first, empty as null, no trailing empties).
    const trim = (cells: unknown[]) => {
      const out = Array.from(cells, (c) => (c === undefined ? null : c)); // holes too
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(book.worksheets.map((s) => s.name)).toEqual(['居民名单']);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = trim((row.values as unknown[]).slice(1));
    });
    const read: unknown[][] = [];
    for await (const row of readSheetRows(bytes)) read[row.number - 1] = trim(row.cells);
    expect(read).toEqual(rows);

    type Listed = {
      name: string;
      gender: keyof typeof importLabels.gender;
      age: number;
      idCard: string | null;
      phone: string | null;
      relation: keyof typeof importLabels.relation;
      politicalStatus: keyof typeof importLabels.politicalStatus;
      residency: keyof typeof importLabels.residency;
      note: string | null;
      tags: { tag: keyof typeof importLabels.tag; careLevel: number }[];
      address: string | null;
      gridName: string | null;
    };
    const listed: Listed[] = [];
    for (let page = 1; ; page++) {
      const r = await get(
        admin,
        `/api/v1/residents?territoryId=${grid.id}&sort=address&pageSize=200&page=${page}`,
      );
      listed.push(...(r.json.data as Listed[]));
      if (listed.length >= r.json.page.total) break;
    }
    expect(listed.length).toBeGreaterThan(20);
    const [header, ...body] = rows as [string[], ...unknown[][]];
    expect(body.length).toBe(listed.length);
    const at = (h: string) => {
      expect(header).toContain(h);
      return header.indexOf(h);
    };
    const shown = (value: string | null) => (value === null || value === '' ? null : neutralise(value));
    const columns: [string, (r: Listed) => unknown][] = [
      ['姓名', (r) => shown(r.name)],
      ['身份证号', (r) => r.idCard],
      ['性别', (r) => importLabels.gender[r.gender]],
      ['出生日期', () => null], // left out without the reveal
      ['手机号', (r) => r.phone],
      ['与户主关系', (r) => importLabels.relation[r.relation]],
      ['政治面貌', (r) => importLabels.politicalStatus[r.politicalStatus]],
      ['户籍类型', (r) => importLabels.residency[r.residency]],
      [
        '重点人群',
        (r) =>
          r.tags
            .map((g) => `${importLabels.tag[g.tag]}${g.careLevel === 1 ? '' : `(${g.careLevel})`}`)
            .join('、') || null,
      ],
      ['备注', (r) => shown(r.note)],
      ['年龄', (r) => r.age],
      ['住址', (r) => r.address],
      ['所属网格', (r) => r.gridName],
    ];
    const project = (cell: (index: number) => unknown) => columns.map(([h]) => cell(at(h)) ?? null);
    const exported = body.map((row) => project((i) => row[i]));
    const expected = listed.map((r) => columns.map(([, value]) => value(r) ?? null));
    // Same addresses in the same order (the list's address order; within a household the export also orders by
    // birth date), and the same rows cell by cell.
    expect(exported.map((r) => r[columns.findIndex(([h]) => h === '住址')])).toEqual(
      listed.map((r) => r.address),
    );
    const key = (r: unknown[]) => JSON.stringify(r);
    expect(exported.map(key).sort()).toEqual(expected.map(key).sort());
    expect(exported.some((r) => typeof r[1] === 'string' && /^\*+\d{3}[\dX]$/.test(r[1]))).toBe(true);
  });

  it('removes a ready file nobody downloaded once it expires', async () => {
    const secretary = await t.login('secretary');
    // Through the page's steps, downloaded: then one left unread.
    const read = await exportThroughJob(t, secretary, `/api/v1/residents/export?territoryId=${grid.id}`);
    expect(read.response.status).toBe(200);
    const started = await t.request('POST', `/api/v1/residents/exports?territoryId=${grid.id}`, {
      cookie: secretary,
    });
    const id = started.json.data.id as string;
    await expect
      .poll(async () => (await get(secretary, `/api/v1/residents/exports/${id}`)).json.data.status, {
        timeout: 30_000,
      })
      .toBe('ready');
    expect(fs.existsSync(exportFilePath(id))).toBe(true);
    await t.db
      .update(registryExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(registryExports.id, id));
    expect(await expireExports(t.db)).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(exportFilePath(id))).toBe(false);
    expect((await get(secretary, `/api/v1/residents/exports/${id}`)).json.data.status).toBe('expired');
    expect((await get(secretary, `/api/v1/residents/exports/${id}/file`)).status).toBe(409);
  });

  it('keeps a place outside the scope out, and reveal for those without the permission', async () => {
    const secretary = await t.login('secretary');
    const [outside] = await t.db
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.level, 'grid'), sql`${territories.code} not like ${community.code + '%'}`))
      .limit(1);
    const r = await t.request('POST', `/api/v1/residents/exports?territoryId=${outside!.id}`, {
      cookie: secretary,
    });
    expect(r.status).toBe(404);
    const inspector = await t.login('inspector');
    expect(
      (await t.request('POST', '/api/v1/residents/exports?reveal=true', { cookie: inspector })).status,
    ).toBe(403);
    const gridWorker = await t.login('grid');
    expect((await t.request('POST', '/api/v1/residents/exports', { cookie: gridWorker })).status).toBe(403);
  });
});

describe("the export's worker thread", () => {
  it('shares a large export with a second thread and writes the same rows, in order, as one thread does', async () => {
    const secretary = await t.login('secretary');
    const cellsOf = async () => {
      const { response } = await exportThroughJob(
        t,
        secretary,
        '/api/v1/residents/export?includeMovedOut=true',
      );
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await response.arrayBuffer());
      const rows: unknown[][] = [];
      book.worksheets[0]!.eachRow(
        { includeEmpty: true },
        (row, n) => (rows[n - 1] = row.values as unknown[]),
      );
      return rows;
    };
    const oneThread = await cellsOf();
    expect(oneThread.length).toBeGreaterThan(100);
    const batch = exportTuning.batch;
    exportTuning.batch = 37; // many batches: the formatter takes every other one
    try {
      const twoThreads = await cellsOf();
      expect(twoThreads.length).toBe(oneThread.length);
      expect(twoThreads).toEqual(oneThread);
    } finally {
      exportTuning.batch = batch;
    }
  });

  it('failing on a row (a stored value that does not decrypt) fails the job with its reason and leaves no file', async () => {
    const [victim] = await t.db
      .select({ id: residents.id, idCardEnc: residents.idCardEnc })
      .from(residents)
      .where(and(active, under(grid.code), isNotNull(residents.idCardEnc)))
      .limit(1);
    const [owner] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    const [row] = await t.db
      .insert(registryExports)
      .values({
        id: crypto.randomUUID(),
        createdBy: owner!.id,
        filterEnc: encrypt(testKeys, '{}'),
        reveal: false,
      })
      .returning();
    const scope = { all: false, codes: [grid.code], buildingIds: [], self: false };
    const actor = {
      userId: owner!.id,
      name: 'admin',
      role: null,
      requestId: 'test',
      ip: null,
      userAgent: null,
    };
    await t.db.update(residents).set({ idCardEnc: 'v1.AAAA.BBBB.CCCC' }).where(eq(residents.id, victim!.id));
    try {
      await expect(
        runExport({ db: t.db, keys: testKeys }, { exportId: row!.id, scope, revealScope: null, actor }),
      ).rejects.toThrow(/the export's worker failed/);
    } finally {
      await t.db.update(residents).set({ idCardEnc: victim!.idCardEnc }).where(eq(residents.id, victim!.id));
    }
    expect(fs.existsSync(exportFilePath(row!.id))).toBe(false);
    expect(await exportAudits()).not.toContainEqual(expect.objectContaining({ requestId: 'test' }));
  });

  it('stopping unexpectedly fails what waits for it instead of hanging', async () => {
    const stopping = new URL('../../../../tests/fixtures/exiting-worker.mjs', import.meta.url);
    const writer = startExportWorker(
      {
        exportId: crypto.randomUUID(),
        encryptionKey: testKeys.encryption,
        columns: [],
        labels: {},
        revealScope: null,
        today: new Date().toISOString(),
        households: '[]',
        buildings: '[]',
        tags: '[]',
      },
      stopping,
    );
    await expect(writer.write(0, [], '[]')).rejects.toThrow(/stopped \(exit code 3\)/);
    await expect(writer.finish()).rejects.toThrow(/stopped/);
    await writer.stop();
  });
});

async function exportAudits() {
  return t.db.select().from(auditLog).where(eq(auditLog.action, 'resident.exported')).orderBy(auditLog.id);
}
