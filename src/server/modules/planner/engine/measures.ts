import type { Geometry } from './geometry.ts';
import type { BuildingGraph } from './graph.ts';
import type { Layout } from './types.ts';

/**
 * The measures of issue 12, one definition for the product, the tests and the benchmark. A grid is counted per
 * community (a grid id found in two communities counts as two grids), and a community's target mean is its
 * households ÷ its number of grids.
 */
export type LayoutMeasures = {
  grids: number;
  /** Mean and max of |households − target mean| / target mean over grids, and the share within ±tolerance. */
  meanDeviation: number;
  maxDeviation: number;
  withinTolerance: number;
  /** Grids whose buildings are not connected in G (must be 0). */
  discontiguousGrids: number;
  /** Mean Polsby–Popper 4πA/P² of the grids' polygons. */
  meanPolsbyPopper: number;
  /** Share of G's edges joining two different grids. */
  edgeCut: number;
  /** Coefficient of variation, across grids, of key-population residents per 100 households. */
  keyPopulationCV: number;
};

/** A layout as arrays: building → grid index (−1: none), with each grid's id and community index. */
export type Assignment = { grid: Int32Array; gridIds: string[]; gridCommunity: number[] };

/** Indexes a layout per community (see LayoutMeasures). Buildings the layout leaves out get −1. */
export function toAssignment(graph: BuildingGraph, layout: Layout): Assignment {
  const grid = new Int32Array(graph.buildings.length).fill(-1);
  const gridIds: string[] = [];
  const gridCommunity: number[] = [];
  const keys = new Map<string, number>();
  graph.buildings.forEach((b, i) => {
    const id = layout.get(b.id);
    if (id === undefined) return;
    const c = graph.communityOf[i]!;
    const key = `${c}\u0000${id}`;
    let g = keys.get(key);
    if (g === undefined) {
      g = gridIds.length;
      keys.set(key, g);
      gridIds.push(id);
      gridCommunity.push(c);
    }
    grid[i] = g;
  });
  return { grid, gridIds, gridCommunity };
}

/** The number of grids whose buildings are not connected in G. */
export function countDiscontiguous(graph: BuildingGraph, grid: Int32Array, gridCount: number): number {
  const n = graph.buildings.length;
  const seen = new Uint8Array(n);
  const components = new Int32Array(gridCount);
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    const g = grid[s]!;
    if (g < 0 || seen[s]) continue;
    components[g]! += 1;
    seen[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
        const j = graph.adjacency[k]!;
        if (!seen[j] && grid[j] === g) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
  }
  let count = 0;
  for (let g = 0; g < gridCount; g++) if (components[g]! > 1) count += 1;
  return count;
}

/** Population coefficient of variation (standard deviation ÷ mean); 0 for no values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/** Per grid: households, key population, area and perimeter (the perimeter needs the geometry). */
export function gridTotals(graph: BuildingGraph, geometry: Geometry | null, assignment: Assignment) {
  const k = assignment.gridIds.length;
  const households = new Float64Array(k);
  const keyPopulation = new Float64Array(k);
  const area = new Float64Array(k);
  const perimeter = new Float64Array(k);
  const { grid } = assignment;
  graph.buildings.forEach((b, i) => {
    const g = grid[i]!;
    if (g < 0) return;
    households[g]! += b.households;
    keyPopulation[g]! += b.keyPopulation;
    if (!geometry) return;
    area[g]! += geometry.area[i]!;
    let p = geometry.exterior[i]!;
    for (let s = geometry.sharedOffsets[i]!; s < geometry.sharedOffsets[i + 1]!; s++) {
      if (grid[geometry.sharedNeighbour[s]!] !== g) p += geometry.sharedLength[s]!;
    }
    perimeter[g]! += p;
  });
  return { households, keyPopulation, area, perimeter };
}

/** Every measure of a layout except moves (see movesBetween). */
export function measureLayout(
  graph: BuildingGraph,
  geometry: Geometry,
  layout: Layout,
  tolerance = 0.1,
): LayoutMeasures {
  const assignment = toAssignment(graph, layout);
  const k = assignment.gridIds.length;
  const totals = gridTotals(graph, geometry, assignment);
  const communityHouseholds = new Float64Array(graph.communities.length);
  const communityGrids = new Float64Array(graph.communities.length);
  for (let g = 0; g < k; g++) {
    communityHouseholds[assignment.gridCommunity[g]!]! += totals.households[g]!;
    communityGrids[assignment.gridCommunity[g]!]! += 1;
  }
  let sumDeviation = 0;
  let maxDeviation = 0;
  let within = 0;
  let sumPP = 0;
  const rates: number[] = [];
  for (let g = 0; g < k; g++) {
    const c = assignment.gridCommunity[g]!;
    const mean = communityHouseholds[c]! / communityGrids[c]!;
    const deviation = mean > 0 ? Math.abs(totals.households[g]! - mean) / mean : 0;
    sumDeviation += deviation;
    maxDeviation = Math.max(maxDeviation, deviation);
    if (deviation <= tolerance + 1e-9) within += 1;
    const p = totals.perimeter[g]!;
    sumPP += p > 0 ? (4 * Math.PI * totals.area[g]!) / (p * p) : 0;
    if (totals.households[g]! > 0) rates.push((100 * totals.keyPopulation[g]!) / totals.households[g]!);
  }
  let cut = 0;
  let edges = 0;
  for (let e = 0; e < graph.edgeU.length; e++) {
    const a = assignment.grid[graph.edgeU[e]!]!;
    const b = assignment.grid[graph.edgeV[e]!]!;
    if (a < 0 || b < 0) continue;
    edges += 1;
    if (a !== b) cut += 1;
  }
  return {
    grids: k,
    meanDeviation: k > 0 ? sumDeviation / k : 0,
    maxDeviation,
    withinTolerance: k > 0 ? within / k : 1,
    discontiguousGrids: countDiscontiguous(graph, assignment.grid, k),
    meanPolsbyPopper: k > 0 ? sumPP / k : 0,
    edgeCut: edges > 0 ? cut / edges : 0,
    keyPopulationCV: coefficientOfVariation(rates),
  };
}

/**
 * The assignment maximising the total of a (rows × columns) matrix, rows and columns paired one-to-one (the
 * Hungarian algorithm on the padded square matrix, O(n³)). Returns for each row its column, or −1.
 */
export function maximumMatching(matrix: readonly (readonly number[])[]): number[] {
  const rows = matrix.length;
  const cols = rows > 0 ? Math.max(...matrix.map((r) => r.length)) : 0;
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  let max = 0;
  for (const row of matrix) for (const v of row) max = Math.max(max, v);
  const cost = (i: number, j: number) => max - (matrix[i - 1]?.[j - 1] ?? 0);
  // e-maxx's Hungarian algorithm, 1-based, minimising max − value.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i < rows && j - 1 < cols) result[i] = j - 1;
  }
  return result;
}

/** Households of the buildings both layouts place, per community, with their grids in each layout. */
function overlaps(graph: BuildingGraph, before: Layout, after: Layout) {
  const perCommunity = new Map<
    number,
    { rows: Map<string, number>; cols: Map<string, number>; cells: number[][]; total: number }
  >();
  graph.buildings.forEach((b, i) => {
    const from = before.get(b.id);
    const to = after.get(b.id);
    if (from === undefined || to === undefined) return;
    const c = graph.communityOf[i]!;
    let entry = perCommunity.get(c);
    if (!entry) perCommunity.set(c, (entry = { rows: new Map(), cols: new Map(), cells: [], total: 0 }));
    let r = entry.rows.get(from);
    if (r === undefined) {
      r = entry.rows.size;
      entry.rows.set(from, r);
      entry.cells.push([]);
    }
    let col = entry.cols.get(to);
    if (col === undefined) {
      col = entry.cols.size;
      entry.cols.set(to, col);
    }
    const row = entry.cells[r]!;
    row[col] = (row[col] ?? 0) + b.households;
    entry.total += b.households;
  });
  return perCommunity;
}

/**
 * Households whose grid changes from `before` to `after`: per community, grids are paired one-to-one so that the
 * most households keep their pair (an optimal matching); every household outside its pair moved.
 */
export function movesBetween(graph: BuildingGraph, before: Layout, after: Layout) {
  let moved = 0;
  let households = 0;
  for (const entry of overlaps(graph, before, after).values()) {
    const matrix = entry.cells.map((row) => Array.from({ length: entry.cols.size }, (_, j) => row[j] ?? 0));
    const match = maximumMatching(matrix);
    const kept = match.reduce((sum, j, i) => sum + (j >= 0 ? matrix[i]![j]! : 0), 0);
    moved += entry.total - kept;
    households += entry.total;
  }
  return { moved, households, share: households > 0 ? moved / households : 0 };
}

/** The largest sum ≤ cap of a subset of the values (non-negative integers; a bitset dynamic programme). */
export function maxSubsetSum(values: readonly number[], cap: number): number {
  if (cap <= 0) return 0;
  const reachable = new Uint8Array(cap + 1);
  reachable[0] = 1;
  let best = 0;
  for (const value of values) {
    if (value <= 0 || value > cap) continue;
    for (let s = cap - value; s >= 0; s--) {
      if (reachable[s] && !reachable[s + value]) {
        reachable[s + value] = 1;
        if (s + value > best) best = s + value;
      }
    }
    if (best === cap) break;
  }
  return best;
}

/**
 * A proven lower bound on the households any layout with `gridsAfter` grids per community (every grid within
 * ±tolerance of its community's target mean μ = H / k') must move away from `before`.
 *
 * Proof. In a community, let the new layout's grids have sizes s_1..s_k' (all within [L, U], L = ⌈(1−t)μ⌉,
 * U = ⌊(1+t)μ⌋, sizes being whole households) and let the moves' optimal matching pair m ≤ min(k, k') old grids
 * with new grids. Moved = H − Σ over pairs (i, j) of overlap(i, j). The overlap of pair (i, j) is the households
 * of a set of old grid i's buildings that all lie in new grid j, so it is a subset sum of old grid i's building
 * sizes that is ≤ s_j ≤ U; hence overlap(i, j) ≤ c_i = the largest subset sum of grid i's buildings not above U.
 * The m paired old grids are distinct, so Σ overlap ≤ S_m = the sum of the m largest c_i ≤ S_min(k,k').
 * Also Σ overlap ≤ Σ over paired new grids of s_j = H − Σ over unpaired new grids of s_j ≤ H − (k' − m)·L.
 * Both bounds grow with m, so kept ≤ min(S_M, H − (k' − M)·L) with M = min(k, k'), and
 * moved ≥ max(H − S_M, (k' − M)·L). Summing over communities bounds the county. Pinned buildings, contiguity
 * and barriers only remove layouts, so the bound holds for them too. ∎
 */
export function movesLowerBound(
  graph: BuildingGraph,
  before: Layout,
  gridsAfter: ReadonlyMap<string, number>,
  tolerance = 0.1,
): number {
  let bound = 0;
  for (const part of graph.communities) {
    const kAfter = gridsAfter.get(part.id);
    if (kAfter === undefined || kAfter <= 0) continue;
    const oldGrids = new Map<string, number[]>();
    let total = 0;
    for (const i of part.members) {
      const b = graph.buildings[i]!;
      const id = before.get(b.id);
      if (id === undefined) continue;
      let list = oldGrids.get(id);
      if (!list) oldGrids.set(id, (list = []));
      list.push(b.households);
      total += b.households;
    }
    const mean = total / kAfter;
    const lower = Math.max(0, Math.ceil((1 - tolerance) * mean - 1e-9));
    const upper = Math.floor((1 + tolerance) * mean + 1e-9);
    const best = [...oldGrids.values()].map((sizes) => maxSubsetSum(sizes, upper)).sort((a, b) => b - a);
    const pairs = Math.min(oldGrids.size, kAfter);
    const kept = best.slice(0, pairs).reduce((a, b) => a + b, 0);
    bound += Math.max(total - kept, (kAfter - pairs) * lower, 0);
  }
  return bound;
}
