import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, encrypt, maskIdCard, maskMobile, mobilePattern } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { enqueue } from '../../core/jobs/enqueue.ts';
import { importColumns, type ResidentExportFilter } from './registry-import.schemas.ts';
import { type Deps, anyOf, label, type Lease } from './registry-import.common.ts';
import { registryExports } from './registry-export.tables.ts';
import { decryptedFileReader, encryptedFileWriter, removeExportFile } from './registry-export.file.ts';
import { ageOn, formatAddress } from './registry.common.ts';
import { registryErrors } from './registry.errors.ts';
import { relationRank, residentListCondition } from './registry.residents.ts';
import { buildings, households, residents, residentTags, units } from './registry.tables.ts';
import { territories } from '../territory/territory.public.ts';
import { safeCell, streamingSheet } from './xlsx.ts';

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
/** Rows fetched together (and the progress reported after each batch). */
const BATCH = 5_000;
/** Rows written between two turns given to the rest of the process. */
const YIELD_EVERY = 1_000;

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
  // Ids first, in address order: one sort, then details fetched by id in batches (bounded memory per batch). The
  // ids come as one text value: a row per id would cost more to decode than the sort itself.
  // The sort gets memory enough to stay off disk (for this statement only: `set local` ends with the transaction).
  const [idList] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx
      .select({
        ids: sql<string | null>`string_agg(${residents.id}::text, ',' order by ${buildings.code} nulls last,
          ${units.number}, ${households.room}, ${relationRank}, ${residents.birthDate}, ${residents.id})`,
      })
      .from(residents)
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(units, eq(units.id, households.unitId))
      .leftJoin(buildings, eq(buildings.id, residents.buildingId))
      .where(where);
  });
  const ordered = idList?.ids ? idList.ids.split(',') : [];
  await db.update(registryExports).set({ totalRows: ordered.length }).where(eq(registryExports.id, exportId));

  const out = streamingSheet(
    '居民名单',
    [...importColumns.map((c) => ({ header: c.header, width: c.width })), ...exportExtraColumns],
    { styles: false },
  );
  const file = encryptedFileWriter(keys, exportId);
  const today = new Date();
  out.stream.pipe(file.input);
  const batches: string[][] = [];
  for (let at = 0; at < ordered.length; at += BATCH) {
    batches.push(ordered.slice(at, at + BATCH));
  }
  try {
    // The next batch is fetched while this one is written.
    let next = batches.length ? fetchRows(db, batches[0]!) : null;
    for (let b = 0; b < batches.length; b++) {
      const rows = await next!;
      next = b + 1 < batches.length ? fetchRows(db, batches[b + 1]!) : null;
      const byId = new Map(rows.map((r) => [r[ID], r]));
      let written = 0;
      for (const id of batches[b]!) {
        // Other requests get their turn now and then: the job shares the process (and PGlite its thread).
        if (++written % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        const r = byId.get(id);
        if (!r) continue; // moved away or removed since the ids were read
        const clear = revealScope !== null && registryRowInScope(revealScope, r[TERRITORY], r[BUILDING_ID]);
        out.sheet.addRow(cellsOf(keys, r, clear, today)).commit();
      }
      await out.drain();
      lease.signal?.throwIfAborted();
      await lease.heartbeat?.();
      await db
        .update(registryExports)
        .set({ doneRows: Math.min(ordered.length, (b + 1) * BATCH) })
        .where(eq(registryExports.id, exportId));
    }
    out.sheet.commit();
    await out.workbook.commit();
  } catch (error) {
    out.fail(error);
    await file.done.catch(() => undefined);
    throw error;
  }
  const fileSize = await file.done;

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

/**
 * One batch's rows as ONE json value of arrays (the columns of FetchedRow): decoding a value per cell from the
 * database (PGlite especially) cost more than the rest of the export together. Households are looked up row by row
 * (a lateral subquery): a batch names a few thousand of them, and a hash of every household in the county cost more.
 */
async function fetchRows(db: Executor, ids: string[]): Promise<FetchedRow[]> {
  const household = sql`(select h.room, h.kind, h.tenure, h.unit_id from ${households} h
    where h.id = ${residents.householdId} offset 0)`;
  const [row] = await db
    .select({
      rows: sql<FetchedRow[] | null>`json_agg(json_build_array(
        ${residents.id}, ${buildings.code}, ${units.number}, hh.room, hh.kind, hh.tenure,
        ${residents.name}, ${residents.idCardEnc}, ${residents.gender}, ${residents.birthDate}, ${residents.phoneEnc},
        ${residents.relation}, ${residents.politicalStatus}, ${residents.residency}, ${residents.note},
        ${residents.territoryCode}, ${residents.buildingId}, ${buildings.name}, ${territories.name},
        to_char(${residents.movedOutAt} at time zone 'UTC', 'YYYY-MM-DD'),
        (select string_agg(t.tag || ':' || t.care_level, ',' order by t.tag)
          from ${residentTags} t where t.resident_id = ${residents.id})
      ))`,
    })
    .from(residents)
    .leftJoin(sql`lateral ${household} hh`, sql`true`)
    .leftJoin(units, sql`${units.id} = hh.unit_id`)
    .leftJoin(buildings, eq(buildings.id, residents.buildingId))
    .leftJoin(territories, eq(territories.id, buildings.gridId))
    .where(anyOf(residents.id, ids, 'uuid'));
  return row?.rows ?? [];
}

/** A fetched row: building code, unit, room, household kind, tenure, name, … (the json_build_array above). */
type FetchedRow = [
  id: string,
  buildingCode: string | null,
  unit: number | null,
  room: string | null,
  householdKind: string | null,
  tenure: string | null,
  name: string,
  idCardEnc: string | null,
  gender: string,
  birthDate: string,
  phoneEnc: string | null,
  relation: string,
  politicalStatus: string,
  residency: string,
  note: string | null,
  territoryCode: string | null,
  buildingId: string | null,
  buildingName: string | null,
  gridName: string | null,
  movedOutOn: string | null,
  tags: string | null,
];
const ID = 0;
const TERRITORY = 15;
const BUILDING_ID = 16;

function cellsOf(keys: Deps['keys'], row: FetchedRow, clear: boolean, today: Date) {
  const [
    ,
    buildingCode,
    unit,
    room,
    householdKind,
    tenure,
    name,
    idCardEnc,
    gender,
    birthDate,
    phoneEnc,
    relation,
    politicalStatus,
    residency,
    note,
    ,
    ,
    buildingName,
    gridName,
    movedOutOn,
    tags,
  ] = row;
  const idCard = idCardEnc ? decrypt(keys, idCardEnc) : null;
  const phone = phoneEnc ? decrypt(keys, phoneEnc) : null;
  return [
    buildingCode,
    unit,
    room,
    label('householdKind', householdKind),
    label('tenure', tenure),
    name,
    idCard && (clear ? idCard : maskIdCard(idCard)),
    label('gender', gender),
    clear ? birthDate : null,
    phone && (clear ? phone : maskMobile(phone)),
    label('relation', relation),
    label('politicalStatus', politicalStatus),
    label('residency', residency),
    tags
      ?.split(',')
      .map((entry) => {
        const [tag, level] = entry.split(':');
        return `${label('tag', tag!)}${level === '1' ? '' : `(${level})`}`;
      })
      .join('、') ?? null,
    note,
    ageOn(birthDate, today),
    buildingName && unit !== null && room ? formatAddress(buildingName, unit, room) : null,
    gridName,
    movedOutOn,
  ].map(safeCell);
}
