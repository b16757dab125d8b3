import type { Random } from '../../../core/demo/random.ts';
import type { Geometry } from './geometry.ts';
import type { BuildingGraph } from './graph.ts';
import type { MoveReason, PlanWeights } from './types.ts';

/** Weight of the hard balance term: any household outside the tolerance costs more than every soft term. */
const HARD = 1000;

/**
 * One connected component of G in one community, being partitioned: local indices 0..n−1, its grids 0..k−1 and
 * running totals, so that the cost change of moving one building is computed in O(its degree).
 */
export type ComponentState = {
  nodes: number[];
  n: number;
  offsets: Int32Array;
  adjacency: Int32Array;
  /** Voronoi neighbours (local index, or −1 outside the component) and shared lengths. */
  sharedOffsets: Int32Array;
  sharedNeighbour: Int32Array;
  sharedLength: Float64Array;
  exterior: Float64Array;
  area: Float64Array;
  h: Float64Array;
  kp: Float64Array;
  pinned: Uint8Array;
  /** Adjust mode: each building's grid today (local grid index), −1 when none or in fresh mode. */
  original: Int32Array;
  grid: Int32Array;
  reason: Array<MoveReason | null>;
  k: number;
  load: Float64Array;
  keyPop: Float64Array;
  gridArea: Float64Array;
  perimeter: Float64Array;
  size: Int32Array;
  cut: number;
  moved: number;
  /** The community's target mean, its tolerance bounds (whole households) and the county's key-population rate. */
  mean: number;
  lo: number;
  hi: number;
  rate: number;
  edgeScale: number;
  weights: PlanWeights;
  /**
   * A cost per grid outside the tolerance, on top of the hard term per household (0 in the main search, which may
   * pass a few households over the bounds on its way to better shapes; the repair sets it so that no later step
   * trades a grid within the tolerance for shape).
   */
  outsideStep: number;
};

/** Builds the state of a component (grids unassigned: grid = −1, capacity for `capacity` grids). */
export function componentState(
  graph: BuildingGraph,
  geometry: Geometry,
  nodes: number[],
  capacity: number,
  context: { mean: number; tolerance: number; rate: number; weights: PlanWeights },
): ComponentState {
  const n = nodes.length;
  const local = new Map<number, number>();
  nodes.forEach((v, i) => local.set(v, i));
  const offsets = new Int32Array(n + 1);
  const adjacencyList: number[] = [];
  const sharedOffsets = new Int32Array(n + 1);
  const sharedNeighbour: number[] = [];
  const sharedLength: number[] = [];
  const exterior = new Float64Array(n);
  const area = new Float64Array(n);
  const h = new Float64Array(n);
  const kp = new Float64Array(n);
  const pinned = new Uint8Array(n);
  nodes.forEach((v, i) => {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const j = local.get(graph.adjacency[e]!);
      if (j !== undefined) adjacencyList.push(j);
    }
    offsets[i + 1] = adjacencyList.length;
    for (let s = geometry.sharedOffsets[v]!; s < geometry.sharedOffsets[v + 1]!; s++) {
      sharedNeighbour.push(local.get(geometry.sharedNeighbour[s]!) ?? -1);
      sharedLength.push(geometry.sharedLength[s]!);
    }
    sharedOffsets[i + 1] = sharedNeighbour.length;
    exterior[i] = geometry.exterior[v]!;
    area[i] = geometry.area[v]!;
    const b = graph.buildings[v]!;
    h[i] = b.households;
    kp[i] = b.keyPopulation;
    pinned[i] = b.pinned ? 1 : 0;
  });
  const edges = adjacencyList.length / 2;
  return {
    nodes,
    n,
    offsets,
    adjacency: Int32Array.from(adjacencyList),
    sharedOffsets,
    sharedNeighbour: Int32Array.from(sharedNeighbour),
    sharedLength: Float64Array.from(sharedLength),
    exterior,
    area,
    h,
    kp,
    pinned,
    original: new Int32Array(n).fill(-1),
    grid: new Int32Array(n).fill(-1),
    reason: new Array<MoveReason | null>(n).fill(null),
    k: 0,
    load: new Float64Array(capacity),
    keyPop: new Float64Array(capacity),
    gridArea: new Float64Array(capacity),
    perimeter: new Float64Array(capacity),
    size: new Int32Array(capacity),
    cut: 0,
    moved: 0,
    mean: context.mean,
    lo: Math.ceil((1 - context.tolerance) * context.mean - 1e-9),
    hi: Math.floor((1 + context.tolerance) * context.mean + 1e-9),
    rate: context.rate,
    edgeScale: Math.max(1, edges / Math.max(1, capacity)),
    weights: context.weights,
    outsideStep: 0,
  };
}

/** Recomputes every grid total, the cut and the moved households from `grid` (after bulk changes). */
export function recompute(s: ComponentState): void {
  s.load.fill(0);
  s.keyPop.fill(0);
  s.gridArea.fill(0);
  s.perimeter.fill(0);
  s.size.fill(0);
  s.cut = 0;
  s.moved = 0;
  for (let i = 0; i < s.n; i++) {
    const g = s.grid[i]!;
    if (g < 0) continue;
    s.load[g]! += s.h[i]!;
    s.keyPop[g]! += s.kp[i]!;
    s.gridArea[g]! += s.area[i]!;
    s.size[g]! += 1;
    let p = s.exterior[i]!;
    for (let e = s.sharedOffsets[i]!; e < s.sharedOffsets[i + 1]!; e++) {
      const j = s.sharedNeighbour[e]!;
      if (j < 0 || s.grid[j] !== g) p += s.sharedLength[e]!;
    }
    s.perimeter[g]! += p;
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const j = s.adjacency[e]!;
      if (j > i && s.grid[j] !== g) s.cut += 1;
    }
    if (s.original[i]! >= 0 && s.original[i] !== g) s.moved += s.h[i]!;
  }
}

/** The hard balance term: households outside [lo, hi] per target mean, and the step per grid outside. */
function hard(s: ComponentState, load: number): number {
  const excess = Math.max(0, load - s.hi, s.lo - load);
  return excess > 0 ? (HARD * excess) / s.mean + s.outsideStep : 0;
}

/** The cost of one grid with the given totals. */
export function gridCost(
  s: ComponentState,
  load: number,
  keyPop: number,
  area: number,
  perimeter: number,
): number {
  const w = s.weights;
  const deviation = (load - s.mean) / s.mean;
  let cost = hard(s, load) + w.balance * deviation * deviation;
  if (w.compactness > 0) cost += (w.compactness * perimeter * perimeter) / (4 * Math.PI * Math.max(area, 1));
  if (w.keyPopulation > 0 && s.rate > 0 && load > 0) {
    const r = ((100 * keyPop) / load - s.rate) / s.rate;
    cost += w.keyPopulation * r * r;
  }
  return cost;
}

/** The whole component's cost (the objective the search lowers). */
export function totalCost(s: ComponentState): number {
  let cost = (s.weights.cut * s.cut) / s.edgeScale + (s.weights.moves * s.moved) / s.mean;
  for (let g = 0; g < s.k; g++) {
    cost += gridCost(s, s.load[g]!, s.keyPop[g]!, s.gridArea[g]!, s.perimeter[g]!);
  }
  return cost;
}

/** The balance part of the cost (hard + soft), to tell a balancing move from a shaping one. */
export function balanceCost(s: ComponentState, load: number): number {
  const deviation = (load - s.mean) / s.mean;
  return hard(s, load) + s.weights.balance * deviation * deviation;
}

/** The depth-first stack of `staysConnected` (each building is pushed at most once), reused. */
let searchStack = new Int32Array(256);

/** Whether grid a stays connected without building i (a search from one of i's neighbours in a). */
export function staysConnected(
  s: ComponentState,
  i: number,
  scratch: Int32Array,
  stamp: { value: number },
): boolean {
  const a = s.grid[i]!;
  let first = -1;
  let targets = 0;
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
    const j = s.adjacency[e]!;
    if (s.grid[j] === a) {
      targets += 1;
      if (first < 0) first = j;
    }
  }
  if (targets <= 1) return true;
  stamp.value += 1;
  const mark = stamp.value;
  scratch[i] = mark;
  if (searchStack.length < s.n) searchStack = new Int32Array(Math.max(s.n, 2 * searchStack.length));
  const stack = searchStack;
  let top = 0;
  stack[top++] = first;
  scratch[first] = mark;
  let found = 0;
  while (top > 0) {
    const v = stack[--top]!;
    for (let e = s.offsets[v]!; e < s.offsets[v + 1]!; e++) {
      const j = s.adjacency[e]!;
      if (s.grid[j] !== a || scratch[j] === mark) continue;
      scratch[j] = mark;
      stack[top++] = j;
    }
  }
  // Count i's neighbours in a reached by the search.
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
    const j = s.adjacency[e]!;
    if (s.grid[j] === a && scratch[j] === mark) found += 1;
  }
  return found === targets;
}

/** The cost change of moving building i from its grid to grid b (no legality check). */
export function moveDelta(s: ComponentState, i: number, b: number): number {
  const a = s.grid[i]!;
  const hi = s.h[i]!;
  let dPa = -s.exterior[i]!;
  let dPb = s.exterior[i]!;
  for (let e = s.sharedOffsets[i]!; e < s.sharedOffsets[i + 1]!; e++) {
    const j = s.sharedNeighbour[e]!;
    const len = s.sharedLength[e]!;
    const gj = j < 0 ? -1 : s.grid[j]!;
    dPa += gj === a ? len : -len;
    dPb += gj === b ? -len : len;
  }
  let dCut = 0;
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
    const gj = s.grid[s.adjacency[e]!]!;
    if (gj === a) dCut += 1;
    else if (gj === b) dCut -= 1;
  }
  let dMoved = 0;
  if (s.original[i] === a) dMoved += hi;
  if (s.original[i] === b) dMoved -= hi;
  const before =
    gridCost(s, s.load[a]!, s.keyPop[a]!, s.gridArea[a]!, s.perimeter[a]!) +
    gridCost(s, s.load[b]!, s.keyPop[b]!, s.gridArea[b]!, s.perimeter[b]!);
  const after =
    gridCost(
      s,
      s.load[a]! - hi,
      s.keyPop[a]! - s.kp[i]!,
      s.gridArea[a]! - s.area[i]!,
      s.perimeter[a]! + dPa,
    ) +
    gridCost(s, s.load[b]! + hi, s.keyPop[b]! + s.kp[i]!, s.gridArea[b]! + s.area[i]!, s.perimeter[b]! + dPb);
  return after - before + (s.weights.cut * dCut) / s.edgeScale + (s.weights.moves * dMoved) / s.mean;
}

/** Moves building i to grid b, updating every total; records why. */
export function applyMove(s: ComponentState, i: number, b: number, reason?: MoveReason): void {
  const a = s.grid[i]!;
  const hi = s.h[i]!;
  const why =
    reason ??
    (balanceCost(s, s.load[a]! - hi) + balanceCost(s, s.load[b]! + hi) <
    balanceCost(s, s.load[a]!) + balanceCost(s, s.load[b]!)
      ? 'balance'
      : 'shape');
  for (let e = s.sharedOffsets[i]!; e < s.sharedOffsets[i + 1]!; e++) {
    const j = s.sharedNeighbour[e]!;
    const len = s.sharedLength[e]!;
    const gj = j < 0 ? -1 : s.grid[j]!;
    s.perimeter[a]! += gj === a ? len : -len;
    s.perimeter[b]! += gj === b ? -len : len;
  }
  s.perimeter[a]! -= s.exterior[i]!;
  s.perimeter[b]! += s.exterior[i]!;
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
    const gj = s.grid[s.adjacency[e]!]!;
    if (gj === a) s.cut += 1;
    else if (gj === b) s.cut -= 1;
  }
  if (s.original[i] === a) s.moved += hi;
  if (s.original[i] === b) s.moved -= hi;
  s.load[a]! -= hi;
  s.load[b]! += hi;
  s.keyPop[a]! -= s.kp[i]!;
  s.keyPop[b]! += s.kp[i]!;
  s.gridArea[a]! -= s.area[i]!;
  s.gridArea[b]! += s.area[i]!;
  s.size[a]! -= 1;
  s.size[b]! += 1;
  s.grid[i] = b;
  s.reason[i] = why;
}

/** Whether building i may leave its grid: not pinned, not its grid's last building, the grid stays connected. */
export function movable(
  s: ComponentState,
  i: number,
  scratch: Int32Array,
  stamp: { value: number },
): boolean {
  return s.pinned[i] === 0 && s.size[s.grid[i]!]! > 1 && staysConnected(s, i, scratch, stamp);
}

/** The grids (other than i's) adjacent to building i in G. */
function adjacentGrids(s: ComponentState, i: number, out: number[]): number[] {
  out.length = 0;
  const a = s.grid[i]!;
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
    const g = s.grid[s.adjacency[e]!]!;
    if (g !== a && g >= 0 && !out.includes(g)) out.push(g);
  }
  return out;
}

export type SearchClock = { deadline: number; timedOut: boolean };

export function expired(clock: SearchClock): boolean {
  if (performance.now() > clock.deadline) clock.timedOut = true;
  return clock.timedOut;
}

/** Greedy descent: passes over the buildings in a random order, each taking its best improving move. */
export function descend(s: ComponentState, random: Random, clock: SearchClock, maxPasses = 50): void {
  const scratch = new Int32Array(s.n);
  const stamp = { value: 0 };
  const order = Array.from({ length: s.n }, (_, i) => i);
  const grids: number[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    shuffle(order, random);
    let improved = false;
    for (let t = 0; t < order.length; t++) {
      if ((t & 127) === 0 && expired(clock)) return;
      const i = order[t]!;
      adjacentGrids(s, i, grids);
      if (grids.length === 0) continue;
      let best = -1e-9;
      let target = -1;
      for (const b of grids) {
        const delta = moveDelta(s, i, b);
        if (delta < best) {
          best = delta;
          target = b;
        }
      }
      if (target >= 0 && movable(s, i, scratch, stamp)) {
        applyMove(s, i, target);
        improved = true;
      }
    }
    if (!improved) return;
  }
}

/** Simulated annealing over boundary moves; keeps and restores the best layout it met. */
export function anneal(
  s: ComponentState,
  random: Random,
  clock: SearchClock,
  iterations: number,
  startFactor = 1,
): void {
  if (s.k < 2 || s.n < 2) return;
  const scratch = new Int32Array(s.n);
  const stamp = { value: 0 };
  const grids: number[] = [];
  let current = totalCost(s);
  let best = current;
  let bestGrid = s.grid.slice();
  let bestReason = s.reason.slice();
  // The temperature starts at the typical cost change of a boundary move and cools a thousandfold.
  const sample: number[] = [];
  for (let t = 0; t < 200; t++) {
    const i = Math.floor(random.next() * s.n);
    adjacentGrids(s, i, grids);
    if (grids.length > 0) sample.push(Math.abs(moveDelta(s, i, grids[0]!)));
  }
  sample.sort((a, b) => a - b);
  const startT = Math.max(1e-3, (sample[Math.floor(sample.length / 4)] ?? 1) * startFactor);
  const endT = startT / 1000;
  for (let it = 0; it < iterations; it++) {
    if ((it & 255) === 0 && expired(clock)) break;
    const temperature = startT * Math.pow(endT / startT, it / iterations);
    const i = Math.floor(random.next() * s.n);
    adjacentGrids(s, i, grids);
    if (grids.length === 0) continue;
    const b = grids[Math.floor(random.next() * grids.length)]!;
    if (random.next() < 0.3) {
      const delta = trySwap(s, i, b, temperature, random, scratch, stamp);
      if (delta === null) continue;
      current += delta;
    } else {
      const delta = moveDelta(s, i, b);
      if (delta > 0 && random.next() >= Math.exp(-delta / temperature)) continue;
      if (!movable(s, i, scratch, stamp)) continue;
      applyMove(s, i, b);
      current += delta;
    }
    if (current < best - 1e-9) {
      best = current;
      bestGrid = s.grid.slice();
      bestReason = s.reason.slice();
    }
  }
  if (current > best + 1e-9) {
    s.grid.set(bestGrid);
    s.reason = bestReason;
    recompute(s);
  }
}

/**
 * A swap: building i goes to grid b and a neighbour j of i in b comes to i's grid (a finer step in households
 * than single moves when buildings are large). Accepted by the Metropolis rule; returns the cost change, or
 * null when not made.
 */
function trySwap(
  s: ComponentState,
  i: number,
  b: number,
  temperature: number,
  random: Random,
  scratch: Int32Array,
  stamp: { value: number },
): number | null {
  const a = s.grid[i]!;
  if (s.pinned[i] !== 0 || s.size[a]! <= 1) return null;
  let partners = 0;
  for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) if (s.grid[s.adjacency[e]!] === b) partners += 1;
  if (partners === 0) return null;
  // The chosen one of i's neighbours in b, in adjacency order.
  let pick = Math.floor(random.next() * partners);
  let j = -1;
  for (let e = s.offsets[i]!; j < 0; e++) {
    const v = s.adjacency[e]!;
    if (s.grid[v] === b && pick-- === 0) j = v;
  }
  if (s.pinned[j] !== 0) return null;
  const reasonI = s.reason[i] ?? null;
  const reasonJ = s.reason[j] ?? null;
  // The cost change first (i moved for a moment), the searches for connectivity only for a swap accepted.
  const first = moveDelta(s, i, b);
  applyMove(s, i, b);
  let touchesA = false;
  for (let e = s.offsets[j]!; e < s.offsets[j + 1]!; e++) if (s.grid[s.adjacency[e]!] === a) touchesA = true;
  if (touchesA) {
    const total = first + moveDelta(s, j, a);
    if (
      (total <= 0 || random.next() < Math.exp(-total / temperature)) &&
      // b stays connected without j (i in it), and a without i (as it was)
      staysConnected(s, j, scratch, stamp)
    ) {
      applyMove(s, i, a);
      s.reason[i] = reasonI;
      if (staysConnected(s, i, scratch, stamp)) {
        applyMove(s, i, b);
        applyMove(s, j, a);
        return total;
      }
      return null;
    }
  }
  applyMove(s, i, a);
  s.reason[i] = reasonI;
  s.reason[j] = reasonJ;
  return null;
}

export function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
