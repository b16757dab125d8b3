import { Delaunay } from 'd3-delaunay';
import type { Barrier, Building, Point } from './types.ts';

/**
 * The building adjacency graph G of issue 12, per community: the Delaunay triangulation of the community's
 * building points; an edge is kept when it is at most 3 × the community's median Delaunay edge length and crosses
 * no barrier segment; the minimum spanning forest of the Delaunay edges that cross no barrier is added back, so a
 * community stays connected wherever a barrier allows it. There are no edges between communities.
 *
 * When a barrier truly splits a community (a river through it: no barrier-free Delaunay edge joins the two sides),
 * G has several components in that community. We never add an edge across the barrier; instead each component
 * gets whole grids (partition.ts apportions the community's grids among its components), so every grid stays
 * connected. Buildings at exactly the same point are joined by a zero-length edge.
 */
export type CommunityPart = {
  id: string;
  /** Building indices of the community, in input order. */
  members: number[];
  /** The connected components of G inside the community (building indices), largest households first. */
  components: number[][];
  /** The median Delaunay edge length (metres) the 3 × rule used. */
  medianEdge: number;
};

export type BuildingGraph = {
  buildings: readonly Building[];
  /** Building id → index. */
  index: ReadonlyMap<string, number>;
  /** Neighbours of building i: adjacency[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  adjacency: Int32Array;
  /** Undirected edges, edgeU[e] < edgeV[e]. */
  edgeU: Int32Array;
  edgeV: Int32Array;
  communities: CommunityPart[];
  /** Building index → index in communities. */
  communityOf: Int32Array;
};

/** A bucket grid of barrier segments: each cell lists the segments whose pieces pass near it. */
export type BarrierIndex = {
  cell: number;
  segments: Float64Array; // x1, y1, x2, y2 per segment
  buckets: Map<number, number[]>;
  /** The points the segments were walked in (what building the index cost). */
  steps: number;
};

/** An axis-aligned box [x0, y0, x1, y1] in metres. */
export type Box = [number, number, number, number];

/**
 * The most points indexBarriers walks the segments in. Beyond it the cells grow until the walk fits: the index stays
 * exact (a cell lists every segment passing near it), only coarser. A county's main roads and rivers take a few
 * thousand; a line across half the globe, tens of millions at 50 m steps.
 */
export const MAX_INDEX_STEPS = 1_000_000;

const cellKey = (cx: number, cy: number) => cx * 1_048_576 + cy;

/** The key of the index's cell holding the point (x, y). */
export const cellKeyOf = (x: number, y: number, cell: number) =>
  cellKey(Math.floor(x / cell), Math.floor(y / cell));

/**
 * The part of the segment (ax, ay)–(bx, by) inside the box (Liang–Barsky), as [x1, y1, x2, y2], or null when it
 * misses the box.
 */
export function clipSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  [x0, y0, x1, y1]: Box,
): [number, number, number, number] | null {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, ax - x0],
    [dx, x1 - ax],
    [-dy, ay - y0],
    [dy, y1 - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [ax + t0 * dx, ay + t0 * dy, t1 === 1 ? bx : ax + t1 * dx, t1 === 1 ? by : ay + t1 * dy];
}

/** The pieces of a polyline inside the box (a line leaving it and coming back gives two pieces). */
export function clipLine(line: readonly Point[], box: Box): Point[][] {
  const pieces: Point[][] = [];
  let current: Point[] | null = null;
  for (let i = 0; i + 1 < line.length; i++) {
    const part = clipSegment(line[i]![0], line[i]![1], line[i + 1]![0], line[i + 1]![1], box);
    if (!part) {
      current = null;
      continue;
    }
    const last = current?.[current.length - 1];
    if (!current || !last || last[0] !== part[0] || last[1] !== part[1]) {
      current = [[part[0], part[1]]];
      pieces.push(current);
    }
    current.push([part[2], part[3]]);
    // A piece that stops short of the segment's end leaves the box there.
    if (part[2] !== line[i + 1]![0] || part[3] !== line[i + 1]![1]) current = null;
  }
  return pieces;
}

/**
 * Indexes barrier segments in square cells of `cell` metres (each segment listed in every cell it may touch). With
 * `bounds` (the box of the buildings whose edges will be tested, plus a margin) only the part of each segment inside
 * it is walked and segments missing it are left out: no edge inside the box can meet anything else of them. The walk
 * takes at most about `maxSteps` points (the cells grow when it would take more).
 */
export function indexBarriers(
  barriers: readonly Barrier[],
  cell = 100,
  { bounds, maxSteps = MAX_INDEX_STEPS }: { bounds?: Box; maxSteps?: number } = {},
): BarrierIndex {
  const coords: number[] = [];
  const walked: number[] = [];
  let length = 0;
  for (const line of barriers) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [x1, y1] = line[i]!;
      const [x2, y2] = line[i + 1]!;
      const part: [number, number, number, number] | null = bounds
        ? clipSegment(x1, y1, x2, y2, bounds)
        : [x1, y1, x2, y2];
      if (!part || !part.every(Number.isFinite)) continue;
      // The segment itself is what edges are tested against; its part inside the box is what is walked.
      coords.push(x1, y1, x2, y2);
      walked.push(...part);
      length += Math.hypot(part[2] - part[0], part[3] - part[1]);
    }
  }
  const count = coords.length / 4;
  // Half-cell steps: about 2 × length / cell points, plus two per segment.
  if ((2 * length) / cell > Math.max(1, maxSteps - 2 * count)) {
    cell = (2 * length) / Math.max(1, maxSteps - 2 * count);
  }
  const segments = Float64Array.from(coords);
  const buckets = new Map<number, number[]>();
  let walkedSteps = 0;
  for (let s = 0; s < count; s++) {
    const x1 = walked[4 * s]!;
    const y1 = walked[4 * s + 1]!;
    const x2 = walked[4 * s + 2]!;
    const y2 = walked[4 * s + 3]!;
    // Walk the segment in steps of half a cell and list it in each cell (and the cells around) it passes.
    const length = Math.hypot(x2 - x1, y2 - y1);
    const steps = Math.max(1, Math.ceil(length / (cell / 2)));
    walkedSteps += steps + 1;
    const seen = new Set<number>();
    for (let k = 0; k <= steps; k++) {
      const cx = Math.floor((x1 + ((x2 - x1) * k) / steps) / cell);
      const cy = Math.floor((y1 + ((y2 - y1) * k) / steps) / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const key = cellKey(cx + dx, cy + dy);
          if (seen.has(key)) continue;
          seen.add(key);
          let bucket = buckets.get(key);
          if (!bucket) buckets.set(key, (bucket = []));
          bucket.push(s);
        }
      }
    }
  }
  return { cell, segments, buckets, steps: walkedSteps };
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Whether segments ab and cd intersect (touching counts: a barrier that reaches an edge blocks it). */
export function segmentsIntersect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  return false;
}

/** Whether the segment (ax, ay)–(bx, by) crosses or touches any indexed barrier segment. */
export function crossesBarrier(index: BarrierIndex, ax: number, ay: number, bx: number, by: number): boolean {
  if (index.buckets.size === 0) return false;
  const { cell, segments, buckets } = index;
  const length = Math.hypot(bx - ax, by - ay);
  const steps = Math.max(1, Math.ceil(length / (cell / 2)));
  let lastKey = Number.NaN;
  const tested = new Set<number>();
  for (let k = 0; k <= steps; k++) {
    const key = cellKey(
      Math.floor((ax + ((bx - ax) * k) / steps) / cell),
      Math.floor((ay + ((by - ay) * k) / steps) / cell),
    );
    if (key === lastKey) continue;
    lastKey = key;
    const bucket = buckets.get(key);
    if (!bucket) continue;
    for (const s of bucket) {
      if (tested.has(s)) continue;
      tested.add(s);
      if (
        segmentsIntersect(
          ax,
          ay,
          bx,
          by,
          segments[4 * s]!,
          segments[4 * s + 1]!,
          segments[4 * s + 2]!,
          segments[4 * s + 3]!,
        )
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Union–find over 0..n-1 with path halving. */
export function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[ra] = rb;
    return true;
  };
  return { find, union };
}

/** The Delaunay edges (pairs of positions in `xs`/`ys`) of distinct points; fewer than 3 points: a path. */
export function delaunayEdges(xs: ArrayLike<number>, ys: ArrayLike<number>): Array<[number, number]> {
  const n = xs.length;
  if (n < 2) return [];
  if (n === 2) return [[0, 1]];
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = xs[i]!;
    coords[2 * i + 1] = ys[i]!;
  }
  const delaunay = new Delaunay(coords);
  const { triangles, halfedges } = delaunay;
  const edges: Array<[number, number]> = [];
  for (let e = 0; e < triangles.length; e++) {
    if (e > halfedges[e]!) {
      const a = triangles[e]!;
      const b = triangles[e % 3 === 2 ? e - 2 : e + 1]!;
      edges.push(a < b ? [a, b] : [b, a]);
    }
  }
  return edges;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Builds G (see the comment at the top of this file). `barrierCommunities`, when given, names for each barrier the
 * one community whose buildings it separates (a line drawn in that community), or null for a barrier of every
 * community it passes through. Each community's edges are tested against its barriers indexed inside the box of its
 * buildings, so a barrier far away (or one reaching across the globe) costs nothing.
 */
export function buildGraph(
  buildings: readonly Building[],
  barriers: readonly Barrier[],
  barrierCommunities?: readonly (string | null)[],
): BuildingGraph {
  const n = buildings.length;
  const index = new Map<string, number>();
  buildings.forEach((b, i) => {
    if (index.has(b.id)) throw new Error(`building ${b.id} is listed twice`);
    if (!Number.isFinite(b.x) || !Number.isFinite(b.y)) {
      throw new Error(`building ${b.id} has no valid position`);
    }
    for (const [name, value] of [
      ['households', b.households],
      ['keyPopulation', b.keyPopulation],
    ] as const) {
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`building ${b.id}: ${name} must be a whole number ≥ 0, got ${value}`);
      }
    }
    index.set(b.id, i);
  });
  const barrierBoxes = barriers.map(boxOfPoints);
  const byCommunity = new Map<string, number[]>();
  buildings.forEach((b, i) => {
    let list = byCommunity.get(b.communityId);
    if (!list) byCommunity.set(b.communityId, (list = []));
    list.push(i);
  });

  const edgeList: number[] = [];
  const communities: CommunityPart[] = [];
  const communityOf = new Int32Array(n);
  const uf = unionFind(n);
  for (const [id, members] of byCommunity) {
    const c = communities.length;
    for (const i of members) communityOf[i] = c;
    // Distinct points: a building at the same point as an earlier one is joined to it by a zero-length edge.
    const firstAt = new Map<string, number>();
    const unique: number[] = [];
    for (const i of members) {
      const key = `${buildings[i]!.x},${buildings[i]!.y}`;
      const first = firstAt.get(key);
      if (first === undefined) {
        firstAt.set(key, i);
        unique.push(i);
      } else {
        edgeList.push(Math.min(first, i), Math.max(first, i));
        uf.union(first, i);
      }
    }
    const xs = unique.map((i) => buildings[i]!.x);
    const ys = unique.map((i) => buildings[i]!.y);
    // Every edge lies inside the box of the community's buildings: its barriers are indexed within it (and a cell).
    const box = boxOfPoints(unique.map((i) => [buildings[i]!.x, buildings[i]!.y] as const));
    const margin = 100;
    const bounds: Box = [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin];
    const barrierIndex = indexBarriers(
      barriers.filter((_, b) => {
        const scope = barrierCommunities?.[b] ?? null;
        return (scope === null || scope === id) && boxesMeet(barrierBoxes[b]!, bounds);
      }),
      100,
      { bounds },
    );
    const delaunay = delaunayEdges(xs, ys).map(([a, b]) => {
      const u = unique[a]!;
      const v = unique[b]!;
      const length = Math.hypot(buildings[u]!.x - buildings[v]!.x, buildings[u]!.y - buildings[v]!.y);
      return { u: Math.min(u, v), v: Math.max(u, v), length };
    });
    const medianEdge = median(delaunay.map((e) => e.length));
    const open = delaunay.filter(
      (e) =>
        !crossesBarrier(
          barrierIndex,
          buildings[e.u]!.x,
          buildings[e.u]!.y,
          buildings[e.v]!.x,
          buildings[e.v]!.y,
        ),
    );
    // Kruskal: the minimum spanning forest of the barrier-free Delaunay edges; short edges are kept anyway.
    open.sort((a, b) => a.length - b.length || a.u - b.u || a.v - b.v);
    for (const e of open) {
      const joins = uf.union(e.u, e.v);
      if (joins || e.length <= 3 * medianEdge) edgeList.push(e.u, e.v);
    }
    communities.push({ id, members, components: [], medianEdge });
  }

  // CSR adjacency.
  const m = edgeList.length / 2;
  const edgeU = new Int32Array(m);
  const edgeV = new Int32Array(m);
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    edgeU[e] = edgeList[2 * e]!;
    edgeV[e] = edgeList[2 * e + 1]!;
    degree[edgeU[e]!]! += 1;
    degree[edgeV[e]!]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    adjacency[fill[edgeU[e]!]!++] = edgeV[e]!;
    adjacency[fill[edgeV[e]!]!++] = edgeU[e]!;
  }

  for (const part of communities) {
    const groups = new Map<number, number[]>();
    for (const i of part.members) {
      const root = uf.find(i);
      let group = groups.get(root);
      if (!group) groups.set(root, (group = []));
      group.push(i);
    }
    const households = (group: number[]) => group.reduce((sum, i) => sum + buildings[i]!.households, 0);
    part.components = [...groups.values()].sort((a, b) => households(b) - households(a) || a[0]! - b[0]!);
  }
  return { buildings, index, offsets, adjacency, edgeU, edgeV, communities, communityOf };
}

function boxOfPoints(points: readonly (readonly [number, number])[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The neighbours of building i in G. */
export function neighbours(graph: BuildingGraph, i: number): Int32Array {
  return graph.adjacency.subarray(graph.offsets[i], graph.offsets[i + 1]);
}

/**
 * Whether some connected set of buildings (in G) containing `start` holds between lo and hi households: true,
 * false (proven: every connected set containing it was enumerated), or null when the budget ran out.
 */
export function connectedGroup(
  graph: Pick<BuildingGraph, 'offsets' | 'adjacency'>,
  h: ArrayLike<number>,
  start: number,
  lo: number,
  hi: number,
  budget: number,
): boolean | null {
  if (h[start]! > hi) return false;
  if (h[start]! >= lo) return true;
  // marked = the set, its neighbours seen so far and the excluded ones; a branch unmarks what it marked.
  const marked = new Set<number>([start]);
  const initial: number[] = [];
  for (let e = graph.offsets[start]!; e < graph.offsets[start + 1]!; e++) {
    const j = graph.adjacency[e]!;
    if (!marked.has(j)) {
      marked.add(j);
      initial.push(j);
    }
  }
  let steps = 0;
  let exhausted = false;
  // Smaller buildings first: the first branch then reaches lo quickly where buildings are small.
  const bySize = (a: number, b: number) => h[a]! - h[b]! || a - b;
  const extend = (sum: number, candidates: number[]): boolean => {
    for (let c = 0; c < candidates.length; c++) {
      if (++steps > budget) {
        exhausted = true;
        return false;
      }
      const w = candidates[c]!;
      const next = sum + h[w]!;
      if (next > hi) continue; // never fits a superset either: stays marked (excluded)
      if (next >= lo) return true;
      const added: number[] = [];
      for (let e = graph.offsets[w]!; e < graph.offsets[w + 1]!; e++) {
        const j = graph.adjacency[e]!;
        if (!marked.has(j)) {
          marked.add(j);
          added.push(j);
        }
      }
      const rest = candidates.slice(c + 1).concat(added.sort(bySize));
      if (extend(next, rest)) return true;
      for (const j of added) marked.delete(j);
      if (exhausted) return false;
    }
    return false;
  };
  if (extend(h[start]!, initial.sort(bySize))) return true;
  return exhausted ? null : false;
}
