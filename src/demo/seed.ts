import { asc, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../server/core/auth/audit.ts';
import type { DataKeys } from '../server/core/auth/personal-data.ts';
import { hashPassword } from '../server/core/auth/passwords.ts';
import type { Db } from '../server/core/db/client.ts';
import { vacuumAnalyze } from '../server/core/db/statistics.ts';
import { createRandom } from '../server/core/demo/random.ts';
import type { DemoOptions, Kit } from '../server/core/kit/module.ts';
import { kit as platformKit } from '../server/modules.ts';
import { territories } from '../server/modules/territory/territory.public.ts';

export type { DemoOptions };

const seedActor: Actor = {
  userId: null,
  name: '演示数据生成',
  role: null,
  requestId: 'demo-seed',
  ip: null,
  userAgent: null,
};

/** Whether the database holds no county yet (a fresh data folder). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(territories);
  return (row?.n ?? 0) === 0;
}

/**
 * Builds the deterministic demo county in one transaction: every module's demo generator, each after the modules
 * it depends on, drawing from one random stream (so a seed always gives the same county). Then the maintained
 * tables are vacuumed and analysed.
 */
export async function seedDemo(db: Db, keys: DataKeys, options: DemoOptions, kit: Kit = platformKit) {
  const random = createRandom(options.seed);
  const passwordHash = await hashPassword(options.password);
  const shared = new Map<string, unknown>();
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const module of kit.demoOrder) {
      Object.assign(counts, await module.demo!.generate({ tx, keys, random, options, passwordHash, shared }));
    }
    const [county] = await tx
      .select({ id: territories.id, code: territories.code })
      .from(territories)
      .where(eq(territories.level, 'county'))
      .orderBy(asc(territories.code))
      .limit(1);
    await appendAudit(tx, seedActor, {
      action: 'demo.seeded',
      entityType: 'county',
      entityId: county?.id ?? null,
      territoryCode: county?.code ?? null,
      changes: { seed: options.seed, scale: options.scale, ...counts },
    });
  });
  await vacuumAnalyze(db, kit.maintainedTables);
  return counts;
}
