import type { Random } from '../../../core/demo/random.ts';
import { gridAdjacency, randomSpanningTree, relabel, undoAll } from './balance.ts';
import { connectedPartition, localGraph } from './exact.ts';
import { maximumMatching } from './measures.ts';
import type { ComponentState, SearchClock } from './refine.ts';
import { expired, totalCost } from './refine.ts';

/**
 * The repair for grids the local search leaves outside the tolerance (merge–split of two grids and chains cannot
 * always help: e.g. a grid short of households whose neighbours are all at their lower bound, among towers). For
 * such a grid g, a group of r adjacent grids around it (g, then the nearest grids in the grid adjacency, those with
 * the most to give or take first; r from 3 up) is drawn anew: random spanning trees of the group's buildings are
 * cut into r pieces one at a time (each piece a subtree holding [lo, hi] households, the rest still able to make
 * the other pieces), so every piece is connected and within the tolerance. The pieces take the group's grid ids by
 * an optimal matching (today's grid first, so adjust mode moves few households); pinned buildings keep their grid.
 * Of the trees' layouts the cheapest is kept when it lowers the total cost (the caller sets the outside step, so
 * one grid fewer outside outweighs any loss of shape). The search stays local, so a repair costs milliseconds;
 * where no group up to `maxGrids` works (or the tolerance is impossible there, see feasibility.ts) the layout is
 * left as it is.
 */
export function repairOutside(
  s: ComponentState,
  random: Random,
  clock: SearchClock,
  options: { maxGrids?: number; trees?: number } = {},
): void {
  const maxGrids = Math.min(s.k, options.maxGrids ?? 8);
  const trees = options.trees ?? 200;
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (let g = 0; g < s.k; g++) {
      if (!outside(s, g)) continue;
      for (let r = 3; r <= maxGrids; r++) {
        if (expired(clock)) return;
        const group = neighbourhood(s, g, r);
        if (group.length < r) break;
        if (redrawGroup(s, group, random, trees)) {
          changed = true;
          break;
        }
      }
    }
    if (!changed) return;
  }
}

function outside(s: ComponentState, g: number): boolean {
  return s.load[g]! < s.lo || s.load[g]! > s.hi;
}

/**
 * g and the r − 1 grids nearest to it in the grid adjacency (breadth first); within one ring, a grid over the
 * tolerance prefers neighbours with the fewest households, a grid under it those with the most.
 */
function neighbourhood(s: ComponentState, g: number, r: number): number[] {
  const adjacency = gridAdjacency(s);
  const over = s.load[g]! > s.hi;
  const seen = new Uint8Array(s.k);
  seen[g] = 1;
  const group = [g];
  let ring = [g];
  while (group.length < r && ring.length > 0) {
    const next: number[] = [];
    for (const a of ring) {
      for (const b of adjacency[a]!) {
        if (seen[b]) continue;
        seen[b] = 1;
        next.push(b);
      }
    }
    next.sort((a, b) => (over ? s.load[a]! - s.load[b]! : s.load[b]! - s.load[a]!) || a - b);
    for (const b of next) if (group.length < r) group.push(b);
    ring = next;
  }
  return group;
}

/**
 * Draws the group's grids anew; true when the component's cost fell. The pieces come from `trees` random spanning
 * trees cut by cutTree, or, with `exact`, from every layout of the group's buildings into connected pieces within
 * the tolerance that the exact search (exact.ts) lists within that budget of steps — the best layout of a small
 * neighbourhood, where towers leave few.
 */
export function redrawGroup(
  s: ComponentState,
  group: number[],
  random: Random,
  trees: number,
  exact?: { budget: number; deadline: number },
): boolean {
  const r = group.length;
  const slot = new Int32Array(s.k).fill(-1);
  group.forEach((g, t) => (slot[g] = t));
  const members: number[] = [];
  let total = 0;
  for (let i = 0; i < s.n; i++) {
    if (slot[s.grid[i]!]! < 0) continue;
    members.push(i);
    total += s.h[i]!;
  }
  const m = members.length;
  if (m < r || total < r * s.lo || total > r * s.hi) return false;
  const graph = localGraph(s, members);
  const labels = new Int32Array(m);
  const before = totalCost(s);
  let bestCost = before - 1e-9;
  let best: Int32Array | null = null;
  const consider = (piece: Int32Array) => {
    if (!matchPieces(s, group, members, piece, r, labels)) return;
    const undo = relabel(s, members, labels);
    const cost = totalCost(s);
    undoAll(s, undo);
    if (cost < bestCost) {
      bestCost = cost;
      best = labels.slice();
    }
  };
  if (exact) {
    const h = Float64Array.from(members, (i) => s.h[i]!);
    connectedPartition(graph, h, r, s.lo, s.hi, {
      ...exact,
      onWitness: (piece) => {
        consider(piece);
        return false;
      },
    });
  } else {
    const { offsets, adjacency } = graph;
    const edges: number[] = [];
    for (let u = 0; u < m; u++) {
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (adjacency[e]! > u) edges.push(u, adjacency[e]!);
    }
    const order = Array.from({ length: edges.length / 2 }, (_, e) => e);
    const head = new Int32Array(m);
    const next = new Int32Array(2 * m);
    const to = new Int32Array(2 * m);
    const parent = new Int32Array(m);
    const preorder = new Int32Array(m);
    const sub = new Float64Array(m);
    const piece = new Int32Array(m);
    for (let t = 0; t < trees; t++) {
      // The group's grids are not all connected to each other when no tree spans them.
      if (!randomSpanningTree(m, edges, order, random, { head, next, to })) return false;
      if (!cutTree(s, m, members, head, next, to, parent, preorder, sub, piece, r, total, random)) continue;
      consider(piece);
    }
  }
  if (!best) return false;
  relabel(s, members, best, 'balance');
  return true;
}

/**
 * The exact polish: each grid with its nearest neighbours (groups of 2, then 3, then 4 grids, of at most
 * `maxBuildings` buildings) redrawn as well as the exact search can within `budget` steps per group. The caller
 * sets the outside step, so no grid leaves the tolerance.
 */
export function polishExactly(
  s: ComponentState,
  random: Random,
  clock: SearchClock,
  options: { budget: number; maxBuildings: number },
): void {
  for (const r of [2, 3, 4]) {
    if (r > s.k) return;
    for (let g = 0; g < s.k; g++) {
      if (expired(clock)) return;
      const group = neighbourhood(s, g, r);
      let buildings = 0;
      for (const a of group) buildings += s.size[a]!;
      if (group.length < r || buildings > options.maxBuildings) continue;
      redrawGroup(s, group, random, 0, { budget: options.budget, deadline: clock.deadline });
    }
  }
}

/**
 * Cuts the tree (arcs head/next/to over m nodes) into r pieces of [lo, hi] households, one subtree at a time,
 * each chosen at random among the subtrees that leave the rest able to make the remaining pieces. Writes each
 * node's piece (0..r−1); false when some step finds no such subtree.
 */
function cutTree(
  s: ComponentState,
  m: number,
  members: number[],
  head: Int32Array,
  next: Int32Array,
  to: Int32Array,
  parent: Int32Array,
  preorder: Int32Array,
  sub: Float64Array,
  piece: Int32Array,
  r: number,
  total: number,
  random: Random,
): boolean {
  piece.fill(-1);
  let rest = total;
  const candidates: number[] = [];
  for (let p = 0; p < r - 1; p++) {
    // Preorder of what is left of the tree from its first node still unassigned.
    let root = 0;
    while (piece[root]! >= 0) root += 1;
    parent[root] = -1;
    const stack = [root];
    let count = 0;
    while (stack.length > 0) {
      const u = stack.pop()!;
      preorder[count++] = u;
      for (let arc = head[u]!; arc >= 0; arc = next[arc]!) {
        const v = to[arc]!;
        if (v === parent[u] || piece[v]! >= 0) continue;
        parent[v] = u;
        stack.push(v);
      }
    }
    for (let q = 0; q < count; q++) sub[preorder[q]!] = s.h[members[preorder[q]!]!]!;
    for (let q = count - 1; q > 0; q--) sub[parent[preorder[q]!]!]! += sub[preorder[q]!]!;
    const left = r - p - 1;
    candidates.length = 0;
    for (let q = 1; q < count; q++) {
      const u = preorder[q]!;
      const w = sub[u]!;
      if (w >= s.lo && w <= s.hi && rest - w >= left * s.lo && rest - w <= left * s.hi) candidates.push(u);
    }
    if (candidates.length === 0) return false;
    const cut = candidates[Math.floor(random.next() * candidates.length)]!;
    rest -= sub[cut]!;
    // Mark the subtree under `cut` (a search that does not pass back through its parent).
    piece[cut] = p;
    const below = [cut];
    while (below.length > 0) {
      const u = below.pop()!;
      for (let arc = head[u]!; arc >= 0; arc = next[arc]!) {
        const v = to[arc]!;
        if (v === parent[u] || piece[v]! >= 0) continue;
        piece[v] = p;
        below.push(v);
      }
    }
  }
  for (let u = 0; u < m; u++) if (piece[u]! < 0) piece[u] = r - 1;
  return true;
}

/**
 * Gives each piece one of the group's grids: an optimal matching on the households each piece shares with a
 * grid today (adjust mode's original grid counts double, so few households move), with pinned buildings forcing
 * theirs. False when two pins disagree.
 */
function matchPieces(
  s: ComponentState,
  group: number[],
  members: number[],
  piece: Int32Array,
  r: number,
  labels: Int32Array,
): boolean {
  const overlap = Array.from({ length: r }, () => new Array<number>(r).fill(0));
  const slotOf = (g: number) => group.indexOf(g);
  members.forEach((i, u) => {
    const row = overlap[piece[u]!]!;
    const current = slotOf(s.grid[i]!);
    row[current]! += s.h[i]! + 1e-6;
    const original = s.original[i]! >= 0 ? slotOf(s.original[i]!) : -1;
    if (original >= 0) row[original]! += 2 * s.h[i]!;
    if (s.pinned[i] === 1) row[current]! += 1e9;
  });
  const column = maximumMatching(overlap);
  for (let u = 0; u < members.length; u++) {
    const i = members[u]!;
    labels[u] = group[column[piece[u]!]!]!;
    if (s.pinned[i] === 1 && labels[u] !== s.grid[i]) return false;
  }
  return true;
}
