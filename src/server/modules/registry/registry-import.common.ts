import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type Actor } from '../../core/auth/audit.ts';
import { type DataKeys } from '../../core/auth/personal-data.ts';
import { type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { importLabels, type LabelledField } from './registry-import.schemas.ts';
import { streamingSheet } from './xlsx.ts';
import { defaultXlsxLimits, type XlsxLimits } from './xlsx-reader.ts';

/** What the Excel import's steps share: limits, job kinds and payloads, and small helpers. */

export type Deps = { db: Db; keys: DataKeys };

/** Uploads above this are refused before anything is stored (a 100,000-row sheet is about 6 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Data rows one import may hold. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows checked (and their lookups batched) together. */
export const BATCH_ROWS = 2_000;
/** Valid rows written together at commit: fewer, larger statements. */
export const WRITE_ROWS = 10_000;

/** Job kinds of the import (handlers in registry-import.jobs.ts): one validation per upload, one commit per claim. */
export const IMPORT_VALIDATE = 'registry.import.validate';
export const IMPORT_COMMIT = 'registry.import.commit';
/**
 * What a validation needs besides the import: the uploader as the audit actor of the ID-card refusals it makes, and
 * whether their reveal covers the county (registry-import.rows.ts, RegisteredCards). A payload queued without them
 * (before they existed) validates as one whose reveal does not, its refusals filed under the importer's id alone.
 */
export type ValidatePayload = { importId: string; actor?: Actor; revealsCounty?: boolean };
/**
 * What a commit needs besides the import: the caller's scope and the audit actor at the time of the request (a staff
 * account's id, name, role, request id, address and browser, as the audit row they become; no resident's data).
 */
export type CommitPayload = { importId: string; mode: CommitMode; scope: Scope; actor: Actor };

/** What a job gives the long work it runs: renew the lease per batch, and stop when it is lost. */
export type Lease = { signal?: AbortSignal; heartbeat?: (within?: Executor) => Promise<void> };

/**
 * What one upload may cost (docs/decisions/upload-limits.md): the reader's limits on unpacked sizes, compression
 * ratio, shared strings, rows, columns and cell length, and the wall time of one validation or report. Tests
 * change them in place to reach a limit with a small file.
 */
export const importLimits: Omit<XlsxLimits, 'deadline'> & { timeMs: number } = {
  ...defaultXlsxLimits,
  timeMs: 5 * 60_000,
};

/** `column = any($1::type[])`: one parameter for the whole list, where `in (…)` would take one per value. */
export function anyOf(column: SQLWrapper, values: string[], type: 'text' | 'uuid'): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}

/** Runs the writer of a streamed sheet; a failure ends the download early instead of crashing the process. */
export function pumpInto(out: ReturnType<typeof streamingSheet>, pump: () => Promise<void>) {
  pump()
    .then(async () => {
      out.sheet.commit();
      await out.workbook.commit();
    })
    .catch((error: unknown) => out.fail(error));
}

export type CommitMode = 'valid-only' | 'all-or-nothing';

export const label = <F extends LabelledField>(field: F, code: string | null): string | null =>
  code === null ? null : ((importLabels[field] as Record<string, string>)[code] ?? code);
