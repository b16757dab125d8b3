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
 * A computation polygon-clipping cannot finish, even with coordinates rounded to a centimetre, counts as outside.
 */
export function boundaryWithin(inner: GeoJsonGeometry, outer: GeoJsonGeometry): boolean {
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
      // the rounded attempt, then outside
    }
  }
  return false;
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
