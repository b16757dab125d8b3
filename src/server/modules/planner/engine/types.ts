/**
 * The grid planner's engine (issue 12): pure data in, pure data out. Coordinates are planar metres (the module
 * around it projects longitude/latitude before calling in). No database, no HTTP.
 */

/** A point in metres: [x, y] (x east, y north). */
export type Point = [number, number];

/** A closed ring of points (the first point need not be repeated at the end). */
export type Ring = Point[];

/** A building: the planner's unit. Households and key population are counts; buildings are never split. */
export type Building = {
  id: string;
  x: number;
  y: number;
  households: number;
  /** Residents, when known (only reported per grid). */
  residents?: number;
  /** Key-population residents (elderly living alone, renters, …) living in the building. */
  keyPopulation: number;
  communityId: string;
  /** Today's grid (adjust mode starts from it). */
  grid?: string;
  /** A pinned building keeps today's grid (adjust mode). */
  pinned?: boolean;
};

/** A community: its boundary polygon as rings in metres (the first ring outer, the others holes). */
export type Community = { id: string; boundary: Ring[] };

/** A barrier line (main road, river, rail line): a polyline in metres that no grid may cross. */
export type Barrier = Point[];

/** A layout: building id → grid id. */
export type Layout = ReadonlyMap<string, string>;

/** The objective's weights (all ≥ 0); see partition.ts for how each term is scaled. */
export type PlanWeights = {
  /** Soft balance: squared relative deviation from the community's target mean. */
  balance: number;
  /** Compactness: P²/(4πA) of each grid (the inverse of Polsby–Popper). */
  compactness: number;
  /** Edge cut: G's edges between two grids. */
  cut: number;
  /** Key-population spread: squared relative deviation of each grid's rate from the county's. */
  keyPopulation: number;
  /** Adjust mode: households moved away from today's grid, per target mean. */
  moves: number;
};

export type PlanOptions = {
  mode: 'fresh' | 'adjust';
  /** Households per grid (default 300) and the balance tolerance (default 0.10 = ±10%). */
  target?: { households?: number; tolerance?: number };
  /**
   * Grids per community (community id → count), instead of deriving it from the target; communities left out
   * get round(households / target).
   */
  gridsPerCommunity?: ReadonlyMap<string, number>;
  /** Seed of the deterministic random stream (default 1). */
  seed?: number;
  /** After this many milliseconds the best layout found so far is returned (default 10,000). */
  timeLimitMs?: number;
  weights?: Partial<PlanWeights>;
};

/** Why a building changed grid. */
/** Why a building changed grid; 'redraw': fresh mode drew the grids anew. */
export type MoveReason = 'balance' | 'contiguity' | 'split' | 'merge' | 'shape' | 'unassigned' | 'redraw';

export type GridSummary = {
  id: string;
  communityId: string;
  buildings: number;
  households: number;
  /** Null when some building of the grid has no residents count. */
  residents: number | null;
  keyPopulation: number;
  /** Square metres of the grid's polygon (its buildings' Voronoi cells clipped to the community). */
  area: number;
};

export type BuildingChange = { buildingId: string; from: string | null; to: string; reason: MoveReason };

export type PlanResult = {
  layout: Map<string, string>;
  grids: GridSummary[];
  /** Buildings whose grid differs from today's (and, in adjust mode, those that had none). */
  changes: BuildingChange[];
  /** True when the time limit stopped the search before it finished. */
  timedOut: boolean;
  elapsedMs: number;
};
