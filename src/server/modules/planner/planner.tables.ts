import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import type { ProposalSnapshot, StoredProposal } from './planner.snapshot.ts';

export const barrierKinds = ['road', 'river', 'rail'] as const;
export type BarrierKind = (typeof barrierKinds)[number];
export const proposalModes = ['fresh', 'adjust'] as const;
export const proposalStatuses = ['draft', 'applied'] as const;

/**
 * Barrier lines (main roads, rivers, rail lines) no grid may cross: a line string in longitude/latitude, drawn in a
 * territory (`territoryCode`, its scope). A plan of a place uses every barrier drawn in it, above it or below it.
 */
export const plannerBarriers = pgTable(
  'planner_barriers',
  {
    id: uuid('id').primaryKey(),
    territoryCode: text('territory_code').notNull(),
    kind: text('kind', { enum: barrierKinds }).notNull(),
    name: text('name').notNull(),
    /** [[lng, lat], …], at least two points. */
    line: jsonb('line').$type<[number, number][]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('planner_barriers_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);

/**
 * Grid plans (网格优化调整方案) of a community, street or the county: the engine's input as it was read from the
 * registry (`snapshot`, in metres, so the proposal can be shown and edited without the registry), its layout and
 * what it changes (`result`), and the registry's fingerprint then: applying a proposal whose place has changed
 * since is refused. Applied once (`status`, `appliedAt`).
 */
export const plannerProposals = pgTable(
  'planner_proposals',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id').notNull(),
    territoryCode: text('territory_code').notNull(),
    level: text('level').notNull(),
    mode: text('mode', { enum: proposalModes }).notNull(),
    targetHouseholds: integer('target_households').notNull(),
    tolerance: real('tolerance').notNull(),
    gridCount: integer('grid_count'),
    seed: integer('seed').notNull(),
    timedOut: boolean('timed_out').notNull().default(false),
    elapsedMs: integer('elapsed_ms').notNull(),
    fingerprint: text('fingerprint').notNull(),
    snapshot: jsonb('snapshot').$type<ProposalSnapshot>().notNull(),
    result: jsonb('result').$type<StoredProposal>().notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('planner_proposals_territory_code_idx').using('btree', t.territoryCode.op('text_pattern_ops')),
  ],
);
