import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * County-wide settings an administrator changes at runtime (the household load above which a grid worker counts as
 * overloaded, the map's base layer …): one row per key a module declares; a key without a row has its default.
 * Writes bump the `settings` data version (migration 0016), so every process sees a change within a second.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
