import { eq } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { dataVersions } from './versions.tables.ts';

/** The current version of a data set: every committed write to its tables bumps it (a trigger does). */
export async function dataVersion(db: Executor, name: 'registry'): Promise<number> {
  const [row] = await db
    .select({ version: dataVersions.version })
    .from(dataVersions)
    .where(eq(dataVersions.name, name));
  return row?.version ?? 0;
}

/**
 * Results of expensive read queries (dashboard aggregates), kept per process and served only while the data set's
 * version is unchanged. Any committed write bumps the version, so no caller ever sees numbers older than it.
 */
export function createVersionedCache<T>(name: 'registry', maxEntries = 500) {
  const entries = new Map<string, { version: number; value: Promise<T> }>();
  return async function cached(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion(db, name);
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    entries.delete(key);
    entries.set(key, { version, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    value.catch(() => entries.delete(key));
    return value;
  };
}

/**
 * A cache key part for a caller's scope, and the day in Asia/Shanghai: ages, and so age-based figures, change at
 * midnight without any write.
 */
export function scopeKey(scope: { all: boolean; codes: string[]; buildingIds: string[] }): string {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return scope.all ? `all@${day}` : `${scope.codes.join(',')}|${scope.buildingIds.join(',')}@${day}`;
}
