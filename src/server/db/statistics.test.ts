import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { scheduleMaintenance } from './statistics.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** How often the residents table was vacuumed, as the statistics views say (PostgreSQL reports it lazily). */
async function vacuumCount(): Promise<number> {
  await t.db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await t.db
    .select({ n: sql<number>`vacuum_count::int` })
    .from(sql`pg_stat_user_tables`)
    .where(sql`relname = 'residents'`);
  return row?.n ?? 0;
}

describe('registry maintenance', () => {
  it('vacuums and analyses the registry tables on schedule, and reports how long it took', async () => {
    const before = await vacuumCount();
    const outcome = await new Promise<{ ms: number } | { error: unknown }>((resolve) => {
      const stop = scheduleMaintenance(
        t.db,
        (o) => {
          stop();
          resolve(o);
        },
        0,
      );
    });
    expect(outcome).toEqual({ ms: expect.any(Number) as number });
    let after = await vacuumCount();
    for (let i = 0; i < 30 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await vacuumCount();
    }
    expect(after).toBeGreaterThan(before);
  });
});
