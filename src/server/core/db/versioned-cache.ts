import { eq, or, sql } from 'drizzle-orm';
import { afterEachTransaction, type Executor } from './client.ts';
import { dataVersions } from './versions.tables.ts';

/**
 * The current version of a data set: every committed write to its tables bumps it (a trigger does). A data set
 * written often by many at once keeps shards beside its row (`rounds#0` … `rounds#15`, migration 0023: each
 * connection bumps its own, so writers do not queue on one row); its version is the sum of the row and its shards.
 */
export async function dataVersion(db: Executor, name: string): Promise<number> {
  const [row] = await db
    .select({ version: sql<string | null>`sum(${dataVersions.version})` })
    .from(dataVersions)
    .where(
      or(
        eq(dataVersions.name, name),
        sql`${dataVersions.name} >= ${`${name}#`} and ${dataVersions.name} < ${`${name}$`}`,
      ),
    );
  return Number(row?.version ?? 0);
}

/** How long a version read stays good when this process has written nothing since (writes elsewhere show after it). */
export const VERSION_RECHECK_MS = 1_000;

let localWrites = 0;

/** After every transaction of this process (db/client.ts), the next cached read re-reads the version. */
export function noteLocalWrite(): void {
  localWrites += 1;
}
afterEachTransaction(noteLocalWrite);

const known = new Map<string, { version: number; checkedAt: number; writes: number }>();

/**
 * The data set's version, re-read from the database when this process has committed a transaction since the last
 * read, or when that read is older than VERSION_RECHECK_MS.
 */
export async function currentVersion(db: Executor, name: string): Promise<number> {
  const last = known.get(name);
  const now = Date.now();
  if (last && last.writes === localWrites && now - last.checkedAt < VERSION_RECHECK_MS) return last.version;
  const writes = localWrites;
  const version = await dataVersion(db, name);
  known.set(name, { version, checkedAt: now, writes });
  return version;
}

/** A cache of createVersionedCache: the value of `key`, computed again once a data set it reads has changed. */
export type VersionedCache<T> = (db: Executor, key: string, compute: () => Promise<T>) => Promise<T>;

/**
 * Results of expensive read queries (dashboard aggregates, the tree), kept per process and served only while the
 * versions of the data sets they read are unchanged (one name, or several: a module's figures that read its own
 * tables and the registry's). A write in this process is seen at once; a write by another process within
 * VERSION_RECHECK_MS (docs/decisions/versioned-cache.md).
 */
export function createVersionedCache<T>(
  names: string | readonly string[],
  maxEntries = 500,
): VersionedCache<T> {
  const sets = [names].flat();
  const entries = new Map<string, { version: string; value: Promise<T> }>();
  return async function cached(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
    const version =
      sets.length === 1
        ? String(await currentVersion(db, sets[0]!))
        : (await Promise.all(sets.map((name) => currentVersion(db, name)))).join('.');
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
export function scopeKey(scope: {
  all: boolean;
  codes: string[];
  buildingIds: string[];
  userId?: string;
}): string {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (scope.all) return `all@${day}`;
  // A `self` scope reaches the caller's own records: two callers' results differ even with the same places.
  const self = scope.userId ? `|self:${scope.userId}` : '';
  return `${scope.codes.join(',')}|${scope.buildingIds.join(',')}${self}@${day}`;
}
