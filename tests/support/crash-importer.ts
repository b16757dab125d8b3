// Starts the platform on a data folder (or DATABASE_URL) and drives the Excel import over HTTP, printing what it
// did, until the parent kills it with SIGKILL. `CRASH_STEP=validate`: uploads a file of `CRASH_ROWS` rows and prints
// `validating <id>` once its first batch is checked (the rest still to do). `CRASH_STEP=commit`: commits
// `CRASH_IMPORT` and prints `committing <id>` `CRASH_COMMIT_DELAY_MS` after the commit was accepted, inside the
// commit's one transaction.
import ExcelJS from 'exceljs';
import { loadConfig } from '../../src/server/config.ts';
import { startPlatform } from '../../src/server/main.ts';
import { importColumns } from '../../src/server/modules/registry/registry-import.schemas.ts';

const platform = await startPlatform(
  loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WUWEI_DEMO_SCALE: '0.05' }),
);
// The demo's history, loaded after the platform opens, is in before the writes this process is killed in.
await platform.deferred;
const login = await fetch(`${platform.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'wuwei-demo' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const api = (url: string, init: RequestInit = {}) =>
  fetch(`${platform.url}/api/v1${url}`, { ...init, headers: { cookie, ...init.headers } });

if (process.env.CRASH_STEP === 'validate') {
  const buildings = (await (await api('/buildings?pageSize=1')).json()) as { data: { code: string }[] };
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民信息');
  const headers = importColumns.map((c) => c.header);
  sheet.addRow(headers);
  const rows = Number(process.env.CRASH_ROWS);
  for (let i = 0; i < rows; i++) {
    const row: Record<string, unknown> = {
      楼栋编码: buildings.data[0]!.code,
      单元: 1,
      房号: `K${i}`,
      姓名: '崩溃测试',
      性别: i % 2 ? '女' : '男',
      出生日期: '1979-11-12',
      与户主关系: '户主',
    };
    sheet.addRow(headers.map((h) => row[h] ?? null));
  }
  const form = new FormData();
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  form.append('file', new File([new Uint8Array(bytes)], 'crash.xlsx'));
  const uploaded = await api('/registry/imports', { method: 'POST', body: form });
  const { data } = (await uploaded.json()) as { data: { id: string } };
  for (;;) {
    const { data: now } = (await (await api(`/registry/imports/${data.id}`)).json()) as {
      data: { status: string; progress: { processedRows: number } };
    };
    if (now.status !== 'validating' || now.progress.processedRows > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  console.log(`validating ${data.id}`);
} else {
  const id = process.env.CRASH_IMPORT!;
  const response = await api(`/registry/imports/${id}/commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'valid-only' }),
  });
  if (response.status !== 202) throw new Error(await response.text());
  // Killed as soon as the commit is accepted: its job is claimed at once, and the 100,000-row commit on the small test
  // county takes about a second, too short to aim a kill inside it from outside (1 s after acceptance was already
  // too late on this machine). Polling the jobs table would not tell either: on PGlite a read waits for the commit.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.CRASH_COMMIT_DELAY_MS ?? 0)));
  console.log(`committing ${id}`);
}
// Wait for the kill.
await new Promise(() => {});
