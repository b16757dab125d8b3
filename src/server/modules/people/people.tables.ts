import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { residents } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';

export const personGenders = ['male', 'female'] as const;

/**
 * People (人员): the person behind an account, and the one later records (wishes, points, volunteer hours,
 * check-ins) attach to. A person is a resident of the registry (`residentId`) or stands alone (a volunteer from
 * elsewhere, a merchant). `territoryCode` is where they live or serve, the place scopes filter on: a grid or a
 * community; for a resident it follows the resident's grid (a trigger of migration 0011 copies every change of
 * `residents.territory_code`). The link to an account lives here, so that the kernel imports no module.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender', { enum: personGenders }),
    /** Mobile number, AES-256-GCM ciphertext; found through `mobileIndex`. */
    mobileEnc: text('mobile_enc'),
    mobileIndex: text('mobile_index'),
    residentId: uuid('resident_id').references(() => residents.id),
    territoryCode: text('territory_code').notNull(),
    /** The person agreed to have their mobile printed on contact cards and building pages (一卡一牌). */
    publishMobile: boolean('publish_mobile').notNull().default(false),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the current account was linked (figures count links as of a day). */
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_resident_id_key').on(t.residentId),
    uniqueIndex('persons_user_id_key').on(t.userId),
    index('persons_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
    index('persons_mobile_index_idx').on(t.mobileIndex),
  ],
);

export const gridWorkerEmployments = ['full_time', 'part_time'] as const;
export const gridWorkerOccupations = ['staff', 'delivery_rider', 'courier', 'other'] as const;

/**
 * Grid workers (网格员 / 民情书记): one row per person and grid served, with the dates served. A worker of two grids
 * has two rows. Part-time workers are often delivery riders and couriers (兼职网格员). `startsOn` is the first day
 * served and `endsOn` the last (null while serving), so counts as of any day come from these rows. `territoryCode`
 * repeats the grid's code for scope filters.
 */
export const gridWorkers = pgTable(
  'grid_workers',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => territories.id),
    territoryCode: text('territory_code').notNull(),
    employment: text('employment', { enum: gridWorkerEmployments }).notNull(),
    occupation: text('occupation', { enum: gridWorkerOccupations }).notNull().default('staff'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grid_workers_person_idx').on(t.personId),
    index('grid_workers_grid_idx').on(t.gridId),
    index('grid_workers_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);
