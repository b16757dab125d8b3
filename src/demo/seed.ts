import { asc, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../server/core/auth/audit.ts';
import type { DataKeys } from '../server/core/auth/personal-data.ts';
import { hashPassword } from '../server/core/auth/passwords.ts';
import type { Db, Tx } from '../server/core/db/client.ts';
import { vacuumAnalyze } from '../server/core/db/statistics.ts';
import { createRandom } from '../server/core/demo/random.ts';
import type { DemoContext, DemoOptions, Kit } from '../server/core/kit/module.ts';
import { demoDeferred } from '../server/core/demo/deferred.tables.ts';
import { rowsOf } from '../server/core/db/bulk.ts';
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

/** Where a seed stopped after the present's modules: what the deferred modules need to go on as one seed would. */
export type DemoContinuation = {
  /** The random stream's state (createRandom(seed, state)). */
  random: number;
  shared: Map<string, unknown>;
  counts: Record<string, number>;
  passwordHash: string;
};

type Phase = {
  modules: Kit['demoOrder'];
  /** The index of its first module in the whole seed (the steps count across both phases). */
  first: number;
};

/** Runs each module's demo generator of a phase, in order, reporting each step. */
async function generate(
  phase: Phase,
  of: number,
  context: Omit<DemoContext, 'progress'>,
  counts: Record<string, number>,
  onStep: (step: SeedStep) => void,
) {
  for (const [i, module] of phase.modules.entries()) {
    const index = phase.first + i;
    onStep({ stage: 'module', module: module.name, index, of, done: false });
    const started = performance.now();
    const progress = (done: number, total: number, what: string) =>
      onStep({ stage: 'rows', module: module.name, index, of, rows: done, total, what });
    const rows = await module.demo!.generate({ ...context, progress });
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
}

/** The county's audit entry saying the demo was generated, with what each module made. */
async function auditSeeded(tx: Tx, options: DemoOptions, counts: Record<string, number>) {
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
}

/** Commits (reported), then vacuums and analyses `tables`. */
async function commitAndVacuum(
  db: Db,
  work: (tx: Tx) => Promise<void>,
  tables: string[],
  onStep: (step: SeedStep) => void,
) {
  let committing = 0;
  await db.transaction(async (tx) => {
    await work(tx);
    onStep({ stage: 'commit', done: false });
    committing = performance.now();
  });
  onStep({ stage: 'commit', done: true, ms: performance.now() - committing });
  onStep({ stage: 'vacuum', done: false });
  const vacuuming = performance.now();
  await vacuumAnalyze(db, tables);
  onStep({ stage: 'vacuum', done: true, ms: performance.now() - vacuuming });
}

function phases(kit: Kit): { present: Phase; deferred: Phase } {
  const present = kit.demoOrder.filter((m) => !m.demo?.deferred);
  return {
    present: { modules: present, first: 0 },
    deferred: { modules: kit.demoOrder.filter((m) => m.demo?.deferred), first: present.length },
  };
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
  const context = { keys, random, options, passwordHash, shared: new Map<string, unknown>() };
  const counts: Record<string, number> = {};
  const of = kit.demoOrder.length;
  const { present, deferred } = phases(kit);
  await commitAndVacuum(
    db,
    async (tx) => {
      await generate(present, of, { ...context, tx }, counts, onStep);
      await generate(deferred, of, { ...context, tx }, counts, onStep);
      await auditSeeded(tx, options, counts);
    },
    kit.maintainedTables,
    onStep,
  );
  return counts;
}

/**
 * The first part of a seed in two (a first start on PGlite, src/demo/deferred.ts): the modules whose demo data is
 * not deferred, in one transaction with the `pending` mark of the deferred data. Returns where the seed stopped, for
 * `seedDemoDeferred` to go on in a copy of the database.
 */
export async function seedDemoPresent(
  db: Db,
  keys: DataKeys,
  options: DemoOptions,
  kit: Kit = platformKit,
  onStep: (step: SeedStep) => void = () => {},
): Promise<DemoContinuation> {
  const random = createRandom(options.seed);
  const passwordHash = await hashPassword(options.password);
  const shared = new Map<string, unknown>();
  const counts: Record<string, number> = {};
  const { present } = phases(kit);
  await commitAndVacuum(
    db,
    async (tx) => {
      await generate(
        present,
        kit.demoOrder.length,
        { tx, keys, random, options, passwordHash, shared },
        counts,
        onStep,
      );
      await tx.insert(demoDeferred).values({ state: 'pending' });
    },
    kit.maintainedTables,
    onStep,
  );
  return { random: random.state(), shared, counts, passwordHash };
}

/**
 * The second part: the deferred modules, going on from `continuation` (the same random stream, the same shared
 * results), in one transaction that marks the data `seeded` with its transaction id (the rows it wrote are the rows
 * to import). The rows are those `seedDemo` would have made in one transaction. Returns that id and all the counts.
 */
export async function seedDemoDeferred(
  db: Db,
  keys: DataKeys,
  options: DemoOptions,
  continuation: DemoContinuation,
  kit: Kit = platformKit,
  onStep: (step: SeedStep) => void = () => {},
): Promise<{ txid: number; counts: Record<string, number> }> {
  const random = createRandom(options.seed, continuation.random);
  const counts = { ...continuation.counts };
  const { deferred } = phases(kit);
  let txid = 0;
  const context = {
    keys,
    random,
    options,
    passwordHash: continuation.passwordHash,
    shared: continuation.shared,
  };
  await commitAndVacuum(
    db,
    async (tx) => {
      await generate(deferred, kit.demoOrder.length, { ...context, tx }, counts, onStep);
      await auditSeeded(tx, options, counts);
      const [row] = await rowsOf<{ txid: string }>(tx, sql`select txid_current()::text as txid`);
      txid = Number(row!.txid);
      await tx.update(demoDeferred).set({ state: 'seeded', txid });
    },
    [],
    onStep,
  );
  return { txid, counts };
}
