import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { bytea, photoTypes } from '../../core/photos/photos.ts';
import { territories } from '../territory/territory.public.ts';

export const roundStatuses = ['open', 'closed'] as const;
export const visitOutcomes = ['met', 'nobody_home', 'refused', 'moved_out', 'vacant'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];
/**
 * A household's coverage in a round: not yet covered, met, a documented reason (refused / moved out / vacant, with a
 * note), or two "nobody home" visits on different Shanghai days (a documented attempt).
 */
export const coverageStates = ['pending', 'met', 'documented', 'attempted'] as const;
export type CoverageState = (typeof coverageStates)[number];

/** One yes/no question of a round's checklist ("独居老人是否需要帮助？"). */
export type ChecklistItem = { key: string; text: string };

/**
 * Door-knocking rounds (敲门行动): a county, street or community opens one over a territory node (its scope) with
 * dates, a purpose and a short yes/no checklist; the households of the scope are listed when it opens
 * (`round_households`), visits cover them, and it closes once every household is covered or with a reason.
 */
export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id),
    /** The scope's territory code: a household lies in the round when its grid code starts with it. */
    territoryCode: text('territory_code').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    status: text('status', { enum: roundStatuses }).notNull().default('open'),
    /** Households listed when it opened. */
    households: integer('households').notNull().default(0),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Why it closed although the coverage check failed. */
    closeReason: text('close_reason'),
  },
  (t) => [
    index('rounds_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    index('rounds_closed_at_idx').on(t.closedAt),
  ],
);

/**
 * The households of a round, listed when it opens (not moved out that day), with their order keys (building code,
 * unit, floor, room) and their coverage, kept up to date by each visit.
 */
export const roundHouseholds = pgTable(
  'round_households',
  {
    /**
     * The round. No foreign key (a county round lists ~80,000 households at once, and the demo six rounds: each
     * check cost; migration 0022): rows are written only by opening a round, and rounds are never deleted.
     */
    roundId: uuid('round_id').notNull(),
    /** A household (never deleted: one that moves out keeps its row); no foreign key, to list 80,000 fast. */
    householdId: uuid('household_id').notNull(),
    gridId: uuid('grid_id').notNull(),
    territoryCode: text('territory_code').notNull(),
    buildingId: uuid('building_id').notNull(),
    buildingCode: text('building_code').notNull(),
    unitNumber: smallint('unit_number').notNull(),
    floor: smallint('floor').notNull(),
    room: text('room').notNull(),
    state: text('state', { enum: coverageStates }).notNull().default('pending'),
    visits: smallint('visits').notNull().default(0),
    lastOutcome: text('last_outcome', { enum: visitOutcomes }),
    lastVisitedAt: timestamp('last_visited_at', { withTimezone: true }),
    /** The Shanghai day of the first "nobody home" visit: a second on another day makes an attempt. */
    nobodyHomeOn: date('nobody_home_on'),
    coveredAt: timestamp('covered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.householdId] }),
    index('round_households_building_idx').on(t.roundId, t.buildingId),
    index('round_households_code_idx').on(t.roundId, t.territoryCode.op('text_pattern_ops')),
  ],
);

/** Live counters of a round per grid (households listed, visited, covered): progress reads these, not the list. */
export const roundGrids = pgTable(
  'round_grids',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    gridId: uuid('grid_id').notNull(),
    territoryCode: text('territory_code').notNull(),
    households: integer('households').notNull(),
    visited: integer('visited').notNull().default(0),
    covered: integer('covered').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.gridId] })],
);

/**
 * Live counters of a round per grid and visitor (visits made, distinct households visited): progress per person
 * sums these over the grids of the caller's scope instead of reading every visit. A visitor is their person, else
 * their account (`visitorKey`).
 */
export const roundVisitors = pgTable(
  'round_visitors',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    gridId: uuid('grid_id').notNull(),
    territoryCode: text('territory_code').notNull(),
    visitorKey: uuid('visitor_key').notNull(),
    visitorUserId: uuid('visitor_user_id'),
    visitorPersonId: uuid('visitor_person_id'),
    visits: integer('visits').notNull().default(0),
    households: integer('households').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.gridId, t.visitorKey] })],
);

/**
 * Visits (入户走访) of a round's households. `clientId` is generated by the phone: the same visit sent twice is
 * stored once. The note may name people: encrypted at rest.
 */
export const roundVisits = pgTable(
  'round_visits',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id').notNull(),
    /**
     * The round's household. No foreign key (the demo writes ~470,000 visits and each check costs): a visit is only
     * written by recordVisit, after locking that round_households row; rounds and households are never deleted.
     */
    roundId: uuid('round_id').notNull(),
    householdId: uuid('household_id').notNull(),
    /** The household's grid code and building, copied from the round's list (scope filters). */
    territoryCode: text('territory_code').notNull(),
    buildingId: uuid('building_id').notNull(),
    visitorUserId: uuid('visitor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The visitor's person, when their account has one (no foreign key: persons are not deleted). */
    visitorPersonId: uuid('visitor_person_id'),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: visitOutcomes }).notNull(),
    answers: jsonb('answers').$type<Record<string, boolean>>().notNull().default({}),
    noteEnc: text('note_enc'),
    followUp: boolean('follow_up').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('round_visits_client_key').on(t.clientId),
    index('round_visits_household_idx').on(t.roundId, t.householdId),
    index('round_visits_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * One photo per visit (the "optionally a photo"), as uploaded by its visitor: checked (JPEG/PNG/WebP by
 * their bytes, ≤ 2 MB, sane dimensions), its EXIF (GPS) stripped, and encrypted at rest with the platform's data
 * key: `sealed` is AES-256-GCM's 12-byte IV, 16-byte tag and the ciphertext (core/photos/photos.ts sealPhoto). The
 * visit's scope columns are copied so reading it needs no join.
 */
export const roundVisitPhotos = pgTable(
  'round_visit_photos',
  {
    visitId: uuid('visit_id')
      .primaryKey()
      .references(() => roundVisits.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull(),
    territoryCode: text('territory_code').notNull(),
    buildingId: uuid('building_id').notNull(),
    contentType: text('content_type', { enum: photoTypes }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sealed: bytea('sealed').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('round_visit_photos_round_idx').on(t.roundId)],
);
