import { describe, expect, it } from 'vitest';
import { crossesBarrier, indexBarriers } from './graph.ts';
import { generateTown, gridCounts, rectangularLayout } from './town.ts';

describe('the synthetic town', () => {
  const town = generateTown({ seed: 7, scale: 0.3 });

  it('is the same for the same seed', () => {
    expect(generateTown({ seed: 7, scale: 0.3 })).toEqual(town);
    expect(generateTown({ seed: 8, scale: 0.3 }).buildings).not.toEqual(town.buildings);
  });

  it('has about 80,000 × scale households, compounds of varied density and key populations', () => {
    const households = town.buildings.reduce((sum, b) => sum + b.households, 0);
    expect(households).toBeGreaterThan(0.7 * 80_000 * 0.3);
    expect(households).toBeLessThan(1.2 * 80_000 * 0.3);
    expect(town.buildings.some((b) => b.households >= 100)).toBe(true);
    expect(town.buildings.some((b) => b.households <= 4)).toBe(true);
    expect(town.buildings.reduce((sum, b) => sum + b.keyPopulation, 0)).toBeGreaterThan(0);
    expect(town.streets.flatMap((s) => s.communityIds).sort()).toEqual(
      town.communities.map((c) => c.id).sort(),
    );
  });

  it('puts every building in its community and away from roads and the river', () => {
    const index = indexBarriers(town.barriers);
    for (const b of town.buildings) {
      // A 10 m step in each direction crosses no barrier.
      expect(crossesBarrier(index, b.x - 10, b.y, b.x + 10, b.y)).toBe(false);
      expect(crossesBarrier(index, b.x, b.y - 10, b.x, b.y + 10)).toBe(false);
    }
  });

  it('cuts each community into rectangles for a demo-like layout', () => {
    const counts = gridCounts(town, 30);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(30);
    const layout = rectangularLayout(town, counts);
    expect(layout.size).toBe(town.buildings.length);
  });
});
