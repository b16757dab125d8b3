import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import type { BuildingGraph } from './graph.ts';
import { segmentsIntersect } from './graph.ts';
import type { Community, Ring } from './types.ts';

/**
 * The shapes the compactness measure needs, computed once per set of buildings (they do not depend on the
 * layout): each building's Voronoi cell (per community, clipped to the community boundary), its area, the length
 * of its cell's boundary shared with each Voronoi neighbour, and the rest of its boundary (on the community
 * boundary). A grid's polygon is the union of its buildings' cells, so its area A is the sum of their areas and
 * its perimeter P the length of cell edges not shared with a cell of the same grid.
 */
export type Geometry = {
  area: Float64Array;
  /** Boundary length of building i's cell not shared with another building's cell. */
  exterior: Float64Array;
  /** Shared boundary of building i's cell: sharedNeighbour/sharedLength[sharedOffsets[i] .. sharedOffsets[i+1]). */
  sharedOffsets: Int32Array;
  sharedNeighbour: Int32Array;
  sharedLength: Float64Array;
  /** The clipped cells (rings of each polygon part), for drawing; empty when the cell vanished. */
  cells: Ring[][][];
};

function ringArea(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return sum / 2;
}

/** Area of a polygon given as rings (outer first, holes after). */
export function polygonArea(rings: readonly Ring[]): number {
  let area = 0;
  rings.forEach((ring, k) => {
    area += k === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring));
  });
  return area;
}

function insideRings(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether the convex ring `cell` lies wholly inside the polygon `rings` (conservative: false when unsure). */
function convexCellInside(cell: Ring, rings: readonly Ring[]): boolean {
  for (const [x, y] of cell) if (!insideRings(rings, x, y)) return false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j]!;
      const [bx, by] = ring[i]!;
      for (let p = 0, q = cell.length - 1; p < cell.length; q = p++) {
        if (segmentsIntersect(ax, ay, bx, by, cell[q]![0], cell[q]![1], cell[p]![0], cell[p]![1])) {
          return false;
        }
      }
    }
  }
  return true;
}

/**
 * A building's cell clipped to its community. polygon-clipping may throw on a boundary it cannot handle (edges nearly
 * coinciding with the cell's; a boundary stored before boundaries were checked for crossings): then again with
 * coordinates rounded to a centimetre, and failing that the cell unclipped (its area and shape only a little off),
 * never an error for the whole proposal.
 */
function clippedCell(cell: Ring, boundary: readonly Ring[]): Ring[][] {
  const cm = (v: number) => Math.round(v * 100) / 100;
  for (const round of [(v: number) => v, cm]) {
    try {
      return polygonClipping
        .intersection(
          [cell.map(([x, y]) => [round(x), round(y)] as [number, number])],
          boundary.map((ring) => ring.map(([x, y]) => [round(x), round(y)] as [number, number])),
        )
        .map((polygon) =>
          polygon.map((ring) => ring.slice(0, -1).map(([x, y]) => [x, y] as [number, number])),
        );
    } catch {
      // rounded, then unclipped
    }
  }
  return [[cell]];
}

/** Computes the geometry of every building of the graph (communities without a boundary use their cells' box). */
export function computeGeometry(graph: BuildingGraph, communities: readonly Community[]): Geometry {
  const { buildings } = graph;
  const n = buildings.length;
  const area = new Float64Array(n);
  const exterior = new Float64Array(n);
  const shared: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  const cells: Ring[][][] = Array.from({ length: n }, () => []);
  const boundaryOf = new Map(communities.map((c) => [c.id, c.boundary]));

  for (const part of graph.communities) {
    const boundary = boundaryOf.get(part.id);
    const firstAt = new Map<string, number>();
    const unique: number[] = [];
    for (const i of part.members) {
      const key = `${buildings[i]!.x},${buildings[i]!.y}`;
      if (!firstAt.has(key)) {
        firstAt.set(key, i);
        unique.push(i);
      }
    }
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const extend = (x: number, y: number) => {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    };
    for (const i of unique) extend(buildings[i]!.x, buildings[i]!.y);
    for (const ring of boundary ?? []) for (const [x, y] of ring) extend(x, y);
    const margin = 10;
    const coords = new Float64Array(unique.length * 2);
    unique.forEach((i, k) => {
      coords[2 * k] = buildings[i]!.x;
      coords[2 * k + 1] = buildings[i]!.y;
    });
    if (unique.length === 1) {
      // One point: its cell is the whole community (or the box).
      const i = unique[0]!;
      const rings: Ring[] = boundary ?? [
        [
          [x0 - margin, y0 - margin],
          [x1 + margin, y0 - margin],
          [x1 + margin, y1 + margin],
          [x0 - margin, y1 + margin],
        ],
      ];
      cells[i] = [rings];
      area[i] = polygonArea(rings);
      exterior[i] = rings.reduce((sum, ring) => sum + ringLength(ring), 0);
      continue;
    }
    const delaunay = new Delaunay(coords);
    const voronoi = delaunay.voronoi([x0 - margin, y0 - margin, x1 + margin, y1 + margin]);
    unique.forEach((i, k) => {
      const raw = voronoi.cellPolygon(k) as Array<[number, number]> | null;
      if (!raw) return;
      const cell: Ring = raw.slice(0, -1).map(([x, y]) => [x, y]);
      const polygons: Ring[][] =
        !boundary || convexCellInside(cell, boundary) ? [[cell]] : clippedCell(cell, boundary);
      cells[i] = polygons;
      const neighbourList = [...delaunay.neighbors(k)].map((kk) => unique[kk]!);
      const bx = buildings[i]!.x;
      const by = buildings[i]!.y;
      for (const rings of polygons) {
        area[i]! += polygonArea(rings);
        for (const ring of rings) {
          for (let p = 0, q = ring.length - 1; p < ring.length; q = p++) {
            const [ax, ay] = ring[q]!;
            const [cx, cy] = ring[p]!;
            const length = Math.hypot(cx - ax, cy - ay);
            if (length === 0) continue;
            const mx = (ax + cx) / 2;
            const my = (ay + cy) / 2;
            const own = Math.hypot(mx - bx, my - by);
            // A Voronoi edge lies on the bisector of the two sites: its midpoint is as far from both.
            let neighbour = -1;
            for (const j of neighbourList) {
              const other = Math.hypot(mx - buildings[j]!.x, my - buildings[j]!.y);
              if (Math.abs(other - own) <= 1e-6 * (1 + own)) {
                neighbour = j;
                break;
              }
            }
            if (neighbour < 0) exterior[i]! += length;
            else shared[i]!.push([neighbour, length]);
          }
        }
      }
    });
  }

  const sharedOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) sharedOffsets[i + 1] = sharedOffsets[i]! + shared[i]!.length;
  const sharedNeighbour = new Int32Array(sharedOffsets[n]!);
  const sharedLength = new Float64Array(sharedOffsets[n]!);
  for (let i = 0; i < n; i++) {
    shared[i]!.forEach(([j, length], k) => {
      sharedNeighbour[sharedOffsets[i]! + k] = j;
      sharedLength[sharedOffsets[i]! + k] = length;
    });
  }
  return { area, exterior, sharedOffsets, sharedNeighbour, sharedLength, cells };
}

function ringLength(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += Math.hypot(ring[i]![0] - ring[j]![0], ring[i]![1] - ring[j]![1]);
  }
  return sum;
}

/** The perimeter contribution of building i when it sits in grid g (cell edges not shared with grid g). */
export function cellPerimeterIn(geometry: Geometry, grid: Int32Array, i: number, g: number): number {
  let perimeter = geometry.exterior[i]!;
  for (let k = geometry.sharedOffsets[i]!; k < geometry.sharedOffsets[i + 1]!; k++) {
    if (grid[geometry.sharedNeighbour[k]!] !== g) perimeter += geometry.sharedLength[k]!;
  }
  return perimeter;
}
