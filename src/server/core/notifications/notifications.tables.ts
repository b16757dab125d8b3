import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.ts';

/** A text in both languages, as the platform's messages are. */
export type BilingualText = { zh: string; en: string };

/**
 * Notifications (站内消息): what a change elsewhere means for one account — a grid plan applied to the grid a worker
 * serves, a building leader's term ending soon. Written by the module that made the change, in its transaction
 * (notify), read and marked read by the account itself only (GET /me/notifications). Texts hold names of places and
 * records, never personal data. A source key makes a notification once per account and cause.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What kind of event, named by the module: `planner.applied`, `leader.term_expiring`. */
    kind: text('kind').notNull(),
    title: jsonb('title').$type<BilingualText>().notNull(),
    body: jsonb('body').$type<BilingualText>().notNull(),
    /** A page of the web app to open (a path such as /planner/…), or null. */
    link: text('link'),
    /** Once per account and source (`planner.applied:<proposal id>`). */
    sourceKey: text('source_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_source_idx').on(t.userId, t.sourceKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);
