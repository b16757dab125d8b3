import {
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories, type GeoJsonGeometry } from '../territory/territory.public.ts';

export const buildingKinds = ['residential_compound', 'old_compound', 'rental', 'commercial'] as const;
export const householdKinds = ['permanent', 'floating', 'vacant'] as const;
export const tenures = ['owned', 'rented', 'public', 'other'] as const;
export const genders = ['male', 'female'] as const;
export const relations = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'in_law',
  'tenant',
  'other',
] as const;
export const politicalStatuses = [
  'party_member',
  'probationary_member',
  'league_member',
  'democratic_party',
  'masses',
] as const;
export const residencyKinds = ['registered', 'floating', 'registered_away'] as const;
export const keyPopulationTags = [
  'elderly_alone',
  'elderly_empty_nest',
  'disabled',
  'low_income',
  'special_care',
  'veteran',
  'left_behind_child',
  'serious_illness',
] as const;
export type KeyPopulationTag = (typeof keyPopulationTags)[number];

/**
 * Buildings (楼栋). `territoryCode` repeats the grid's code so that scope filters are one indexed prefix match.
 */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => territories.id),
    territoryCode: text('territory_code').notNull(),
    /** Grid code + 3-digit sequence. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    compound: text('compound'),
    kind: text('kind', { enum: buildingKinds }).notNull(),
    floors: smallint('floors').notNull(),
    unitCount: smallint('unit_count').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    propertyCompany: text('property_company'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('buildings_code_key').on(t.code),
    index('buildings_grid_idx').on(t.gridId),
    index('buildings_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/** Units (单元) of a building. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    number: smallint('number').notNull(),
  },
  (t) => [uniqueIndex('units_building_number_key').on(t.buildingId, t.number)],
);

/** Households (户): one dwelling of a unit. A household that moves out keeps its row, with `movedOutAt` set. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    territoryCode: text('territory_code').notNull(),
    room: text('room').notNull(),
    kind: text('kind', { enum: householdKinds }).notNull(),
    tenure: text('tenure', { enum: tenures }).notNull(),
    note: text('note'),
    movedOutAt: timestamp('moved_out_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_building_idx').on(t.buildingId, t.room),
    index('households_unit_idx').on(t.unitId),
    index('households_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * How a resident came to live where a residence period places them: `regridded` when they did not move, their
 * building went to another grid (a grid plan applied, registry.regrid.ts).
 */
export const arrivals = ['registered', 'moved', 'returned', 'regridded'] as const;

/**
 * Residents (居民). ID-card number and phone are AES-256-GCM ciphertext, found through HMAC blind indexes.
 * A resident who moves out keeps the row with `householdId` null and `movedOutAt` set; history records each move.
 * The row is also the resident's latest residence period: from `movedInAt` (how: `arrival`, from `movedFromCode`) in
 * its household, building and grid, to `movedOutAt` (open while they live there). Earlier periods are in
 * `residence_history`; figures as of a past day read both (registry.figures.ts), the row through the covering index
 * residents_present_idx (migration 0015, written by hand: drizzle declares no INCLUDE columns).
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').references(() => households.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    territoryCode: text('territory_code'),
    name: text('name').notNull(),
    gender: text('gender', { enum: genders }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idCardEnc: text('id_card_enc'),
    idCardIndex: text('id_card_index'),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    relation: text('relation', { enum: relations }).notNull(),
    politicalStatus: text('political_status', { enum: politicalStatuses }).notNull().default('masses'),
    residency: text('residency', { enum: residencyKinds }).notNull().default('registered'),
    note: text('note'),
    movedOutAt: timestamp('moved_out_at', { withTimezone: true }),
    /** Since when they live where the row places them (their registration, or their last move). */
    movedInAt: timestamp('moved_in_at', { withTimezone: true }).notNull().defaultNow(),
    /** How they came there: registered (new to the registry), moved (from `movedFromCode`), returned (after leaving). */
    arrival: text('arrival', { enum: arrivals }).notNull().default('registered'),
    /** The grid they moved from, when `arrival` is `moved`. */
    movedFromCode: text('moved_from_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_household_idx').on(t.householdId),
    index('residents_building_idx').on(t.buildingId),
    index('residents_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    // Name search walks this in order: `name collate "C" like 'X%'` is a range of it and `order by name collate "C",
    // id` its order, so a page is the first rows found and a capped count reads the index alone (once vacuumed).
    index('residents_name_active_idx')
      .using('btree', sql`(${t.name} collate "C")`, t.id)
      .where(sql`${t.movedOutAt} is null`),
    // The list's other orders (registry.residents.ts residentOrder), current residents only, each ending with the id:
    // a page is an index walk to its offset, forward or backward, whatever the scope. The birth date's serves the age
    // filters' date range now (the age order sorts by whole years, which no index holds).
    index('residents_birth_active_idx')
      .on(t.birthDate, t.id)
      .where(sql`${t.movedOutAt} is null`),
    index('residents_created_active_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.movedOutAt} is null`),
    index('residents_grid_name_active_idx')
      .using('btree', t.territoryCode, sql`(${t.name} collate "C")`, t.id)
      .where(sql`${t.movedOutAt} is null`),
    uniqueIndex('residents_id_card_index_key').on(t.idCardIndex),
    index('residents_phone_index_idx').on(t.phoneIndex),
  ],
);

/**
 * Key-population tags (重点人群) of residents, each with a care level 1 (routine) – 3 (close), held `since` a moment;
 * a tag removed or a care level changed leaves its period in `resident_tag_history`.
 */
export const residentTags = pgTable(
  'resident_tags',
  {
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    tag: text('tag', { enum: keyPopulationTags }).notNull(),
    careLevel: smallint('care_level').notNull().default(1),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.tag] }), index('resident_tags_tag_idx').on(t.tag)],
);

/** What happened to a household or resident over time: moves between households, move-outs, changes. */
export const registryHistory = pgTable(
  'registry_history',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    entityType: text('entity_type', { enum: ['household', 'resident'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    event: text('event', { enum: ['created', 'updated', 'moved', 'moved_out', 'moved_in'] }).notNull(),
    fromHouseholdId: uuid('from_household_id'),
    toHouseholdId: uuid('to_household_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    actorId: uuid('actor_id'),
  },
  (t) => [index('registry_history_entity_idx').on(t.entityType, t.entityId, t.at)],
);

/**
 * A resident's earlier residence periods: where they lived (household, building, grid) from `startsAt` to `endsAt`,
 * how they came (`arrival`, from `movedFromCode`) and how they left: `moved` to `movedToCode`, or `moved_out` of the
 * registry. Written when a resident moves (registry.writes.ts); the latest period is the resident's row.
 */
export const residenceHistory = pgTable(
  'residence_history',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').references(() => households.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    territoryCode: text('territory_code'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    arrival: text('arrival', { enum: arrivals }).notNull(),
    movedFromCode: text('moved_from_code'),
    departure: text('departure', { enum: ['moved', 'moved_out', 'regridded'] }).notNull(),
    movedToCode: text('moved_to_code'),
  },
  (t) => [
    index('residence_history_resident_idx').on(t.residentId),
    index('residence_history_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * A household's earlier grids: where it was placed (building, grid) from `startsAt` to `endsAt` before its building
 * moved to another grid (a grid plan applied, registry.regrid.ts). The household's row holds its grid since the last
 * such period ended (or since it was registered); figures as of a past day read both (registry.figures.ts).
 */
export const householdGridHistory = pgTable(
  'household_grid_history',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    territoryCode: text('territory_code').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('household_grid_history_household_idx').on(t.householdId, t.endsAt),
    index('household_grid_history_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/** Ended periods of key-population tags: a tag held from `startsAt` to `endsAt` with its care level then. */
export const residentTagHistory = pgTable(
  'resident_tag_history',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    tag: text('tag', { enum: keyPopulationTags }).notNull(),
    careLevel: smallint('care_level').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('resident_tag_history_resident_idx').on(t.residentId)],
);

/** Grids of an earlier layout (e.g. the county's 204 grids before re-planning), kept for comparison. */
export const gridLayoutHistory = pgTable(
  'grid_layout_history',
  {
    id: uuid('id').primaryKey(),
    layout: text('layout').notNull(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => territories.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    boundary: jsonb('boundary').$type<GeoJsonGeometry | null>(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [uniqueIndex('grid_layout_history_key').on(t.layout, t.code)],
);

/** The registry's tables that bulk loads (seed, import) leave behind: vacuumed and analysed (core/db/statistics.ts). */
export const REGISTRY_TABLES = [
  'buildings',
  'units',
  'households',
  'residents',
  'resident_tags',
  'registry_history',
  'residence_history',
  'resident_tag_history',
  'household_grid_history',
] as const;
