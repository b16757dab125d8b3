import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
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

/**
 * The five role groups of the duty lists (五类人员职责清单) and who holds each (duties.holders.ts):
 * - `community_secretary` 社区党组织书记: an account holding the community_secretary role for a community, or the
 *   secretary of a community's party-building alliance (party_secretaries on an `alliance`);
 * - `branch_secretary` 网格党支部书记: the secretary of a grid functional branch (party_secretaries on a `branch`);
 * - `registered_cadre` 报到干部/在职党员: an approved residence registration (party_registrations, 双报到);
 * - `grid_worker` 网格员/民情书记: a grid worker's post (grid_workers);
 * - `building_leader` 红色楼长: an approved building or unit leader term (leader_terms).
 */
export const roleGroups = [
  'community_secretary',
  'branch_secretary',
  'registered_cadre',
  'grid_worker',
  'building_leader',
] as const;
export type RoleGroup = (typeof roleGroups)[number];
/** The groups sharing a grid's joint duties (共同责任): the branch secretary and the grid worker. */
export const sharedGroups: readonly RoleGroup[] = ['branch_secretary', 'grid_worker'];

export const dutyModes = ['normal', 'emergency'] as const;
export type DutyMode = (typeof dutyModes)[number];
export const dutyFrequencies = ['daily', 'weekly', 'monthly', 'per_round', 'on_event'] as const;
export type DutyFrequency = (typeof dutyFrequencies)[number];
/** The frequencies the scheduled job turns into dated tasks (per round / on event: raised by what happens). */
export const periodicFrequencies = ['daily', 'weekly', 'monthly'] as const;
export const dutyEvidence = ['photo', 'note', 'visit', 'none'] as const;
export type DutyEvidence = (typeof dutyEvidence)[number];
export const taskStatuses = ['open', 'done'] as const;
/** generated: by the daily job from a periodic item; raised: once for a person (raiseTask); round: a per-round item's task of a door-knocking round (generateRoundTasks). */
export const taskSources = ['generated', 'raised', 'round'] as const;

/**
 * Duty list items (职责任务清单): the county's template (`communityId` null, `territoryCode` the county's code) and a
 * community's own additions (`communityId`, `territoryCode` the community's code). An item is never deleted: it is
 * retired by its last day `endsOn` (valid period startsOn..endsOn, both days included). `shared` (only for the
 * branch secretary's and the grid worker's items): one task per grid and period, held jointly by the grid's branch
 * secretary and grid workers (共同责任).
 */
export const dutyItems = pgTable(
  'duty_items',
  {
    id: uuid('id').primaryKey(),
    communityId: uuid('community_id').references(() => territories.id),
    territoryCode: text('territory_code').notNull(),
    roleGroup: text('role_group', { enum: roleGroups }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    mode: text('mode', { enum: dutyModes }).notNull().default('normal'),
    frequency: text('frequency', { enum: dutyFrequencies }).notNull(),
    evidence: text('evidence', { enum: dutyEvidence }).notNull().default('none'),
    shared: boolean('shared').notNull().default(false),
    sortOrder: smallint('sort_order').notNull().default(0),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_items_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    index('duty_items_group_idx').on(t.roleGroup),
  ],
);

/**
 * Dated tasks (任务): one per item, period and holder, made by the daily generation (the unique key makes running it
 * twice harmless), one per per-round item, round and holder when a door-knocking round opens (`generateRoundTasks`,
 * kept single by its `sourceKey` round:<round>:<item>:<holder>), or raised once for a person (`raiseTask`: a round's
 * follow-up, `sourceKey` keeps it single even under concurrent calls; it names the group's on-event item if any).
 * `holderKey` is the holder's person (else their account); a shared item's task is held by its grid (`holderKey` the
 * grid's id) and lists its people in `duty_task_assignees`, as every task does. `territoryCode` is the grid (or, for
 * a community secretary, the community) the task is about; `buildingId` a building leader's building. The evidence
 * note may name people: encrypted at rest.
 */
export const dutyTasks = pgTable(
  'duty_tasks',
  {
    id: uuid('id').primaryKey(),
    /** The item (null for a task raised once); no foreign key, the demo writes many. Items are never deleted. */
    itemId: uuid('item_id'),
    holderKey: uuid('holder_key').notNull(),
    periodStart: date('period_start').notNull(),
    dueOn: date('due_on').notNull(),
    /** The title of a raised task; generated tasks read their item's. */
    title: text('title'),
    description: text('description'),
    roleGroup: text('role_group', { enum: roleGroups }),
    mode: text('mode', { enum: dutyModes }).notNull().default('normal'),
    frequency: text('frequency', { enum: dutyFrequencies }),
    evidence: text('evidence', { enum: dutyEvidence }).notNull().default('none'),
    shared: boolean('shared').notNull().default(false),
    territoryCode: text('territory_code').notNull(),
    buildingId: uuid('building_id'),
    source: text('source', { enum: taskSources }).notNull().default('generated'),
    sourceKey: text('source_key'),
    status: text('status', { enum: taskStatuses }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    donePersonId: uuid('done_person_id'),
    /** The completion's client-generated id (a phone's queue): the same completion sent again answers the task. */
    doneClientId: uuid('done_client_id'),
    noteEnc: text('note_enc'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duty_tasks_item_period_holder_key')
      .on(t.itemId, t.periodStart, t.holderKey)
      .where(sql`${t.source} = 'generated'`),
    uniqueIndex('duty_tasks_source_key').on(t.sourceKey),
    uniqueIndex('duty_tasks_done_client_id_key').on(t.doneClientId),
    index('duty_tasks_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    index('duty_tasks_due_idx').on(t.dueOn),
  ],
);

/** Who a task is for: one holder, or a shared task's branch secretaries and grid workers. */
export const dutyTaskAssignees = pgTable(
  'duty_task_assignees',
  {
    taskId: uuid('task_id').notNull(),
    holderKey: uuid('holder_key').notNull(),
    personId: uuid('person_id'),
    userId: uuid('user_id'),
    roleGroup: text('role_group', { enum: roleGroups }),
    dueOn: date('due_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.holderKey] }),
    index('duty_task_assignees_holder_idx').on(t.holderKey, t.dueOn),
  ],
);

/**
 * The photo a task's evidence holds (an item asking for a photo cannot be completed without one), uploaded by one of
 * its assignees while the task is open; a second replaces the first until the task is done. Checked, its metadata
 * stripped and sealed with the data key (core/photos/photos.ts); the task's scope columns are copied so reading it
 * needs no join.
 */
export const dutyTaskPhotos = pgTable('duty_task_photos', {
  taskId: uuid('task_id')
    .primaryKey()
    .references(() => dutyTasks.id, { onDelete: 'cascade' }),
  territoryCode: text('territory_code').notNull(),
  buildingId: uuid('building_id'),
  contentType: text('content_type', { enum: photoTypes }).notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  sealed: bytea('sealed').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
