/** A multi-polygon's coordinates: polygons of rings of [lng, lat]. */
export type MultiPolygonCoordinates = readonly (readonly (readonly (readonly [number, number])[])[])[];

/** Distinct fill colours for grids; neighbouring grids never share one while the palette lasts. */
export const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#3b5bdb',
  '#f08c00',
];

/**
 * A colour for each grid: greedy colouring of the grids' adjacency (two grids touch when a building of one has a
 * neighbouring building in the other), biggest neighbourhoods first, so that touching grids differ. A grid keeps its
 * colour in `prefer` (today's) where no neighbour has taken it, so that kept grids look alike on both maps.
 */
export function colourGrids(
  grids: readonly string[],
  touching: ReadonlyMap<string, ReadonlySet<string>>,
  prefer: ReadonlyMap<string, string> = new Map(),
) {
  const order = [...grids].sort(
    (a, b) => (touching.get(b)?.size ?? 0) - (touching.get(a)?.size ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const colours = new Map<string, string>();
  for (const grid of order) {
    const used = new Set<string>();
    for (const other of touching.get(grid) ?? []) {
      const c = colours.get(other);
      if (c) used.add(c);
    }
    const preferred = prefer.get(grid);
    const free = preferred && !used.has(preferred) ? preferred : PALETTE.find((c) => !used.has(c));
    colours.set(grid, free ?? PALETTE[colours.size % PALETTE.length]!);
  }
  return colours;
}

/** Which grids touch: those whose polygons share a vertex (the grids are unions of the same Voronoi cells). */
export function touchingPolygons(collection: {
  features: readonly { properties: { grid: string }; geometry: { coordinates: MultiPolygonCoordinates } }[];
}) {
  const at = new Map<string, Set<string>>();
  for (const f of collection.features) {
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        for (const [x, y] of ring) {
          const key = `${x},${y}`;
          let set = at.get(key);
          if (!set) at.set(key, (set = new Set()));
          set.add(f.properties.grid);
        }
      }
    }
  }
  const touching = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = touching.get(a);
    if (!set) touching.set(a, (set = new Set()));
    set.add(b);
  };
  for (const grids of at.values()) {
    if (grids.size < 2) continue;
    for (const a of grids) for (const b of grids) if (b !== a) link(a, b);
  }
  // Across a community boundary the cells were clipped to different outlines and share few vertices: grids of
  // different communities whose boxes meet count as touching.
  const boxes = collection.features.map((f) => {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of f.geometry.coordinates) {
      for (const [x, y] of polygon[0] ?? []) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    return { grid: f.properties.grid, community: communityOf(f.properties.grid), minX, minY, maxX, maxY };
  });
  const EPSILON = 1e-6;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (a.community === b.community) continue;
      if (a.minX > b.maxX + EPSILON || b.minX > a.maxX + EPSILON) continue;
      if (a.minY > b.maxY + EPSILON || b.minY > a.maxY + EPSILON) continue;
      link(a.grid, b.grid);
      link(b.grid, a.grid);
    }
  }
  return touching;
}

/** The community code a grid id carries: a kept grid's code less its 3 digits, a new grid's id before the dash. */
export function communityOf(id: string): string {
  const dash = id.lastIndexOf('-');
  return dash >= 0 ? id.slice(0, dash) : id.slice(0, -3);
}

/**
 * A grid's short name on the map and in the tables: the last three digits of a kept grid's code, `N-001` for a new
 * one (`<community code>-NNN` in the proposal), prefixed by the community's last three digits when the proposal
 * spans more than one community.
 */
export function gridLabel(id: string, manyCommunities: boolean, newPrefix: string): string {
  const dash = id.lastIndexOf('-');
  const community = communityOf(id);
  const seq = dash >= 0 ? `${newPrefix}${id.slice(dash + 1)}` : id.slice(-3);
  return manyCommunities ? `${community.slice(-3)}·${seq}` : seq;
}

/** Each grid's deviation from its community's mean households (households ÷ grids of the community). */
export function deviations(grids: readonly { id: string; communityCode: string; households: number }[]) {
  const total = new Map<string, { households: number; grids: number }>();
  for (const g of grids) {
    const t = total.get(g.communityCode) ?? { households: 0, grids: 0 };
    t.households += g.households;
    t.grids += 1;
    total.set(g.communityCode, t);
  }
  return new Map(
    grids.map((g) => {
      const t = total.get(g.communityCode)!;
      const mean = t.households / t.grids;
      return [g.id, mean > 0 ? (g.households - mean) / mean : 0];
    }),
  );
}

/** Whether [lng, lat] lies inside a multi-polygon (even-odd rule over every ring). */
export function insideMultiPolygon(
  point: [number, number],
  geometry: { coordinates: MultiPolygonCoordinates },
): boolean {
  const [x, y] = point;
  for (const polygon of geometry.coordinates) {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}
