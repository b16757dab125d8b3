import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { Worker } from 'node:worker_threads';
import { decrypt, encrypt, maskIdCard, maskMobile, mobilePattern } from '../../core/auth/personal-data.ts';
import { type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { preparedPgliteOf } from '../../core/db/pglite-prepared.ts';
import { errors } from '../../core/http/errors.ts';
import { enqueue } from '../../core/jobs/enqueue.ts';
import { importColumns, importLabels, type ResidentExportFilter } from './registry-import.schemas.ts';
import { type Deps, anyOf, type Lease } from './registry-import.common.ts';
import { registryExports } from './registry-export.tables.ts';
import { decryptedFileReader, removeExportFile } from './registry-export.file.ts';
import type { FormattedRows } from './registry-export.sheet.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './registry-export.worker.ts';
import { registryErrors } from './registry.errors.ts';
import { ageInYears } from './registry.common.ts';
import { relationRank, residentListCondition } from './registry.residents.ts';
import { buildings, households, residents, residentTags, units } from './registry.tables.ts';
import { territories } from '../territory/territory.public.ts';

/**
 * Export of the filtered resident list as .xlsx, made in the background: a request records the export and queues
 * its job (registry.export, registry-export.jobs.ts) in one transaction; the job writes the workbook as a stream
 * into an encrypted temporary file (registry-export.file.ts), reporting its progress; the account that asked
 * downloads it once, and the file is removed then, or when it expires unread.
 */

export const EXPORT_JOB = 'registry.export';
export const EXPORT_EXPIRE_JOB = 'registry.export.expire';
/** A ready file is kept this long for its download. */
export const EXPORT_KEEP_MS = 60 * 60_000;
/**
 * Rows fetched together (and the progress reported after each batch). Tests lower it in place to send a small
 * export through many batches and both worker threads.
 */
export const exportTuning = { batch: 5_000 };
/** Batches with the worker threads while the next are read (the formatter's, the sheet's, one waiting). */
const MAX_AHEAD = 3;
/** Batches read at once ahead of the one handed on (PostgreSQL: each on its own connection). */
const READS_AHEAD = 2;
/** The sheet's header: its rows before the residents'. */
const HEADER_ROWS = 1;

/** What the job needs besides the export's row: the caller's scopes and the audit actor at the request. */
export type ExportPayload = { exportId: string; scope: Scope; revealScope: Scope | null; actor: Actor };

const exportExtraColumns = [
  { header: '年龄', width: 6 },
  { header: '住址', width: 30 },
  { header: '所属网格', width: 18 },
  { header: '迁出时间', width: 12 },
];

type ExportRow = typeof registryExports.$inferSelect;

export function presentExport(row: ExportRow) {
  return {
    id: row.id,
    status: row.status,
    reveal: row.reveal,
    totalRows: row.totalRows,
    doneRows: row.doneRows,
    fileSize: row.fileSize,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Records an export of the filtered list for the caller and queues its job, in one transaction. */
export async function requestExport(
  { db, keys }: Deps,
  userId: string,
  payload: Omit<ExportPayload, 'exportId'>,
  filter: ResidentExportFilter,
) {
  const id = newId();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(registryExports)
      .values({
        id,
        createdBy: userId,
        filterEnc: encrypt(keys, JSON.stringify(filter)),
        reveal: payload.revealScope !== null,
      })
      .returning();
    await enqueue(tx, EXPORT_JOB, { exportId: id, ...payload } satisfies ExportPayload, {
      key: `export:${id}`,
      maxAttempts: 3,
    });
    return presentExport(row!);
  });
}

/** One of the caller's exports; another account's is 404. */
async function ownExport(db: Executor, userId: string, id: string): Promise<ExportRow> {
  const [row] = await db
    .select()
    .from(registryExports)
    .where(and(eq(registryExports.id, id), eq(registryExports.createdBy, userId)));
  if (!row) throw errors.notFound();
  return row;
}

export async function exportStatus(db: Executor, userId: string, id: string) {
  return presentExport(await ownExport(db, userId, id));
}

/** The caller's latest exports, newest first. */
export async function listExports(db: Executor, userId: string) {
  const rows = await db
    .select()
    .from(registryExports)
    .where(eq(registryExports.createdBy, userId))
    .orderBy(desc(registryExports.createdAt))
    .limit(10);
  return rows.map(presentExport);
}

/**
 * The ready file of one of the caller's exports as a stream of its clear bytes. Once read to the end (tag checked),
 * the export is marked downloaded and its file removed; a download cut short leaves it for another try until expiry.
 */
export async function openExportDownload({ db, keys }: Deps, userId: string, id: string) {
  const row = await ownExport(db, userId, id);
  if (row.status !== 'ready') throw registryErrors.exportNotReady(row.status);
  const body = decryptedFileReader(keys, id, () => {
    void db
      .update(registryExports)
      .set({ status: 'downloaded', downloadedAt: sql`now()` })
      .where(and(eq(registryExports.id, id), eq(registryExports.status, 'ready')))
      .then(() => removeExportFile(id))
      .catch(() => undefined);
  });
  if (!body) throw registryErrors.exportNotReady('expired');
  const day = (row.finishedAt ?? row.createdAt).getTime() + 8 * 3_600_000;
  return { body, fileName: `居民名单-${new Date(day).toISOString().slice(0, 10)}.xlsx` };
}

/** Ready files past their time and files of failed exports: removed, the exports marked expired. */
export async function expireExports(db: Executor): Promise<number> {
  const stale = await db
    .update(registryExports)
    .set({ status: 'expired' })
    .where(and(eq(registryExports.status, 'ready'), lt(registryExports.expiresAt, sql`now()`)))
    .returning({ id: registryExports.id });
  for (const { id } of stale) removeExportFile(id);
  return stale.length;
}

/** The job's final failure: the export failed, its partial file removed. */
export async function failExport(tx: Executor, exportId: string) {
  await tx
    .update(registryExports)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      failure: { zh: '导出未能完成，请重新导出', en: 'The export could not be finished; export again' },
    })
    .where(and(eq(registryExports.id, exportId), inArray(registryExports.status, ['queued', 'running'])));
  removeExportFile(exportId);
}

/**
 * The job: the filtered list, ordered by address, written as a streamed .xlsx (in the import template's columns, so
 * a ledger can be edited and read again) into the export's encrypted file. ID card and phone are masked and the birth
 * date left out (the age column stays) unless reveal was asked, and then only for rows inside the reveal scope: a
 * birth date with the region code and the ID card's last four rebuilds the number. Every attempt starts over; the
 * move to ready and the audit row (who exported what: filters, row count, whether in clear) are one transaction,
 * taken only while the export is running, so a rerun records nothing twice.
 *
 * Two threads share the work (docs/decisions/export-speed.md): this one reads the batches from the database, as
 * json text it does not parse; the export's worker thread (registry-export.worker.ts) decrypts, masks and writes
 * them into the file, a batch behind. The worker failing or stopping fails the job with its reason.
 */
export async function runExport({ db, keys }: Deps, payload: ExportPayload, lease: Lease = {}) {
  const { exportId, scope, revealScope, actor } = payload;
  const [row] = await db
    .update(registryExports)
    .set({ status: 'running', doneRows: 0 })
    .where(and(eq(registryExports.id, exportId), inArray(registryExports.status, ['queued', 'running'])))
    .returning();
  if (!row) return; // done, failed or gone already
  const filter = JSON.parse(decrypt(keys, row.filterEnc)) as ResidentExportFilter;
  const where = await residentListCondition({ db, keys }, scope, filter);
  const base: WorkerSetup = {
    exportId,
    encryptionKey: keys.encryption,
    columns: [...importColumns.map((c) => ({ header: c.header, width: c.width })), ...exportExtraColumns],
    labels: importLabels,
    revealScope,
    today: new Date().toISOString(),
    households: '[]',
    buildings: '[]',
    tags: '[]',
  };
  // The sheet's thread starts (loading its code takes a while) while the ids are sorted; the lookups follow it.
  const sheet = startExportWorker(base);
  let formatter: ExportWorker | null = null;
  let ordered: string[];
  let fileSize: number;
  try {
    // Ids first, in address order: one sort, then details fetched by id in batches (bounded memory per batch). The
    // ids come as one text value: a row per id would cost more to decode than the sort itself.
    // The sort gets memory enough to stay off disk (for this statement only: `set local` ends with the transaction).
    // The households and buildings are read meanwhile (on PostgreSQL another connection; PGlite takes them in turn).
    const [[idList], lookups] = await Promise.all([
      db.transaction(async (tx) => {
        await tx.execute(sql`set local work_mem = '64MB'`);
        return tx
          .select({
            ids: sql<
              string | null
            >`string_agg(${residents.id}::text, ',' order by ${buildings.code} nulls last,
          ${units.number}, ${households.room}, ${relationRank}, ${ageInYears(residents.birthDate)} desc, ${residents.id})`,
          })
          .from(residents)
          .leftJoin(households, eq(households.id, residents.householdId))
          .leftJoin(units, eq(units.id, households.unitId))
          .leftJoin(buildings, eq(buildings.id, residents.buildingId))
          .where(where);
      }),
      fetchLookups(db, where),
    ]);
    ordered = idList?.ids ? idList.ids.split(',') : [];
    await db
      .update(registryExports)
      .set({ totalRows: ordered.length })
      .where(eq(registryExports.id, exportId));

    const batches: string[][] = [];
    const BATCH = exportTuning.batch;
    for (let at = 0; at < ordered.length; at += BATCH) {
      batches.push(ordered.slice(at, at + BATCH));
    }
    sheet.lookups(lookups);
    // A large export shares the formatting (decrypting, masking, the rows' XML: most of its work) with a second
    // thread, which formats every other batch numbered as if no row were left out; the sheet renumbers when some
    // were.
    formatter = batches.length > 2 ? startExportWorker({ ...base, ...lookups, role: 'format' }) : null;
    const firstRowOf = (b: number) => HEADER_ROWS + 1 + b * BATCH;
    // Each batch goes on as soon as it is read, and READS_AHEAD batches are read meanwhile (on PostgreSQL each on
    // its own connection): no thread waits for another unless it is ahead. The sheet takes the batches in order: a
    // batch goes to it once the one before has gone. At most MAX_AHEAD batches are with the threads while the next
    // are read; the job then waits for the oldest.
    // A batch read or written ahead fails before its await: `ahead` keeps that from counting as an unhandled
    // rejection (which would end the process); the await still throws it.
    const ahead = <T>(promise: Promise<T>) => (promise.catch(() => undefined), promise);
    // The reads under way, oldest first (the batch b's is the first when its turn comes).
    const reading: Promise<string | Uint8Array>[] = [];
    let requested = 0;
    const readUpTo = (b: number) => {
      while (requested < Math.min(b, batches.length)) {
        reading.push(ahead(fetchRows(db, batches[requested++]!)));
      }
    };
    readUpTo(READS_AHEAD);
    let order: Promise<void> = Promise.resolve();
    const writing: Promise<number>[] = [];
    for (let b = 0; b < batches.length; b++) {
      const rows = await reading.shift()!;
      readUpTo(b + 1 + READS_AHEAD);
      const ids = batches[b]!;
      const formatted =
        formatter && b % 2 === 1 ? ahead(formatter.format(b, ids, rows, firstRowOf(b))) : null;
      const posted = ahead(
        order.then(async () => {
          const done = formatted
            ? sheet.append(b, await formatted, firstRowOf(b))
            : sheet.write(b, ids, rows);
          return { done: ahead(done) };
        }),
      );
      order = ahead(posted.then(() => undefined));
      writing.push(ahead(posted.then(({ done }) => done)));
      if (writing.length > MAX_AHEAD) {
        await writing.shift();
        await reportProgress(db, exportId, (b + 1 - MAX_AHEAD) * BATCH);
      }
      lease.signal?.throwIfAborted();
      await lease.heartbeat?.();
    }
    for (const written of writing) await written;
    fileSize = await sheet.finish();
  } catch (error) {
    await sheet.stop();
    removeExportFile(exportId);
    throw error;
  } finally {
    await formatter?.stop();
  }

  const q = filter.q?.trim();
  const finished = await db.transaction(async (tx) => {
    const [ready] = await tx
      .update(registryExports)
      .set({
        status: 'ready',
        doneRows: ordered.length,
        fileSize,
        finishedAt: sql`now()`,
        expiresAt: sql`now() + ${`${EXPORT_KEEP_MS} milliseconds`}::interval`,
      })
      .where(and(eq(registryExports.id, exportId), eq(registryExports.status, 'running')))
      .returning({ id: registryExports.id });
    if (!ready) return false;
    await appendAudit(tx, actor, {
      action: 'resident.exported',
      entityType: 'resident',
      territoryCode: scope.all ? null : scope.codes.length === 1 ? scope.codes[0] : null,
      changes: {
        filters: {
          ...filter,
          reveal: undefined,
          q: q && /^\d{17}[\dXx]$/.test(q) ? maskIdCard(q) : q && mobilePattern.test(q) ? maskMobile(q) : q,
        },
        rows: ordered.length,
        reveal: revealScope !== null,
      },
    });
    return true;
  });
  if (!finished) removeExportFile(exportId);
}

async function reportProgress(db: Executor, exportId: string, doneRows: number) {
  await db.update(registryExports).set({ doneRows }).where(eq(registryExports.id, exportId));
}

/** The export's worker thread as promises: each batch's write or format, the end; its failure rejects what waits. */
type ExportWorker = {
  /** The export's households and buildings (WorkerSetup's), once read; before the first batch. */
  lookups(lookups: { households: string; buildings: string; tags: string }): void;
  /** Formats and writes a batch (the sheet's thread). */
  write(batch: number, ids: string[], rows: string | Uint8Array): Promise<number>;
  /** Writes a batch the formatter made (the sheet's thread). */
  append(batch: number, formatted: FormattedRows, firstRow: number): Promise<number>;
  /** Formats a batch (the formatter's thread). */
  format(batch: number, ids: string[], rows: string | Uint8Array, firstRow: number): Promise<FormattedRows>;
  finish(): Promise<number>;
  /** Ends the thread (its partial file is the caller's to remove). */
  stop(): Promise<void>;
};

/** The buffer of a batch's bytes, to move to a worker thread; none for text. */
const movable = (rows: string | Uint8Array): ArrayBuffer[] =>
  typeof rows === 'string' ? [] : [rows.buffer as ArrayBuffer];

/** The worker's entry: registry-export.worker.ts through tsx (registry-export.worker-boot.mjs). */
const workerFile = new URL('./registry-export.worker-boot.mjs', import.meta.url);

/** Starts one of the export's worker threads (registry-export.worker.ts): the sheet's, or with role format a formatter. */
export function startExportWorker(setup: WorkerSetup, file: URL = workerFile): ExportWorker {
  // A larger young generation: the rows' short-lived strings are collected in fewer scavenges.
  const worker = new Worker(file, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const waiting = new Map<string, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  const call = <T>(key: string, message: ToWorker, transfer?: ArrayBuffer[]) => {
    const answer = new Promise<T>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting.set(key, { resolve: resolve, reject });
    });
    if (!failure) worker.postMessage(message, transfer);
    return answer;
  };
  const settle = (key: string, value: unknown) => {
    waiting.get(key)?.resolve(value as never);
    waiting.delete(key);
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'written') settle(`batch ${message.batch}`, message.written);
    else if (message.type === 'formatted') settle(`batch ${message.batch}`, message.formatted);
    else if (message.type === 'done') settle('done', message.fileSize);
    else fail(new Error(`the export's worker failed: ${message.message}`));
  });
  worker.on('error', (error) =>
    fail(new Error(`the export's worker failed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => fail(new Error(`the export's worker stopped (exit code ${code})`)));
  return {
    lookups: ({ households, buildings, tags }) => {
      if (!failure) worker.postMessage({ type: 'lookups', households, buildings, tags } satisfies ToWorker);
    },
    // A batch's bytes move to the thread (no copy): each batch goes to one thread, once.
    write: (batch, ids, rows) => call(`batch ${batch}`, { type: 'batch', batch, ids, rows }, movable(rows)),
    append: (batch, formatted, firstRow) =>
      call(
        `batch ${batch}`,
        { type: 'rows', batch, formatted, firstRow },
        // The formatter's bytes move on to the sheet's thread (no copy).
        [formatted.xml.buffer as ArrayBuffer],
      ),
    format: (batch, ids, rows, firstRow) =>
      call(`batch ${batch}`, { type: 'batch', batch, ids, rows, firstRow }, movable(rows)),
    async finish() {
      const fileSize = await call<number>('done', { type: 'finish' });
      await worker.terminate();
      return fileSize;
    },
    async stop() {
      fail(new Error('export stopped'));
      await worker.terminate();
    },
  };
}

/**
 * One batch's rows as ONE json text of arrays (the columns of FetchedRow in registry-export.sheet.ts), handed to
 * the worker unparsed: decoding a value per cell from the database (PGlite especially) cost more than the rest of the
 * export together. Only the residents' own columns (and their tags): households and buildings come once, by id
 * (fetchLookups), since joining them row by row cost twice what the residents' columns do.
 */
async function fetchRows(db: Executor, ids: string[]): Promise<string | Uint8Array> {
  const query = db
    .select({
      rows: sql<string | null>`json_agg(json_build_array(
        ${residents.id}, ${residents.name}, ${residents.idCardEnc}, ${residents.gender}, ${residents.birthDate},
        ${residents.phoneEnc}, ${residents.relation}, ${residents.politicalStatus}, ${residents.residency},
        ${residents.note}, ${residents.territoryCode}, ${residents.buildingId}, ${residents.householdId},
        to_char(${residents.movedOutAt} at time zone 'UTC', 'YYYY-MM-DD')
      ))::text`,
    })
    .from(residents)
    .where(anyOf(residents.id, ids, 'uuid'));
  // On PGlite the json's bytes go to the worker undecoded (the worker decodes them; the buffer is moved, not copied).
  const pglite = preparedPgliteOf(db);
  if (pglite) {
    const { sql: text, params } = query.toSQL();
    return (await pglite.valueBytes(text, params)) ?? '[]';
  }
  const [row] = await query;
  return row?.rows ?? '[]';
}

/**
 * The households (with their unit's number) and buildings (with their grid's name) of the listed residents, each as
 * one json text (HouseholdRow, BuildingRow), read once after the ids: every household of a listed resident is in it
 * (one moved into a household registered since gets its household's columns empty).
 */
async function fetchLookups(db: Executor, where: SQL | undefined) {
  const listed = db
    .select({ id: residents.id, householdId: residents.householdId, buildingId: residents.buildingId })
    .from(residents)
    .where(where);
  const [row] = await db
    .with(db.$with('listed').as(listed))
    .select({
      households: sql<
        string | null
      >`(select json_agg(json_build_array(h.id, h.room, h.kind, h.tenure, u.number))::text
        from ${households} h left join ${units} u on u.id = h.unit_id
        where h.id in (select household_id from listed))`,
      buildings: sql<string | null>`(select json_agg(json_build_array(b.id, b.code, b.name, g.name))::text
        from ${buildings} b left join ${territories} g on g.id = b.grid_id
        where b.id in (select building_id from listed))`,
      tags: sql<string | null>`(select json_agg(json_build_array(x.resident_id, x.tags))::text
        from (select t.resident_id, string_agg(t.tag || ':' || t.care_level, ',' order by t.tag) tags
          from ${residentTags} t where t.resident_id in (select id from listed) group by t.resident_id) x)`,
    })
    .from(sql`(select 1) one`);
  return { households: row?.households ?? '[]', buildings: row?.buildings ?? '[]', tags: row?.tags ?? '[]' };
}
