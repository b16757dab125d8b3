import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';

/** A list's column: its key and whether it is shown; the array's order is the columns' order. */
export type ListColumn = { key: string; shown: boolean };

/** Each account's settings of a list page (columns shown and their order), kept on the server for every browser. */
export const userListSettings = pgTable(
  'user_list_settings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    columns: jsonb('columns').$type<ListColumn[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.list] })],
);
