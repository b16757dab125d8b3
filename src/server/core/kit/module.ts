import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DataKeys } from '../auth/personal-data.ts';
import type { Permission, RoleCode } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Random } from '../demo/random.ts';
import type { Db, Executor, Tx } from '../db/client.ts';
import type { AppEnv } from '../http/context.ts';
import type { Text } from '../http/errors.ts';
import type { JobHandler } from '../jobs/runner.ts';
import type { Schedule } from '../jobs/schedules.ts';
import type { SettingDefinition } from '../settings/settings.ts';

/** What a module's routes receive: the database, the data keys, configuration, logging and the assembled kit. */
export type ModuleDeps = { db: Db; keys: DataKeys; config: Config; logger: Logger; kit: Kit };

/** Where and when a figure is computed: the caller's scope, a place inside it, a period (stock as of `asOf`). */
export type FigureContext = {
  db: Executor;
  scope: Scope;
  /** The territory code of the place asked about (inside the scope); the whole scope when absent. */
  code?: string;
  /** Start of the period (flows count from here). */
  from?: Date;
  /** End of the period: stock figures are taken as of this moment; now when absent. */
  asOf?: Date;
};

/**
 * Figures of the report (DOMAIN.md §4) a module computes: their keys with labels, and one function computing them
 * all at once (several keys usually come from one query).
 */
export type FigureSet = {
  keys: Record<string, Text>;
  compute(context: FigureContext): Promise<Record<string, number>>;
  /**
   * The data sets (data_versions, bumped by triggers on their tables) whose tables the figures read: they are
   * cached per process until one of them changes. Default `['registry']`. A module whose own tables change often
   * (visits of a door-knocking round) gives them a data set of their own, so that its writes do not recompute every
   * other module's figures, nor its figures on every registry write when they do not read the registry.
   */
  dataSets?: readonly string[];
};

/** What a module's jobs receive. */
export type JobDeps = { db: Db; keys: DataKeys; logger: Logger; databaseKind: 'pglite' | 'postgres' };

export type DemoOptions = { seed: number; scale: number; password: string };

/**
 * What a module's demo generator receives, inside the seed's one transaction: the shared deterministic random
 * stream (modules draw from it in dependency order, so a seed always gives the same county), and what the modules
 * it depends on left in `shared` (each module's public file has a typed reader for its own entry).
 */
export type DemoContext = {
  tx: Tx;
  keys: DataKeys;
  random: Random;
  options: DemoOptions;
  /** Hash of the demo password, computed once for every demo account. */
  passwordHash: string;
  shared: Map<string, unknown>;
  /** Says how far a long generator is (`done` of `total` rows of `what`), for the start's progress lines. */
  progress?: (done: number, total: number, what: string) => void;
};

/** One field of an audit row's changes: its name in both languages, and how its values read. */
export type AuditField = Text & {
  /** The values are ids of this entity type: shown by the entity's name (see `AuditNamer`). */
  entity?: string;
  /** Names of coded values (a status, a kind); an array of codes is named item by item. */
  values?: Record<string, Text>;
  /** Masks a text value before it is shown (a resident's name: `maskPersonName`); ID cards and phones always are. */
  mask?: (value: string) => string;
};

/**
 * Names of entities of one type for the audit log, given the ids of a page of entries at once: ONE query, however
 * many ids. `territoryCode` (where the entity lies now) lets the kernel hide the name of an entity a field refers
 * to when it lies outside the reader's scope; leave it out (or null) for entities with no place (an account).
 * Personal names come back masked (`maskPersonName`): the audit log never shows more than the registry's lists.
 */
export type AuditNamer = (
  db: Executor,
  ids: string[],
) => Promise<{ id: string; name: string; territoryCode?: string | null }[]>;

/** What a module declares for its audit rows (served, labels only, at GET /audit/labels). */
export type AuditDeclaration = {
  /** Actions it writes, named in both languages. */
  actions?: Record<string, Text>;
  /** Entity types it writes, named in both languages. */
  entityTypes?: Record<string, Text>;
  /**
   * Fields of its rows' `changes`, named in both languages. A field name means one thing across the platform
   * (`name`, `startsOn`…), so each is declared once; `entityFields` names a field that reads differently for one
   * entity type (a household's `kind` and its values).
   */
  fields?: Record<string, AuditField>;
  entityFields?: Record<string, Record<string, AuditField>>;
  /** How to name entities of a type (its own, or one its fields refer to, such as `building`). */
  names?: Record<string, AuditNamer>;
  /** Writers that are not accounts (a job, the demo seed), by the actor name they write: shown by this label. */
  systemActors?: Record<string, Text>;
};

/** The audit declarations of every module, assembled (kit.ts). */
export type AuditKit = {
  actions: Record<string, Text>;
  entityTypes: Record<string, Text>;
  fields: Record<string, AuditField>;
  entityFields: Record<string, Record<string, AuditField>>;
  names: Record<string, AuditNamer>;
  systemActors: Record<string, Text>;
};

/** Everything a module contributes to the platform, declared in its `<name>.module.ts`. */
export type ModuleDefinition = {
  /** The folder name under src/server/modules/. */
  name: string;
  /** Its API routes, mounted under /api/v1. */
  routes?: (deps: ModuleDeps) => OpenAPIHono<AppEnv>;
  /** Upload endpoints (POST path under /api/v1) with their own body limit instead of the JSON one. */
  uploads?: { path: string; maxBytes: number }[];
  /** Its permissions, `entity:action`, named in both languages. */
  permissions?: Record<Permission, Text>;
  /** Which roles hold which of its permissions (the county administrator holds every permission). */
  grants?: Partial<Record<RoleCode, Permission[]>>;
  /** Its error catalogue (`defineErrors`). */
  errors?: { readonly codes: readonly { code: string; status: number }[] };
  /** Audit actions, entity types and fields it writes, named in both languages, and how to name its entities. */
  audit?: AuditDeclaration;
  /** Figures of the report it computes (GET /insights/figures). */
  figures?: FigureSet[];
  /** County-wide settings an administrator changes at runtime (GET/PUT /settings), read with readSetting. */
  settings?: SettingDefinition[];
  /**
   * Origins the pages may load images from besides their own (Content-Security-Policy img-src), read per page
   * request, e.g. the base map's tile server from the county's settings. Each must be a plain `https://host[:port]`.
   */
  imageSources?: (db: Executor) => Promise<string[]>;
  /** Its background jobs and schedules (core/jobs). */
  jobs?: (deps: JobDeps) => { handlers: Record<string, JobHandler>; schedules?: Schedule[] };
  /** Its tables that bulk loads leave behind: vacuumed and analysed after a seed, and every 6 hours on PGlite. */
  maintain?: string[];
  /**
   * Its demo data, generated after the modules named in `after`. Returns counts for the seed's summary. `prepare`
   * (optional) starts pure work the generator will need (in a worker thread) before the database is even created:
   * a first start runs it beside the migrations (seed.ts, prepareDemo). `deferred`: no other module's demo data
   * depends on it (the county's past activity: duty tasks done, rounds, visit logs; the contact assignments): it is
   * generated after every other module, and a first start on PGlite opens the platform before it and loads it in the
   * background (src/demo/deferred.ts). A module that is not deferred may not name one that is in `after`.
   */
  demo?: {
    after?: string[];
    deferred?: boolean;
    prepare?(options: DemoOptions): Promise<void>;
    generate(context: DemoContext): Promise<Record<string, number>>;
  };
};

/** Declares a module; the kit (kit.ts) checks every declaration when the modules are assembled. */
export function defineModule<const M extends ModuleDefinition>(module: M): M {
  return module;
}

/** The platform assembled from its modules' declarations (assembleKit). */
export type Kit = {
  modules: readonly ModuleDefinition[];
  permissions: Map<Permission, Text>;
  grants: Map<RoleCode, Set<Permission>>;
  errorCodes: Map<string, string>;
  auditLabels: { actions: Record<string, Text>; entityTypes: Record<string, Text> };
  /** Everything the modules declare for the audit log: labels, field labels, namers, system actors. */
  audit: AuditKit;
  figures: { keys: Map<string, Text>; sets: FigureSet[] };
  /** Every module's settings by key. */
  settings: Map<string, SettingDefinition>;
  /** Every module's image origins for the pages' Content-Security-Policy (see ModuleDefinition.imageSources). */
  imageSources: (db: Executor) => Promise<string[]>;
  /** Modules with demo data, each after those it depends on. */
  demoOrder: ModuleDefinition[];
  maintainedTables: string[];
  uploads: { path: string; maxBytes: number }[];
};
