import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  repeatedDeflate,
  rowXml,
  SHEET_HEAD,
  SHEET_TAIL,
  sharedStringsBomb,
  sheetXml,
  SST_HEAD,
  SST_TAIL,
  workbookParts,
  zip,
} from '../../../../tests/support/crafted-xlsx.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { makeIdCard } from './id-card.ts';
import { importColumns } from './registry-import.schemas.ts';
import { importLimits } from './registry-import.common.ts';
import { XLSX_TYPE } from './xlsx.ts';

/**
 * Uploads that try to hurt the server (security review findings 2, 3, 4): zip bombs, files past each limit,
 * truncated and garbage files, malformed multipart bodies, and plaintext ID-card numbers left on disk.
 */

let t: TestApp;
let secretary: string;
let buildingCode: string;
const started = Date.now();
const defaults = { ...importLimits };
afterEach(() => Object.assign(importLimits, defaults));

const headers = importColumns.map((c) => c.header);
let sequence = 0;
/** A fresh, valid ID-card number of a region the demo county does not use. */
const idCard = () => {
  sequence += 1;
  return makeIdCard('110106', new Date('1979-04-05T00:00:00Z'), (sequence * 7 + 1) % 1000);
};

/** A template row: building, unit, room, kind, tenure, name, ID card, …, relation. */
const row = (id: string, extra: Record<string, string | number> = {}) => {
  const values: Record<string, string | number> = {
    楼栋编码: buildingCode,
    单元: 1,
    房号: `L${sequence}`,
    户类型: '常住户',
    姓名: '限制甲',
    身份证号: id,
    与户主关系: '户主',
    ...extra,
  };
  return headers.map((h) => values[h] ?? null);
};

async function upload(file: Buffer, name = 'residents.xlsx') {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(file)], name, { type: XLSX_TYPE }));
  const response = await t.app.request('/api/v1/registry/imports', {
    method: 'POST',
    headers: { cookie: secretary },
    body: form,
  });
  return { status: response.status, json: await response.json() };
}

async function settled(id: string, during?: () => Promise<void>) {
  for (let i = 0; i < 3_000; i++) {
    if (during) await during();
    const response = await t.request('GET', `/api/v1/registry/imports/${id}`, { cookie: secretary });
    if (!['validating', 'committing'].includes(response.json.data.status)) return response.json.data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('import did not settle');
}

/** Uploads a crafted file and returns the finished import. */
async function imported(file: Buffer) {
  const response = await upload(file);
  expect(response.status).toBe(202);
  return settled(response.json.data.id);
}

async function failsWith(file: Buffer, code: string) {
  const result = await imported(file);
  expect(result.status).toBe('failed');
  expect(result.failure.code).toBe(code);
  expect(result.failure.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(result.failure.en).toMatch(/[a-z]/);
  return result;
}

/** Files written since the tests began under a folder, read up to 64 MB, that contain the text. */
function filesHolding(root: string, text: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const file = path.join(dir, entry.name);
      try {
        if (entry.isDirectory()) {
          if (depth < 4) visit(file, depth + 1);
          continue;
        }
        if (!entry.isFile()) continue;
        const stat = fs.statSync(file);
        if (stat.mtimeMs < started - 1_000 || stat.size > 64 * 2 ** 20) continue;
        if (fs.readFileSync(file).includes(text)) found.push(file);
      } catch {
        // another process's file, gone or unreadable
      }
    }
  };
  visit(root, 0);
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  secretary = await t.login('secretary');
  const mine = (await t.request('GET', '/api/v1/buildings?pageSize=1', { cookie: secretary })).json.data;
  buildingCode = mine[0].code;
});
afterAll(() => t.close());

describe('a shared-strings bomb', () => {
  it('fails the import with a reason while memory stays bounded and /healthz answers', async () => {
    // ~5.5 MB packed, 1.5 GB unpacked: the file of finding 2. Its zip header claims 1 MB, so that the reader
    // must count what it unpacks (an honest header is refused at once: see the next test).
    const bomb = { ...sharedStringsBomb(1.5 * 2 ** 30), declared: 2 ** 20 };
    const file = zip(workbookParts(sheetXml([headers, row(idCard())]), bomb));
    expect(file.length).toBeLessThan(8 * 2 ** 20);
    const before = process.memoryUsage().rss;
    let peak = before;
    let health = 0;
    const response = await upload(file);
    expect(response.status).toBe(202);
    const result = await settled(response.json.data.id, async () => {
      peak = Math.max(peak, process.memoryUsage().rss);
      const healthz = await t.app.request('/healthz');
      expect(healthz.status).toBe(200);
      health += 1;
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result.status).toBe('failed');
    expect(result.failure.code).toBe('shared_strings_too_long');
    expect(result.failure.en).toContain('16000000 characters');
    expect(health).toBeGreaterThan(0);
    expect((peak - before) / 2 ** 20).toBeLessThan(300);
  }, 60_000);

  it('five at once all fail with their reason, and memory stays bounded (validations run two at a time)', async () => {
    const file = zip(
      workbookParts(sheetXml([headers, row(idCard())]), {
        ...sharedStringsBomb(1.5 * 2 ** 30),
        declared: 2 ** 20,
      }),
    );
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const uploads = await Promise.all(Array.from({ length: 5 }, () => upload(file)));
      const results = await Promise.all(uploads.map((u) => settled(u.json.data.id)));
      expect(results.map((r) => r.failure.code)).toEqual(Array(5).fill('shared_strings_too_long'));
    } finally {
      clearInterval(sample);
    }
    // Two validations at a time, each bounded as one is (above: under 300 MiB). Under 400 MiB here and on PGlite;
    // 405.6 MiB once in CI on PostgreSQL on a loaded machine (when the collector runs varies), hence 480.
    expect((peak - before) / 2 ** 20).toBeLessThan(480);
  }, 120_000);

  it('is refused at once when its zip header declares its size', async () => {
    const bomb = sharedStringsBomb(1.5 * 2 ** 30);
    await failsWith(zip(workbookParts(sheetXml([headers, row(idCard())]), bomb)), 'part_too_large');
  });

  it('refuses a part whose compression ratio is abnormal', async () => {
    const sheet = repeatedDeflate(SHEET_HEAD, '<x/>'.repeat(2 ** 18), 40, SHEET_TAIL);
    await failsWith(zip(workbookParts(sheet)), 'compression_ratio');
  });

  it('refuses a part or a workbook that unpacks past its size limit', async () => {
    importLimits.partBytes = 2 ** 20;
    const rows = Array.from({ length: 3_000 }, (_, i) => row(`${i}`.padStart(18, '9')));
    await failsWith(zip(workbookParts(sheetXml([headers, ...rows]))), 'part_too_large');
    Object.assign(importLimits, defaults, { totalBytes: 2 ** 20 });
    await failsWith(zip(workbookParts(sheetXml([headers, ...rows]))), 'unpacked_too_large');
  });
});

describe('limits on what a sheet holds', () => {
  it('too many shared strings', async () => {
    importLimits.sharedStrings = 100;
    const items = Array.from({ length: 101 }, (_, i) => `<si><t>文本${i}</t></si>`).join('');
    await failsWith(
      zip(workbookParts(sheetXml([headers, row(idCard())]), SST_HEAD + items + SST_TAIL)),
      'too_many_shared_strings',
    );
  });

  it('too many rows', async () => {
    importLimits.rows = 20;
    const rows = Array.from({ length: 30 }, () => row(idCard()));
    await failsWith(zip(workbookParts(sheetXml([headers, ...rows]))), 'too_many_rows');
  });

  it('too many columns', async () => {
    const wide: (string | number | null)[] = [...row(idCard())];
    while (wide.length < 256) wide.push(null);
    wide.push('第 257 列');
    await failsWith(zip(workbookParts(sheetXml([headers, wide]))), 'too_many_columns');
  });

  it('an over-long cell', async () => {
    const long = row(idCard(), { 备注: '长'.repeat(32_768) });
    await failsWith(zip(workbookParts(sheetXml([headers, long]))), 'cell_too_long');
  });

  it('a file that takes longer than the time limit', async () => {
    importLimits.timeMs = 0;
    await failsWith(zip(workbookParts(sheetXml([headers, row(idCard())]))), 'time_limit');
  });
});

describe('damaged and foreign files', () => {
  it('a sheet whose compressed data is cut short fails promptly', async () => {
    const rows = Array.from({ length: 2_000 }, () => row(idCard()));
    const xml = sheetXml([headers, ...rows]);
    const packed = deflateRawSync(Buffer.from(xml));
    const parts = workbookParts(xml).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? { name: p.name, deflated: packed.subarray(0, packed.length >> 1), size: Buffer.byteLength(xml) }
        : p,
    );
    await failsWith(zip(parts), 'corrupt');
  });

  it('a file cut short, garbage after the zip signature, and a sheet that is not XML', async () => {
    const whole = zip(workbookParts(sheetXml([headers, row(idCard())])));
    await failsWith(whole.subarray(0, whole.length - 40), 'corrupt');
    const garbage = Buffer.alloc(4_096, 7);
    garbage.writeUInt32LE(0x04034b50, 0);
    await failsWith(garbage, 'corrupt');
    await failsWith(zip(workbookParts('这不是 XML <<<')), 'corrupt');
  });
});

describe('a malformed multipart upload', () => {
  const post = (body: string | FormData, contentType?: string) =>
    t.app.request('/api/v1/registry/imports', {
      method: 'POST',
      headers: {
        cookie: secretary,
        'accept-language': 'en',
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body,
    });
  const part = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n` +
    `Content-Type: ${XLSX_TYPE}\r\n\r\nPK\u0003\u0004xxxx\r\n`;

  it('answers 400 in the catalogue’s shape, never 500', async () => {
    const badBoundary = await post(`${part('real')}--real--\r\n`, 'multipart/form-data; boundary=other');
    const truncated = await post(part('b1').slice(0, 60), 'multipart/form-data; boundary=b1');
    const noBoundary = await post(`${part('b2')}--b2--\r\n`, 'multipart/form-data');
    for (const response of [badBoundary, truncated, noBoundary]) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: 'MALFORMED_FORM', requestId: expect.any(String) });
      expect(body.error.message).toMatch(/multipart/);
    }
    const zh = await t.app.request('/api/v1/registry/imports', {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'multipart/form-data; boundary=zz' },
      body: 'garbage',
    });
    expect(zh.status).toBe(400);
    expect((await zh.json()).error.message).toMatch(/[\u4e00-\u9fff]/);

    const form = new FormData();
    form.append('file', 'not a file');
    const wrongField = await post(form);
    expect(wrongField.status).toBe(400);
    expect((await wrongField.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'form.file' }],
    });
    const other = new FormData();
    other.append('upload', new File([new Uint8Array(4)], 'a.xlsx'));
    expect((await post(other)).status).toBe(400);
  });
});

describe('plaintext personal data on disk', () => {
  it('leaves no file holding an uploaded ID-card number, whether the import succeeds, fails or stops early', async () => {
    const secret = idCard();
    const dataDir = t.config.dataDir;
    const scan = () => [...filesHolding(os.tmpdir(), secret), ...filesHolding(dataDir, secret)];

    // Success: validated and committed. The sheet comes before the shared strings in the zip.
    const ok = await imported(zip(workbookParts(sheetXml([headers, row(secret)]))));
    expect(ok.status).toBe('validated');
    const commit = await t.request('POST', `/api/v1/registry/imports/${ok.id}/commit`, {
      cookie: secretary,
      body: { mode: 'valid-only' },
    });
    expect(commit.status).toBe(202);
    expect((await settled(ok.id)).status).toBe('committed');
    expect(scan()).toEqual([]);

    // A bad row early in a long sheet: the report stops reading after the last bad row.
    const other = idCard();
    const rows = [row(other, { 手机号: '123' }), ...Array.from({ length: 3_000 }, () => row(idCard()))];
    rows.push(row(secret));
    const bad = await imported(zip(workbookParts(sheetXml([headers, ...rows]))));
    expect(bad.status).toBe('validated');
    const report = await t.app.request(`/api/v1/registry/imports/${bad.id}/report.xlsx`, {
      headers: { cookie: secretary },
    });
    expect(report.status).toBe(200);
    expect(Buffer.from(await report.arrayBuffer()).length).toBeGreaterThan(0);
    expect(scan()).toEqual([]);

    // Early stops: the row limit, and a failure in the middle of the sheet.
    importLimits.rows = 10;
    await failsWith(zip(workbookParts(sheetXml([headers, ...rows]))), 'too_many_rows');
    Object.assign(importLimits, defaults);
    const broken =
      SHEET_HEAD + [headers, ...rows].map((cells, i) => rowXml(i + 1, cells)).join('') + '<row><c t="x"';
    await failsWith(zip(workbookParts(broken)), 'corrupt');
    expect(scan()).toEqual([]);
  }, 60_000);
});
