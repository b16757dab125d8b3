import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/demo/random.ts';
import {
  buildGraph,
  clipLine,
  clipSegment,
  crossesBarrier,
  indexBarriers,
  MAX_INDEX_STEPS,
  segmentsIntersect,
} from './graph.ts';
import type { Barrier, Building } from './types.ts';

function building(id: string, x: number, y: number, communityId = 'A', households = 10): Building {
  return { id, x, y, households, keyPopulation: 0, communityId };
}

/** An independent crossing test: parametric intersection of two closed segments. */
function crosses(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const denominator = r[0]! * s[1]! - r[1]! * s[0]!;
  if (denominator === 0) return false; // parallel: never in these random tests
  const t = ((c[0] - a[0]) * s[1]! - (c[1] - a[1]) * s[0]!) / denominator;
  const u = ((c[0] - a[0]) * r[1]! - (c[1] - a[1]) * r[0]!) / denominator;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1;
}

function randomCase(seed: number) {
  const random = createRandom(seed);
  const buildings: Building[] = [];
  for (let i = 0; i < 150; i++) {
    const community = random.chance(0.5) ? 'A' : 'B';
    buildings.push(
      building(
        `b${i}`,
        random.next() * 1000 + (community === 'B' ? 500 : 0),
        random.next() * 1000,
        community,
      ),
    );
  }
  const barriers: Barrier[] = [];
  for (let k = 0; k < 4; k++) {
    const line: Barrier = [];
    let x = random.next() * 1500;
    let y = random.next() * 1000;
    for (let p = 0; p < 6; p++) {
      line.push([x, y]);
      x += (random.next() - 0.5) * 600;
      y += (random.next() - 0.5) * 600;
    }
    barriers.push(line);
  }
  return { buildings, barriers };
}

describe('the building graph G', () => {
  it('finds crossing and touching segments and not disjoint ones', () => {
    expect(segmentsIntersect(0, 0, 2, 2, 0, 2, 2, 0)).toBe(true);
    expect(segmentsIntersect(0, 0, 2, 0, 1, 0, 1, 5)).toBe(true); // a barrier ending on the edge blocks it
    expect(segmentsIntersect(0, 0, 1, 1, 2, 2, 3, 0)).toBe(false);
  });

  it('never has an edge across a barrier or between communities, on many random inputs', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { buildings, barriers } = randomCase(seed);
      const graph = buildGraph(buildings, barriers);
      for (let e = 0; e < graph.edgeU.length; e++) {
        const u = buildings[graph.edgeU[e]!]!;
        const v = buildings[graph.edgeV[e]!]!;
        expect(u.communityId).toBe(v.communityId);
        for (const line of barriers) {
          for (let p = 0; p + 1 < line.length; p++) {
            expect(crosses([u.x, u.y], [v.x, v.y], line[p]!, line[p + 1]!)).toBe(false);
          }
        }
      }
    }
  });

  it('keeps each community connected when no barrier splits it, with the long edges dropped but the tree kept', () => {
    const buildings = [
      building('a', 0, 0),
      building('b', 10, 0),
      building('c', 0, 10),
      building('d', 10, 10),
      building('far', 500, 5),
      building('same', 10, 10),
    ];
    const graph = buildGraph(buildings, []);
    expect(graph.communities[0]!.components).toHaveLength(1);
    const far = graph.index.get('far')!;
    // The far building is joined by its spanning-tree edge only (all its Delaunay edges are > 3 × the median).
    expect(graph.offsets[far + 1]! - graph.offsets[far]!).toBe(1);
    const same = graph.index.get('same')!;
    const neighboursOfSame = [...graph.adjacency.subarray(graph.offsets[same], graph.offsets[same + 1])];
    expect(neighboursOfSame).toContain(graph.index.get('d'));
  });

  it('splits a community into components when a barrier cuts it through, and joins no two communities', () => {
    const buildings: Building[] = [];
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) buildings.push(building(`a${i}-${j}`, i * 20, j * 20, 'A'));
    }
    buildings.push(building('other', 100, 100, 'B'));
    const river: Barrier = [
      [-50, 95],
      [250, 95],
    ];
    const graph = buildGraph(buildings, [river]);
    const a = graph.communities.find((c) => c.id === 'A')!;
    expect(a.components.map((c) => c.length).sort()).toEqual([50, 50]);
    const other = graph.index.get('other')!;
    expect(graph.offsets[other + 1]! - graph.offsets[other]!).toBe(0);
  });

  it('a barrier scoped to a community separates that community’s buildings only', () => {
    const buildings: Building[] = [];
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        buildings.push(building(`a${i}-${j}`, i * 20, j * 20, 'A'));
        buildings.push(building(`b${i}-${j}`, i * 20, j * 20 + 200, 'B'));
      }
    }
    // A north–south line through both communities.
    const line: Barrier = [
      [50, -50],
      [50, 350],
    ];
    const components = (scopes?: (string | null)[]) => {
      const graph = buildGraph(buildings, [line], scopes);
      return Object.fromEntries(graph.communities.map((c) => [c.id, c.components.length]));
    };
    expect(components()).toEqual({ A: 2, B: 2 });
    expect(components([null])).toEqual({ A: 2, B: 2 });
    expect(components(['A'])).toEqual({ A: 2, B: 1 });
    expect(components(['C'])).toEqual({ A: 1, B: 1 });
  });
});

describe('the barrier index', () => {
  const globe: Barrier = [
    [-3e7, -1.4e7],
    [3e7, 1.4e7],
  ];

  it('walks only the part of a segment inside the bounds, and answers crossings as the whole index does', () => {
    const random = createRandom(7);
    // A line 300 km long through the box.
    const long: Barrier = [
      [-150_000, -100_000],
      [150_000, 100_000],
    ];
    const barriers: Barrier[] = [long];
    for (let i = 0; i < 30; i++) {
      const line: Barrier = [];
      for (let k = 0; k < 4; k++) line.push([random.next() * 4000 - 2000, random.next() * 4000 - 2000]);
      barriers.push(line);
    }
    const bounds: [number, number, number, number] = [-500, -500, 500, 500];
    const whole = indexBarriers(barriers);
    const clipped = indexBarriers(barriers, 100, { bounds });
    expect(clipped.steps).toBeLessThan(whole.steps / 5);
    expect(clipped.steps).toBeLessThan(1_000);
    // Across the globe: a few dozen steps inside the box, where the whole line takes over a million.
    expect(indexBarriers([globe], 100, { bounds }).steps).toBeLessThan(100);
    for (let k = 0; k < 2000; k++) {
      const ax = random.next() * 1000 - 500;
      const ay = random.next() * 1000 - 500;
      const bx = ax + random.next() * 200 - 100;
      const by = ay + random.next() * 200 - 100;
      if (Math.max(Math.abs(bx), Math.abs(by)) > 500) continue;
      expect(crossesBarrier(clipped, ax, ay, bx, by)).toBe(crossesBarrier(whole, ax, ay, bx, by));
    }
  });

  it('keeps its walk within the budget by growing its cells, still exact', () => {
    const index = indexBarriers([globe], 100, { maxSteps: 10_000 });
    expect(index.steps).toBeLessThanOrEqual(10_100);
    expect(index.cell).toBeGreaterThan(100);
    expect(MAX_INDEX_STEPS).toBeLessThanOrEqual(1_000_000);
    // A short edge across the line (it passes through the origin) is still seen crossing it; one beside it is not.
    expect(crossesBarrier(index, -10, 10, 10, -10)).toBe(true);
    expect(crossesBarrier(index, 1000, -1000, 1010, -1010)).toBe(false);
  });

  it('a graph with a line across the globe builds as fast as without it, with the same edges as one clipped to the town', () => {
    const { buildings, barriers } = randomCase(3);
    const withGlobe = buildGraph(buildings, [...barriers, globe]);
    const clipped = buildGraph(buildings, [...barriers, ...clipLine(globe, [-1000, -1000, 2000, 2000])]);
    expect([...withGlobe.edgeU]).toEqual([...clipped.edgeU]);
    expect([...withGlobe.edgeV]).toEqual([...clipped.edgeV]);
  });

  it('clips segments and lines to a box', () => {
    expect(clipSegment(-10, 5, 10, 5, [0, 0, 4, 10])).toEqual([0, 5, 4, 5]);
    expect(clipSegment(-10, 20, 10, 20, [0, 0, 4, 10])).toBeNull();
    expect(clipSegment(1, 1, 2, 2, [0, 0, 4, 10])).toEqual([1, 1, 2, 2]);
    // In, out and back in: two pieces.
    expect(
      clipLine(
        [
          [1, 1],
          [2, 1],
          [2, 20],
          [3, 20],
          [3, 1],
        ],
        [0, 0, 4, 10],
      ),
    ).toEqual([
      [
        [1, 1],
        [2, 1],
        [2, 10],
      ],
      [
        [3, 10],
        [3, 1],
      ],
    ]);
  });
});
