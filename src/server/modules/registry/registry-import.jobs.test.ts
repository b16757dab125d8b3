import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../tests/support/second-handle.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { jobs } from '../../core/jobs/jobs.tables.ts';
import { startJobRunner, type JobHandler, type JobRunner } from '../../core/jobs/runner.ts';
import { registryImportJobs } from './registry-import.jobs.ts';
import { importColumns } from './registry-import.schemas.ts';
import { commitImport } from './registry-import.commit.ts';
import { IMPORT_COMMIT, IMPORT_VALIDATE, type CommitPayload } from './registry-import.common.ts';
import { registryImportChunks, registryImportErrors, registryImports } from './registry-import.tables.ts';
import { residents } from './registry.tables.ts';
import { XLSX_TYPE } from './xlsx.ts';

// Restart and resume of the import's jobs. The test app's own runner is stopped, so that each test decides when a
// runner claims, and can leave a job as a process that died would have left it.

type Building = { id: string; code: string; unitCount: number };

let t: TestApp;
let secretary: string;
let home: Building;
const silent = pino({ level: 'silent' });
const runners: JobRunner[] = [];
const runs = { [IMPORT_VALIDATE]: 0, [IMPORT_COMMIT]: 0 } as Record<string, number>;

/** A runner with the import's handlers, counting how often each runs. */
function startRunner(): JobRunner {
  const handlers = registryImportJobs({ db: t.db, keys: testKeys, logger: silent }).handlers;
  const counted: Record<string, JobHandler> = {};
  for (const [kind, handler] of Object.entries(handlers)) {
    counted[kind] = Object.assign(
      async (context: Parameters<JobHandler>[0]) => {
        runs[kind] = (runs[kind] ?? 0) + 1;
        await handler(context);
      },
      { onDead: handler.onDead },
    );
  }
  const runner = startJobRunner({ db: t.db, logger: silent, pollMs: 20, handlers: counted });
  runners.push(runner);
  return runner;
}

/** `rows` valid rows without ID cards, each its own new household, and one bad row. */
async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民信息');
  const headers = importColumns.map((c) => c.header);
  sheet.addRow(headers);
  const cells = (row: Record<string, unknown>) => headers.map((h) => row[h] ?? null);
  for (let i = 0; i < rows; i++) {
    sheet.addRow(
      cells({
        楼栋编码: home.code,
        单元: 1,
        房号: `J${i}`,
        姓名: '测试丁',
        性别: i % 2 ? '女' : '男',
        出生日期: '1985-03-04',
        与户主关系: '户主',
      }),
    );
  }
  sheet.addRow(cells({ 楼栋编码: home.code, 单元: 1, 房号: 'JX', 姓名: '', 与户主关系: '户主' }));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(file: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(file)], 'resume.xlsx', { type: XLSX_TYPE }));
  const response = await t.app.request('/api/v1/registry/imports', {
    method: 'POST',
    headers: { cookie: secretary },
    body: form,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

const importOf = async (id: string) =>
  (await t.db.select().from(registryImports).where(eq(registryImports.id, id)))[0]!;
const jobOf = async (key: string) => (await t.db.select().from(jobs).where(eq(jobs.idempotencyKey, key)))[0]!;
const importedResidents = async () =>
  (
    await t.db
      .select({ n: count() })
      .from(residents)
      .where(and(eq(residents.buildingId, home.id), eq(residents.name, '测试丁')))
  )[0]!.n;

/** Leaves a job as a runner that died while working on it would: running, its lease run out. */
async function abandon(key: string, attempts = 1) {
  await t.db
    .update(jobs)
    .set({
      status: 'running',
      attempts,
      lockedBy: 'a runner that died',
      lockedUntil: sql`now() - interval '1 second'`,
    })
    .where(eq(jobs.idempotencyKey, key));
}

async function until(id: string, status: string) {
  await waitFor(async () => (await importOf(id)).status === status, `import ${status}`, 60_000);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.jobs.stop();
  secretary = await t.login('secretary');
  const mine = (await t.request('GET', '/api/v1/buildings?pageSize=200', { cookie: secretary })).json
    .data as Building[];
  home = mine[0]!;
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});
afterAll(() => t.close());

describe('the import on the jobs queue', () => {
  it('queues the validation in the transaction that stores the upload, and a runner validates it', async () => {
    const id = await upload(await workbook(3));
    const job = await jobOf(`import:${id}:validate`);
    expect(job).toMatchObject({ kind: IMPORT_VALIDATE, status: 'queued', payload: { importId: id } });
    expect((await importOf(id)).status).toBe('validating');
    startRunner();
    await until(id, 'validated');
    expect(await importOf(id)).toMatchObject({ validRows: 3, errorRows: 1 });
    await waitFor(async () => (await jobOf(`import:${id}:validate`)).status === 'done', 'the job done');
  });

  it('resumes a validation whose runner died: it starts over, replaces what the first run left, and ends validated once', async () => {
    const id = await upload(await workbook(2_500));
    const key = `import:${id}:validate`;
    // What a run cut off after its first batch leaves: progress, a problem and a staged chunk.
    await t.db
      .update(registryImports)
      .set({ processedRows: 2_000, validRows: 2_000 })
      .where(eq(registryImports.id, id));
    await t.db.insert(registryImportErrors).values({
      importId: id,
      rowNumber: 99_999,
      seq: 0,
      column: null,
      code: 'left_over',
      messageZh: '残留',
      messageEn: 'left over',
    });
    await t.db
      .insert(registryImportChunks)
      .values({ importId: id, seq: 0, rows: 2_000, dataEnc: 'left over' });
    await abandon(key);
    const before = runs[IMPORT_VALIDATE]!;
    startRunner();
    await until(id, 'validated');
    expect(await importOf(id)).toMatchObject({
      processedRows: 2_501,
      validRows: 2_500,
      errorRows: 1,
      newHouseholds: 2_500,
    });
    const errorRows = await t.db
      .select()
      .from(registryImportErrors)
      .where(eq(registryImportErrors.importId, id));
    // Only the bad last row's problems (the sheet's row 2,502): nothing the first run left.
    expect(new Set(errorRows.map((e) => `${e.rowNumber} ${e.code}`))).toEqual(new Set(['2502 required']));
    const chunks = await t.db
      .select({ rows: registryImportChunks.rows })
      .from(registryImportChunks)
      .where(eq(registryImportChunks.importId, id));
    expect(chunks.map((c) => c.rows)).toEqual([2_000, 500]);
    await waitFor(async () => (await jobOf(key)).status === 'done', 'the job done');
    const job = await jobOf(key);
    expect(job.attempts).toBe(2);
    expect(job.lastError).toMatch(/lease of a runner that died expired/);
    expect(runs[IMPORT_VALIDATE]! - before).toBe(1);
  });

  it('resumes a commit cut off mid-transaction, and one whose runner died after committing: residents written once', async () => {
    startRunner();
    const id = await upload(await workbook(2_500));
    await until(id, 'validated');
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    const before = await importedResidents();
    const response = await t.request('POST', `/api/v1/registry/imports/${id}/commit`, {
      cookie: secretary,
      body: { mode: 'valid-only' },
    });
    expect(response.status).toBe(202);
    const key = `import:${id}:commit`;
    const job = await jobOf(key);
    expect(job).toMatchObject({ kind: IMPORT_COMMIT, status: 'queued' });
    const payload = job.payload as CommitPayload;
    expect(payload).toMatchObject({ importId: id, mode: 'valid-only' });

    // A run that loses its lease after the first of two chunks rolls back: nothing written.
    let beats = 0;
    const controller = new AbortController();
    const heartbeat = () => {
      if (++beats === 2) controller.abort(new Error('lease lost'));
      return Promise.resolve();
    };
    await expect(
      commitImport({ db: t.db, keys: testKeys }, payload.scope, payload.actor, id, payload.mode, {
        signal: controller.signal,
        heartbeat,
      }),
    ).rejects.toThrow(/lease lost/);
    expect(beats).toBe(2);
    expect(await importedResidents()).toBe(before);
    expect((await importOf(id)).status).toBe('committing');

    // Its process dies; another runner takes the job over and commits.
    await abandon(key);
    startRunner();
    await until(id, 'committed');
    await waitFor(async () => (await jobOf(key)).status === 'done', 'the commit job done');
    expect(await importedResidents()).toBe(before + 2_500);
    expect(await importOf(id)).toMatchObject({ committedResidents: 2_500, committedHouseholds: 2_500 });
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));

    // A runner that died after the commit went through but before marking its job done: the takeover writes nothing.
    await abandon(key, 2);
    const commits = runs[IMPORT_COMMIT]!;
    startRunner();
    await waitFor(async () => (await jobOf(key)).status === 'done', 'the commit job done again');
    expect(runs[IMPORT_COMMIT]! - commits).toBe(1);
    expect(await importedResidents()).toBe(before + 2_500);
    const audits = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.imported'), eq(auditLog.entityId, id)));
    expect(audits[0]!.n).toBe(1);
  });

  it('fails an import whose validation job goes dead, with a reason; puts back a commit whose job goes dead', async () => {
    // The worker died on the last attempt: the takeover finds none left.
    const crashed = await upload(await workbook(2));
    await abandon(`import:${crashed}:validate`, 5);
    // The last attempt throws (an upload that cannot be decrypted is no file problem: it is retried, then dead).
    const throwing = await upload(await workbook(2));
    await t.db
      .update(registryImports)
      .set({ fileEnc: 'not a ciphertext' })
      .where(eq(registryImports.id, throwing));
    await t.db
      .update(jobs)
      .set({ attempts: 4 })
      .where(eq(jobs.idempotencyKey, `import:${throwing}:validate`));
    startRunner();
    for (const id of [crashed, throwing]) {
      await until(id, 'failed');
      const row = await importOf(id);
      expect(row.failure).toMatchObject({
        code: 'interrupted',
        en: expect.stringMatching(/upload the file again/),
      });
      expect(row.fileEnc).toBeNull();
      expect((await jobOf(`import:${id}:validate`)).status).toBe('dead');
    }

    const committing = await upload(await workbook(2));
    await until(committing, 'validated');
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    const before = await importedResidents();
    await t.request('POST', `/api/v1/registry/imports/${committing}/commit`, {
      cookie: secretary,
      body: { mode: 'valid-only' },
    });
    await abandon(`import:${committing}:commit`, 5);
    startRunner();
    await until(committing, 'validated');
    expect((await importOf(committing)).failure).toMatchObject({
      en: expect.stringMatching(/wrote nothing/),
    });
    expect(await importedResidents()).toBe(before);
    expect((await jobOf(`import:${committing}:commit`)).status).toBe('dead');
    // It may be committed again: the dead job gives its key up to a new one.
    const again = await t.request('POST', `/api/v1/registry/imports/${committing}/commit`, {
      cookie: secretary,
      body: { mode: 'valid-only' },
    });
    expect(again.status).toBe(202);
    await until(committing, 'committed');
    expect(await importedResidents()).toBe(before + 2);
  });

  it('migration 0008 queues a validation for an import an older version left validating, and puts back a committing one', async () => {
    startRunner();
    const committing = await upload(await workbook(2));
    await until(committing, 'validated');
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    const validating = await upload(await workbook(3));
    // As an older version left them: no job, and the staleness guess was all that would have ended them.
    await t.db.delete(jobs).where(eq(jobs.idempotencyKey, `import:${validating}:validate`));
    await t.db
      .update(registryImports)
      .set({ status: 'committing' })
      .where(eq(registryImports.id, committing));
    const migration = fs.readFileSync(
      path.join(import.meta.dirname, '../../../../migrations/0008_import_jobs.sql'),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint')) {
      await t.db.execute(sql.raw(statement));
    }
    expect(await jobOf(`import:${validating}:validate`)).toMatchObject({
      kind: IMPORT_VALIDATE,
      status: 'queued',
    });
    expect((await importOf(committing)).status).toBe('validated');
    startRunner();
    await until(validating, 'validated');
    expect(await importOf(validating)).toMatchObject({ validRows: 3, errorRows: 1 });
  });
});
