/**
 * A proposal's data without the database: the engine's input as read from the registry (buildings in metres around
 * an origin, communities, barriers) and what the plan made of it; the measures, grid polygons and the moves rule
 * computed from them. Pure functions (planner.service.ts reads and writes the rows).
 */
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { computeGeometry, type Geometry } from './engine/geometry.ts';
import { balanceFeasibility, type InfeasibleWhy } from './engine/feasibility.ts';
import { buildGraph, type BuildingGraph } from './engine/graph.ts';
import { measureLayout, movesBetween, movesLowerBound, type LayoutMeasures } from './engine/measures.ts';
import { summarise } from './engine/partition.ts';
import type { Barrier, Building, Community, GridSummary, MoveReason, Ring } from './engine/types.ts';

/** A building as the proposal keeps it: the engine's fields plus what a person reads. */
export type SnapshotBuilding = Building & {
  code: string;
  name: string;
  /** Today's grid code (`grid` repeats it for the engine). */
  grid: string;
  lng: number;
  lat: number;
};

/** The engine's input of a proposal, as the registry had it when it was planned. */
export type ProposalSnapshot = {
  /** The projection's origin [lng, lat]: x = east metres, y = north metres from it. */
  origin: [number, number];
  buildings: SnapshotBuilding[];
  communities: Community[];
  barriers: Barrier[];
  /**
   * For each barrier, the community (code) it was drawn in, whose buildings alone it separates; null for a barrier
   * drawn in a street or the county. Absent in proposals made before it existed (every barrier then separates all).
   */
  barrierCommunities?: (string | null)[];
};

export type ChangeReason = MoveReason | 'manual';
export type StoredChange = { buildingId: string; from: string | null; to: string; reason: ChangeReason };

export type ProposalMeasures = LayoutMeasures & { movedHouseholds: number; movedShare: number };

/** What a plan made of the snapshot (edited by moves until it is applied). */
export type StoredProposal = {
  /** Building id → proposed grid id (today's grid code where kept, `<community code>-NNN` for a new grid). */
  layout: Record<string, string>;
  grids: GridSummary[];
  changes: StoredChange[];
  measures: { proposed: ProposalMeasures; today: ProposalMeasures };
  /** Adjust mode: the least households any layout meeting the tolerance must move (engine/measures.ts). */
  movesLowerBound: number | null;
  tolerance: number;
  /** Once applied: each new grid's id → the code it was given. */
  appliedCodes?: Record<string, string>;
  /** Where every grid within the tolerance is proven impossible (absent in proposals made before it existed). */
  balanceLimits?: BalanceLimit[];
};

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LNG = 111_320;

/** A local equirectangular projection around `origin` (enough for a county: errors well under 1%). */
export function projection(origin: [number, number]) {
  const cos = Math.cos((origin[1] * Math.PI) / 180);
  return {
    toMetres: (lng: number, lat: number): [number, number] => [
      (lng - origin[0]) * METRES_PER_DEGREE_LNG * cos,
      (lat - origin[1]) * METRES_PER_DEGREE_LAT,
    ],
    toLngLat: (x: number, y: number): [number, number] => [
      round6(origin[0] + x / (METRES_PER_DEGREE_LNG * cos)),
      round6(origin[1] + y / METRES_PER_DEGREE_LAT),
    ],
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** G and the cells of a snapshot, built once per request that needs them. */
export type Prepared = { snapshot: ProposalSnapshot; graph: BuildingGraph; geometry: Geometry };

export function prepare(snapshot: ProposalSnapshot): Prepared {
  const graph = buildGraph(snapshot.buildings, snapshot.barriers, snapshot.barrierCommunities);
  return { snapshot, graph, geometry: computeGeometry(graph, snapshot.communities) };
}

export function todayLayout(snapshot: ProposalSnapshot): Map<string, string> {
  return new Map(snapshot.buildings.map((b) => [b.id, b.grid]));
}

/** The measures of a layout, with the households it moves away from today's grids. */
export function measuresOf(
  p: Prepared,
  layout: ReadonlyMap<string, string>,
  tolerance: number,
): ProposalMeasures {
  const measures = measureLayout(p.graph, p.geometry, layout, tolerance);
  const moves = movesBetween(p.graph, todayLayout(p.snapshot), layout);
  return { ...measures, movedHouseholds: moves.moved, movedShare: moves.share };
}

/** The layout's number of grids per community. */
function gridsPerCommunity(p: Prepared, layout: ReadonlyMap<string, string>): Map<string, number> {
  const grids = new Map<string, Set<string>>();
  for (const b of p.snapshot.buildings) {
    const g = layout.get(b.id);
    if (g === undefined) continue;
    let set = grids.get(b.communityId);
    if (!set) grids.set(b.communityId, (set = new Set()));
    set.add(g);
  }
  return new Map([...grids].map(([c, s]) => [c, s.size]));
}

/** The lower bound on moves for the proposed number of grids per community. */
export function lowerBoundOf(p: Prepared, layout: ReadonlyMap<string, string>, tolerance: number): number {
  return movesLowerBound(p.graph, todayLayout(p.snapshot), gridsPerCommunity(p, layout), tolerance);
}

/**
 * A part of a community (all of it, or the side of a barrier) where no layout with the proposal's number of grids
 * can have every grid within the tolerance, and the proof (engine/feasibility.ts): the user sees that a grid outside
 * ±10% there is not the planner's fault, and what to change (the number of grids, a building's split).
 */
export type BalanceLimit = {
  communityId: string;
  buildings: number;
  households: number;
  grids: number;
  lo: number;
  hi: number;
  why: InfeasibleWhy;
};

/** The parts of the layout's communities proven unable to have every grid within the tolerance. */
export function balanceLimits(
  p: Prepared,
  layout: ReadonlyMap<string, string>,
  tolerance: number,
): BalanceLimit[] {
  return balanceFeasibility(p.graph, {
    gridsPerCommunity: gridsPerCommunity(p, layout),
    target: { tolerance },
  }).flatMap((f) =>
    f.why
      ? [
          {
            communityId: f.communityId,
            buildings: f.buildings,
            households: f.households,
            grids: f.grids,
            lo: f.lo,
            hi: f.hi,
            why: f.why,
          },
        ]
      : [],
  );
}

/** Everything stored of a layout: grids, changes (kept reasons where the building still moves), measures. */
export function storedResult(
  p: Prepared,
  layout: ReadonlyMap<string, string>,
  tolerance: number,
  reasons: ReadonlyMap<string, ChangeReason>,
  lowerBound: number | null,
  today?: ProposalMeasures,
  limits?: BalanceLimit[],
): StoredProposal {
  const changes: StoredChange[] = [];
  for (const b of p.snapshot.buildings) {
    const to = layout.get(b.id)!;
    if (to !== b.grid) {
      changes.push({ buildingId: b.id, from: b.grid, to, reason: reasons.get(b.id) ?? 'balance' });
    }
  }
  return {
    layout: Object.fromEntries(layout),
    grids: summarise(p.graph, p.geometry, layout).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    changes,
    measures: {
      proposed: measuresOf(p, layout, tolerance),
      today: today ?? measuresOf(p, todayLayout(p.snapshot), tolerance),
    },
    movesLowerBound: lowerBound,
    tolerance,
    // The number of grids per community does not change with a manual move: the proof made with the plan stands.
    balanceLimits: limits ?? balanceLimits(p, layout, tolerance),
  };
}

/** Why a manual move is refused (the service turns each into its 409). */
export type MoveRefusal =
  'unknownBuilding' | 'unknownGrid' | 'sameGrid' | 'notNeighbour' | 'splitsGrid' | 'lastBuilding';

/**
 * The moves rule: a building may go only to a grid of its community that one of its neighbours in G belongs to,
 * and only when the grid it leaves stays connected in G (and keeps a building). The grid it joins stays
 * connected, since the building touches it.
 */
export function checkMove(
  p: Prepared,
  layout: ReadonlyMap<string, string>,
  buildingId: string,
  toGrid: string,
): MoveRefusal | null {
  const i = p.graph.index.get(buildingId);
  if (i === undefined) return 'unknownBuilding';
  const from = layout.get(buildingId)!;
  if (from === toGrid) return 'sameGrid';
  const community = p.graph.communityOf[i]!;
  const gridExists = p.graph.communities[community]!.members.some(
    (j) => layout.get(p.graph.buildings[j]!.id) === toGrid,
  );
  if (!gridExists) return 'unknownGrid';
  const gridOf = (j: number) => layout.get(p.graph.buildings[j]!.id);
  const neighbours: number[] = [];
  for (let k = p.graph.offsets[i]!; k < p.graph.offsets[i + 1]!; k++) neighbours.push(p.graph.adjacency[k]!);
  if (!neighbours.some((j) => gridOf(j) === toGrid)) return 'notNeighbour';
  const members = p.graph.communities[community]!.members.filter((j) => j !== i && gridOf(j) === from);
  if (members.length === 0) return 'lastBuilding';
  // The grid left behind: one search from one of its buildings must reach all of them.
  return reached(p, members).size === members.length ? null : 'splitsGrid';
}

/**
 * The moves rule for several buildings moved at once to one grid (the page's multiple selection): judged on the
 * layout after the whole move, so that a block whose buildings could not move one by one (one alone would split the
 * grid it leaves) still may. Every building known and not in the grid already, the grid in each one's community, the
 * grid with the buildings connected (so each joins it through the grid or the others moved), and every grid they
 * leave neither emptied nor split. Answers the refusal and the building it concerns, or null; one building is judged
 * as checkMove judges it.
 */
export function checkMoves(
  p: Prepared,
  layout: ReadonlyMap<string, string>,
  buildingIds: readonly string[],
  toGrid: string,
): { refusal: MoveRefusal; buildingId: string } | null {
  if (buildingIds.length === 1) {
    const refusal = checkMove(p, layout, buildingIds[0]!, toGrid);
    return refusal ? { refusal, buildingId: buildingIds[0]! } : null;
  }
  const moving = new Set<number>();
  for (const id of buildingIds) {
    const i = p.graph.index.get(id);
    if (i === undefined) return { refusal: 'unknownBuilding', buildingId: id };
    if (layout.get(id) === toGrid) return { refusal: 'sameGrid', buildingId: id };
    const members = p.graph.communities[p.graph.communityOf[i]!]!.members;
    if (!members.some((j) => layout.get(p.graph.buildings[j]!.id) === toGrid)) {
      return { refusal: 'unknownGrid', buildingId: id };
    }
    moving.add(i);
  }
  const gridAfter = (j: number) => (moving.has(j) ? toGrid : layout.get(p.graph.buildings[j]!.id)!);
  const community = p.graph.communities[p.graph.communityOf[[...moving][0]!]!]!.members;
  const byGrid = new Map<string, number[]>();
  for (const j of community) {
    const grid = gridAfter(j);
    byGrid.set(grid, [...(byGrid.get(grid) ?? []), j]);
  }
  // The grid with its new buildings: one search from one of them must reach every one.
  const joined = reached(p, byGrid.get(toGrid)!);
  const apart = [...moving].find((i) => !joined.has(i));
  if (apart !== undefined) return { refusal: 'notNeighbour', buildingId: p.graph.buildings[apart]!.id };
  for (const i of moving) {
    const from = layout.get(p.graph.buildings[i]!.id)!;
    const left = byGrid.get(from);
    if (!left) return { refusal: 'lastBuilding', buildingId: p.graph.buildings[i]!.id };
    if (reached(p, left).size !== left.length) {
      return { refusal: 'splitsGrid', buildingId: p.graph.buildings[i]!.id };
    }
  }
  return null;
}

/** The buildings of `nodes` one search from the first reaches through the graph without leaving `nodes`. */
function reached(p: Prepared, nodes: readonly number[]): Set<number> {
  const inside = new Set(nodes);
  const seen = new Set([nodes[0]!]);
  const stack = [nodes[0]!];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let k = p.graph.offsets[v]!; k < p.graph.offsets[v + 1]!; k++) {
      const j = p.graph.adjacency[k]!;
      if (inside.has(j) && !seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return seen;
}

/** Coordinates rounded to a millimetre (the plan is in metres). */
function snapped(polygons: MultiPolygon): MultiPolygon {
  return polygons.map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000])),
  );
}

/**
 * The union of a grid's cells. polygon-clipping fails now and then on nearly coincident edges of neighbouring cells
 * ("Unable to complete output ring", a whole county's proposal once answered 500): the same union on coordinates
 * rounded to a millimetre succeeds; should it fail too, the cells are drawn as they are (the same area, with the
 * lines between them) rather than no map at all.
 */
export function unionOf(polygons: MultiPolygon): MultiPolygon {
  for (const input of [polygons, snapped(polygons)]) {
    try {
      return polygonClipping.union(input[0]!, ...input.slice(1));
    } catch {
      // the next attempt
    }
  }
  return polygons;
}

/** Each grid's polygon (the union of its buildings' clipped cells) in longitude/latitude. */
export function gridPolygons(p: Prepared, layout: ReadonlyMap<string, string>) {
  const { toLngLat } = projection(p.snapshot.origin);
  const parts = new Map<string, MultiPolygon>();
  p.graph.buildings.forEach((b, i) => {
    const g = layout.get(b.id);
    const cell = p.geometry.cells[i];
    if (g === undefined || !cell || cell.length === 0) return;
    let list = parts.get(g);
    if (!list) parts.set(g, (list = []));
    for (const polygon of cell) list.push(polygon.map((ring) => closed(ring)));
  });
  const features = [...parts].map(([grid, polygons]) => {
    const union = polygons.length > 1 ? unionOf(polygons) : polygons;
    return {
      type: 'Feature' as const,
      properties: { grid },
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: union.map((poly) => poly.map((ring) => ring.map(([x, y]) => toLngLat(x, y)))),
      },
    };
  });
  features.sort((a, b) => (a.properties.grid < b.properties.grid ? -1 : 1));
  return { type: 'FeatureCollection' as const, features };
}

function closed(ring: Ring): [number, number][] {
  const out = ring.map(([x, y]) => [x, y] as [number, number]);
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}
