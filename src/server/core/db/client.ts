import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { PreparedPglite } from './pglite-prepared.ts';

// Queries are built from each module's table objects (no relational `db.query` API), so the client carries no schema
// and the kernel imports no module's tables; drizzle-kit finds them by the `*.tables.ts` name (drizzle.config.ts).
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What services receive: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Applies the committed migrations in `migrations/`. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const transactionListeners = new Set<() => void>();

/**
 * Calls `listener` (which must not throw) each time a transaction of this process ends, committed or rolled back (the
 * jobs runner looks for work a transaction enqueued). Returns a function that removes it.
 */
export function afterEachTransaction(listener: () => void): () => void {
  transactionListeners.add(listener);
  return () => transactionListeners.delete(listener);
}

/**
 * What an error thrown out of a transaction may carry: work that must outlive the rollback its throw causes (the audit
 * row of a refusal deep inside a caller's write). It runs in a transaction of its own once the failed one has rolled
 * back; then the error goes on as thrown.
 */
export type AfterRollback = {
  afterRollback?: (tx: Tx) => Promise<void>;
  /** Called once `afterRollback`'s transaction has ended, committed or not (what it wrote is visible to all). */
  afterRollbackEnded?: () => void;
};

/**
 * Counts this process's committed-or-failed transactions, so version-checked caches re-read after a local write, and
 * runs an error's `afterRollback` work (see AfterRollback).
 */
function noteTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = (work, config) =>
    transaction(work, config)
      .catch(async (error: unknown) => {
        const carried = error as AfterRollback | null;
        if (typeof carried?.afterRollback === 'function') {
          try {
            await transaction(carried.afterRollback);
          } finally {
            carried.afterRollbackEnded?.();
          }
        }
        throw error;
      })
      .finally(() => {
        for (const listener of transactionListeners) listener();
      });
  return db;
}

// drizzle-kit loads the *.tables.ts files (and what they import) as CommonJS, where import.meta.dirname is undefined.
export const migrationsFolder = path.resolve(import.meta.dirname ?? '.', '../../../../migrations');

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /**
       * The engine's shared buffers (default 32MB, for a server's resident memory). A bulk load that exits when done
       * (the demo seed) takes more: with 256MB the full demo county seeds about 10% faster, fewer pages written out
       * and read back while it loads.
       */
      sharedBuffers?: string;
      /**
       * A process that only bulk-loads a new database and exits (the demo seed): `wal_level=minimal`, so a table
       * emptied with TRUNCATE in the loading transaction (bulk.ts, withIndexesDeferred) and the indexes built there
       * are written once, to their files, instead of also to the write-ahead log (the full demo county: about 900 MB
       * of log not written, nor left behind in pg_wal). Also `work_mem=64MB`: one statement at a time, so no risk of
       * several sorts each taking that much.
       */
      bulkLoad?: boolean;
    };

/** Opens PostgreSQL through a node-postgres pool, or PGlite in a data folder (in memory when none is given). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = noteTransactions(drizzlePg(pool));
    return {
      kind: 'postgres',
      db,
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // The engine's memory never shrinks; 32 MB of shared buffers (default 128 MB) cut resident memory at open from
    // ~358 MB to ~249 MB with the full demo county (bench-results/registry.json), the data files being in the OS cache.
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${/^\d+MB$/.test(options.sharedBuffers ?? '') ? options.sharedBuffers : '32MB'}`,
      ...(options.bulkLoad
        ? [
            ...['-c', 'wal_level=minimal', '-c', 'max_wal_senders=0', '-c', 'full_page_writes=off'],
            // The seed's large statements sort and hash in memory instead of in temporary files (the demo's eight
            // weeks of duty tasks: a 20 MB sort and a 38 MB CTE that spilled with the default 4 MB).
            ...['-c', 'work_mem=64MB'],
          ]
        : []),
    ],
  });
  // Drizzle sees a client that prepares every data statement once (docs/decisions/pglite-prepared-statements.md).
  const pgliteDb = drizzlePglite(new PreparedPglite(client) as unknown as PGlite);
  pglites.set(pgliteDb, client);
  return {
    kind: 'pglite',
    db: noteTransactions(pgliteDb),
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** The PGlite engine behind each PGlite database's Drizzle handle. */
const pglites = new WeakMap<object, PGlite>();

/** The PGlite engine behind a database, for dumping a migrated template in tests. */
export function pgliteClientOf(database: Database): PGlite | undefined {
  return pglites.get(database.db);
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in `<dataDir>/pglite`. */
export function openConfiguredDatabase(
  config: { databaseUrl?: string; dataDir: string },
  pglite: { sharedBuffers?: string; bulkLoad?: boolean } = {},
): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite'), ...pglite },
  );
}
