import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/demo/random.ts';
import { minimiseCut } from './cutsearch.ts';
import { computeGeometry } from './geometry.ts';
import { buildGraph, type BuildingGraph } from './graph.ts';
import { countDiscontiguous, toAssignment } from './measures.ts';
import { planOnGraph } from './partition.ts';
import type { Building, Community, Layout } from './types.ts';

/** Cut edges, discontiguous grids, grids per community and households outside ±10% of the community mean. */
function check(graph: BuildingGraph, layout: Layout, tolerance = 0.1) {
  const assignment = toAssignment(graph, layout);
  let cut = 0;
  for (let e = 0; e < graph.edgeU.length; e++) {
    if (assignment.grid[graph.edgeU[e]!] !== assignment.grid[graph.edgeV[e]!]) cut += 1;
  }
  const load = new Map<string, number>();
  const grids = new Map<string, Set<string>>();
  for (const b of graph.buildings) {
    const g = layout.get(b.id)!;
    load.set(g, (load.get(g) ?? 0) + b.households);
    if (!grids.has(b.communityId)) grids.set(b.communityId, new Set());
    grids.get(b.communityId)!.add(g);
  }
  let outside = 0;
  for (const part of graph.communities) {
    const ids = grids.get(part.id)!;
    const mean = part.members.reduce((sum, v) => sum + graph.buildings[v]!.households, 0) / ids.size;
    const lo = Math.ceil((1 - tolerance) * mean - 1e-9);
    const hi = Math.floor((1 + tolerance) * mean + 1e-9);
    for (const id of ids) outside += Math.max(0, lo - load.get(id)!) + Math.max(0, load.get(id)! - hi);
  }
  return {
    cut,
    discontiguous: countDiscontiguous(graph, assignment.grid, assignment.gridIds.length),
    grids: new Map([...grids].map(([c, ids]) => [c, ids.size])),
    outside,
  };
}

/** A small random town: two square communities of jittered buildings with 1–60 households. */
function smallTown(seed: number) {
  const random = createRandom(seed);
  const buildings: Building[] = [];
  const communities: Community[] = [];
  for (let c = 0; c < 2; c++) {
    const x0 = c * 400;
    communities.push({
      id: `C${c}`,
      boundary: [
        [
          [x0, 0],
          [x0 + 380, 0],
          [x0 + 380, 380],
          [x0, 380],
        ],
      ],
    });
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) {
        buildings.push({
          id: `C${c}-${i}-${j}`,
          x: x0 + 20 + i * 45 + random.next() * 20,
          y: 20 + j * 45 + random.next() * 20,
          households: random.int(1, 60),
          keyPopulation: random.int(0, 3),
          communityId: `C${c}`,
        });
      }
    }
  }
  return { buildings, communities };
}

describe('minimiseCut', () => {
  it('never breaks a hard constraint and never returns a worse cut than its start (random small towns)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { buildings, communities } = smallTown(seed);
      const graph = buildGraph(buildings, []);
      const geometry = computeGeometry(graph, communities);
      const gridsPerCommunity = new Map([
        ['C0', 2 + (seed % 4)],
        ['C1', 3 + (seed % 3)],
      ]);
      const start = planOnGraph(graph, geometry, { mode: 'fresh', gridsPerCommunity, seed }).layout;
      const before = check(graph, start);
      const result = minimiseCut(graph, { starts: [start], seed, maxRounds: 4, timeLimitMs: 60_000 });
      const after = check(graph, result.layout);
      expect(after.discontiguous).toBe(0);
      expect(after.grids).toEqual(before.grids);
      expect(after.outside).toBeLessThanOrEqual(before.outside);
      expect(after.cut).toBeLessThanOrEqual(before.cut);
      expect(after.cut).toBe(result.cutAfter);
      expect(result.cutBefore).toBe(before.cut);
    }
  });

  it('gives the same layout twice for the same seed, and combines several starts', () => {
    const { buildings, communities } = smallTown(99);
    const graph = buildGraph(buildings, []);
    const geometry = computeGeometry(graph, communities);
    const gridsPerCommunity = new Map([
      ['C0', 4],
      ['C1', 5],
    ]);
    const starts = [1, 2].map(
      (seed) => planOnGraph(graph, geometry, { mode: 'fresh', gridsPerCommunity, seed }).layout,
    );
    const options = { starts, seed: 3, maxRounds: 3, timeLimitMs: 60_000 };
    const a = minimiseCut(graph, options);
    const b = minimiseCut(graph, options);
    expect([...a.layout]).toEqual([...b.layout]);
    expect(a.cutAfter).toBeLessThanOrEqual(Math.min(...starts.map((s) => check(graph, s).cut)));
    expect(check(graph, a.layout).discontiguous).toBe(0);
  });

  it('brings grids back toward a tight tolerance, never further out', () => {
    let fell = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { buildings, communities } = smallTown(seed + 50);
      const graph = buildGraph(buildings, []);
      const geometry = computeGeometry(graph, communities);
      const gridsPerCommunity = new Map([
        ['C0', 4],
        ['C1', 3],
      ]);
      const start = planOnGraph(graph, geometry, { mode: 'fresh', gridsPerCommunity, seed }).layout;
      const before = check(graph, start, 0.01);
      const options = { starts: [start], seed, maxRounds: 2, timeLimitMs: 60_000, tolerance: 0.01 };
      const after = check(graph, minimiseCut(graph, options).layout, 0.01);
      expect(after.discontiguous).toBe(0);
      expect(after.outside).toBeLessThanOrEqual(before.outside);
      if (after.outside < before.outside) fell += 1;
    }
    expect(fell).toBeGreaterThan(0);
  });

  it('refuses to run without a start', () => {
    const { buildings } = smallTown(1);
    expect(() => minimiseCut(buildGraph(buildings, []), { starts: [] })).toThrow(/start/);
  });
});
