import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Text } from '../../core/http/errors.ts';

export const exportStatuses = ['queued', 'running', 'ready', 'failed', 'downloaded', 'expired'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/**
 * Resident list exports (导出), made in the background (registry-export.jobs.ts): queued → running → ready, then
 * downloaded or expired (the file removed), or failed. The file itself is a temporary file encrypted with the data
 * key (registry-export.file.ts); only the account that asked for it may download it.
 */
export const registryExports = pgTable(
  'registry_exports',
  {
    id: uuid('id').primaryKey(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: exportStatuses }).notNull().default('queued'),
    /** The list's filter as JSON, encrypted (a whole ID-card or mobile number may be its search). */
    filterEnc: text('filter_enc').notNull(),
    /** Clear ID cards and phones were asked for (and the caller held personal:reveal). */
    reveal: boolean('reveal').notNull(),
    totalRows: integer('total_rows'),
    doneRows: integer('done_rows').notNull().default(0),
    fileSize: integer('file_size'),
    failure: jsonb('failure').$type<Text>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** When a ready file is removed if nobody downloaded it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  },
  (t) => [
    index('registry_exports_creator_idx').on(t.createdBy, t.createdAt),
    index('registry_exports_live_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'running', 'ready')`),
  ],
);
