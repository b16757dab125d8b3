import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * A version number per data set, bumped by statement-level triggers on every write to its tables
 * (migrations/0003_registry_version_triggers.sql). A data set many write at once also has shards, rows named
 * `<name>#0` … `<name>#15`: a writer bumps the first shard no other transaction holds, starting from its
 * connection's (pid mod 16; migrations 0023, 0033), so concurrent writers do not wait for each other's commit; its
 * version is the sum (versioned-cache.ts).
 */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * A version per grid (by grid code), bumped by statement-level triggers with transition tables on every write to
 * the registry rows of that grid (migrations/0006_grid_versions.sql): per-grid aggregates are recomputed for the
 * grids a write touched only. See modules/territory/grid-stats.ts.
 */
export const gridVersions = pgTable('grid_versions', {
  code: text('code').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
