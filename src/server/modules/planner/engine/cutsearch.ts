import { createRandom, type Random } from '../../../core/demo/random.ts';
import { localGraph } from './exact.ts';
import type { BuildingGraph } from './graph.ts';
import type { Layout } from './types.ts';

/**
 * A dedicated edge-cut minimiser under the planner's hard constraints only (issue 12's edge-cut question): every
 * grid connected in G, inside one component of one community, households within [L, U] = ±tolerance of the
 * community's mean, and exactly the start layout's grids per component. Shape, key populations and moves are
 * ignored: this answers "how low can the edge cut go at all", and can polish a layout for the cut alone.
 *
 * Per component, from one or more valid start layouts (e.g. the planner's fresh layouts for several seeds):
 * simulated annealing on single buildings (gain = cut edges saved), then V-cycles (the graph coarsened by
 * heavy-edge matching inside each grid, or inside each cell of two layouts' overlay to combine them, and refined
 * level by level, coarse to fine; a coarse node is a connected set of buildings, so a grid connected in a coarse
 * graph is connected in G). The best layout found is kept. A move never increases the households outside [L, U]
 * (so a component where the tolerance cannot be met keeps its violation from growing) and never disconnects a
 * grid or empties one. Deterministic for a seed unless the time limit cuts it short.
 */
export type CutSearchOptions = {
  /** Valid start layouts (every building assigned, grids connected and inside one component); at least one. */
  starts: readonly Layout[];
  /** Balance tolerance around each community's mean (default 0.10). */
  tolerance?: number;
  seed?: number;
  /** Wall-clock limit for the whole graph (default 5,000 ms). */
  timeLimitMs?: number;
  /** Annealing proposals per building per round (default 200). */
  annealPerNode?: number;
  /** The annealing's starting temperature on G (in cut edges; default 0.6; coarse levels start at 1). */
  temperature?: number;
  /** At most this many V-cycles per component (default: until the time limit). */
  maxRounds?: number;
  /** Keep every grid connected (default true; false only to measure what contiguity costs). */
  contiguity?: boolean;
};

export type CutSearchResult = {
  layout: Map<string, string>;
  /** G's edges between two grids, before (best start) and after. */
  cutBefore: number;
  cutAfter: number;
  edges: number;
  rounds: number;
  timedOut: boolean;
};

/** One level of the (coarsened) component graph: node weights = households, edge weights = G edges. */
type Level = { n: number; offsets: Int32Array; adj: Int32Array; ew: Float64Array; w: Float64Array };

/** A partition of a level into k connected parts with running loads and sizes. */
type Parts = { part: Int32Array; load: Float64Array; size: Int32Array; k: number };

type Bounds = { lo: number; hi: number };

type Scratch = {
  mark: Int32Array;
  stamp: number;
  queue: Int32Array;
  conn: Float64Array;
  touched: Int32Array;
};

const violation = (load: number, b: Bounds) => Math.max(0, b.lo - load) + Math.max(0, load - b.hi);

function scratch(n: number, k: number): Scratch {
  return {
    mark: new Int32Array(n),
    stamp: 0,
    queue: new Int32Array(n),
    conn: new Float64Array(k),
    touched: new Int32Array(k),
  };
}

/** The cut (sum of edge weights between parts) of a partition of a level. */
export function levelCut(level: Level, part: Int32Array): number {
  let cut = 0;
  for (let v = 0; v < level.n; v++) {
    for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
      if (part[level.adj[e]!] !== part[v]) cut += level.ew[e]!;
    }
  }
  return cut / 2;
}

function partsOf(level: Level, part: Int32Array, k: number): Parts {
  const load = new Float64Array(k);
  const size = new Int32Array(k);
  for (let v = 0; v < level.n; v++) {
    load[part[v]!]! += level.w[v]!;
    size[part[v]!]! += 1;
  }
  return { part, load, size, k };
}

/** Whether part a stays connected without v (a search inside a from one of v's neighbours in a). */
function staysConnected(level: Level, P: Parts, v: number, s: Scratch): boolean {
  if (!checkContiguity) return true;
  const a = P.part[v]!;
  let need = 0;
  let start = -1;
  s.stamp += 2;
  const seen = s.stamp;
  const want = s.stamp - 1;
  for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
    const u = level.adj[e]!;
    if (P.part[u] !== a || s.mark[u] === want) continue;
    s.mark[u] = want;
    need += 1;
    start = u;
  }
  if (need <= 1) return true;
  s.mark[v] = seen;
  s.mark[start] = seen;
  need -= 1;
  let head = 0;
  let tail = 0;
  s.queue[tail++] = start;
  while (head < tail) {
    const x = s.queue[head++]!;
    for (let e = level.offsets[x]!; e < level.offsets[x + 1]!; e++) {
      const u = level.adj[e]!;
      if (P.part[u] !== a || s.mark[u] === seen) continue;
      if (s.mark[u] === want && --need === 0) return true;
      s.mark[u] = seen;
      s.queue[tail++] = u;
    }
  }
  return false;
}

/** Edge weight from v to each part (s.conn), the parts touched listed in s.touched; returns how many. */
function connections(level: Level, P: Parts, v: number, s: Scratch): number {
  let count = 0;
  for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
    const p = P.part[level.adj[e]!]!;
    if (s.conn[p] === 0) s.touched[count++] = p;
    s.conn[p]! += level.ew[e]!;
  }
  return count;
}

function clearConnections(s: Scratch, count: number): void {
  for (let t = 0; t < count; t++) s.conn[s.touched[t]!] = 0;
}

/** Whether moving v (weight w) from a to b keeps the households outside the bounds from growing. */
function balanceAllows(P: Parts, a: number, b: number, w: number, bounds: Bounds): boolean {
  const before = violation(P.load[a]!, bounds) + violation(P.load[b]!, bounds);
  const after = violation(P.load[a]! - w, bounds) + violation(P.load[b]! + w, bounds);
  return after <= before + 1e-9;
}

function move(level: Level, P: Parts, v: number, b: number): void {
  const a = P.part[v]!;
  P.load[a]! -= level.w[v]!;
  P.size[a]! -= 1;
  P.load[b]! += level.w[v]!;
  P.size[b]! += 1;
  P.part[v] = b;
}

type Clock = { deadline: number; timedOut: boolean; ticks: number };

function expired(clock: Clock): boolean {
  if (clock.timedOut) return true;
  if ((++clock.ticks & 255) === 0 && performance.now() > clock.deadline) clock.timedOut = true;
  return clock.timedOut;
}

/**
 * Refines a partition of a level for the cut: simulated annealing over single nodes (a node and one of its
 * neighbouring parts proposed at random, accepted when the cut falls or with probability e^(−Δ/T)), T cooling
 * geometrically from t0 to t1, then greedy passes. Returns the best partition seen (P is left at it).
 */
function refine(
  level: Level,
  P: Parts,
  bounds: Bounds,
  random: Random,
  clock: Clock,
  proposals: number,
  t0: number,
  t1: number,
): number {
  const s = scratch(level.n, P.k);
  repair(level, P, bounds, random, clock, s);
  let cut = levelCut(level, P.part);
  let best = cut;
  const bestPart = P.part.slice();
  if (P.k < 2 || level.n <= P.k) return cut;
  const steps = Math.max(1, proposals);
  const cool = Math.pow(t1 / t0, 1 / steps);
  let t = t0;
  for (let step = 0; step < steps && t0 > 0; step++, t *= cool) {
    if (expired(clock)) break;
    const v = Math.floor(random.next() * level.n);
    const a = P.part[v]!;
    if (P.size[a]! <= 1) continue;
    const count = connections(level, P, v, s);
    if (count < 2) {
      clearConnections(s, count);
      continue;
    }
    let b = a;
    while (b === a) b = s.touched[Math.floor(random.next() * count)]!;
    const delta = s.conn[a]! - s.conn[b]!;
    clearConnections(s, count);
    if (delta > 0 && random.next() >= Math.exp(-delta / t)) continue;
    if (!balanceAllows(P, a, b, level.w[v]!, bounds) || !staysConnected(level, P, v, s)) continue;
    move(level, P, v, b);
    cut += delta;
    if (cut < best - 1e-9) {
      best = cut;
      bestPart.set(P.part);
    }
  }
  if (cut > best + 1e-9) {
    P.part.set(bestPart);
    const fresh = partsOf(level, P.part, P.k);
    P.load.set(fresh.load);
    P.size.set(fresh.size);
    cut = best;
  }
  return greedy(level, P, bounds, random, clock, s, cut);
}

/**
 * Moves that bring households back inside the bounds (a start from a layout with grids outside them), whatever
 * they cost in cut: per node, the move to a neighbouring part that lowers the households outside most (then the
 * cut), while any does.
 */
function repair(level: Level, P: Parts, bounds: Bounds, random: Random, clock: Clock, s: Scratch): void {
  const order = Int32Array.from({ length: level.n }, (_, i) => i);
  for (let pass = 0; pass < 50; pass++) {
    let outside = 0;
    for (let p = 0; p < P.k; p++) outside += violation(P.load[p]!, bounds);
    if (outside === 0) return;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    let changed = false;
    for (const v of order) {
      if (expired(clock)) return;
      const a = P.part[v]!;
      if (P.size[a]! <= 1) continue;
      const w = level.w[v]!;
      const count = connections(level, P, v, s);
      let bestB = -1;
      let bestDrop = 1e-9;
      let bestGain = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < count; t++) {
        const b = s.touched[t]!;
        if (b === a) continue;
        const drop =
          violation(P.load[a]!, bounds) +
          violation(P.load[b]!, bounds) -
          violation(P.load[a]! - w, bounds) -
          violation(P.load[b]! + w, bounds);
        const gain = s.conn[b]! - s.conn[a]!;
        if (drop > bestDrop + 1e-9 || (drop > bestDrop - 1e-9 && gain > bestGain)) {
          bestDrop = drop;
          bestGain = gain;
          bestB = b;
        }
      }
      clearConnections(s, count);
      if (bestB < 0 || !staysConnected(level, P, v, s)) continue;
      move(level, P, v, bestB);
      changed = true;
    }
    if (!changed) return;
  }
}

/** Greedy passes over the nodes in random order: the best improving move of each (ties: half the time). */
function greedy(
  level: Level,
  P: Parts,
  bounds: Bounds,
  random: Random,
  clock: Clock,
  s: Scratch,
  cut: number,
): number {
  const order = Int32Array.from({ length: level.n }, (_, i) => i);
  for (let pass = 0; pass < 8; pass++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    let gained = 0;
    for (const v of order) {
      if (expired(clock)) return cut;
      const a = P.part[v]!;
      if (P.size[a]! <= 1) continue;
      const count = connections(level, P, v, s);
      let bestB = -1;
      let bestGain = -1;
      for (let t = 0; t < count; t++) {
        const b = s.touched[t]!;
        if (b === a) continue;
        const gain = s.conn[b]! - s.conn[a]!;
        if (gain > bestGain || (gain === bestGain && random.next() < 0.5)) {
          if (!balanceAllows(P, a, b, level.w[v]!, bounds)) continue;
          bestGain = gain;
          bestB = b;
        }
      }
      clearConnections(s, count);
      if (bestB < 0 || bestGain < 0 || (bestGain === 0 && random.next() < 0.5)) continue;
      if (!staysConnected(level, P, v, s)) continue;
      move(level, P, v, bestB);
      cut -= bestGain;
      gained += bestGain;
    }
    if (gained === 0) break;
  }
  return cut;
}

/**
 * Heavy-edge matching of nodes with the same label (ties and visiting order random; a node pairs at most once,
 * and a pair weighs at most maxWeight): the coarse level and the fine → coarse map.
 */
function coarsen(
  level: Level,
  label: Int32Array,
  random: Random,
  maxWeight: number,
): { coarse: Level; map: Int32Array } {
  const n = level.n;
  const mate = new Int32Array(n).fill(-1);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  for (const v of order) {
    if (mate[v] !== -1) continue;
    let best = -1;
    let bestW = -1;
    for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
      const u = level.adj[e]!;
      if (u === v || mate[u] !== -1 || label[u] !== label[v]) continue;
      if (level.w[u]! + level.w[v]! > maxWeight) continue;
      // Heavy edge, lighter partner on ties (keeps coarse weights even), then random.
      const score = level.ew[e]! - level.w[u]! * 1e-6 + random.next() * 1e-9;
      if (score > bestW) {
        bestW = score;
        best = u;
      }
    }
    if (best >= 0) {
      mate[v] = best;
      mate[best] = v;
    } else mate[v] = v;
  }
  const map = new Int32Array(n).fill(-1);
  let cn = 0;
  for (let v = 0; v < n; v++) {
    if (map[v] !== -1) continue;
    map[v] = cn;
    map[mate[v]!] = cn;
    cn += 1;
  }
  const w = new Float64Array(cn);
  for (let v = 0; v < n; v++) w[map[v]!]! += level.w[v]!;
  // Coarse adjacency: merge parallel edges with a per-node accumulator.
  const members: number[][] = Array.from({ length: cn }, () => []);
  for (let v = 0; v < n; v++) members[map[v]!]!.push(v);
  const offsets = new Int32Array(cn + 1);
  const adj: number[] = [];
  const ew: number[] = [];
  const acc = new Float64Array(cn);
  const where = new Int32Array(cn).fill(-1);
  for (let c = 0; c < cn; c++) {
    const start = adj.length;
    for (const v of members[c]!) {
      for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
        const d = map[level.adj[e]!]!;
        if (d === c) continue;
        if (where[d] === -1) {
          where[d] = adj.length;
          adj.push(d);
          ew.push(0);
        }
        acc[d]! += level.ew[e]!;
      }
    }
    for (let i = start; i < adj.length; i++) {
      ew[i] = acc[adj[i]!]!;
      acc[adj[i]!] = 0;
      where[adj[i]!] = -1;
    }
    offsets[c + 1] = adj.length;
  }
  return {
    coarse: { n: cn, offsets, adj: Int32Array.from(adj), ew: Float64Array.from(ew), w },
    map,
  };
}

/**
 * A V-cycle on a valid partition: coarsen inside each cell of `label` (a refinement of the partition: the
 * partition itself, or its overlay with another layout), refine from the coarsest level down. The partition
 * stays valid at every level (a coarse node lies in one part and is connected in G). Returns the new cut.
 */
function vcycle(
  fine: Level,
  P: Parts,
  label: Int32Array,
  bounds: Bounds,
  random: Random,
  clock: Clock,
  annealPerNode: number,
  temperature: number,
): number {
  const levels: Level[] = [fine];
  const maps: Int32Array[] = [];
  const labels: Int32Array[] = [label];
  const maxWeight = Math.max(1, (bounds.hi - bounds.lo) * 1.5);
  while (levels.length < 30) {
    const top = levels[levels.length - 1]!;
    const { coarse, map } = coarsen(top, labels[labels.length - 1]!, random, maxWeight);
    if (coarse.n > 0.92 * top.n) break;
    const coarseLabel = new Int32Array(coarse.n);
    const topLabel = labels[labels.length - 1]!;
    for (let v = 0; v < top.n; v++) coarseLabel[map[v]!] = topLabel[v]!;
    levels.push(coarse);
    maps.push(map);
    labels.push(coarseLabel);
  }
  // The partition on the coarsest level (constant on each coarse node).
  const parts: Int32Array[] = [P.part];
  for (let l = 0; l < maps.length; l++) {
    const coarsePart = new Int32Array(levels[l + 1]!.n);
    const map = maps[l]!;
    const finer = parts[l]!;
    for (let v = 0; v < map.length; v++) coarsePart[map[v]!] = finer[v]!;
    parts.push(coarsePart);
  }
  let cut = 0;
  for (let l = levels.length - 1; l >= 0; l--) {
    const level = levels[l]!;
    const Q = partsOf(level, parts[l]!, P.k);
    const proposals = Math.round(annealPerNode * level.n * (l === 0 ? 1 : 0.5));
    cut = refine(
      level,
      Q,
      bounds,
      random,
      clock,
      proposals,
      l === 0 ? temperature : Math.max(1, temperature),
      0.05,
    );
    if (l > 0) {
      const map = maps[l - 1]!;
      const finer = parts[l - 1]!;
      for (let v = 0; v < map.length; v++) finer[v] = Q.part[map[v]!]!;
    } else {
      P.load.set(Q.load);
      P.size.set(Q.size);
    }
  }
  return cut;
}

/** Whether a partition has k non-empty connected parts. */
export function partitionValid(level: Level, part: Int32Array, k: number): boolean {
  const seen = new Uint8Array(level.n);
  const found = new Uint8Array(k);
  const stack: number[] = [];
  for (let v = 0; v < level.n; v++) {
    if (seen[v]) continue;
    const p = part[v]!;
    if (p < 0 || p >= k || found[p]) return false;
    found[p] = 1;
    seen[v] = 1;
    stack.push(v);
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let e = level.offsets[x]!; e < level.offsets[x + 1]!; e++) {
        const u = level.adj[e]!;
        if (!seen[u] && part[u] === p) {
          seen[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return found.every((f) => f === 1);
}

/** The level of one component of G (local indices in `nodes` order). */
function componentLevel(graph: BuildingGraph, nodes: readonly number[]): Level {
  const { offsets, adjacency } = localGraph(graph, nodes);
  return {
    n: nodes.length,
    offsets,
    adj: adjacency,
    ew: new Float64Array(adjacency.length).fill(1),
    w: Float64Array.from(nodes, (v) => graph.buildings[v]!.households),
  };
}

/** Set by minimiseCut for the duration of a call (contiguity: false measures the constraint's price). */
let checkContiguity = true;

/** A layout of one component: its parts, cut and households outside the bounds (compared first). */
type Candidate = { part: Int32Array; cut: number; outside: number };

/** Fewer households outside the bounds first, then the lower cut. */
const better = (a: Candidate, b: Candidate) => a.outside - b.outside || a.cut - b.cut;

function outsideBounds(level: Level, part: Int32Array, k: number, bounds: Bounds): number {
  const { load } = partsOf(level, part, k);
  let outside = 0;
  for (let p = 0; p < k; p++) outside += violation(load[p]!, bounds);
  return outside;
}

/** Minimises the edge cut of a layout under the hard constraints (see the type's comment). */
export function minimiseCut(graph: BuildingGraph, options: CutSearchOptions): CutSearchResult {
  const started = performance.now();
  const tolerance = options.tolerance ?? 0.1;
  const limit = options.timeLimitMs ?? 5000;
  const deadline = started + limit;
  const annealPerNode = options.annealPerNode ?? 200;
  const seed = options.seed ?? 1;
  const temperature = options.temperature ?? 0.6;
  if (options.starts.length === 0) throw new Error('minimiseCut needs at least one start layout');
  const layout = new Map<string, string>(options.starts[0]);
  checkContiguity = options.contiguity ?? true;
  let cutBefore = 0;
  let cutAfter = 0;
  let rounds = 0;
  let timedOut = false;
  let remaining = graph.buildings.length;
  graph.communities.forEach((community, c) => {
    const grids = new Set<string>();
    let households = 0;
    for (const v of community.members) {
      households += graph.buildings[v]!.households;
      const id = options.starts[0]!.get(graph.buildings[v]!.id);
      if (id !== undefined) grids.add(id);
    }
    const mean = households / Math.max(1, grids.size);
    const bounds: Bounds = {
      lo: Math.ceil((1 - tolerance) * mean - 1e-9),
      hi: Math.floor((1 + tolerance) * mean + 1e-9),
    };
    community.components.forEach((nodes, ci) => {
      const now = performance.now();
      const budget = Math.max(0, deadline - now) * (nodes.length / Math.max(1, remaining));
      remaining -= nodes.length;
      const clock: Clock = { deadline: now + budget, timedOut: false, ticks: 0 };
      const random = createRandom((seed * 7919 + c * 104_729 + ci * 31 + 17) >>> 0);
      const level = componentLevel(graph, nodes);
      // Each start's grids here, as local part numbers; invalid starts (wrong count, disconnected) are skipped.
      let names: string[] | null = null;
      const population: Candidate[] = [];
      for (const start of options.starts) {
        const ids = new Map<string, number>();
        const part = new Int32Array(nodes.length);
        let ok = true;
        nodes.forEach((v, i) => {
          const id = start.get(graph.buildings[v]!.id);
          if (id === undefined) {
            ok = false;
            return;
          }
          let p = ids.get(id);
          if (p === undefined) ids.set(id, (p = ids.size));
          part[i] = p;
        });
        if (!ok || (names !== null && ids.size !== names.length)) continue;
        if (!partitionValid(level, part, ids.size)) continue;
        names ??= [...ids.keys()];
        population.push({
          part,
          cut: levelCut(level, part),
          outside: outsideBounds(level, part, ids.size, bounds),
        });
      }
      if (names === null || population.length === 0) return; // keeps the first start's grids as they are
      const k = names.length;
      const first = population.reduce((a, b) => (better(b, a) < 0 ? b : a));
      cutBefore += first.cut;
      if (k < 2) {
        cutAfter += first.cut;
        return;
      }
      const improve = (cand: Candidate, label: Int32Array | null) => {
        const P = partsOf(level, cand.part.slice(), k);
        const cut = vcycle(
          level,
          P,
          label ?? P.part.slice(),
          bounds,
          random,
          clock,
          annealPerNode,
          temperature,
        );
        rounds += 1;
        return { part: P.part, cut, outside: outsideBounds(level, P.part, k, bounds) };
      };
      // Each start improved once, then: the best combined with another (overlay V-cycle) or cycled again.
      for (let i = 0; i < population.length && !clock.timedOut; i++) {
        population[i] = improve(population[i]!, null);
      }
      const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
      for (
        let round = 0;
        round < maxRounds && !clock.timedOut && performance.now() < clock.deadline;
        round++
      ) {
        population.sort(better);
        const best = population[0]!;
        let next: Candidate;
        if (population.length > 1 && random.next() < 0.5) {
          const other = population[1 + Math.floor(random.next() * (population.length - 1))]!;
          const label = new Int32Array(level.n);
          for (let i = 0; i < level.n; i++) label[i] = best.part[i]! * k + other.part[i]!;
          next = improve(best, label);
        } else next = improve(population[Math.floor(random.next() * population.length)]!, null);
        const worst = population[population.length - 1]!;
        if (better(next, worst) < 0 && !population.some((p) => better(p, next) === 0)) {
          population[population.length - 1] = next;
        }
        if (budget <= 0) break;
      }
      timedOut ||= clock.timedOut;
      const best = population.reduce((a, b) => (better(b, a) < 0 ? b : a));
      cutAfter += best.cut;
      nodes.forEach((v, i) => layout.set(graph.buildings[v]!.id, names[best.part[i]!]!));
    });
  });
  return { layout, cutBefore, cutAfter, edges: graph.edgeU.length, rounds, timedOut };
}

/** Whether a layout's grids on one component of G are each connected (and assigned); used to vet start layouts. */
export function componentLayoutValid(
  graph: BuildingGraph,
  nodes: readonly number[],
  layout: Layout,
): boolean {
  const ids = new Map<string, number>();
  const part = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const id = layout.get(graph.buildings[nodes[i]!]!.id);
    if (id === undefined) return false;
    let p = ids.get(id);
    if (p === undefined) ids.set(id, (p = ids.size));
    part[i] = p;
  }
  return partitionValid(componentLevel(graph, nodes), part, ids.size);
}
