import { describe, expect, it } from 'vitest';
import { generateTown } from './engine/town.ts';
import { planInWorker, planSnapshot, townSnapshot, type PlanParams } from './planner.plan.ts';

const params: PlanParams = {
  mode: 'fresh',
  targetHouseholds: 300,
  tolerance: 0.1,
  seed: 3,
  timeLimitMs: 20_000,
};

/** Runs `work` and counts the main thread's timer turns until it settles. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), 1);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('planning in the planning thread', () => {
  // The town at a quarter of the demo county's size.
  const snapshot = townSnapshot(generateTown({ seed: 1, scale: 0.25 }));

  it('gives the layout planning in this thread gives, while this thread goes on answering', async () => {
    const here = await turnsDuring(() => Promise.resolve(planSnapshot(snapshot, params)));
    // The control: planned here, nothing else runs until the plan ends.
    expect(here.turns).toBe(0);
    const there = await turnsDuring(() => planInWorker(snapshot, params));
    expect(there.turns).toBeGreaterThan(10);
    expect(there.value.timedOut).toBe(false);
    expect(there.value.stored.layout).toEqual(here.value.stored.layout);
    expect(there.value.stored.measures).toEqual(here.value.stored.measures);
    expect(Object.keys(there.value.stored.layout)).toHaveLength(snapshot.buildings.length);
  });

  it('answers a plan that fails with its reason, and plans the next one', async () => {
    await expect(planInWorker(snapshot, { ...params, tolerance: 2 })).rejects.toThrow(
      /tolerance in \[0, 1\)/,
    );
    const [a, b] = await Promise.all([
      planInWorker(snapshot, { ...params, seed: 1 }),
      planInWorker(snapshot, { ...params, seed: 2 }),
    ]);
    expect(a.stored.layout).toEqual(planSnapshot(snapshot, { ...params, seed: 1 }).stored.layout);
    expect(b.stored.layout).not.toEqual(a.stored.layout);
  });
});
