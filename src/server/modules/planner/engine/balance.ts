import type { Random } from '../../../core/demo/random.ts';
import { unionFind } from './graph.ts';
import type { ComponentState, SearchClock } from './refine.ts';
import { applyMove, balanceCost, expired, movable, totalCost } from './refine.ts';
import type { MoveReason } from './types.ts';

/**
 * Chains for the hard balance: for each grid outside the tolerance, a shortest path of adjacent grids to one with
 * room (or to spare), and along it one building handed on per step (each the one closest to the amount needed).
 * Kept when the total cost falls, undone otherwise.
 */
export function balanceChains(s: ComponentState, clock: SearchClock, rounds = 3): void {
  const scratch = new Int32Array(s.n);
  const stamp = { value: 0 };
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (let g = 0; g < s.k; g++) {
      if (expired(clock)) return;
      const over = s.load[g]! > s.hi;
      const under = s.load[g]! < s.lo;
      if (!over && !under) continue;
      const path = gridPath(s, g, over);
      if (!path) continue;
      // As much as g needs, but no more than the grid at the other end can take or spare.
      const end = s.load[path[path.length - 1]!]!;
      let need = Math.max(
        1,
        over ? Math.min(s.load[g]! - s.mean, s.mean - end) : Math.min(s.mean - s.load[g]!, end - s.mean),
      );
      const before = totalCost(s);
      const done: Array<[number, number]> = [];
      const reasons: Array<MoveReason | null> = [];
      // Over: g → … → sink; under: source → … → g, i.e. hand on along the reversed path.
      const steps = over ? path : [...path].reverse();
      let ok = true;
      for (let t = 0; t + 1 < steps.length && ok; t++) {
        const from = steps[t]!;
        const to = steps[t + 1]!;
        // Hand on buildings that fit what is left of the need (several small ones rather than one too large);
        // the next step then hands on about as much, so the grids in between keep their size.
        let moved = 0;
        while (moved < 0.8 * need) {
          const i = pickBuilding(s, from, to, need - moved, scratch, stamp);
          if (i < 0 || (moved > 0 && s.h[i]! > 1.2 * (need - moved))) break;
          moved += s.h[i]!;
          done.push([i, from]);
          reasons.push(s.reason[i] ?? null);
          applyMove(s, i, to, 'balance');
        }
        if (moved === 0) ok = false;
        need = moved;
      }
      if (ok && totalCost(s) < before - 1e-9) changed = true;
      else {
        for (let t = done.length - 1; t >= 0; t--) {
          const [i, from] = done[t]!;
          applyMove(s, i, from);
          s.reason[i] = reasons[t]!;
        }
      }
    }
    if (!changed) return;
  }
}

/** A shortest path of adjacent grids from g to a grid below the mean (over) or above it (under). */
function gridPath(s: ComponentState, g: number, over: boolean): number[] | null {
  const previous = new Int32Array(s.k).fill(-2);
  previous[g] = -1;
  const queue = [g];
  const neighboursOf = gridAdjacency(s);
  for (let q = 0; q < queue.length; q++) {
    const a = queue[q]!;
    if (a !== g && (over ? s.load[a]! < s.mean : s.load[a]! > s.mean)) {
      const path = [a];
      while (previous[path[path.length - 1]!]! >= 0) path.push(previous[path[path.length - 1]!]!);
      return path.reverse();
    }
    for (const b of neighboursOf[a]!) {
      if (previous[b] !== -2) continue;
      previous[b] = a;
      queue.push(b);
    }
  }
  return null;
}

/** For each grid, the grids it touches in G. */
export function gridAdjacency(s: ComponentState): number[][] {
  const sets = Array.from({ length: s.k }, () => new Set<number>());
  for (let i = 0; i < s.n; i++) {
    const a = s.grid[i]!;
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const b = s.grid[s.adjacency[e]!]!;
      if (a >= 0 && b >= 0 && a !== b) sets[a]!.add(b);
    }
  }
  return sets.map((set) => [...set].sort((x, y) => x - y));
}

/** The movable building of grid `from` touching grid `to` whose households are closest to `need`. */
function pickBuilding(
  s: ComponentState,
  from: number,
  to: number,
  need: number,
  scratch: Int32Array,
  stamp: { value: number },
): number {
  const candidates: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if (s.grid[i] !== from) continue;
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      if (s.grid[s.adjacency[e]!] === to) {
        candidates.push(i);
        break;
      }
    }
  }
  // Closest to the need without overshooting it much (a large building would only move the excess along).
  const fit = (i: number) => (s.h[i]! <= 1.2 * need ? Math.abs(s.h[i]! - need) : 1e6 + s.h[i]!);
  candidates.sort((x, y) => fit(x) - fit(y) || x - y);
  for (const i of candidates) if (movable(s, i, scratch, stamp)) return i;
  return -1;
}

/** Moves each listed building to its label (recording the reason); returns the undo list. */
export function relabel(s: ComponentState, members: number[], labels: Int32Array, reason?: MoveReason) {
  const undo: Array<[number, number, MoveReason | null]> = [];
  members.forEach((i, k) => {
    const to = labels[k]!;
    if (s.grid[i] === to) return;
    undo.push([i, s.grid[i]!, s.reason[i] ?? null]);
    applyMove(s, i, to, reason);
  });
  return undo;
}

export function undoAll(s: ComponentState, undo: Array<[number, number, MoveReason | null]>): void {
  for (let t = undo.length - 1; t >= 0; t--) {
    const [i, from, reason] = undo[t]!;
    applyMove(s, i, from);
    s.reason[i] = reason;
  }
}

/**
 * A random spanning tree of m nodes (Kruskal on the edges, pairs in `edges`, shuffled in `order`), written as arcs:
 * node u's arcs are head[u], next[arc], …, to[arc] the node at its end. False when the nodes are not connected.
 */
export function randomSpanningTree(
  m: number,
  edges: readonly number[],
  order: number[],
  random: Random,
  tree: { head: Int32Array; next: Int32Array; to: Int32Array },
): boolean {
  const { head, next, to } = tree;
  for (let e = order.length - 1; e > 0; e--) {
    const f = Math.floor(random.next() * (e + 1));
    [order[e], order[f]] = [order[f]!, order[e]!];
  }
  const uf = unionFind(m);
  head.fill(-1);
  let arcs = 0;
  let joined = 0;
  for (const e of order) {
    const u = edges[2 * e]!;
    const v = edges[2 * e + 1]!;
    if (!uf.union(u, v)) continue;
    joined += 1;
    to[arcs] = v;
    next[arcs] = head[u]!;
    head[u] = arcs++;
    to[arcs] = u;
    next[arcs] = head[v]!;
    head[v] = arcs++;
  }
  return joined === m - 1;
}

/**
 * Merge–split (as GerryChain's ReCom): the buildings of two adjacent grids a and b are split anew by cutting one
 * edge of a random spanning tree of their subgraph, so both sides are connected. Each of `trees` trees offers its
 * most balanced cut, both ways round; the best is kept when it lowers the total cost. Pinned buildings stay.
 */
export function recombine(s: ComponentState, a: number, b: number, random: Random, trees: number): boolean {
  const members: number[] = [];
  for (let i = 0; i < s.n; i++) if (s.grid[i] === a || s.grid[i] === b) members.push(i);
  const m = members.length;
  if (m < 2) return false;
  const local = new Map<number, number>();
  members.forEach((i, k) => local.set(i, k));
  const edges: number[] = [];
  members.forEach((i, k) => {
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const j = local.get(s.adjacency[e]!);
      if (j !== undefined && j > k) edges.push(k, j);
    }
  });
  const edgeCount = edges.length / 2;
  const total = s.load[a]! + s.load[b]!;
  const before = totalCost(s);
  let bestCost = before - 1e-9;
  let bestLabels: Int32Array | null = null;
  const order = Array.from({ length: edgeCount }, (_, e) => e);
  const head = new Int32Array(m);
  const next = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  const parent = new Int32Array(m);
  const preorder = new Int32Array(m);
  const size = new Int32Array(m);
  const sub = new Float64Array(m);
  const labels = new Int32Array(m);
  for (let t = 0; t < trees; t++) {
    if (!randomSpanningTree(m, edges, order, random, { head, next, to })) return false; // a and b do not touch any more
    // Preorder from building 0; each subtree is a contiguous range of it.
    parent[0] = -1;
    const stack = [0];
    let count = 0;
    while (stack.length > 0) {
      const u = stack.pop()!;
      preorder[count++] = u;
      for (let arc = head[u]!; arc >= 0; arc = next[arc]!) {
        const v = to[arc]!;
        if (v === parent[u]) continue;
        parent[v] = u;
        stack.push(v);
      }
    }
    const position = new Int32Array(m);
    for (let p = 0; p < m; p++) position[preorder[p]!] = p;
    for (let p = m - 1; p >= 0; p--) {
      const u = preorder[p]!;
      sub[u] = s.h[members[u]!]!;
      size[u] = 1;
    }
    for (let p = m - 1; p > 0; p--) {
      const u = preorder[p]!;
      sub[parent[u]!]! += sub[u]!;
      size[parent[u]!]! += size[u]!;
    }
    let cutAt = -1;
    let cutScore = Infinity;
    for (let p = 1; p < m; p++) {
      const u = preorder[p]!;
      const score = balanceCost(s, sub[u]!) + balanceCost(s, total - sub[u]!);
      if (score < cutScore - 1e-12) {
        cutScore = score;
        cutAt = u;
      }
    }
    if (cutAt < 0) continue;
    const from = position[cutAt]!;
    const until = from + size[cutAt]!;
    for (const [inside, outside] of [
      [a, b],
      [b, a],
    ] as const) {
      let allowed = true;
      for (let p = 0; p < m; p++) {
        const u = preorder[p]!;
        labels[u] = p >= from && p < until ? inside : outside;
        if (s.pinned[members[u]!] === 1 && labels[u] !== s.grid[members[u]!]) allowed = false;
      }
      if (!allowed) continue;
      const undo = relabel(s, members, labels);
      const cost = totalCost(s);
      undoAll(s, undo);
      if (cost < bestCost) {
        bestCost = cost;
        bestLabels = labels.slice();
      }
    }
  }
  if (!bestLabels) return false;
  const balanced = balanceCost(s, s.load[a]!) + balanceCost(s, s.load[b]!);
  relabel(s, members, bestLabels);
  const why = balanceCost(s, s.load[a]!) + balanceCost(s, s.load[b]!) < balanced ? 'balance' : 'shape';
  for (const i of members) if (s.reason[i] === 'balance' || s.reason[i] === 'shape') s.reason[i] = why;
  return true;
}

/**
 * Rounds of merge–split over pairs of adjacent grids (only pairs with a grid outside the tolerance when
 * `onlyUnbalanced`), until a round changes nothing or `rounds` have run.
 */
export function recombinePass(
  s: ComponentState,
  random: Random,
  clock: SearchClock,
  options: { trees: number; rounds: number; onlyUnbalanced: boolean },
): void {
  for (let round = 0; round < options.rounds; round++) {
    let changed = false;
    const adjacency = gridAdjacency(s);
    for (let a = 0; a < s.k; a++) {
      if (expired(clock)) return;
      const outside = s.load[a]! > s.hi || s.load[a]! < s.lo;
      for (const b of adjacency[a]!) {
        if (b < a && !options.onlyUnbalanced) continue;
        if (options.onlyUnbalanced && !outside && s.load[b]! <= s.hi && s.load[b]! >= s.lo) continue;
        if (recombine(s, a, b, random, options.trees)) changed = true;
      }
    }
    if (!changed) return;
  }
}
