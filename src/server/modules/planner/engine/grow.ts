import type { Random } from '../../../core/demo/random.ts';
import type { ComponentState } from './refine.ts';
import { recompute, totalCost } from './refine.ts';

/** A binary min-heap of (key, value) pairs. */
class Heap {
  private keys: number[] = [];
  private values: number[] = [];
  get size() {
    return this.keys.length;
  }
  peek(): number {
    return this.values[0]!;
  }
  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      values[i] = values[p]!;
      i = p;
    }
    keys[i] = key;
    values[i] = value;
  }
  pop(): number {
    const { keys, values } = this;
    const top = values[0]!;
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c += 1;
        if (keys[c]! >= lastKey) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/**
 * Balanced region growing: every seed starts a grid; the grid with the fewest households that can still grow
 * takes its unassigned neighbouring building nearest to its seed, until every building has a grid. Grids grow
 * through G's edges only, so each is connected.
 */
export function growRegions(s: ComponentState, seeds: number[], xs: Float64Array, ys: Float64Array): void {
  s.grid.fill(-1);
  s.k = seeds.length;
  const heaps = seeds.map(() => new Heap());
  const load = new Float64Array(seeds.length);
  const assign = (i: number, g: number) => {
    s.grid[i] = g;
    load[g]! += s.h[i]!;
    const sx = xs[seeds[g]!]!;
    const sy = ys[seeds[g]!]!;
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const j = s.adjacency[e]!;
      if (s.grid[j]! < 0) heaps[g]!.push((xs[j]! - sx) ** 2 + (ys[j]! - sy) ** 2, j);
    }
  };
  seeds.forEach((seed, g) => assign(seed, g));
  let remaining = s.n - seeds.length;
  while (remaining > 0) {
    let pick = -1;
    for (let g = 0; g < seeds.length; g++) {
      const heap = heaps[g]!;
      while (heap.size > 0 && s.grid[heap.peek()]! >= 0) heap.pop();
      if (heap.size > 0 && (pick < 0 || load[g]! < load[pick]!)) pick = g;
    }
    if (pick < 0) break;
    assign(heaps[pick]!.pop(), pick);
    remaining -= 1;
  }
  recompute(s);
}

/** k seeds spread by k-means++ on household-weighted points (distinct buildings). */
export function spreadSeeds(
  s: ComponentState,
  k: number,
  xs: Float64Array,
  ys: Float64Array,
  random: Random,
): number[] {
  const n = s.n;
  const distance = new Float64Array(n).fill(Infinity);
  const seeds: number[] = [];
  const chosen = new Uint8Array(n);
  const pickWeighted = (weight: (i: number) => number) => {
    let total = 0;
    for (let i = 0; i < n; i++) if (!chosen[i]) total += weight(i);
    if (total <= 0) {
      for (let i = 0; i < n; i++) if (!chosen[i]) return i;
      return -1;
    }
    let r = random.next() * total;
    for (let i = 0; i < n; i++) {
      if (chosen[i]) continue;
      r -= weight(i);
      if (r <= 0) return i;
    }
    for (let i = n - 1; i >= 0; i--) if (!chosen[i]) return i;
    return -1;
  };
  while (seeds.length < Math.min(k, n)) {
    const i =
      seeds.length === 0
        ? pickWeighted((j) => s.h[j]! + 1)
        : pickWeighted((j) => (s.h[j]! + 1) * distance[j]!);
    if (i < 0) break;
    seeds.push(i);
    chosen[i] = 1;
    for (let j = 0; j < n; j++) {
      distance[j] = Math.min(distance[j]!, (xs[j]! - xs[i]!) ** 2 + (ys[j]! - ys[i]!) ** 2);
    }
  }
  return seeds;
}

/** Each grid's member nearest to its household-weighted centroid (the next round's seeds). */
export function centralMembers(s: ComponentState, xs: Float64Array, ys: Float64Array): number[] {
  const cx = new Float64Array(s.k);
  const cy = new Float64Array(s.k);
  const w = new Float64Array(s.k);
  for (let i = 0; i < s.n; i++) {
    const g = s.grid[i]!;
    const weight = s.h[i]! + 1;
    cx[g]! += xs[i]! * weight;
    cy[g]! += ys[i]! * weight;
    w[g]! += weight;
  }
  const best = new Int32Array(s.k).fill(-1);
  const bestDistance = new Float64Array(s.k).fill(Infinity);
  for (let i = 0; i < s.n; i++) {
    const g = s.grid[i]!;
    const d = (xs[i]! - cx[g]! / w[g]!) ** 2 + (ys[i]! - cy[g]! / w[g]!) ** 2;
    if (d < bestDistance[g]!) {
      bestDistance[g] = d;
      best[g] = i;
    }
  }
  return [...best];
}

/** Seeds by k-means++, then a few rounds of growing and re-seeding at the centres; keeps the cheapest layout. */
export function initialLayout(
  s: ComponentState,
  k: number,
  xs: Float64Array,
  ys: Float64Array,
  random: Random,
  rounds = 4,
): void {
  let seeds = spreadSeeds(s, k, xs, ys, random);
  let best = Infinity;
  let bestGrid: Int32Array | null = null;
  for (let round = 0; round < rounds; round++) {
    growRegions(s, seeds, xs, ys);
    const cost = totalCost(s);
    if (cost < best) {
      best = cost;
      bestGrid = s.grid.slice();
    }
    seeds = centralMembers(s, xs, ys);
  }
  treePartition(s, k, xs, ys, random);
  const cost = totalCost(s);
  if (cost < best || !bestGrid) return;
  s.grid.set(bestGrid);
  s.k = Math.min(k, s.n);
  recompute(s);
}

/**
 * Recursive tree bisection (as GerryChain's recursive_tree_part): a random spanning tree of the buildings is cut
 * at the edge whose side holds closest to k₁ grids' worth of households (k₁ = ⌊k/2⌋), trying new trees until the
 * cut is within a small share of a grid; both sides are connected, and each is split again. Balances well even
 * with large buildings; shapes are left to the local search.
 */
export function treePartition(
  s: ComponentState,
  k: number,
  xs: Float64Array,
  ys: Float64Array,
  random: Random,
): void {
  s.grid.fill(-1);
  s.k = 0;
  const all = Array.from({ length: s.n }, (_, i) => i);
  const mean = all.reduce((sum, i) => sum + s.h[i]!, 0) / Math.max(1, k);
  const split = (nodes: number[], parts: number) => {
    if (parts <= 1 || nodes.length <= 1) {
      const g = s.k++;
      for (const i of nodes) s.grid[i] = g;
      return;
    }
    const first = Math.floor(parts / 2);
    const side = bisect(s, nodes, first * mean, mean, xs, ys, random);
    const inside = new Set(side);
    split(side, first);
    split(
      nodes.filter((i) => !inside.has(i)),
      parts - first,
    );
  };
  split(all, Math.min(k, s.n));
  recompute(s);
}

/** The buildings of the best tree cut found (the side whose households are closest to `target`). */
function bisect(
  s: ComponentState,
  nodes: number[],
  target: number,
  mean: number,
  xs: Float64Array,
  ys: Float64Array,
  random: Random,
): number[] {
  const m = nodes.length;
  const local = new Map<number, number>();
  nodes.forEach((i, k) => local.set(i, k));
  const edges: Array<[number, number, number]> = [];
  nodes.forEach((i, k) => {
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const j = local.get(s.adjacency[e]!);
      if (j !== undefined && j > k) {
        edges.push([k, j, Math.hypot(xs[i]! - xs[nodes[j]!]!, ys[i]! - ys[nodes[j]!]!)]);
      }
    }
  });
  const total = nodes.reduce((sum, i) => sum + s.h[i]!, 0);
  let best: number[] = nodes.slice(0, 1);
  let bestError = Infinity;
  let allowed = 0.005 * mean;
  for (let attempt = 0; attempt < 60; attempt++) {
    // A minimum spanning tree under jittered lengths: cuts tend to follow gaps between buildings.
    const keys = edges.map(([, , length]) => length * (0.5 + random.next()));
    const order = edges.map((_, e) => e).sort((a, b) => keys[a]! - keys[b]!);
    const parent = new Int32Array(m);
    const uf = unionFindLocal(m);
    const tree: number[][] = Array.from({ length: m }, () => []);
    for (const e of order) {
      const [u, v] = edges[e]!;
      if (uf(u, v)) {
        tree[u]!.push(v);
        tree[v]!.push(u);
      }
    }
    const root = Math.floor(random.next() * m);
    const preorder: number[] = [];
    parent[root] = -1;
    const stack = [root];
    while (stack.length > 0) {
      const u = stack.pop()!;
      preorder.push(u);
      for (const v of tree[u]!) {
        if (v === parent[u]) continue;
        parent[v] = u;
        stack.push(v);
      }
    }
    if (preorder.length < m) break; // not connected: keep what we have
    const sub = new Float64Array(m);
    for (let p = m - 1; p >= 0; p--) {
      const u = preorder[p]!;
      sub[u]! += s.h[nodes[u]!]!;
      if (parent[u]! >= 0) sub[parent[u]!]! += sub[u]!;
    }
    let cut = -1;
    let flip = false;
    let error = Infinity;
    for (let p = 1; p < m; p++) {
      const u = preorder[p]!;
      const direct = Math.abs(sub[u]! - target);
      const other = Math.abs(total - sub[u]! - target);
      if (direct < error) {
        error = direct;
        cut = u;
        flip = false;
      }
      if (other < error) {
        error = other;
        cut = u;
        flip = true;
      }
    }
    if (cut >= 0 && error < bestError) {
      const inside = new Uint8Array(m);
      const mark = [cut];
      inside[cut] = 1;
      while (mark.length > 0) {
        const u = mark.pop()!;
        for (const v of tree[u]!) {
          if (v === parent[u] || inside[v]) continue;
          inside[v] = 1;
          mark.push(v);
        }
      }
      best = nodes.filter((_, k) => (inside[k] === 1) !== flip);
      bestError = error;
    }
    if (bestError <= allowed) break;
    allowed *= 1.12;
  }
  return best;
}

function unionFindLocal(n: number): (a: number, b: number) => boolean {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  return (a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[ra] = rb;
    return true;
  };
}
