import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Mobile number, AES-256-GCM ciphertext; found through `mobileIndex`. */
    mobileEnc: text('mobile_enc'),
    mobileIndex: text('mobile_index'),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_mobile_index_key').on(t.mobileIndex),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeKind: text('scope_kind', {
      enum: ['all', 'street', 'community', 'grids', 'buildings', 'self'],
    }).notNull(),
    /** Territory ids for street/community/grids scopes, building ids for a buildings scope. */
    scopeIds: uuid('scope_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /**
     * Set when a position gave this access (a building leader's term, a grid worker's post, a registration): the
     * owning module names the kind and its record. The position's end deletes the row; account administration
     * leaves such rows alone.
     */
    sourceKind: text('source_kind'),
    sourceId: uuid('source_id'),
    /** The access starts at this moment (a term approved ahead of its first day); null: at once. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    /** The access stops at this moment (the end of a term), whether or not a job has deleted the row yet. */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_source_idx').on(t.sourceId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 of the cookie token: a stolen table cannot be replayed as cookies. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    /** Lower-cased username or blind index of the mobile number that was tried. */
    account: text('account').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_failures_account_idx').on(t.account, t.at),
    index('login_failures_ip_idx').on(t.ip, t.at),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Territory code the entity belongs to, so scoped auditors see their own subtree. */
    territoryCode: text('territory_code'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

/**
 * Every place a role's scope can be anchored on: territory nodes (street, community, grid…) and buildings, with
 * their level, code and name. A view created by migration 0009 over the territory and registry modules' tables, so
 * the kernel resolves scopes without importing a module.
 */
export const scopeAnchors = pgView('scope_anchors', {
  id: uuid('id').notNull(),
  level: text('level').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
}).existing();
