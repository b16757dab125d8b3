import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/server/core/db/client.ts';

/**
 * Another handle on a test database, as a second server process would have: on PostgreSQL its own connection pool,
 * on PGlite (one connection per data folder) the same database object. Closing it leaves the database open.
 */
export async function openSecondHandle(database: Database): Promise<Database> {
  if (database.kind === 'pglite') return { ...database, close: async () => {} };
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('a PostgreSQL test database without DATABASE_URL');
  const [row] = await database.db
    .select({ name: sql<string>`current_database()` })
    .from(sql`(select 1) as one`);
  const secondUrl = new URL(url);
  secondUrl.pathname = `/${row!.name}`;
  return openDatabase({ kind: 'postgres', url: secondUrl.toString(), poolSize: 5 });
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs`. For conditions, never for timings. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
