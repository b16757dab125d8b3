import { registryErrors } from './registry.errors.ts';
import { deflateRawSync } from 'node:zlib';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { decryptBytes, encryptBytes } from '../../core/auth/personal-data.ts';
import type { Actor } from '../../core/auth/audit.ts';
import { type Scope } from '../../core/auth/scope.ts';
import { insertColumns } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { auditImportIdCardRefusal, idCardRefusalsAtLimit } from './registry.writes.ts';
import { newId } from '../../core/db/ids.ts';
import { enqueue } from '../../core/jobs/enqueue.ts';
import { errors } from '../../core/http/errors.ts';
import { importColumns, type ImportRowError, type ImportView } from './registry-import.schemas.ts';
import { registryImportChunks, registryImportErrors, registryImports } from './registry-import.tables.ts';
import { safeCell, streamingSheet, type CellValue } from './xlsx.ts';
import { declaredLastRow } from './xlsx-reader.ts';

import {
  type Deps,
  IMPORT_VALIDATE,
  type Lease,
  MAX_IMPORT_BYTES,
  type ValidatePayload,
  importLimits,
  pumpInto,
} from './registry-import.common.ts';
import {
  type ImportFailure,
  ImportFileProblem,
  checkedBatches,
  errorColumns,
  type RegisteredCards,
  sheetRecords,
  stage,
} from './registry-import.rows.ts';

/** The Excel import: upload, validation (a job), the view of an import and the report of its bad rows. The steps live in registry-import.{rows,template,commit}.ts, shared pieces in registry-import.common.ts. */

type ImportRow = typeof registryImports.$inferSelect;
type ImportSummary = Omit<ImportRow, 'fileEnc' | 'scope'> & { hasFile: boolean };

const summaryColumns = {
  id: registryImports.id,
  status: registryImports.status,
  fileName: registryImports.fileName,
  fileSize: registryImports.fileSize,
  createdBy: registryImports.createdBy,
  totalRows: registryImports.totalRows,
  processedRows: registryImports.processedRows,
  validRows: registryImports.validRows,
  errorRows: registryImports.errorRows,
  errorCount: registryImports.errorCount,
  newHouseholds: registryImports.newHouseholds,
  committedResidents: registryImports.committedResidents,
  committedHouseholds: registryImports.committedHouseholds,
  failure: registryImports.failure,
  createdAt: registryImports.createdAt,
  updatedAt: registryImports.updatedAt,
  validatedAt: registryImports.validatedAt,
  committedAt: registryImports.committedAt,
  hasFile: sql<boolean>`${registryImports.fileEnc} is not null`,
};

/** What leaves the server for an import. */
function presentImport(row: ImportSummary): ImportView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    fileSize: row.fileSize,
    progress: { processedRows: row.processedRows, totalRows: row.totalRows },
    counts: {
      rows: row.validRows + row.errorRows,
      validRows: row.validRows,
      errorRows: row.errorRows,
      errors: row.errorCount,
      newHouseholds: row.newHouseholds,
      committedResidents: row.committedResidents,
      committedHouseholds: row.committedHouseholds,
    },
    failure: row.failure,
    reportAvailable:
      row.hasFile && row.errorRows > 0 && (row.status === 'validated' || row.status === 'committed'),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    validatedAt: row.validatedAt?.toISOString() ?? null,
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** The caller's own import; anybody else's answers 404 like a missing one. */
export async function loadOwnImport(db: Executor, userId: string, id: string): Promise<ImportSummary> {
  const [row] = await db.select(summaryColumns).from(registryImports).where(eq(registryImports.id, id));
  if (!row || row.createdBy !== userId) throw errors.notFound();
  return row;
}

/**
 * Stores an upload (encrypted) as a new import in `validating` state and returns its id. Only the envelope is
 * checked here; the rows are checked by `validateImport`, in the `registry.import.validate` job queued in the same
 * transaction (so an import exists exactly when its validation is queued, and a restart resumes it).
 */
export async function createImport(
  { db, keys }: Deps,
  userId: string,
  scope: Scope,
  file: { name: string; bytes: Buffer },
  uploader: { actor: Actor; revealsCounty: boolean },
): Promise<string> {
  if (file.bytes.length > MAX_IMPORT_BYTES) throw errors.bodyTooLarge(MAX_IMPORT_BYTES);
  if (file.bytes.length < 4 || file.bytes.readUInt32LE(0) !== 0x04034b50 || !/\.xlsx$/i.test(file.name)) {
    throw errors.validation([
      {
        field: 'file',
        code: 'not_xlsx',
        message: {
          zh: '请上传 Excel 2007 及以上格式（.xlsx）的文件',
          en: 'Upload an Excel workbook (.xlsx)',
        },
      },
    ]);
  }
  const lastRow = await declaredLastRow(file.bytes);
  const id = newId();
  const fileEnc = encryptBytes(keys, file.bytes);
  await db.transaction(async (tx) => {
    await tx.insert(registryImports).values({
      id,
      status: 'validating',
      fileName: file.name.slice(0, 200),
      fileSize: file.bytes.length,
      fileEnc,
      createdBy: userId,
      scope,
      totalRows: lastRow !== null ? Math.max(0, lastRow - 1) : null,
    });
    const payload: ValidatePayload = { importId: id, ...uploader };
    await enqueue(tx, IMPORT_VALIDATE, payload, {
      key: `import:${id}:validate`,
    });
  });
  return id;
}

/**
 * Checks every row of a stored upload and records the problems, updating progress as it goes; writes nothing to the
 * registry. Self-contained (everything it needs is in the import row); run by the `registry.import.validate` job.
 *
 * Idempotent: every run starts over from the stored upload, replacing the problems and staged rows an interrupted
 * run left. A file problem (a limit, the time limit, a damaged file, no header) is a final outcome: the import ends
 * `failed` with its reason and this returns. Any other error is thrown with the import left `validating`, for the job
 * to retry; when its attempts run out the job's `onDead` fails the import (`failValidation`).
 */
export async function validateImport(
  { db, keys }: Deps,
  id: string,
  lease: Lease = {},
  uploader: Omit<ValidatePayload, 'importId'> = {},
): Promise<void> {
  const [job] = await db
    .select({
      status: registryImports.status,
      fileEnc: registryImports.fileEnc,
      scope: registryImports.scope,
      createdBy: registryImports.createdBy,
    })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (!job || job.status !== 'validating' || !job.fileEnc) return;
  const counts = { processedRows: 0, validRows: 0, errorRows: 0, errorCount: 0, newHouseholds: 0 };
  const forget = async () => {
    await db.delete(registryImportErrors).where(eq(registryImportErrors.importId, id));
    await db.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
  };
  try {
    const deadline = Date.now() + importLimits.timeMs;
    const file = decryptBytes(keys, job.fileEnc);
    const newKeys = new Set<string>();
    await forget();
    let seq = 0;
    const actor: Actor = uploader.actor ?? {
      userId: job.createdBy,
      name: null,
      role: null,
      requestId: `import:${id}`,
      ip: null,
      userAgent: null,
    };
    const territoryCode = job.scope.all ? null : job.scope.codes.length === 1 ? job.scope.codes[0]! : null;
    const cards: RegisteredCards = {
      revealsCounty: uploader.revealsCounty === true,
      refuse: (idCard) => auditImportIdCardRefusal(db, actor, idCard, id, territoryCode),
      atLimit: await idCardRefusalsAtLimit(db, job.createdBy),
    };
    for await (const batch of checkedBatches(db, keys, job.scope, file, deadline, cards)) {
      const bad = batch.filter((r) => r.found.length > 0);
      const good = batch.filter((r) => r.found.length === 0);
      for (const row of good) {
        if (!row.existingHouseholdId && !newKeys.has(row.householdKey!)) {
          newKeys.add(row.householdKey!);
          counts.newHouseholds += 1;
        }
      }
      counts.processedRows += batch.length;
      counts.validRows += good.length;
      counts.errorRows += bad.length;
      counts.errorCount += bad.reduce((n, r) => n + r.found.length, 0);
      if (bad.length) await insertColumns(db, registryImportErrors, errorColumns(id, bad));
      if (good.length) {
        await db.insert(registryImportChunks).values({
          importId: id,
          seq: seq++,
          rows: good.length,
          dataEnc: encryptBytes(keys, deflateRawSync(JSON.stringify(good.map(stage)), { level: 1 })),
        });
      }
      await db
        .update(registryImports)
        .set({ ...counts, updatedAt: new Date() })
        .where(eq(registryImports.id, id));
      // Another runner may have taken the job over: stop before writing more.
      await lease.heartbeat?.();
      lease.signal?.throwIfAborted();
    }
    await db
      .update(registryImports)
      .set({ ...counts, status: 'validated', validatedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validating')));
  } catch (error) {
    if (!(error instanceof ImportFileProblem) || lease.signal?.aborted) throw error;
    await failValidation(db, id, error.failure);
  }
}

/** The generic reason of a validation that failed for no reason of the file's (its job went dead). */
const validationStopped: ImportFailure = {
  code: 'interrupted',
  zh: '校验中断，请重新上传',
  en: 'Validation stopped; upload the file again',
};

/** Ends a validating import `failed` with `failure`, dropping its upload, problems and staged rows. */
export async function failValidation(
  exec: Executor,
  id: string,
  failure: ImportFailure = validationStopped,
): Promise<void> {
  const [failed] = await exec
    .update(registryImports)
    .set({ status: 'failed', failure, fileEnc: null, updatedAt: new Date() })
    .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validating')))
    .returning({ id: registryImports.id });
  if (!failed) return;
  await exec.delete(registryImportErrors).where(eq(registryImportErrors.importId, id));
  await exec.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
}

/**
 * Validations running at once in this process. Each may hold its upload and up to the shared-string limits in
 * memory (~130 MB at worst), so more uploads at once wait their turn instead of adding up.
 */
export const MAX_CONCURRENT_VALIDATIONS = 2;
let validationsRunning = 0;
const validationsWaiting: (() => void)[] = [];

export async function inTurn(work: () => Promise<void>): Promise<void> {
  if (validationsRunning < MAX_CONCURRENT_VALIDATIONS) validationsRunning += 1;
  else await new Promise<void>((resolve) => validationsWaiting.push(resolve));
  try {
    await work();
  } finally {
    // The slot passes straight to the next waiter, so no newcomer can slip in between.
    const next = validationsWaiting.shift();
    if (next) next();
    else validationsRunning -= 1;
  }
}

/** One import with a page of its row errors (ordered by row). */
export async function importDetail(
  db: Executor,
  userId: string,
  id: string,
  page: { page: number; pageSize: number },
) {
  const row = await loadOwnImport(db, userId, id);
  const list = await db
    .select()
    .from(registryImportErrors)
    .where(eq(registryImportErrors.importId, id))
    .orderBy(asc(registryImportErrors.rowNumber), asc(registryImportErrors.seq))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const rowErrors: ImportRowError[] = list.map((e) => ({
    row: e.rowNumber,
    column: e.column,
    code: e.code,
    message: { zh: e.messageZh, en: e.messageEn },
  }));
  return {
    ...presentImport(row),
    errors: rowErrors,
    errorPage: { page: page.page, pageSize: page.pageSize, total: row.errorCount },
  };
}

/** The caller's latest imports. */
export async function listImports(db: Executor, userId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(registryImports)
    .where(eq(registryImports.createdBy, userId))
    .orderBy(desc(registryImports.createdAt))
    .limit(20);
  return rows.map(presentImport);
}

/** Drops the stored upload. An import not yet committed can no longer be; a committed one keeps its counts. */
export async function discardImport(db: Executor, userId: string, id: string): Promise<void> {
  const row = await loadOwnImport(db, userId, id);
  if (row.status === 'committing' || row.status === 'validating') {
    throw registryErrors.importNotReady(row.status);
  }
  await db.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
  await db
    .update(registryImports)
    .set({
      status: row.status === 'committed' ? 'committed' : 'discarded',
      fileEnc: null,
      updatedAt: new Date(),
    })
    .where(eq(registryImports.id, id));
}

// ---------------------------------------------------------------------------------------------------------------
// The report of bad rows.

/** Row errors in row order, grouped by row, read in pages so that memory stays bounded. */
async function* errorsByRow(db: Executor, importId: string) {
  let after = { row: 0, seq: -1 };
  let current: { row: number; messages: string[] } | null = null;
  for (;;) {
    const page = await db
      .select({
        row: registryImportErrors.rowNumber,
        seq: registryImportErrors.seq,
        column: registryImportErrors.column,
        message: registryImportErrors.messageZh,
      })
      .from(registryImportErrors)
      .where(
        and(
          eq(registryImportErrors.importId, importId),
          sql`(${registryImportErrors.rowNumber}, ${registryImportErrors.seq}) > (${after.row}, ${after.seq})`,
        ),
      )
      .orderBy(asc(registryImportErrors.rowNumber), asc(registryImportErrors.seq))
      .limit(5_000);
    for (const e of page) {
      if (current && current.row !== e.row) {
        yield current;
        current = null;
      }
      current ??= { row: e.row, messages: [] };
      current.messages.push(e.column ? `${e.column}：${e.message}` : e.message);
    }
    if (page.length < 5_000) break;
    const last = page[page.length - 1]!;
    after = { row: last.row, seq: last.seq };
  }
  if (current) yield current;
}

/** The bad rows of an import as they were uploaded, each with its reasons, as a streamed .xlsx. */
export async function importReport({ db, keys }: Deps, userId: string, id: string) {
  const row = await loadOwnImport(db, userId, id);
  const [stored] = await db
    .select({ fileEnc: registryImports.fileEnc })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (!stored?.fileEnc || row.errorRows === 0) throw errors.notFound();
  const file = decryptBytes(keys, stored.fileEnc);
  const out = streamingSheet('问题行', [
    { header: '行号', width: 7 },
    { header: '问题', width: 60 },
    ...importColumns.map((c) => ({ header: c.header, width: c.width })),
  ]);
  const pump = async () => {
    const reasons = errorsByRow(db, id);
    let next = await reasons.next();
    let written = 0;
    for await (const record of sheetRecords(file, Date.now() + importLimits.timeMs)) {
      while (!next.done && next.value.row < record.number) next = await reasons.next();
      if (next.done) break;
      if (next.value.row !== record.number) continue;
      out.sheet
        .addRow([
          record.number,
          safeCell(next.value.messages.join('；')),
          ...importColumns.map((c) => safeCell(reportValue(record.values[c.key] ?? null))),
        ])
        .commit();
      if (++written % 1_000 === 0) await out.drain();
    }
    await reasons.return(undefined);
  };
  pumpInto(out, pump);
  return { body: out.body, fileName: `导入问题行-${row.fileName.replace(/\.xlsx$/i, '')}.xlsx` };
}

function reportValue(value: CellValue): string | number | Date | null {
  return typeof value === 'boolean' ? String(value) : value;
}
