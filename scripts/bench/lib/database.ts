import pg from 'pg';
import { onCleanup, temporaryFolder } from './cleanup.ts';

export type DbKind = 'pglite' | 'postgres';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase = {
  kind: DbKind;
  /** Environment for the platform child: its data folder and, for PostgreSQL, DATABASE_URL. */
  env: Record<string, string>;
  /** Human-readable description, e.g. "PostgreSQL 15.8 (database wuwei_bench_123)". */
  description: string;
  version: string | null;
};

/**
 * A fresh, empty database for one scenario, removed at cleanup: a PGlite data folder in the temporary directory,
 * or a new PostgreSQL database `wuwei_bench_<pid>` created next to the one DATABASE_URL (or the default) names,
 * which is only used to connect and never written to.
 */
export async function freshDatabase(kind: DbKind, label: string): Promise<BenchDatabase> {
  const dataDir = temporaryFolder(`wuwei-bench-${label}-`);
  if (kind === 'pglite') {
    return {
      kind,
      env: { WUWEI_DATA_DIR: dataDir },
      description: 'PGlite (embedded, in the server process)',
      version: null,
    };
  }
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const name = `wuwei_bench_${process.pid}_${label.replace(/\W/g, '_')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `cannot reach PostgreSQL at ${redact(adminUrl)}: ${error instanceof Error ? error.message : String(error)}\n` +
        'Set DATABASE_URL, or start the local server (pg_ctlcluster --skip-systemctl-redirect <version> main start).',
      { cause: error },
    );
  }
  let version: string | null;
  try {
    const result = await admin.query<{ server_version: string }>('show server_version');
    version = result.rows[0]?.server_version ?? null;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  };
  onCleanup(`database ${name}`, drop);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { WUWEI_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    description: `PostgreSQL ${version ?? '?'} (database ${name} at ${url.host})`,
    version,
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
