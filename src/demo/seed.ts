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

/**
 * What the seed reports as it goes: each module's generator as it starts, how far it is (generators that report
 * rows), and as it ends with its counts; then the commit and the vacuum.
 */
export type SeedStep =
  | { stage: 'module'; module: string; index: number; of: number; done: false }
  | { stage: 'rows'; module: string; index: number; of: number; rows: number; total: number; what: string }
  | {
      stage: 'module';
      module: string;
      index: number;
      of: number;
      done: true;
      ms: number;
      rows: Record<string, number>;
    }
  | { stage: 'commit' | 'vacuum'; done: boolean; ms?: number };

const seedActor: Actor = {
  userId: null,
  name: '演示数据生成',
  role: null,
  requestId: 'demo-seed',
  ip: null,
  userAgent: null,
};

/**
 * Starts each module's demo preparation (its `demo.prepare`: pure work in worker threads, such as planning the town's
 * grids) so that it runs while the database is created and migrated; `seedDemo` after it finds the work done. A
 * preparation that fails is only a lost head start: the generator then does the work itself.
 */
export async function prepareDemo(options: DemoOptions, kit: Kit = platformKit): Promise<void> {
  const preparing = kit.demoOrder.flatMap((m) => (m.demo?.prepare ? [m.demo.prepare(options)] : []));
  await Promise.all(preparing.map((p) => p.catch(() => undefined)));
}

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
export async function seedDemo(
  db: Db,
  keys: DataKeys,
  options: DemoOptions,
  kit: Kit = platformKit,
  onStep: (step: SeedStep) => void = () => {},
) {
  const random = createRandom(options.seed);
  const passwordHash = await hashPassword(options.password);
  const shared = new Map<string, unknown>();
  const counts: Record<string, number> = {};
  const of = kit.demoOrder.length;
  let committing = 0;
  await db.transaction(async (tx) => {
    for (const [index, module] of kit.demoOrder.entries()) {
      onStep({ stage: 'module', module: module.name, index, of, done: false });
      const started = performance.now();
      const progress = (done: number, total: number, what: string) =>
        onStep({ stage: 'rows', module: module.name, index, of, rows: done, total, what });
      const rows = await module.demo!.generate({ tx, keys, random, options, passwordHash, shared, progress });
      Object.assign(counts, rows);
      onStep({
        stage: 'module',
        module: module.name,
        index,
        of,
        done: true,
        ms: performance.now() - started,
        rows,
      });
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
    onStep({ stage: 'commit', done: false });
    committing = performance.now();
  });
  onStep({ stage: 'commit', done: true, ms: performance.now() - committing });
  onStep({ stage: 'vacuum', done: false });
  const vacuuming = performance.now();
  await vacuumAnalyze(db, kit.maintainedTables);
  onStep({ stage: 'vacuum', done: true, ms: performance.now() - vacuuming });
  return counts;
}
