/** A point in a plane (projected map coordinates: x to the east, y to the south or north, any unit). */
export type Point = [number, number];
/** A polygon: its outer ring, then its holes. */
export type Rings = Point[][];

/**
 * Where a polygon's label goes: the pole of inaccessibility, the inside point farthest from the outline, and that
 * distance (the radius of the largest circle around it inside the polygon, holes respected). A label whose box fits
 * in that circle lies wholly inside its area. Found by subdividing cells best-first (the "polylabel" method), to
 * within `precision` of the best distance (default: a hundredth of the polygon's smaller side).
 */
export function labelPoint(polygon: Rings, precision?: number): { point: Point; distance: number } {
  const outer = polygon[0] ?? [];
  if (outer.length === 0) return { point: [0, 0], distance: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (!(size > 0)) return { point: [minX, minY], distance: 0 };
  const tolerance = precision ?? size / 100;

  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, polygon);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  // Cells waiting to be looked at, kept sorted by the best distance they could still hold (largest last).
  const queue: Cell[] = [];
  const push = (c: Cell) => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid]!.max < c.max) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, c);
  };

  const h = size / 2;
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) push(cell(x + h, y + h, h));
  }
  let best = centroidCell(outer, cell);
  const middle = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0);
  if (middle.d > best.d) best = middle;

  // Bounded, so that a degenerate outline cannot hold the page.
  for (let steps = 0; queue.length > 0 && steps < 10_000; steps++) {
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= tolerance) continue;
    const k = c.h / 2;
    push(cell(c.x - k, c.y - k, k));
    push(cell(c.x + k, c.y - k, k));
    push(cell(c.x - k, c.y + k, k));
    push(cell(c.x + k, c.y + k, k));
  }
  return { point: [best.x, best.y], distance: Math.max(0, best.d) };
}

/** The label point of a multi-polygon: that of its part with the roomiest inside. */
export function labelPointOfParts(parts: Rings[]): { point: Point; distance: number } {
  let best = { point: [0, 0] as Point, distance: -1 };
  for (const part of parts) {
    const found = labelPoint(part);
    if (found.distance > best.distance) best = found;
  }
  return { point: best.point, distance: Math.max(0, best.distance) };
}

/** Whether a w × h box centred in a circle of radius r lies inside it. */
export function boxFits(width: number, height: number, radius: number): boolean {
  return (width / 2) ** 2 + (height / 2) ** 2 <= radius ** 2;
}

function centroidCell<C>(ring: Point[], cell: (x: number, y: number, h: number) => C): C {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[j]!;
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  return area === 0 ? cell(ring[0]![0], ring[0]![1], 0) : cell(x / area, y / area, 0);
}

/** Distance from a point to the polygon's outline: positive inside, negative outside (even-odd over every ring). */
function signedDistance(px: number, py: number, polygon: Rings): number {
  let inside = false;
  let min = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[j]!;
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
      min = Math.min(min, segmentDistanceSquared(px, py, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

function segmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}
