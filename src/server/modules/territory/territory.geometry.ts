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
