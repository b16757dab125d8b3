// `tsx scripts/bench/export-job.ts --data-dir DIR [--runs N] [--out FILE] [--reveal] [--batch ROWS]`: runs the resident
// export job (runExport) directly on a seeded county (a data folder made by `npm run demo -- --data-dir DIR`, or
// DATABASE_URL), as the county admin (scope all), nothing else in the process; prints rows/s and the process's CPU
// seconds for each run as a JSON line. `--out` keeps the last run's clear .xlsx (to compare files part by part).
// Used for the measurements in docs/decisions/export-speed.md; the bench (`npm run bench -- lists`) runs the same job
// through the server among status polls and list pages.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { encrypt, loadDataKeys } from '../../src/server/core/auth/personal-data.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openConfiguredDatabase } from '../../src/server/core/db/client.ts';
import { users } from '../../src/server/core/auth/auth.tables.ts';
import { registryExports } from '../../src/server/modules/registry/registry-export.tables.ts';
import { exportTuning, runExport } from '../../src/server/modules/registry/registry-export.service.ts';
import {
  decryptedFileReader,
  removeExportFile,
} from '../../src/server/modules/registry/registry-export.file.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '1' },
    out: { type: 'string' },
    reveal: { type: 'boolean', default: false },
    batch: { type: 'string' },
  },
});
const config = loadConfig({
  ...process.env,
  ...(values['data-dir'] ? { WUWEI_DATA_DIR: values['data-dir'] } : {}),
});
if (values.batch) exportTuning.batch = Number(values.batch);
const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
const database = await openConfiguredDatabase(config);
const db = database.db;
const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
const scope = { all: true, codes: [], buildingIds: [], self: false };
const actor = { userId: admin!.id, name: 'admin', role: null, requestId: 'bench', ip: null, userAgent: null };

/** CPU seconds of each of this process's threads (Linux: /proc/self/task), polled while the job runs. */
function threadCpu(into: Map<string, number>) {
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const tid of tasks) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      into.set(`${tid} ${name}`, ticks / 100);
    } catch {
      // ended meanwhile
    }
  }
}

for (let run = 0; run < Number(values.runs); run++) {
  const [row] = await db
    .insert(registryExports)
    .values({
      id: crypto.randomUUID(),
      createdBy: admin!.id,
      filterEnc: encrypt(keys, '{}'),
      reveal: values.reveal,
    })
    .returning();
  const load = os.loadavg()[0]!;
  const cpu = process.cpuUsage();
  const threadsBefore = new Map<string, number>();
  threadCpu(threadsBefore);
  const threads = new Map<string, number>();
  const polling = setInterval(() => threadCpu(threads), 50);
  const started = performance.now();
  await runExport(
    { db, keys },
    { exportId: row!.id, scope, revealScope: values.reveal ? scope : null, actor },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(polling);
  threadCpu(threads);
  const perThread: Record<string, number> = {};
  for (const [thread, s] of threads) {
    const used = Math.round((s - (threadsBefore.get(thread) ?? 0)) * 100) / 100;
    if (used >= 0.05) perThread[thread] = used;
  }
  const used = process.cpuUsage(cpu);
  const [done] = await db.select().from(registryExports).where(eq(registryExports.id, row!.id));
  console.log(
    JSON.stringify({
      run,
      status: done!.status,
      rows: done!.totalRows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(done!.totalRows! / seconds),
      cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
      load1m: Math.round(load * 100) / 100,
      bytes: done!.fileSize,
      threads: perThread,
    }),
  );
  if (values.out && run === Number(values.runs) - 1) {
    const body = decryptedFileReader(keys, row!.id, () => undefined)!;
    const chunks: Uint8Array[] = [];
    const reader = body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    fs.writeFileSync(values.out, Buffer.concat(chunks));
  }
  removeExportFile(row!.id);
}
await database.close();
