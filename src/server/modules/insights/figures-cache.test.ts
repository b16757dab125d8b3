import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from '../../core/db/client.ts';
import { noteLocalWrite } from '../../core/db/versioned-cache.ts';
import type { FigureSet } from '../../core/kit/module.ts';
import { figures } from './insights.service.ts';

describe('figures are cached per module set', () => {
  let database: Database;
  const bump = async (name: string) => {
    await database.db.execute(sql`update data_versions set version = version + 1 where name = ${name}`);
    noteLocalWrite();
  };
  const computed = { registry: 0, own: 0 };
  const sets: FigureSet[] = [
    { keys: { a: { zh: 'a', en: 'a' } }, compute: () => Promise.resolve({ a: ++computed.registry }) },
    {
      keys: { b: { zh: 'b', en: 'b' } },
      dataSets: ['figures_own'],
      compute: () => Promise.resolve({ b: ++computed.own }),
    },
  ];
  const scope = { all: true, codes: [], buildingIds: [], self: false };

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await database.migrate();
    await database.db.execute(sql`insert into data_versions (name, version) values ('figures_own', 0)`);
  });
  afterAll(() => database.close());

  it('a write recomputes only the sets that read the data set it changed', async () => {
    const read = () => figures(database.db, sets, scope, {}) as Promise<unknown>;
    expect(await read()).toEqual({ a: 1, b: 1 });
    expect(await read()).toEqual({ a: 1, b: 1 });
    await bump('figures_own');
    expect(await read()).toEqual({ a: 1, b: 2 });
    await bump('registry');
    expect(await read()).toEqual({ a: 2, b: 2 });
    // Another period is another entry of each set.
    expect(await (figures(database.db, sets, scope, { from: '2025-01-01' }) as Promise<unknown>)).toEqual({
      a: 3,
      b: 3,
    });
  });
});
