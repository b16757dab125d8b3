import { registryErrors } from './registry.errors.ts';
import { inflateRawSync } from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { blindIndex, decryptBytes, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { type Scope } from '../../core/auth/scope.ts';
import { columnArrays, insertColumns } from '../../core/db/bulk.ts';
import { vacuumAnalyze } from '../../core/db/statistics.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { enqueue } from '../../core/jobs/enqueue.ts';
import { registryImportChunks, registryImportErrors, registryImports } from './registry-import.tables.ts';
import {
  households,
  registryHistory,
  residents,
  residentTags,
  units,
  REGISTRY_TABLES,
} from './registry.tables.ts';

import {
  type CommitMode,
  type CommitPayload,
  type Deps,
  IMPORT_COMMIT,
  type Lease,
  WRITE_ROWS,
} from './registry-import.common.ts';
import {
  type CheckedRow,
  type Problem,
  type StagedRow,
  errorColumns,
  newPassState,
  resolveRows,
  unstage,
} from './registry-import.rows.ts';
import { loadOwnImport } from './registry-import.service.ts';

/** The Excel import, its commit: the validated rows written in one transaction, exactly once. */

/** Rows that had become invalid between validation and commit (for all-or-nothing: the reason to refuse). */
class ChangedSinceValidation extends Error {
  constructor(readonly rows: { number: number; found: Problem[] }[]) {
    super('rows changed since validation');
  }
}

/**
 * Claims a validated import for commit (`committing`) and queues its `registry.import.commit` job in the same
 * transaction, refusing what cannot be committed. Returns false when the import is already committing or committed:
 * a second commit does nothing. The job's key `import:<id>:commit` is renewed once an earlier commit job finished
 * (a refused all-or-nothing commit leaves the import validated, and it may be committed again).
 */
export async function claimCommit(
  db: Db,
  userId: string,
  id: string,
  mode: CommitMode,
  by: { scope: Scope; actor: Actor },
): Promise<boolean> {
  const row = await loadOwnImport(db, userId, id);
  if (row.status === 'committed' || row.status === 'committing') return false;
  if (row.status !== 'validated') throw registryErrors.importNotReady(row.status);
  if (row.validRows === 0) throw registryErrors.importNothingValid();
  if (mode === 'all-or-nothing' && row.errorRows > 0) throw registryErrors.importHasErrors(row.errorRows);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(registryImports)
      .set({ status: 'committing', failure: null, updatedAt: new Date() })
      .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validated')))
      .returning({ id: registryImports.id });
    if (claimed.length !== 1) return false;
    const payload: CommitPayload = { importId: id, mode, scope: by.scope, actor: by.actor };
    await enqueue(tx, IMPORT_COMMIT, payload, { key: `import:${id}:commit`, renew: true });
    return true;
  });
}

/**
 * Writes the valid rows of a claimed import in one transaction: households created as needed, residents with
 * encrypted ID card and phone, tags, history, and one audit row. Every row is checked again inside the transaction;
 * a row that has become invalid since validation (an ID card registered meanwhile, a building moved out of scope) is
 * skipped and reported in valid-only mode and refuses the whole commit in all-or-nothing mode.
 *
 * Exactly once, though its job runs at least once: every write and the move to `committed` are one transaction,
 * which first locks the import row and goes on only while it is still `committing`. A run cut off before its
 * commit wrote nothing (the next run starts over from the staged rows); a run after a commit that went through, or
 * waiting on the lock of one under way, finds `committed` and writes nothing. A refusal (rows changed since
 * validation, all-or-nothing) is a final outcome: the import is validated again with the reason. Any other error is
 * thrown with the import left `committing`, for the job to retry; when its attempts run out the job's `onDead` puts
 * it back to validated with a reason (`giveUpCommit`).
 */
export async function commitImport(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  mode: CommitMode,
  lease: Lease = {},
): Promise<void> {
  const [job] = await db
    .select({
      status: registryImports.status,
      fileName: registryImports.fileName,
      validRows: registryImports.validRows,
      errorRows: registryImports.errorRows,
      errorCount: registryImports.errorCount,
    })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (job?.status !== 'committing') return;
  let committed = false;
  try {
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: registryImports.status })
        .from(registryImports)
        .where(eq(registryImports.id, id))
        .for('update');
      if (locked?.status !== 'committing') return;
      // Rows reported since validation (a refused all-or-nothing commit) stay out, though still staged.
      const reported = new Set(
        (
          await tx
            .selectDistinct({ row: registryImportErrors.rowNumber })
            .from(registryImportErrors)
            .where(eq(registryImportErrors.importId, id))
        ).map((r) => r.row),
      );
      const chunks = await tx
        .select({ seq: registryImportChunks.seq })
        .from(registryImportChunks)
        .where(eq(registryImportChunks.importId, id))
        .orderBy(asc(registryImportChunks.seq));
      const pass = newPassState();
      const written: WriteState = { residents: 0, newHouseholds: new Map(), units: new Map() };
      // Inserts of one batch run while the next is read, checked and encrypted (the database is another process
      // on PostgreSQL); statements of the transaction still reach the database one at a time, in order.
      let writing: Promise<void> = Promise.resolve();
      const write = async (rows: CheckedRow[]) => {
        const prepared = prepareRows(keys, actor, id, rows, written);
        await writing;
        writing = insertPrepared(tx, prepared);
        writing.catch(() => undefined);
      };
      const joined = new Set<string>();
      const changed: CheckedRow[] = [];
      let pending: CheckedRow[] = [];
      for (const { seq } of chunks) {
        // The lease renewed per chunk; once it is lost, another runner may be committing: roll back. (On PGlite the
        // renewal must go through this transaction: the database runs nothing else until it ends.)
        await lease.heartbeat?.(tx);
        lease.signal?.throwIfAborted();
        const [chunk] = await tx
          .select({ dataEnc: registryImportChunks.dataEnc })
          .from(registryImportChunks)
          .where(and(eq(registryImportChunks.importId, id), eq(registryImportChunks.seq, seq)));
        const staged = (
          JSON.parse(inflateRawSync(decryptBytes(keys, chunk!.dataEnc)).toString('utf8')) as StagedRow[]
        )
          .map((row) => unstage(keys, row))
          .filter((row) => !reported.has(row.number));
        for (const row of await resolveRows(tx, scope, pass, staged, false)) {
          if (row.found.length) changed.push(row);
          else pending.push(row);
          if (row.existingHouseholdId) joined.add(row.existingHouseholdId);
        }
        if (mode === 'all-or-nothing' && changed.length) throw new ChangedSinceValidation(changed);
        if (pending.length >= WRITE_ROWS) {
          await write(pending);
          pending = [];
        }
      }
      await write(pending);
      await writing;
      if (changed.length) await insertColumns(tx, registryImportErrors, errorColumns(id, changed));
      const counts = {
        validRows: job.validRows - changed.length,
        errorRows: job.errorRows + changed.length,
        errorCount: job.errorCount + changed.reduce((n, r) => n + r.found.length, 0),
      };
      await appendAudit(tx, actor, {
        action: 'registry.imported',
        entityType: 'registry_import',
        entityId: id,
        territoryCode: scope.all ? null : scope.codes.length === 1 ? scope.codes[0] : null,
        changes: {
          fileName: job.fileName,
          mode,
          residents: written.residents,
          householdsCreated: written.newHouseholds.size,
          householdsJoined: joined.size,
          skippedRows: counts.errorRows,
        },
      });
      await tx.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
      await tx
        .update(registryImports)
        .set({
          ...counts,
          status: 'committed',
          committedResidents: written.residents,
          committedHouseholds: written.newHouseholds.size,
          committedAt: new Date(),
          updatedAt: new Date(),
          // The report of bad rows needs the upload; without bad rows it has no further use.
          ...(counts.errorRows === 0 ? { fileEnc: null } : {}),
        })
        .where(eq(registryImports.id, id));
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof ChangedSinceValidation)) throw error;
    const changed = error.rows;
    await db.transaction(async (tx) => {
      await insertColumns(tx, registryImportErrors, errorColumns(id, changed));
      await tx
        .update(registryImports)
        .set({
          status: 'validated',
          validRows: job.validRows - changed.length,
          errorRows: job.errorRows + changed.length,
          errorCount: job.errorCount + changed.reduce((n, r) => n + r.found.length, 0),
          failure: {
            zh: `校验后有 ${changed.length} 行数据发生变化（如身份证号已被登记），未导入任何数据`,
            en: `${changed.length} rows changed since validation (e.g. an ID card registered meanwhile); nothing was imported`,
          },
          updatedAt: new Date(),
        })
        .where(and(eq(registryImports.id, id), eq(registryImports.status, 'committing')));
    });
    return;
  }
  // Outside the transaction; should it fail, the job's retry finds the import committed and writes nothing.
  if (committed) await vacuumAnalyze(db, REGISTRY_TABLES);
}

/** Puts an import whose commit job went dead back to validated: nothing was written, and it may be tried again. */
export async function giveUpCommit(exec: Executor, id: string): Promise<void> {
  await exec
    .update(registryImports)
    .set({
      status: 'validated',
      failure: {
        zh: '导入失败，未写入任何数据，请重试',
        en: 'The import failed and wrote nothing; try again',
      },
      updatedAt: new Date(),
    })
    .where(and(eq(registryImports.id, id), eq(registryImports.status, 'committing')));
}

type WriteState = { residents: number; newHouseholds: Map<string, string>; units: Map<string, string> };

/**
 * Column arrays for `insertColumns` from a batch of valid rows: the units and households they need (each created
 * once per import), residents with encrypted ID card and phone, tags, and history. Pure computation, so that on
 * PostgreSQL it overlaps the previous batch's inserts.
 */
function prepareRows(keys: DataKeys, actor: Actor, importId: string, rows: CheckedRow[], state: WriteState) {
  const u = columnArrays(units, ['id', 'buildingId', 'number']);
  const h = columnArrays(households, [
    'id',
    'buildingId',
    'unitId',
    'territoryCode',
    'room',
    'kind',
    'tenure',
  ]);
  const r = columnArrays(residents, [
    'id',
    'householdId',
    'buildingId',
    'territoryCode',
    'name',
    'gender',
    'birthDate',
    'idCardEnc',
    'idCardIndex',
    'phoneEnc',
    'phoneIndex',
    'relation',
    'politicalStatus',
    'residency',
    'note',
  ]);
  const tags = columnArrays(residentTags, ['residentId', 'tag', 'careLevel']);
  const history = columnArrays(registryHistory, [
    'id',
    'entityType',
    'entityId',
    'event',
    'toHouseholdId',
    'details',
    'actorId',
  ]);
  const details = { importId };
  const addHistory = (
    entityType: 'household' | 'resident',
    entityId: string,
    event: 'created' | 'moved_in',
    toHouseholdId: string | null,
  ) => {
    history.id.push(newId());
    history.entityType.push(entityType);
    history.entityId.push(entityId);
    history.event.push(event);
    history.toHouseholdId.push(toHouseholdId);
    history.details.push(details);
    history.actorId.push(actor.userId);
  };

  for (const row of rows) {
    const building = row.building!;
    const d = row.draft;
    let householdId = row.existingHouseholdId ?? state.newHouseholds.get(row.householdKey!);
    if (!householdId) {
      const unitKey = `${building.id}|${d.unit}`;
      // A unit the building lacks (units are rows since the registry began) is created once.
      let unitId = row.existingUnitId ?? state.units.get(unitKey);
      if (!unitId) {
        unitId = newId();
        state.units.set(unitKey, unitId);
        u.id.push(unitId);
        u.buildingId.push(building.id);
        u.number.push(d.unit!);
      }
      householdId = newId();
      state.newHouseholds.set(row.householdKey!, householdId);
      h.id.push(householdId);
      h.buildingId.push(building.id);
      h.unitId.push(unitId);
      h.territoryCode.push(building.territoryCode);
      h.room.push(d.room!);
      h.kind.push(d.householdKind!);
      h.tenure.push(d.tenure!);
      addHistory('household', householdId, 'created', null);
    }
    const id = newId();
    r.id.push(id);
    r.householdId.push(householdId);
    r.buildingId.push(building.id);
    r.territoryCode.push(building.territoryCode);
    r.name.push(d.name);
    r.gender.push(d.gender!);
    r.birthDate.push(d.birthDate!);
    r.idCardEnc.push(d.idCard ? encrypt(keys, d.idCard) : null);
    r.idCardIndex.push(d.idCardIndex);
    r.phoneEnc.push(d.phone ? encrypt(keys, d.phone) : null);
    r.phoneIndex.push(d.phone ? blindIndex(keys, 'mobile', d.phone) : null);
    r.relation.push(d.relation!);
    r.politicalStatus.push(d.politicalStatus);
    r.residency.push(d.residency);
    r.note.push(d.note);
    for (const t of d.tags) {
      tags.residentId.push(id);
      tags.tag.push(t.tag);
      tags.careLevel.push(t.careLevel);
    }
    addHistory('resident', id, 'moved_in', householdId);
  }
  state.residents += r.id.length;
  return { u, h, r, tags, history };
}

/** Inserts what `prepareRows` built, parents first. */
async function insertPrepared(tx: Executor, prepared: ReturnType<typeof prepareRows>) {
  const { u, h, r, tags, history } = prepared;
  if (u.id.length) await insertColumns(tx, units, u);
  if (h.id.length) await insertColumns(tx, households, h);
  if (r.id.length) await insertColumns(tx, residents, r);
  if (tags.residentId.length) await insertColumns(tx, residentTags, tags);
  if (history.id.length) await insertColumns(tx, registryHistory, history);
}
