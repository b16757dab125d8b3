import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/demo/seed.ts';
import { deriveKeys } from '../../src/server/core/auth/personal-data.ts';
import { openDatabase, pgliteClientOf } from '../../src/server/core/db/client.ts';
import { TEST_DATA_KEY, TEST_DEMO } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dumped data folder holding the migrated, seeded template. */
    pgliteTemplate: string;
    /** PostgreSQL: name of the template database every test file copies. */
    postgresTemplate: string;
  }
}

const keys = deriveKeys(Buffer.from(TEST_DATA_KEY, 'hex'));

/** Migrates and seeds one template database; each test file then gets a fresh copy of it in well under a second. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `wuwei_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 });
    await database.migrate();
    await seedDemo(database.db, keys, TEST_DEMO);
    await database.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  await seedDemo(database.db, keys, TEST_DEMO);
  const dump = await pgliteClientOf(database)!.dumpDataDir('none');
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-template-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
