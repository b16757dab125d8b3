import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/demo/random.ts';
import { computeGeometry } from './geometry.ts';
import { buildGraph } from './graph.ts';
import {
  coefficientOfVariation,
  maximumMatching,
  maxSubsetSum,
  measureLayout,
  movesBetween,
  movesLowerBound,
} from './measures.ts';
import type { Building, Community } from './types.ts';

const square: Community = {
  id: 'A',
  boundary: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ],
  ],
};

function building(id: string, x: number, y: number, households: number, keyPopulation = 0): Building {
  return { id, x, y, households, keyPopulation, communityId: 'A' };
}

/** Four buildings at the centres of a 2 × 2 square's unit cells. */
const four = [
  building('sw', 0.5, 0.5, 90, 9),
  building('nw', 0.5, 1.5, 0, 0),
  building('se', 1.5, 0.5, 110, 33),
  building('ne', 1.5, 1.5, 0, 0),
];

describe('the measures', () => {
  const graph = buildGraph(four, []);
  const geometry = computeGeometry(graph, [square]);

  it('gives the Voronoi cells of the 2 × 2 layout their unit areas', () => {
    for (let i = 0; i < 4; i++) expect(geometry.area[i]).toBeCloseTo(1, 9);
  });

  it('computes Polsby–Popper: π/4 for the whole square, 2π/9 for each half', () => {
    const whole = measureLayout(graph, geometry, new Map(four.map((b) => [b.id, 'g'])));
    expect(whole.meanPolsbyPopper).toBeCloseTo(Math.PI / 4, 9);
    const halves = measureLayout(
      graph,
      geometry,
      new Map([
        ['sw', 'west'],
        ['nw', 'west'],
        ['se', 'east'],
        ['ne', 'east'],
      ]),
    );
    expect(halves.meanPolsbyPopper).toBeCloseTo((2 * Math.PI) / 9, 9);
  });

  it('computes balance, edge cut and the key-population spread of two halves', () => {
    const halves = measureLayout(
      graph,
      geometry,
      new Map([
        ['sw', 'west'],
        ['nw', 'west'],
        ['se', 'east'],
        ['ne', 'east'],
      ]),
    );
    // Households 90 and 110 around a target mean of 100.
    expect(halves.meanDeviation).toBeCloseTo(0.1, 12);
    expect(halves.maxDeviation).toBeCloseTo(0.1, 12);
    expect(halves.withinTolerance).toBe(1);
    // G: the square's 4 sides and one diagonal; the two horizontal sides and the diagonal are cut.
    expect(graph.edgeU.length).toBe(5);
    expect(halves.edgeCut).toBeCloseTo(3 / 5, 12);
    // Rates 10 and 30 per 100 households: mean 20, standard deviation 10.
    expect(halves.keyPopulationCV).toBeCloseTo(0.5, 12);
    expect(halves.discontiguousGrids).toBe(0);
  });

  it('counts a grid whose buildings are not connected in G', () => {
    const diagonal = measureLayout(
      graph,
      geometry,
      new Map([
        ['sw', 'x'],
        ['ne', 'x'],
        ['nw', 'y'],
        ['se', 'y'],
      ]),
    );
    // One diagonal of the square is an edge of G, the other is not.
    expect(diagonal.discontiguousGrids).toBe(1);
  });

  it('computes a coefficient of variation', () => {
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2 / 5, 12);
    expect(coefficientOfVariation([])).toBe(0);
  });

  it('finds the optimal matching, also of a rectangular matrix', () => {
    const matrix = [
      [7, 5, 1],
      [6, 1, 0],
      [2, 8, 4],
    ];
    // Compared with every permutation.
    const match = maximumMatching(matrix);
    const total = match.reduce((sum, j, i) => sum + matrix[i]![j]!, 0);
    let best = 0;
    for (const p of [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ]) {
      best = Math.max(
        best,
        p.reduce((sum, j, i) => sum + matrix[i]![j]!, 0),
      );
    }
    expect(total).toBe(best);
    expect(maximumMatching([[1, 9, 3]])).toEqual([1]);
    expect(maximumMatching([[4], [6], [5]])).toEqual([-1, 0, -1]);
  });

  it('counts moves through the optimal pairing of grids, not their names', () => {
    const before = new Map([
      ['sw', 'a'],
      ['nw', 'a'],
      ['se', 'b'],
      ['ne', 'b'],
    ]);
    const renamed = new Map([
      ['sw', 'q'],
      ['nw', 'q'],
      ['se', 'p'],
      ['ne', 'p'],
    ]);
    expect(movesBetween(graph, before, renamed).moved).toBe(0);
    const swapped = new Map([
      ['sw', 'q'],
      ['nw', 'q'],
      ['se', 'q'],
      ['ne', 'p'],
    ]);
    // q keeps a's 90 households (or b's 110): the best pairing keeps 110 + 0, so 90 move.
    expect(movesBetween(graph, before, swapped).moved).toBe(90);
  });

  it('finds the largest subset sum under a cap', () => {
    expect(maxSubsetSum([5, 9, 14], 20)).toBe(19);
    expect(maxSubsetSum([25, 30], 20)).toBe(0);
    expect(maxSubsetSum([3, 3, 3], 9)).toBe(9);
  });

  it('bounds the moves of every layout meeting the tolerance from below (brute force on small cases)', () => {
    const random = createRandom(12);
    let tight = 0;
    for (let trial = 0; trial < 60; trial++) {
      const n = random.int(3, 7);
      const buildings = Array.from({ length: n }, (_, i) =>
        building(`b${i}`, i, (i * 7) % 5, random.int(1, 40)),
      );
      const g = buildGraph(buildings, []);
      const kBefore = random.int(1, 3);
      const kAfter = random.int(1, 3);
      const tolerance = random.pick([0.1, 0.25, 0.5]);
      const before = new Map(buildings.map((b) => [b.id, `old${random.int(1, kBefore)}`]));
      const total = buildings.reduce((sum, b) => sum + b.households, 0);
      const mean = total / kAfter;
      const bound = movesLowerBound(g, before, new Map([['A', kAfter]]), tolerance);
      let least = Infinity;
      const assignment = new Array<number>(n).fill(0);
      for (let code = 0; code < kAfter ** n; code++) {
        let c = code;
        for (let i = 0; i < n; i++) {
          assignment[i] = c % kAfter;
          c = Math.floor(c / kAfter);
        }
        const sizes = new Array<number>(kAfter).fill(0);
        buildings.forEach((b, i) => (sizes[assignment[i]!]! += b.households));
        if (sizes.some((size) => Math.abs(size - mean) > tolerance * mean + 1e-9)) continue;
        const after = new Map(buildings.map((b, i) => [b.id, `new${assignment[i]}`]));
        least = Math.min(least, movesBetween(g, before, after).moved);
      }
      if (least === Infinity) continue;
      expect(bound).toBeLessThanOrEqual(least);
      if (bound === least) tight += 1;
    }
    expect(tight).toBeGreaterThan(10);
  });
});
