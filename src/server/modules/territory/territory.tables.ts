import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const territoryLevels = ['county', 'street', 'community', 'grid'] as const;
export type TerritoryLevel = (typeof territoryLevels)[number];

/**
 * The territory tree county → street → community → grid. A child's code extends its parent's code
 * (county 6 digits, then 3 digits per level), so a subtree is every code with the root's code as prefix. Each node
 * has a valid period, `startsOn` to `endsOn` (both days included, `endsOn` null while it lasts): figures as of a past
 * day count the nodes on that day (core/db/periods.ts activeOn).
 */
export const territories = pgTable(
  'territories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    level: text('level', { enum: territoryLevels }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Position among siblings (grids are numbered west→east, north→south). */
    sequence: integer('sequence').notNull().default(0),
    boundary: jsonb('boundary').$type<GeoJsonGeometry | null>(),
    /** The first day of the node (Asia/Shanghai); today's when it is added. */
    startsOn: date('starts_on', { mode: 'string' })
      .notNull()
      .default(sql`((now() at time zone 'UTC') + interval '8 hours')::date`),
    /** Its last day; null while it lasts. */
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('territories_code_key').on(t.code),
    index('territories_parent_idx').on(t.parentId),
    index('territories_code_prefix_idx').using('btree', t.code.op('text_pattern_ops')),
  ],
);

type Position = [number, number];
export type GeoJsonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export const baseLineKinds = ['main_road', 'side_street', 'river'] as const;
export type BaseLineKind = (typeof baseLineKinds)[number];

/**
 * The county's offline base layer: roads and rivers as line strings in longitude/latitude, drawn by the map under
 * the boundaries when no tile base map is configured (the demo county's come from its synthetic town). `territoryCode`
 * is the place a line belongs to; the map of a place shows the lines of its county.
 */
export const baseLines = pgTable(
  'territory_base_lines',
  {
    id: uuid('id').primaryKey(),
    territoryCode: text('territory_code').notNull(),
    kind: text('kind', { enum: baseLineKinds }).notNull(),
    /** [[lng, lat], …], at least two points. */
    line: jsonb('line').$type<[number, number][]>().notNull(),
  },
  (t) => [index('territory_base_lines_code_idx').using('btree', t.territoryCode.op('text_pattern_ops'))],
);
