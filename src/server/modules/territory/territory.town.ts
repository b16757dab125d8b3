/**
 * The demo county drawn from the planner's synthetic town (issue 12, "a believable demo town"): the town's outline,
 * its communities (bounded by main roads) grouped into streets, today's grids and the earlier layout as the
 * planner's own fresh output (each grid's polygon the union of its buildings' Voronoi cells clipped to the
 * community), the buildings' points, and the roads and river as lines — all in longitude/latitude around
 * DEMO_ORIGIN. Pure (no database); computed once per seed and scale.
 */
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import {
  buildGraph,
  computeGeometry,
  generateTown,
  gridCounts,
  gridPolygons,
  planOnGraph,
  projection,
  type Layout,
  type Point,
  type Prepared,
  type Town,
} from '../planner/planner.public.ts';
import type { BaseLineKind, GeoJsonGeometry } from './territory.tables.ts';

/** The town's south-west corner (metres 0, 0) in longitude/latitude: where the demo county has always been. */
export const DEMO_ORIGIN: [number, number] = [118.3, 35.0];

/** Today's grids at scale 1 (the report's 267) and the earlier layout's (204). */
export const DEMO_GRIDS = 267;
export const DEMO_EARLIER_GRIDS = 204;

/** A grid of a layout: the planner's id, its buildings (town ids) and its polygon. */
export type TownGrid = { key: string; buildingIds: string[]; boundary: GeoJsonGeometry };

export type TownCounty = {
  town: Town;
  county: GeoJsonGeometry;
  /** Each street's communities (indexes into town.communities), streets and communities in code order. */
  streets: { communities: number[]; boundary: GeoJsonGeometry }[];
  /** Each town community's boundary. */
  communities: GeoJsonGeometry[];
  /** Each town community's grids today, in code order (north → south, west → east). */
  grids: TownGrid[][];
  /** Each town community's grids of the earlier layout, in code order. */
  earlier: TownGrid[][];
  /** Each building's point [lng, lat]. */
  points: Map<string, [number, number]>;
  lines: { kind: BaseLineKind; line: [number, number][] }[];
  /** Main roads and the river in longitude/latitude: the planner's barriers. */
  barriers: { kind: 'road' | 'river'; line: [number, number][] }[];
};

const cache = new Map<string, TownCounty>();

/** The town county of a seed and scale (memoised: planning it takes a few seconds at scale 1). */
export function townCounty(seed: number, scale: number): TownCounty {
  const key = `${seed}:${scale}`;
  let county = cache.get(key);
  if (!county) cache.set(key, (county = buildTownCounty(seed, scale)));
  return county;
}

/** Keeps a town county planned elsewhere (a worker thread: territory.town-prepare.ts) for `townCounty`. */
export function primeTownCounty(seed: number, scale: number, county: TownCounty): void {
  cache.set(`${seed}:${scale}`, county);
}

export function buildTownCounty(seed: number, scale: number): TownCounty {
  const town = generateTown({ seed, scale });
  const { toLngLat } = projection(DEMO_ORIGIN);
  const line = (points: readonly Point[]) => points.map(([x, y]) => toLngLat(x, y));
  const graph = buildGraph(town.buildings, town.barriers);
  const geometry = computeGeometry(graph, town.communities);
  const prepared: Prepared = {
    snapshot: { origin: DEMO_ORIGIN, buildings: [], communities: town.communities, barriers: town.barriers },
    graph,
    geometry,
  };
  const layoutOf = (total: number) => {
    const result = planOnGraph(graph, geometry, {
      mode: 'fresh',
      gridsPerCommunity: gridCounts(town, total),
      seed,
      // Generous: a plan cut short by the clock would not be the same for a seed.
      timeLimitMs: 600_000,
    });
    return gridsOf(town, result.layout, prepared);
  };
  const communities = town.communities.map((c) => polygonGeometry([closed(line(c.boundary[0]!))]));
  const streets = streetsOf(town).map((members) => ({
    communities: members,
    boundary: union(members.map((c) => communities[c]!)),
  }));
  return {
    town,
    county: union(communities),
    streets,
    communities,
    grids: layoutOf(Math.max(2, Math.round(DEMO_GRIDS * scale))),
    earlier: layoutOf(Math.max(1, Math.round(DEMO_EARLIER_GRIDS * scale))),
    points: new Map(town.buildings.map((b) => [b.id, toLngLat(b.x, b.y)])),
    lines: [
      ...town.mainRoads.map((l) => ({ kind: 'main_road' as const, line: line(l) })),
      ...town.sideStreets.map((l) => ({ kind: 'side_street' as const, line: line(l) })),
      { kind: 'river' as const, line: line(town.river) },
    ],
    barriers: [
      ...town.mainRoads.map((l) => ({ kind: 'road' as const, line: line(l) })),
      { kind: 'river' as const, line: line(town.river) },
    ],
  };
}

/**
 * The town's communities grouped into at least two streets: runs of the communities in a snake order (rows from the
 * north, alternately west → east and east → west), so each street's communities touch one another.
 */
function streetsOf(town: Town): number[][] {
  const n = town.communities.length;
  const cols = Math.round(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const order: number[] = [];
  for (let t = 0; t < rows; t++) {
    const j = rows - 1 - t; // the town's rows count from the south
    const row = Array.from({ length: cols }, (_, i) => j * cols + i).filter((c) => c < n);
    order.push(...(t % 2 === 0 ? row : row.reverse()));
  }
  const count = Math.min(n, Math.max(2, town.streets.length));
  const out: number[][] = [];
  let at = 0;
  for (let s = 0; s < count; s++) {
    const size = Math.floor(n / count) + (s < n % count ? 1 : 0);
    out.push(order.slice(at, (at += size)));
  }
  return out;
}

/** A layout's grids per community, in code order: rows from the north, west → east in a row. */
function gridsOf(town: Town, layout: Layout, prepared: Prepared): TownGrid[][] {
  const polygons = new Map(
    gridPolygons(prepared, layout).features.map((f) => [f.properties.grid, f.geometry.coordinates]),
  );
  const members = new Map<string, typeof town.buildings>();
  for (const b of town.buildings) {
    const g = layout.get(b.id)!;
    let list = members.get(g);
    if (!list) members.set(g, (list = []));
    list.push(b);
  }
  return town.communities.map((community) => {
    const grids = [...members]
      .filter(([, list]) => list[0]!.communityId === community.id)
      .map(([key, list]) => ({
        key,
        list,
        x: list.reduce((s, b) => s + b.x, 0) / list.length,
        y: list.reduce((s, b) => s + b.y, 0) / list.length,
      }))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const rows = Math.max(1, Math.round(Math.sqrt(grids.length)));
    const ordered: typeof grids = [];
    for (let r = 0; r < rows; r++) {
      const from = Math.floor((r * grids.length) / rows);
      const to = Math.floor(((r + 1) * grids.length) / rows);
      ordered.push(...grids.slice(from, to).sort((a, b) => a.x - b.x || b.y - a.y));
    }
    return ordered.map((g) => ({
      key: g.key,
      buildingIds: g.list.map((b) => b.id),
      boundary: multiGeometry(polygons.get(g.key) ?? []),
    }));
  });
}

function closed(ring: [number, number][]): [number, number][] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

function polygonGeometry(rings: [number, number][][]): GeoJsonGeometry {
  return { type: 'Polygon', coordinates: rings };
}

/** A multipolygon of one part as a Polygon, otherwise as it is; coordinates to six decimals. */
function multiGeometry(parts: [number, number][][][]): GeoJsonGeometry {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  const rounded = parts.map((poly) =>
    poly.map((ring) => ring.map(([x, y]): [number, number] => [r(x), r(y)])),
  );
  return rounded.length === 1
    ? { type: 'Polygon', coordinates: rounded[0]! }
    : { type: 'MultiPolygon', coordinates: rounded };
}

function union(geometries: GeoJsonGeometry[]): GeoJsonGeometry {
  const polygons: Polygon[] = geometries.flatMap((g) =>
    g.type === 'Polygon' ? [g.coordinates as Polygon] : (g.coordinates as MultiPolygon),
  );
  const merged = polygonClipping.union(polygons[0]!, ...polygons.slice(1));
  return multiGeometry(merged);
}
