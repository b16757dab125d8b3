import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * A version number per data set, bumped by statement-level triggers on every write to its tables
 * (migrations/0003_registry_version_triggers.sql). See versioned-cache.ts.
 */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
