import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/audit.ts';
import { appendAudit } from '../auth/audit.ts';
import type { Db, Executor } from '../db/client.ts';
import { createVersionedCache } from '../db/versioned-cache.ts';
import type { Text } from '../http/errors.ts';
import { bi, validationError } from '../http/validation.ts';
import { settings } from './settings.tables.ts';

/** How a setting is entered: the web's settings page draws its control from this, the server checks with it. */
export type SettingInput =
  | { kind: 'integer'; min: number; max: number; unit?: Text }
  | { kind: 'text'; maxLength: number; pattern?: { source: string; hint: Text } }
  | { kind: 'choice'; options: Record<string, Text> };

/** A county-wide setting a module declares (`settings` in its declaration) and reads with `readSetting`. */
export type SettingDefinition<T extends number | string = number | string> = {
  /** `<module>.<name>`, e.g. `organisation.maxWorkerLoad`. */
  key: string;
  label: Text;
  help?: Text;
  input: SettingInput;
  default: T;
};

/** Declares a setting; its type follows the input (a number for an integer, a string otherwise). */
export function defineSetting<const I extends SettingInput>(
  definition: Omit<SettingDefinition, 'input' | 'default'> & {
    input: I;
    default: I extends { kind: 'integer' } ? number : string;
  },
): SettingDefinition<I extends { kind: 'integer' } ? number : string> {
  return definition;
}

const installed = new Map<string, SettingDefinition>();

/** The settings of the assembled modules (kit.ts), for naming them where no kit is at hand (the audit log). */
export function installSettings(definitions: Iterable<SettingDefinition>): void {
  installed.clear();
  for (const d of definitions) installed.set(d.key, d);
}

/** Settings by their name for the audit log (an entry's object): one lookup, no query. */
export function settingNames(_db: Executor, keys: string[]) {
  return Promise.resolve(keys.map((key) => ({ id: key, name: installed.get(key)?.label.zh ?? key })));
}

/** The check of a setting's value: the one rule the route, the reader and the kit use. */
export function settingSchema(input: SettingInput): z.ZodType<number | string> {
  switch (input.kind) {
    case 'integer':
      return z.number().int().min(input.min).max(input.max);
    case 'text': {
      const text = z.string().trim().max(input.maxLength);
      return input.pattern
        ? text.regex(new RegExp(input.pattern.source), bi(input.pattern.hint.zh, input.pattern.hint.en))
        : text;
    }
    case 'choice':
      return z.enum(Object.keys(input.options) as [string, ...string[]]);
  }
}

const cache = createVersionedCache<Map<string, { value: unknown; updatedAt: Date }>>('settings', 1);

async function storedSettings(db: Executor) {
  return cache(db, 'all', async () => {
    const rows = await db.select().from(settings);
    return new Map(rows.map((r) => [r.key, { value: r.value, updatedAt: r.updatedAt }]));
  });
}

/** A setting's value: the stored one while it still passes the setting's check, else its default. */
export async function readSetting<T extends number | string>(
  db: Executor,
  definition: SettingDefinition<T>,
): Promise<T> {
  const stored = (await storedSettings(db)).get(definition.key);
  if (!stored) return definition.default;
  const parsed = settingSchema(definition.input).safeParse(stored.value);
  return parsed.success ? (parsed.data as T) : definition.default;
}

/** Every declared setting with its value and when it was last changed (null: never, the default applies). */
export async function listSettings(db: Executor, definitions: readonly SettingDefinition[]) {
  const stored = await storedSettings(db);
  return Promise.all(
    definitions.map(async (d) => ({
      key: d.key,
      label: d.label,
      help: d.help ?? null,
      input: d.input,
      default: d.default,
      value: await readSetting(db, d),
      updatedAt: stored.get(d.key)?.updatedAt.toISOString() ?? null,
    })),
  );
}

/** Changes a setting (checked field by field; nothing changes on a bad value), with an audit row of old → new. */
export async function writeSetting(db: Db, actor: Actor, definition: SettingDefinition, value: unknown) {
  const parsed = settingSchema(definition.input).safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, 'value');
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, definition.key)).for('update');
    const before = row?.value ?? definition.default;
    await tx
      .insert(settings)
      .values({ key: definition.key, value: parsed.data, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: parsed.data, updatedAt: new Date(), updatedBy: actor.userId },
      });
    await appendAudit(tx, actor, {
      action: 'setting.changed',
      entityType: 'setting',
      entityId: definition.key,
      changes: { value: { from: before, to: parsed.data } },
    });
  });
  return parsed.data;
}
