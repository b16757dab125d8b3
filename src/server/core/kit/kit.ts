import { installCatalogue } from '../auth/catalogue.ts';
import { roleCodes, type Permission, type RoleCode } from '../auth/roles.ts';
import { coreErrorCodes, type Text } from '../http/errors.ts';
import { installSettings, settingSchema, type SettingDefinition } from '../settings/settings.ts';
import type { Executor } from '../db/client.ts';
import type { AuditKit, Kit, ModuleDefinition } from './module.ts';

/** A module declaration that cannot work: the start stops with this message. */
export class KitError extends Error {
  constructor(message: string) {
    super(`module kit: ${message}`);
    this.name = 'KitError';
  }
}

const PERMISSION = /^[a-z][a-z_]*:[a-z][a-z_]*$/;
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Assembles the platform from its modules (the kernel's own declaration first) and checks every declaration: module
 * names unique; permissions well-formed and declared once; grants naming known roles and declared permissions;
 * error codes, figure keys and audit labels declared once; demo dependencies naming modules with no cycle. Installs
 * the role catalogue the authorisation checks read (core/auth/catalogue.ts).
 */
export function assembleKit(modules: readonly ModuleDefinition[]): Kit {
  const names = new Set<string>();
  for (const m of modules) {
    if (!MODULE_NAME.test(m.name)) {
      throw new KitError(`module name "${m.name}" must be lower-case letters and digits`);
    }
    if (names.has(m.name)) throw new KitError(`module "${m.name}" is listed twice`);
    names.add(m.name);
  }

  const permissions = new Map<Permission, Text>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [permission, text] of Object.entries(m.permissions ?? {}) as [Permission, Text][]) {
      if (!PERMISSION.test(permission)) {
        throw new KitError(
          `module "${m.name}" declares permission "${permission}": use entity:action, lower case`,
        );
      }
      if (permissions.has(permission)) {
        throw new KitError(
          `permission "${permission}" is declared by both "${owner.get(permission)}" and "${m.name}"`,
        );
      }
      permissions.set(permission, text);
      owner.set(permission, m.name);
    }
  }

  const grants = new Map<RoleCode, Set<Permission>>(roleCodes.map((r) => [r, new Set<Permission>()]));
  for (const m of modules) {
    for (const [role, granted] of Object.entries(m.grants ?? {})) {
      const set = grants.get(role as RoleCode);
      if (!set) throw new KitError(`module "${m.name}" grants permissions to unknown role "${role}"`);
      for (const permission of granted ?? []) {
        if (!permissions.has(permission)) {
          throw new KitError(
            `module "${m.name}" grants unknown permission "${permission}" to role "${role}" (declare it in a module's permissions)`,
          );
        }
        set.add(permission);
      }
    }
  }

  const errorCodes = new Map<string, string>(coreErrorCodes.map((code) => [code, 'core']));
  for (const m of modules) {
    for (const { code } of m.errors?.codes ?? []) {
      const first = errorCodes.get(code);
      if (first && !(first === 'core' && m.name === 'core')) {
        throw new KitError(`error code "${code}" of module "${m.name}" is already used by "${first}"`);
      }
      errorCodes.set(code, m.name);
    }
  }

  const audit = assembleAudit(modules);
  const auditLabels = { actions: audit.actions, entityTypes: audit.entityTypes };

  const figureKeys = new Map<string, Text>();
  const figureOwner = new Map<string, string>();
  for (const m of modules) {
    for (const set of m.figures ?? []) {
      for (const [key, text] of Object.entries(set.keys)) {
        if (figureKeys.has(key)) {
          throw new KitError(`figure "${key}" is computed by both "${figureOwner.get(key)}" and "${m.name}"`);
        }
        figureKeys.set(key, text);
        figureOwner.set(key, m.name);
      }
    }
  }

  const settings = new Map<string, SettingDefinition>();
  for (const m of modules) {
    for (const setting of m.settings ?? []) {
      if (!setting.key.startsWith(`${m.name}.`)) {
        throw new KitError(`setting "${setting.key}" of module "${m.name}" must start with "${m.name}."`);
      }
      if (settings.has(setting.key)) throw new KitError(`setting "${setting.key}" is declared twice`);
      if (!settingSchema(setting.input).safeParse(setting.default).success) {
        throw new KitError(`setting "${setting.key}" has a default its own input refuses`);
      }
      settings.set(setting.key, setting);
    }
  }

  const uploads = modules.flatMap((m) => m.uploads ?? []);
  installCatalogue(permissions, grants);
  installSettings(settings.values());
  return {
    modules,
    permissions,
    grants,
    errorCodes,
    auditLabels,
    audit,
    figures: { keys: figureKeys, sets: modules.flatMap((m) => m.figures ?? []) },
    demoOrder: demoOrder(modules),
    maintainedTables: [...new Set(modules.flatMap((m) => m.maintain ?? []))],
    settings,
    imageSources: imageSourcesOf(modules),
    uploads,
  };
}

/** An origin a Content-Security-Policy source list may hold verbatim: nothing that could end or widen it. */
const IMAGE_ORIGIN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** Every module's image origins at once, each checked again (a bad one is left out, never put into the header). */
function imageSourcesOf(modules: readonly ModuleDefinition[]) {
  const sources = modules.flatMap((m) => (m.imageSources ? [m.imageSources] : []));
  return async (db: Executor) => {
    const lists = await Promise.all(sources.map((source) => source(db)));
    return [...new Set(lists.flat().filter((origin) => IMAGE_ORIGIN.test(origin)))];
  };
}

/**
 * The modules with demo data, each after the modules it names in `demo.after` (depth-first, in list order), the
 * deferred ones (`demo.deferred`) after all the others.
 */
function demoOrder(modules: readonly ModuleDefinition[]): ModuleDefinition[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const order: ModuleDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleDefinition, path: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') {
      throw new KitError(`demo data depends on itself: ${[...path, m.name].join(' → ')}`);
    }
    state.set(m.name, 'visiting');
    for (const dependency of m.demo?.after ?? []) {
      const target = byName.get(dependency);
      if (!target) {
        throw new KitError(`module "${m.name}" generates demo data after unknown module "${dependency}"`);
      }
      if (!target.demo) {
        throw new KitError(`module "${m.name}" waits for "${dependency}", which has no demo data`);
      }
      if (target.demo.deferred && !m.demo?.deferred) {
        throw new KitError(
          `module "${m.name}" generates demo data after "${dependency}", whose demo data is deferred: mark it deferred too`,
        );
      }
      visit(target, [...path, m.name]);
    }
    state.set(m.name, 'done');
    if (m.demo) order.push(m);
  };
  for (const m of modules) visit(m, []);
  return [...order.filter((m) => !m.demo?.deferred), ...order.filter((m) => m.demo?.deferred)];
}

/**
 * The modules' audit declarations in one: each action, entity type, field, namer and system actor declared once; a
 * field's `entity` must be one some module can name.
 */
function assembleAudit(modules: readonly ModuleDefinition[]): AuditKit {
  const audit: AuditKit = {
    actions: {},
    entityTypes: {},
    fields: {},
    entityFields: {},
    names: {},
    systemActors: {},
  };
  const what = {
    actions: 'action',
    entityTypes: 'entity type',
    fields: 'field',
    names: 'namer of entity type',
    systemActors: 'system actor',
  } as const;
  for (const m of modules) {
    for (const kind of Object.keys(what) as (keyof typeof what)[]) {
      for (const [code, value] of Object.entries(m.audit?.[kind] ?? {})) {
        if (audit[kind][code]) throw new KitError(`audit ${what[kind]} "${code}" is declared twice`);
        (audit[kind] as Record<string, unknown>)[code] = value;
      }
    }
    for (const [type, fields] of Object.entries(m.audit?.entityFields ?? {})) {
      for (const [field, value] of Object.entries(fields)) {
        const own = (audit.entityFields[type] ??= {});
        if (own[field]) throw new KitError(`audit field "${field}" of "${type}" is declared twice`);
        own[field] = value;
      }
    }
  }
  const allFields = [
    ...Object.entries(audit.fields),
    ...Object.values(audit.entityFields).flatMap((fields) => Object.entries(fields)),
  ];
  for (const [field, { entity }] of allFields) {
    if (entity && !audit.names[entity]) {
      throw new KitError(`audit field "${field}" refers to entity type "${entity}", which no module names`);
    }
  }
  return audit;
}
