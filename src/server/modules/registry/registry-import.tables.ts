import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { Text } from '../../core/http/errors.ts';

export const importStatuses = [
  'validating',
  'validated',
  'committing',
  'committed',
  'failed',
  'discarded',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * Uploads of households and residents from .xlsx (批量导入). Each goes validating → validated → committing →
 * committed (or failed / discarded). The upload is kept encrypted with the data key (it holds ID-card numbers) for
 * the report of bad rows until it is discarded; the rows that passed validation wait in `registry_import_chunks`.
 */
export const registryImports = pgTable(
  'registry_imports',
  {
    id: uuid('id').primaryKey(),
    status: text('status', { enum: importStatuses }).notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    /**
     * The .xlsx, AES-256-GCM (12-byte IV, 16-byte tag, ciphertext) in base64: text rather than bytea because PGlite
     * serialises a multi-megabyte bytea parameter several times slower. Null once discarded or failed.
     */
    fileEnc: text('file_enc'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The creator's data scope at upload: rows are validated against it. */
    scope: jsonb('scope').$type<Scope>().notNull(),
    /** Data rows the sheet declares (its dimension), known before reading; null when the file does not say. */
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** Households the valid rows would create (the others exist already). */
    newHouseholds: integer('new_households').notNull().default(0),
    committedResidents: integer('committed_residents'),
    committedHouseholds: integer('committed_households'),
    /** Why the whole file was refused (not an .xlsx, header missing, too many rows) or the commit failed. */
    failure: jsonb('failure').$type<Text & { code?: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('registry_imports_created_by_idx').on(t.createdBy, t.createdAt)],
);

/** One problem of one row of an import: sheet row number, column (Chinese header), stable code, message. */
export const registryImportErrors = pgTable(
  'registry_import_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => registryImports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    seq: smallint('seq').notNull(),
    column: text('column'),
    code: text('code').notNull(),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber, t.seq] })],
);

/**
 * The rows of an import that passed validation, normalised, in chunks of up to 2,000 (JSON, encrypted like the
 * upload): commit reads them instead of parsing the workbook again, and checks them against the registry once more.
 */
export const registryImportChunks = pgTable(
  'registry_import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => registryImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    rows: integer('rows').notNull(),
    dataEnc: text('data_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
