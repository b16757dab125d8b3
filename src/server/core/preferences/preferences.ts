import { z } from '@hono/zod-openapi';
import { and, count, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../auth/audit.ts';
import type { Db, Executor } from '../db/client.ts';
import { errors } from '../http/errors.ts';
import { bi } from '../http/validation.ts';
import { userPreferences } from './preferences.tables.ts';

/**
 * Per-user preferences: small JSON values under keys the web names (`columns.residents`), kept for the account itself
 * and nobody else. A value is any JSON up to MAX_PREFERENCE_BYTES once serialised; an account holds at most
 * MAX_PREFERENCES keys, so a client cannot fill the table.
 */

export const MAX_PREFERENCE_BYTES = 4_096;
export const MAX_PREFERENCES = 50;

export const preferenceKeySchema = z
  .string()
  .max(64)
  .regex(
    /^[a-z][a-zA-Z0-9]*(?:[.-][a-zA-Z0-9]+)*$/,
    bi(
      '偏好名称只能由字母、数字、点和连字符组成',
      'A preference name is letters and digits joined by dots or hyphens',
    ),
  );

export const preferenceValueSchema = z.unknown().superRefine((value, ctx) => {
  // null too: a jsonb null would be SQL NULL in the column (and "no preference" is the absence of the key).
  if (value === undefined || value === null) {
    ctx.addIssue({ code: 'custom', message: bi('此项为必填项', 'This field is required') });
    return;
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_PREFERENCE_BYTES) {
    ctx.addIssue({
      code: 'custom',
      message: bi(
        `偏好设置过大（${bytes} 字节，上限 ${MAX_PREFERENCE_BYTES} 字节）`,
        `The preference is too large (${bytes} bytes; at most ${MAX_PREFERENCE_BYTES})`,
      ),
    });
  }
});

/** The caller's preferences by key. */
export async function listPreferences(db: Executor, userId: string): Promise<Record<string, unknown>> {
  const rows = await db
    .select({ key: userPreferences.key, value: userPreferences.value })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/**
 * Sets one of the caller's preferences (audited as the account's change, without the value: it is the user's own
 * screen layout). A new key past MAX_PREFERENCES is refused.
 */
export async function writePreference(db: Db, actor: Actor, userId: string, key: string, value: unknown) {
  return db.transaction(async (tx) => {
    // One write of this account's preferences at a time: new keys sent together are counted one after another, so
    // they cannot pass the limit between a count and an insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('preferences'), hashtext(${userId}))`);
    const [existing] = await tx
      .select({ key: userPreferences.key })
      .from(userPreferences)
      .where(and(eq(userPreferences.userId, userId), eq(userPreferences.key, key)))
      .for('update');
    if (!existing) {
      const [held] = await tx
        .select({ n: count() })
        .from(userPreferences)
        .where(eq(userPreferences.userId, userId));
      if ((held?.n ?? 0) >= MAX_PREFERENCES) {
        throw errors.validation([
          {
            field: 'key',
            code: 'too_many',
            message: {
              zh: `偏好设置已达上限（${MAX_PREFERENCES} 项）`,
              en: `Too many preferences (at most ${MAX_PREFERENCES})`,
            },
          },
        ]);
      }
    }
    await tx
      .insert(userPreferences)
      .values({ userId, key, value })
      .onConflictDoUpdate({
        target: [userPreferences.userId, userPreferences.key],
        set: { value, updatedAt: new Date() },
      });
    await appendAudit(tx, actor, {
      action: 'preference.changed',
      entityType: 'user',
      entityId: userId,
      changes: { preference: key },
    });
    return value;
  });
}
