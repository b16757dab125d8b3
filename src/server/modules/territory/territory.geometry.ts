import polygonClipping, { type MultiPolygon, type Pair } from 'polygon-clipping';
import { polygonArea, projection } from '../planner/planner.public.ts';
import type { GeoJsonGeometry } from './territory.tables.ts';

/** A bounding box [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** Splits the box [w, s, e, n] into `count` cells, row by row from the north-west, for offline-drawable maps. */
export function cells(box: Box, count: number): Box[] {
  const [w, s, e, n] = box;
  const columns = Math.ceil(Math.sqrt(count * ((e - w) / (n - s))));
  const rows = Math.ceil(count / columns);
  const out: Box[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / columns);
    const inRow = r === rows - 1 ? count - r * columns : columns;
    const c = i - r * columns;
    const cw = (e - w) / inRow;
    const ch = (n - s) / rows;
    out.push([w + c * cw, n - (r + 1) * ch, w + (c + 1) * cw, n - r * ch]);
  }
  return out;
}

/** The box as a closed GeoJSON polygon (clockwise from the north-west), coordinates to six decimals. */
export function polygon([w, s, e, n]: Box): GeoJsonGeometry {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(w), r(n)],
        [r(e), r(n)],
        [r(e), r(s)],
        [r(w), r(s)],
        [r(w), r(n)],
      ],
    ],
  };
}

/** The bounding box of a polygon's outer ring ([∞, ∞, -∞, -∞] for a missing boundary or a multi-polygon). */
export function boxOf(boundary: GeoJsonGeometry | null | undefined): Box {
  const ring = boundary?.type === 'Polygon' ? boundary.coordinates[0]! : [];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * How far (metres) a boundary may stray outside its parent's. Neighbours drawn one by one, or traced on a map, share
 * edges only to within a few metres, so a boundary must not be refused for the width of a line; a boundary reaching
 * further takes in ground of a neighbour of its parent.
 */
export const BOUNDARY_TOLERANCE_METRES = 5;
/** Area (m²) of what is left outside the tolerance below which it is taken for rounding (a millimetre sliver). */
const LEFTOVER_SQUARE_METRES = 1;

/**
 * Whether `inner` lies inside `outer` up to the tolerance: every point of it inside `outer` or within
 * BOUNDARY_TOLERANCE_METRES of `outer`'s edge (a little more, up to √2 times, beyond a corner of the edge), checked in
 * metres (the planner's local projection around `outer`'s first point). The part of `inner` outside `outer` less a
 * band of the tolerance's width around each edge of `outer` near it must leave no more than rounding. So a whole
 * shared edge drawn a few metres off passes, while a spike, however thin, or a lobe reaching past the band does not.
 * Null when polygon-clipping cannot finish the computation, even with coordinates rounded to a centimetre (the caller
 * answers that the two cannot be compared, not that one lies outside the other).
 */
export function boundaryWithin(inner: GeoJsonGeometry, outer: GeoJsonGeometry): boolean | null {
  const origin = firstPoint(outer);
  const { toMetres } = projection(origin);
  const project = (g: GeoJsonGeometry, round: (v: number) => number): MultiPolygon =>
    polygonsOf(g).map((poly) =>
      poly.map((ring) =>
        ring.map(([lng, lat]) => {
          const [x, y] = toMetres(lng!, lat!);
          return [round(x), round(y)] as Pair;
        }),
      ),
    );
  for (const round of [(v: number) => v, (v: number) => Math.round(v * 100) / 100]) {
    try {
      const a = project(inner, round);
      const b = project(outer, round);
      const outside = polygonClipping.difference(a, b);
      if (areaOf(outside) <= LEFTOVER_SQUARE_METRES) return true;
      const bands = edgeBands(b, boxOfParts(outside));
      const left = bands.length ? polygonClipping.difference(outside, ...bands) : outside;
      return areaOf(left) <= LEFTOVER_SQUARE_METRES;
    } catch {
      // the rounded attempt, then null
    }
  }
  return null;
}

function polygonsOf(g: GeoJsonGeometry): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function firstPoint(g: GeoJsonGeometry): [number, number] {
  const p = polygonsOf(g)[0]![0]![0]!;
  return [p[0]!, p[1]!];
}

function areaOf(polygons: MultiPolygon): number {
  return polygons.reduce((sum, rings) => sum + polygonArea(rings), 0);
}

function boxOfParts(polygons: MultiPolygon): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of polygons.flat(2)) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/**
 * A rectangle around each edge of `polygons` that comes within the tolerance of `near`: the edge lengthened by the
 * tolerance at both ends and widened by it on both sides.
 */
function edgeBands(polygons: MultiPolygon, near: Box): MultiPolygon {
  const d = BOUNDARY_TOLERANCE_METRES;
  const [w, s, e, n] = near;
  const bands: MultiPolygon = [];
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!;
      const [bx, by] = ring[i]!;
      if (Math.max(ax, bx) < w - d || Math.min(ax, bx) > e + d) continue;
      if (Math.max(ay, by) < s - d || Math.min(ay, by) > n + d) continue;
      const length = Math.hypot(bx - ax, by - ay);
      if (length === 0) continue;
      const ux = ((bx - ax) / length) * d;
      const uy = ((by - ay) / length) * d;
      bands.push([
        [
          [ax - ux - uy, ay - uy + ux],
          [bx + ux - uy, by + uy + ux],
          [bx + ux + uy, by + uy - ux],
          [ax - ux + uy, ay - uy - ux],
          [ax - ux - uy, ay - uy + ux],
        ],
      ]);
    }
  }
  return bands;
}

/**
 * Where a boundary crosses itself, as the request's field (`boundary.coordinates.<ring>`, or
 * `boundary.coordinates.<polygon>.<ring>` of a MultiPolygon), or null when it does not: within each polygon, two edges
 * of its rings crossing each other (a bowtie, a star, a hole reaching out of its ring). Edges meeting without crossing
 * (a shared corner, a zero-width spike, a corner on another edge: what rounding to six decimals leaves of a clipped
 * polygon, and polygon-clipping's own output) pass; separate polygons of a MultiPolygon may overlap (they are united).
 *
 * It runs before polygon-clipping ever sees the boundary: polygon-clipping computes every crossing of a star, O(n²) of
 * them (a minute for a 2,001-point star), while this stops at the first one. The edges are placed in a uniform grid of
 * about as many cells as edges, each in every cell it passes through, and an edge is tested only against the edges
 * already in its cells: near-linear for a real boundary, whose edges are short next to its size.
 */
export function boundaryCrossing(boundary: GeoJsonGeometry): string | null {
  const polygons = polygonsOf(boundary);
  for (let p = 0; p < polygons.length; p++) {
    const ring = crossingRing(polygons[p]!);
    if (ring !== null) {
      return boundary.type === 'Polygon'
        ? `boundary.coordinates.${ring}`
        : `boundary.coordinates.${p}.${ring}`;
    }
  }
  return null;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** The index of the first ring of the polygon found crossing itself or another ring, or null. */
function crossingRing(polygon: number[][][]): number | null {
  // Edge k: from (xs[k], ys[k]) to (ex[k], ey[k]), of ring ringOf[k] (the closing edge included when it is missing).
  const xs: number[] = [];
  const ys: number[] = [];
  const ex: number[] = [];
  const ey: number[] = [];
  const ringOf: number[] = [];
  for (let r = 0; r < polygon.length; r++) {
    const ring = polygon[r]!;
    const m = ring.length;
    for (let i = 0; i < m; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % m]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      xs.push(a[0]!);
      ys.push(a[1]!);
      ex.push(b[0]!);
      ey.push(b[1]!);
      ringOf.push(r);
    }
  }
  const n = xs.length;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    x0 = Math.min(x0, xs[k]!);
    x1 = Math.max(x1, xs[k]!);
    y0 = Math.min(y0, ys[k]!);
    y1 = Math.max(y1, ys[k]!);
  }
  const side = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(n))));
  const cw = (x1 - x0) / side || 1;
  const ch = (y1 - y0) / side || 1;
  const column = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - x0) / cw)));
  const row = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - y0) / ch)));
  const cells = new Map<number, number[]>();
  const lastTested = new Int32Array(n).fill(-1);

  /** Whether edges a and b cross: each one's ends strictly on both sides of the other. */
  const cross = (a: number, b: number): boolean =>
    orientation(xs[a]!, ys[a]!, ex[a]!, ey[a]!, xs[b]!, ys[b]!) *
      orientation(xs[a]!, ys[a]!, ex[a]!, ey[a]!, ex[b]!, ey[b]!) <
      0 &&
    orientation(xs[b]!, ys[b]!, ex[b]!, ey[b]!, xs[a]!, ys[a]!) *
      orientation(xs[b]!, ys[b]!, ex[b]!, ey[b]!, ex[a]!, ey[a]!) <
      0;
  /** Edge k tested against the edges already in the cell, then listed in it; true at a crossing. */
  const visit = (k: number, cell: number): boolean => {
    let list = cells.get(cell);
    if (!list) cells.set(cell, (list = []));
    for (const other of list) {
      if (lastTested[other] === k) continue;
      lastTested[other] = k;
      if (cross(k, other)) return true;
    }
    list.push(k);
    return false;
  };
  for (let k = 0; k < n; k++) {
    // Every cell the edge passes through: steps of at most half a cell, and both corner cells of a diagonal step.
    const [ax, ay, bx, by] = [xs[k]!, ys[k]!, ex[k]!, ey[k]!];
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax) / cw, Math.abs(by - ay) / ch) * 2));
    let pc = column(ax);
    let pr = row(ay);
    if (visit(k, pc * side + pr)) return ringOf[k]!;
    for (let s = 1; s <= steps; s++) {
      const c = s === steps ? column(bx) : column(ax + ((bx - ax) * s) / steps);
      const r = s === steps ? row(by) : row(ay + ((by - ay) * s) / steps);
      if (c === pc && r === pr) continue;
      if (c !== pc && r !== pr && (visit(k, pc * side + r) || visit(k, c * side + pr))) return ringOf[k]!;
      if (visit(k, c * side + r)) return ringOf[k]!;
      pc = c;
      pr = r;
    }
  }
  return null;
}
