import {
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';

/** The kinds of named contact a household is assigned (its grid worker follows from its grid, not assigned). */
export const contactKinds = ['leader', 'central_household'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const assignmentSources = ['proposal', 'manual'] as const;

/**
 * Party-member central households (党员中心户): a party member's household that a community designates to look
 * after nearby households, up to `maxLoad` of them, from `startsOn` to `endsOn` (both days included; null: still
 * on). One designation in force per household. `territoryCode` is the household's grid code.
 */
export const centralHouseholds = pgTable(
  'central_households',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The party member whose household it is. */
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    territoryCode: text('territory_code').notNull(),
    maxLoad: smallint('max_load').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    note: text('note'),
    endReason: text('end_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('central_households_open_key')
      .on(t.householdId)
      .where(sql`${t.endsOn} is null`),
    index('central_households_person_idx').on(t.personId),
    index('central_households_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * Contact assignments (联系挂包): a household's named contact of one kind — a building (unit) leader, or a central
 * household — from `startsOn` to `endsOn` (both days included; null: still on). A change ends the row and starts a
 * new one, so history is kept; one open row per household and kind. A row ended the day it started (`endsOn` the
 * day before `startsOn`) never held. `territoryCode` and `buildingId` repeat the household's for scope filters.
 * No foreign key on the household (the demo writes a county's at once; households are never deleted).
 */
export const contactAssignments = pgTable(
  'contact_assignments',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    kind: text('kind', { enum: contactKinds }).notNull(),
    /** The contact: the leader, or the central household's party member. */
    personId: uuid('person_id').notNull(),
    centralHouseholdId: uuid('central_household_id'),
    territoryCode: text('territory_code').notNull(),
    buildingId: uuid('building_id').notNull(),
    /** Metres between the household's building and the contact's, when both have a point. */
    distance: integer('distance'),
    source: text('source', { enum: assignmentSources }).notNull().default('proposal'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_assignments_open_key')
      .on(t.householdId, t.kind)
      .where(sql`${t.endsOn} is null`),
    index('contact_assignments_household_idx').on(t.householdId),
    index('contact_assignments_person_idx').on(t.personId),
    index('contact_assignments_central_idx').on(t.centralHouseholdId),
    index('contact_assignments_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * What a community sets for its contact assignment: the most households a leader contacts, the default load of a
 * new central household, and how far (metres) a contact may live from a household outside its own building and
 * compound. A community without a row uses the county's settings (contacts.settings.ts).
 */
export const contactCommunitySettings = pgTable('contact_community_settings', {
  communityId: uuid('community_id')
    .primaryKey()
    .references(() => territories.id),
  communityCode: text('community_code').notNull(),
  leaderMaxLoad: smallint('leader_max_load').notNull(),
  centralMaxLoad: smallint('central_max_load').notNull(),
  maxDistance: integer('max_distance').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
