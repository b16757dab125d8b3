import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { persons } from '../people/people.public.ts';
import { buildings, units } from '../registry/registry.public.ts';

export const leaderTermStatuses = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const leaderNominations = ['self', 'residents', 'organisation'] as const;
export const leaderTags = ['mass_leader', 'deliberator'] as const;
export type LeaderTag = (typeof leaderTags)[number];

/**
 * Building and unit leaders' terms (一楼一长, 一年一聘): a nomination (by the person, by residents or by the
 * organisation) that the community reviews; once approved, the person leads the building (or one of its units when
 * `unitId` is set) from `startsOn` to `endsOn`, both days included. Ending a term early moves `endsOn` and records
 * `endedAt`; a renewal is a new term naming the one it follows (`renewalOf`). One approved building leader per
 * building on any day; a person's terms on one building never overlap (leaders.service.ts enforces both).
 */
export const leaderTerms = pgTable(
  'leader_terms',
  {
    id: uuid('id').primaryKey(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    status: text('status', { enum: leaderTermStatuses }).notNull(),
    nomination: text('nomination', { enum: leaderNominations }).notNull(),
    nominationNote: text('nomination_note'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    tags: text('tags', { enum: leaderTags })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Why a nomination was rejected, or why a term ended early. */
    reason: text('reason'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    renewalOf: uuid('renewal_of'),
    /** When the reminder that the term ends within 30 days went out (the daily job sends it once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leader_terms_building_idx').on(t.buildingId, t.startsOn),
    index('leader_terms_person_idx').on(t.personId),
    index('leader_terms_status_ends_idx').on(t.status, t.endsOn),
  ],
);

/** A building's residents' WeChat group (楼栋微信群): name, member count and the group's QR image (PNG data URL). */
export const buildingChats = pgTable('building_chats', {
  buildingId: uuid('building_id')
    .primaryKey()
    .references(() => buildings.id),
  name: text('name').notNull(),
  memberCount: integer('member_count').notNull().default(0),
  qrImage: text('qr_image'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
