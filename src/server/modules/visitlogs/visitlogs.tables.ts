import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';

export const visitLogKinds = ['need', 'conflict', 'opinion', 'other'] as const;
export type VisitLogKind = (typeof visitLogKinds)[number];
export const followUpStatuses = ['none', 'open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
/** What an entry is attached to: households (of one grid), a building, or a grid. */
export const placeKinds = ['households', 'building', 'grid'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/**
 * Visit logs (民情日志): what a grid worker or building leader learned (a need, a conflict, an opinion), attached to
 * households of one grid or to a building or grid, with tags and a follow-up status. The text may name people: it
 * is encrypted, and found through blind-index tokens of its bigrams (`searchTokens`, GIN;
 * docs/decisions/visit-log-search.md). Its tables bump the data set 'visitLogs' (migration), not the registry's.
 */
export const visitLogs = pgTable(
  'visit_logs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: visitLogKinds }).notNull(),
    textEnc: text('text_enc').notNull(),
    /** HMAC tokens of the text's bigrams and characters (personal-data.ts searchTokens). */
    searchTokens: text('search_tokens').array().notNull(),
    tags: text('tags').array().notNull().default([]),
    placeKind: text('place_kind', { enum: placeKinds }).notNull(),
    /** The grid the entry lies in: every place of an entry lies in one grid (scope filters, figures). */
    territoryCode: text('territory_code').notNull(),
    gridId: uuid('grid_id').notNull(),
    /** The building when the place is one. */
    buildingId: uuid('building_id'),
    /** The buildings of its households (or its building): a building leader reads an entry wholly inside theirs. */
    buildingIds: uuid('building_ids').array().notNull().default([]),
    householdIds: uuid('household_ids').array().notNull().default([]),
    occurredOn: date('occurred_on').notNull(),
    followUp: text('follow_up', { enum: followUpStatuses }).notNull().default('none'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's person, when their account has one (no foreign key: persons are not deleted). */
    authorPersonId: uuid('author_person_id'),
    /** The id the phone gave an entry written offline: stored once per client id (a queue sent twice). */
    clientId: uuid('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visit_logs_territory_code_idx').using(
      'btree',
      t.territoryCode.op('text_pattern_ops'),
      t.occurredOn,
    ),
    index('visit_logs_created_at_idx').on(t.createdAt),
    index('visit_logs_occurred_idx').on(t.occurredOn, t.id),
    index('visit_logs_author_idx').on(t.authorUserId, t.occurredOn),
    index('visit_logs_tokens_idx').using('gin', t.searchTokens),
    index('visit_logs_tags_idx').using('gin', t.tags),
    index('visit_logs_households_idx').using('gin', t.householdIds),
    index('visit_logs_buildings_idx').using('gin', t.buildingIds),
    uniqueIndex('visit_logs_client_id_idx').on(t.clientId),
  ],
);

/** Supervisors' comments (批注) on an entry; the text encrypted like the entry's. */
export const visitLogComments = pgTable(
  'visit_log_comments',
  {
    id: uuid('id').primaryKey(),
    logId: uuid('log_id')
      .notNull()
      .references(() => visitLogs.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    textEnc: text('text_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_log_comments_log_idx').on(t.logId, t.createdAt)],
);
