import {
  boolean,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { persons } from '../people/people.public.ts';
import { households } from '../registry/registry.public.ts';

export const partyOrgKinds = ['alliance', 'branch', 'group'] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];

/**
 * The community's party organisation (四级组织体系): the community party-building alliance (社区党建共同体) at the
 * top, grid or compound functional branches (功能型党支部) under it, building party groups (楼栋党小组) under a
 * branch; red building leaders and party-member central households form the fourth level (leaders module,
 * `partyMembers.centralHousehold`). `communityCode` is the community's territory code (scopes filter on it and on
 * the places an organisation covers). A dissolved or merged organisation keeps its row: `endsOn` is its last day, `mergedInto` where its
 * members went. Every period in these tables runs from `startsOn` to `endsOn`, both days included (null: still on).
 */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: partyOrgKinds }).notNull(),
    parentId: uuid('parent_id'),
    communityCode: text('community_code').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_community_code_idx').using('btree', t.communityCode.op('text_pattern_ops')),
  ],
);

export const partyPlaceKinds = ['grid', 'building'] as const;

/** The grids a branch covers and the buildings a group covers; `territoryCode` is the grid's code. */
export const partyOrgPlaces = pgTable(
  'party_org_places',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    placeKind: text('place_kind', { enum: partyPlaceKinds }).notNull(),
    placeId: uuid('place_id').notNull(),
    territoryCode: text('territory_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.placeId] }),
    index('party_org_places_place_idx').on(t.placeId),
    index('party_org_places_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

export const partyMemberStatuses = ['formal', 'probationary'] as const;

/**
 * Members of a branch (and of one of its groups): party status, and whether their household is a party-member
 * central household (党员中心户). `endsOn` is their last day as a member.
 */
export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => partyOrgs.id),
    groupId: uuid('group_id').references(() => partyOrgs.id),
    status: text('status', { enum: partyMemberStatuses }).notNull(),
    centralHousehold: boolean('central_household').notNull().default(false),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_members_person_idx').on(t.personId),
    index('party_members_branch_idx').on(t.branchId),
    index('party_members_group_idx').on(t.groupId),
  ],
);

/**
 * Secretaries of branches and leaders of groups, with their dates; `isCadre` marks an in-service cadre serving as
 * secretary (在职党员干部任支部书记), `cadreUnit` their work unit. A secretary is a member of the organisation.
 */
export const partySecretaries = pgTable(
  'party_secretaries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    isCadre: boolean('is_cadre').notNull().default(false),
    cadreUnit: text('cadre_unit'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_secretaries_org_idx').on(t.orgId),
    index('party_secretaries_person_idx').on(t.personId),
  ],
);

export const allianceUnitKinds = ['resident_unit', 'new_organisation'] as const;

/** The alliance's member units: units based in the community (驻区单位) and new economic and social organisations (两新组织). */
export const allianceUnits = pgTable(
  'alliance_units',
  {
    id: uuid('id').primaryKey(),
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => partyOrgs.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: allianceUnitKinds }).notNull(),
    contact: text('contact'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [index('alliance_units_alliance_idx').on(t.allianceId)],
);

export const workUnitKinds = ['government', 'public_institution', 'state_enterprise', 'other'] as const;

/** Work units of residence-registered members (机关事业单位): how many each has registered is counted from the registrations. */
export const workUnits = pgTable(
  'work_units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: workUnitKinds }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_units_name_key').on(t.name)],
);

export const registrationStatuses = [
  'submitted',
  'approved',
  'rejected',
  'deregistered',
  'transferred',
] as const;

/**
 * Residence registrations of in-service party members (双报到): a member of a government or public institution
 * registers with the community where they live (`householdId`, a household of that community), with skills and
 * availability; the community approves and places them in a grid branch (`branchId`). `startsOn` is the day
 * approved, `endsOn` the last day registered (deregistered, or transferred to `transferredTo`).
 * `territoryCode` is the household's grid code, `communityCode` the community's.
 */
export const partyRegistrations = pgTable(
  'party_registrations',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    workUnitId: uuid('work_unit_id')
      .notNull()
      .references(() => workUnits.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    communityCode: text('community_code').notNull(),
    territoryCode: text('territory_code').notNull(),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: text('availability'),
    status: text('status', { enum: registrationStatuses }).notNull(),
    branchId: uuid('branch_id').references(() => partyOrgs.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reason: text('reason'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    transferredTo: uuid('transferred_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_registrations_person_idx').on(t.personId),
    index('party_registrations_work_unit_idx').on(t.workUnitId),
    index('party_registrations_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    index('party_registrations_branch_idx').on(t.branchId),
  ],
);
