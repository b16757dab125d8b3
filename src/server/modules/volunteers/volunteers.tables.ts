import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { persons } from '../people/people.public.ts';

export const volunteerAvailabilities = ['weekdays', 'weekends', 'evenings', 'anytime'] as const;

/**
 * Volunteers (志愿者): a person's profile — skills, availability, where they serve (`territoryCode`, a community
 * or grid) — from `startsOn` until `endsOn` (the last day, null while active). The volunteering module builds
 * services and hours on these rows.
 */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    territoryCode: text('territory_code').notNull(),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: text('availability', { enum: volunteerAvailabilities }).notNull().default('anytime'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteers_person_idx').on(t.personId),
    index('volunteers_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

export const volunteerTeamKinds = ['corps', 'team'] as const;

/**
 * Volunteer corps (先锋志愿服务队) and their sub-teams (分队, `parentId` the corps). `territoryCode` is where the
 * team serves; `endsOn` its last day.
 */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: volunteerTeamKinds }).notNull(),
    name: text('name').notNull(),
    territoryCode: text('territory_code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_teams_parent_idx').on(t.parentId),
    index('volunteer_teams_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/** Who belongs to which team, from `startsOn` until `endsOn` (the last day). */
export const volunteerTeamMembers = pgTable(
  'volunteer_team_members',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeams.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [
    index('volunteer_team_members_team_idx').on(t.teamId),
    index('volunteer_team_members_volunteer_idx').on(t.volunteerId),
  ],
);
