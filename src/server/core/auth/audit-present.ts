import type { Executor } from '../db/client.ts';
import type { Text } from '../http/errors.ts';
import type { AuditField, AuditKit } from '../kit/module.ts';
import type { auditLog } from './auth.tables.ts';
import { maskAuditChanges } from './audit.ts';
import { roles, type RoleCode } from './roles.ts';
import { codeInScope, type Scope } from './scope.ts';

/**
 * An audit page in plain words: labelled action and entity type, the object's name, the actor's name and roles,
 * and the changed fields as "label: old → new" with personal data masked. Names come from the modules' namers,
 * one call per entity type on the page (each namer is one query), so a page of 50 entries costs a few queries.
 */

type AuditRowData = typeof auditLog.$inferSelect;

/** One changed field: `from → to` when `changed`, else the value written (`to`). Values read in both languages. */
export type PresentedChange = {
  field: string;
  label: Text;
  changed: boolean;
  from: Text | null;
  to: Text | null;
};

export type PresentedActor = {
  /** `user` an account, `system` a job or the demo seed, `anonymous` a failed sign-in with no account found. */
  kind: 'user' | 'system' | 'anonymous';
  name: Text;
  roles: Text[];
};

export type PresentedAudit = {
  actionLabel: Text;
  entityTypeLabel: Text;
  /** The object's name now (a resident's masked name, a household's address …), null when it has none or is gone. */
  entityName: string | null;
  actor: PresentedActor;
  changeList: PresentedChange[];
};

/** Numbers with thousands separators (5,526), as the dashboards write them. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const same = (text: string): Text => ({ zh: text, en: text });
const outside: Text = { zh: '（管辖范围外）', en: '(outside your area)' };
const anonymous: Text = { zh: '未登录用户', en: 'Not signed in' };
const unnamedSystem: Text = { zh: '系统', en: 'System' };
const yes: Text = { zh: '是', en: 'Yes' };
const no: Text = { zh: '否', en: 'No' };

/** What the entries of a page refer to: ids by entity type. */
type Wanted = Map<string, Set<string>>;
/** Names found: entity type → id → name and place. */
type Found = Map<string, Map<string, { name: string; territoryCode: string | null }>>;

function fieldOf(audit: AuditKit, entityType: string, field: string): AuditField | undefined {
  return audit.entityFields[entityType]?.[field] ?? audit.fields[field];
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && 'from' in value && 'to' in value;
}

/**
 * Collects the ids a value refers to, at any depth: a string under a field with an `entity`, inside arrays and
 * `{ from, to }` under the same field, and the fields of nested objects (`roles: [{ scopeIds }]`).
 */
function collect(
  audit: AuditKit,
  entityType: string,
  wanted: Wanted,
  field: AuditField | undefined,
  value: unknown,
) {
  if (typeof value === 'string') {
    if (field?.entity && UUID.test(value)) {
      let ids = wanted.get(field.entity);
      if (!ids) wanted.set(field.entity, (ids = new Set()));
      ids.add(value);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collect(audit, entityType, wanted, field, v);
  } else if (isChange(value)) {
    collect(audit, entityType, wanted, field, value.from);
    collect(audit, entityType, wanted, field, value.to);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      collect(audit, entityType, wanted, fieldOf(audit, entityType, key), v);
    }
  }
}

/** Values of fields declared with a `mask` (a person's name), masked at any depth, in the raw changes too. */
function maskDeclared(
  audit: AuditKit,
  entityType: string,
  field: AuditField | undefined,
  value: unknown,
): unknown {
  if (typeof value === 'string') return field?.mask ? field.mask(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskDeclared(audit, entityType, field, v));
  if (value && typeof value === 'object') {
    if (isChange(value)) {
      return {
        from: maskDeclared(audit, entityType, field, value.from),
        to: maskDeclared(audit, entityType, field, value.to),
      };
    }
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        maskDeclared(audit, entityType, fieldOf(audit, entityType, key), v),
      ]),
    );
  }
  return value;
}

/** Joins texts in each language. */
function joinTexts(texts: Text[], zhSeparator = '、', enSeparator = ', '): Text {
  return {
    zh: texts.map((t) => t.zh).join(zhSeparator),
    en: texts.map((t) => t.en).join(enSeparator),
  };
}

type Context = { audit: AuditKit; found: Found; scope: Scope; entityType: string; ownId: string | null };

/** A value as it reads: a referred entity's name, a coded value's label, yes/no, a list, or the text itself. */
function valueText(context: Context, field: AuditField | undefined, value: unknown): Text | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number' || typeof value === 'bigint') return same(grouped.format(value));
  if (typeof value === 'string') {
    if (field?.entity && UUID.test(value)) {
      const hit = context.found.get(field.entity)?.get(value);
      if (!hit) return same(`#${value.slice(-8)}`);
      const visible =
        value === context.ownId || !hit.territoryCode || codeInScope(context.scope, hit.territoryCode);
      return visible ? same(hit.name) : outside;
    }
    const coded = field?.values?.[value];
    if (coded) return coded;
    return same(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => valueText(context, field, v)).filter((t): t is Text => t !== null);
    return items.length ? joinTexts(items) : same('—');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // A reference written with its name ({ id, name }) reads as the name.
    const named = (value as Record<string, unknown>).name;
    if (typeof named === 'string' && entries.every(([k]) => k === 'id' || k === 'name')) return same(named);
    const parts = entries.flatMap(([key, v]) => {
      const inner = fieldOf(context.audit, context.entityType, key);
      const text = valueText(context, inner, v);
      if (text === null) return [];
      const label = inner ?? same(key);
      return [{ zh: `${label.zh}：${text.zh}`, en: `${label.en}: ${text.en}` }];
    });
    return parts.length ? joinTexts(parts, '；', '; ') : same('—');
  }
  return same(JSON.stringify(value) ?? '—');
}

function presentChanges(context: Context, changes: unknown): PresentedChange[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([key, value]) => {
    const field = fieldOf(context.audit, context.entityType, key);
    const label = field ? { zh: field.zh, en: field.en } : same(key);
    if (isChange(value)) {
      return {
        field: key,
        label,
        changed: true,
        from: valueText(context, field, value.from),
        to: valueText(context, field, value.to),
      };
    }
    return { field: key, label, changed: false, from: null, to: valueText(context, field, value) };
  });
}

function presentActor(audit: AuditKit, row: AuditRowData): PresentedActor {
  const roleNames = (row.actorRole ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => roles[code as RoleCode]?.name ?? same(code));
  if (row.actorId) return { kind: 'user', name: same(row.actorName ?? '—'), roles: roleNames };
  const system = row.actorName ? audit.systemActors[row.actorName] : undefined;
  if (system) return { kind: 'system', name: system, roles: [] };
  if (row.actorName) {
    return { kind: 'system', name: joinTexts([unnamedSystem, same(row.actorName)], '：', ': '), roles: [] };
  }
  return { kind: 'anonymous', name: anonymous, roles: [] };
}

/**
 * The page's rows in plain words. Changes are masked again first (`maskAuditChanges`, then the masks fields declare,
 * such as a person's name, in the raw `changes` too); names are looked up once per
 * entity type for the whole page. A name the reader's scope does not reach (an entity a field refers to that lies
 * outside it now) reads "outside your area"; the row's own object is named, since the row itself is in scope.
 */
export async function presentAuditPage<R extends AuditRowData>(
  db: Executor,
  audit: AuditKit,
  scope: Scope,
  rows: R[],
): Promise<(R & PresentedAudit & { changes: Record<string, unknown> | null })[]> {
  const masked = rows.map((row) => ({
    row,
    changes: maskDeclared(audit, row.entityType, undefined, maskAuditChanges(row.changes)) as Record<
      string,
      unknown
    > | null,
  }));
  const wanted: Wanted = new Map();
  for (const { row, changes } of masked) {
    if (row.entityId && UUID.test(row.entityId) && audit.names[row.entityType]) {
      collect(audit, row.entityType, wanted, { zh: '', en: '', entity: row.entityType }, row.entityId);
    }
    collect(audit, row.entityType, wanted, undefined, changes);
  }
  const found: Found = new Map();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const names = await audit.names[type]!(db, [...ids]);
      found.set(
        type,
        new Map(names.map((n) => [n.id, { name: n.name, territoryCode: n.territoryCode ?? null }])),
      );
    }),
  );
  return masked.map(({ row, changes }) => {
    const context: Context = { audit, found, scope, entityType: row.entityType, ownId: row.entityId };
    return {
      ...row,
      changes,
      actionLabel: audit.actions[row.action] ?? same(row.action),
      entityTypeLabel: audit.entityTypes[row.entityType] ?? same(row.entityType),
      entityName: (row.entityId && found.get(row.entityType)?.get(row.entityId)?.name) || null,
      actor: presentActor(audit, row),
      changeList: presentChanges(context, changes),
    };
  });
}
