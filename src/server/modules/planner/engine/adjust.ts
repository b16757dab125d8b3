import type { ComponentState } from './refine.ts';
import { gridAdjacency } from './balance.ts';
import { recompute, staysConnected } from './refine.ts';

/** `original` of buildings whose grid today was merged away: never equal to a grid, so they count as moved. */
export const MERGED = 1 << 30;

/**
 * Gives every unassigned building (grid −1) the grid of an assigned neighbour, breadth first, so each grid stays
 * connected; records the reason. Returns false when nothing was assigned to start from.
 */
export function fillUnassigned(s: ComponentState, reason: 'unassigned' | 'contiguity'): boolean {
  const queue: number[] = [];
  for (let i = 0; i < s.n; i++) if (s.grid[i]! >= 0) queue.push(i);
  if (queue.length === 0) return false;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const j = s.adjacency[e]!;
      if (s.grid[j]! >= 0) continue;
      s.grid[j] = s.grid[i]!;
      s.reason[j] = reason;
      queue.push(j);
    }
  }
  return true;
}

/** Keeps each grid's piece with the most households; the other pieces join neighbouring grids ('contiguity'). */
export function repairContiguity(s: ComponentState): void {
  const piece = new Int32Array(s.n).fill(-1);
  const pieces: Array<{ grid: number; members: number[]; households: number }> = [];
  for (let start = 0; start < s.n; start++) {
    if (piece[start]! >= 0 || s.grid[start]! < 0) continue;
    const g = s.grid[start]!;
    const id = pieces.length;
    const members = [start];
    piece[start] = id;
    let households = 0;
    for (let q = 0; q < members.length; q++) {
      const i = members[q]!;
      households += s.h[i]!;
      for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
        const j = s.adjacency[e]!;
        if (piece[j]! < 0 && s.grid[j] === g) {
          piece[j] = id;
          members.push(j);
        }
      }
    }
    pieces.push({ grid: g, members, households });
  }
  const keep = new Map<number, number>();
  pieces.forEach((p, id) => {
    const kept = keep.get(p.grid);
    if (kept === undefined || p.households > pieces[kept]!.households) keep.set(p.grid, id);
  });
  let cut = false;
  pieces.forEach((p, id) => {
    if (keep.get(p.grid) === id) return;
    for (const i of p.members) s.grid[i] = -1;
    cut = true;
  });
  if (cut) fillUnassigned(s, 'contiguity');
}

/** Renumbers the grids 0..k−1 without gaps (grids left empty disappear; their buildings' original → MERGED). */
export function compactGrids(s: ComponentState): Int32Array {
  const map = new Int32Array(Math.max(s.k, 1)).fill(-1);
  let k = 0;
  for (let i = 0; i < s.n; i++) {
    const g = s.grid[i]!;
    if (map[g]! < 0) map[g] = k++;
  }
  for (let i = 0; i < s.n; i++) {
    s.grid[i] = map[s.grid[i]!]!;
    const o = s.original[i]!;
    if (o >= 0 && o !== MERGED) s.original[i] = o < map.length && map[o]! >= 0 ? map[o]! : MERGED;
  }
  s.k = k;
  recompute(s);
  return map;
}

/** Merges the grid with the fewest households into its smallest neighbour, until `k` grids remain. */
export function mergeDown(s: ComponentState, k: number): void {
  while (s.k > k) {
    const adjacency = gridAdjacency(s);
    let smallest = -1;
    for (let g = 0; g < s.k; g++) {
      if (adjacency[g]!.length > 0 && (smallest < 0 || s.load[g]! < s.load[smallest]!)) smallest = g;
    }
    if (smallest < 0) return;
    let into = -1;
    for (const g of adjacency[smallest]!) if (into < 0 || s.load[g]! < s.load[into]!) into = g;
    for (let i = 0; i < s.n; i++) {
      if (s.grid[i] !== smallest) continue;
      s.grid[i] = into;
      s.reason[i] = 'merge';
    }
    compactGrids(s);
  }
}

/** Where to start a grid carved out of grid `donor`: a movable member touching its fullest neighbour, else the
 * movable member farthest from its centre; −1 when none. */
function carveSeed(
  s: ComponentState,
  donor: number,
  xs: Float64Array,
  ys: Float64Array,
  scratch: Int32Array,
  stamp: { value: number },
): number {
  const members: number[] = [];
  for (let i = 0; i < s.n; i++) if (s.grid[i] === donor) members.push(i);
  if (members.length < 2) return -1;
  let seed = -1;
  let seedScore = -Infinity;
  for (const i of members) {
    for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) {
      const g = s.grid[s.adjacency[e]!]!;
      if (
        g !== donor &&
        s.load[g]! > seedScore &&
        s.pinned[i] === 0 &&
        staysConnected(s, i, scratch, stamp)
      ) {
        seedScore = s.load[g]!;
        seed = i;
      }
    }
  }
  if (seed >= 0) return seed;
  let cx = 0;
  let cy = 0;
  for (const i of members) {
    cx += xs[i]! / members.length;
    cy += ys[i]! / members.length;
  }
  for (const i of members) {
    const d = (xs[i]! - cx) ** 2 + (ys[i]! - cy) ** 2;
    if (s.pinned[i] === 0 && d > seedScore && staysConnected(s, i, scratch, stamp)) {
      seedScore = d;
      seed = i;
    }
  }
  return seed;
}

/**
 * Adds grids until there are `k`: each new grid is carved out of the grid with the most households, grown from
 * one of its buildings on the side of its fullest neighbour (so the new grid can later take from that neighbour
 * too), taking buildings whose removal keeps the donor connected, up to max(excess over the mean, half a mean).
 */
export function splitUp(s: ComponentState, k: number, xs: Float64Array, ys: Float64Array): void {
  const scratch = new Int32Array(s.n);
  const stamp = { value: 0 };
  while (s.k < k && s.k < s.n) {
    // The fullest grid that can give: at least two buildings and a movable one to start the new grid from.
    const donors = Array.from({ length: s.k }, (_, g) => g).sort((x, y) => s.load[y]! - s.load[x]! || x - y);
    let seed = -1;
    for (const g of donors) {
      seed = carveSeed(s, g, xs, ys, scratch, stamp);
      if (seed >= 0) break;
    }
    if (seed < 0) return;
    const fresh = s.k;
    s.k += 1;
    // Grow the new grid to the bottom of the tolerance, taking from whichever neighbouring grid has the most
    // households to spare (never below the bottom of the tolerance itself), nearest to the seed first.
    const load = s.load.slice();
    const size = s.size.slice();
    const goal = Math.max(s.lo, 1);
    let taken = 0;
    const frontier = new Set<number>([seed]);
    while (taken < goal && frontier.size > 0) {
      let next = -1;
      let bestScore = -Infinity;
      for (const i of frontier) {
        const g = s.grid[i]!;
        if (g === fresh || s.pinned[i] === 1 || size[g]! <= 1) continue;
        const spare = load[g]! - s.h[i]! - s.lo;
        const score =
          (spare >= 0 ? 0 : -10 * s.mean) +
          load[g]! -
          s.mean -
          Math.hypot(xs[i]! - xs[seed]!, ys[i]! - ys[seed]!) / 10;
        if (score > bestScore) {
          bestScore = score;
          next = i;
        }
      }
      if (next < 0) break;
      frontier.delete(next);
      if (taken > 0 && taken + s.h[next]! > s.hi) continue;
      if (!staysConnected(s, next, scratch, stamp)) continue;
      const from = s.grid[next]!;
      load[from]! -= s.h[next]!;
      size[from]! -= 1;
      s.grid[next] = fresh;
      s.reason[next] = 'split';
      taken += s.h[next]!;
      for (let e = s.offsets[next]!; e < s.offsets[next + 1]!; e++) {
        const j = s.adjacency[e]!;
        if (s.grid[j] !== fresh) frontier.add(j);
      }
    }
    recompute(s);
  }
}
