import { connectedPartition, localGraph } from './exact.ts';
import { connectedGroup, type BuildingGraph } from './graph.ts';
import { apportion, DEFAULT_TARGET, DEFAULT_TOLERANCE } from './partition.ts';

/**
 * Whether every grid can be within the tolerance (issue 12: "100% of grids within ±10%"), per connected component
 * of G in each community, with the planner's number of grids for it (partition.ts: a community's grids apportioned
 * among its components). Each grid must hold between L = ⌈(1−t)μ⌉ and U = ⌊(1+t)μ⌋ households (μ = the community's
 * households ÷ its grids). Three checks, each a proof when it says "infeasible":
 *
 * 1. **Totals:** the component's H households must lie in [k·L, k·U], and no building may hold more than U.
 * 2. **A connected group for every building:** each building's grid is a connected set of buildings containing it,
 *    so some connected set containing it must hold between L and U households. The connected sets holding at most
 *    U are enumerated exactly (each once: the set grows by a neighbour, and the neighbours passed over are
 *    excluded from that branch); where buildings are large (towers of 100–300 households) there are few.
 * 3. **Bin packing (contiguity ignored):** the buildings' household counts must split into k groups of L–U each;
 *    a depth-first search over the buildings, largest first, with equal-load groups tried once.
 * 4. **The layout itself** (exact.ts): k connected groups of L–U households covering the component, searched
 *    exhaustively where grids are small in buildings (at most 12 per grid on average: towers, mid-rise), which is
 *    where checks 1–3 can pass and yet no layout exists (e.g. two towers that only fit with each other). Running
 *    out of its budget proves nothing and leaves the verdict as checks 1–3 gave it; a layout found settles it.
 *
 * Searches stop after a budget of steps; a component none of whose checks proved it infeasible, and one of whose
 * searches ran out, is `undecided` (the planner should still reach it, but nothing is proven either way).
 */
export type ComponentFeasibility = {
  communityId: string;
  /** Index of the component in the community's components (graph.ts: largest households first). */
  component: number;
  buildings: number;
  households: number;
  grids: number;
  /** The tolerance bounds of a grid, in whole households. */
  lo: number;
  hi: number;
  /** Why no layout can have all of this component's grids within the tolerance; null when not proven. */
  infeasible: string | null;
  /** The same proof as data, for the product to say in the user's language (planner.snapshot.ts balanceLimits). */
  why: InfeasibleWhy | null;
  /** True when a search ran out of budget before it could decide (and nothing proved infeasibility). */
  undecided: boolean;
};

/**
 * Which check proved it: `totals` (the households do not fit k grids of lo–hi), `tooLarge` (one building holds more
 * than hi), `noGroup` (no connected group of buildings containing this one holds lo–hi), `packing` (the buildings'
 * households cannot be split into k groups of lo–hi at all), `connected` (they can, but not into connected ones).
 */
export type InfeasibleWhy =
  | { kind: 'totals' | 'packing' | 'connected' }
  | { kind: 'tooLarge' | 'noGroup'; buildingId: string; buildingHouseholds: number };

export type FeasibilityOptions = {
  gridsPerCommunity?: ReadonlyMap<string, number>;
  target?: { households?: number; tolerance?: number };
  /** Search steps per building (check 2) and per component (checks 3 and 4); default 20,000, 200,000, 100,000. */
  budget?: { group?: number; packing?: number; layout?: number };
};

export { connectedGroup };

/** Checks every component of every community (see ComponentFeasibility). */
export function balanceFeasibility(
  graph: BuildingGraph,
  options: FeasibilityOptions = {},
): ComponentFeasibility[] {
  const target = options.target?.households ?? DEFAULT_TARGET;
  const tolerance = options.target?.tolerance ?? DEFAULT_TOLERANCE;
  const groupBudget = options.budget?.group ?? 20_000;
  const packingBudget = options.budget?.packing ?? 200_000;
  const layoutBudget = options.budget?.layout ?? 100_000;
  const h = graph.buildings.map((b) => b.households);
  const out: ComponentFeasibility[] = [];
  for (const part of graph.communities) {
    const households = part.members.reduce((sum, i) => sum + h[i]!, 0);
    const wanted = options.gridsPerCommunity?.get(part.id) ?? Math.max(1, Math.round(households / target));
    const k = Math.max(wanted, part.components.length);
    const mean = households / k;
    const lo = Math.ceil((1 - tolerance) * mean - 1e-9);
    const hi = Math.floor((1 + tolerance) * mean + 1e-9);
    const componentHouseholds = part.components.map((nodes) => nodes.reduce((sum, i) => sum + h[i]!, 0));
    const shares = apportion(k, componentHouseholds);
    part.components.forEach((nodes, component) => {
      const grids = Math.min(shares[component]!, nodes.length);
      const total = componentHouseholds[component]!;
      const result: ComponentFeasibility = {
        communityId: part.id,
        component,
        buildings: nodes.length,
        households: total,
        grids,
        lo,
        hi,
        infeasible: null,
        why: null,
        undecided: false,
      };
      out.push(result);
      if (total < grids * lo || total > grids * hi) {
        result.infeasible = `${total} households cannot make ${grids} grid(s) of ${lo}–${hi}`;
        result.why = { kind: 'totals' };
        return;
      }
      const largest = nodes.reduce((best, i) => (h[i]! > h[best]! ? i : best), nodes[0]!);
      if (h[largest]! > hi) {
        result.infeasible = `building ${graph.buildings[largest]!.id} alone holds ${h[largest]} households, more than ${hi}`;
        result.why = {
          kind: 'tooLarge',
          buildingId: graph.buildings[largest]!.id,
          buildingHouseholds: h[largest]!,
        };
        return;
      }
      for (const v of nodes) {
        const found = connectedGroup(graph, h, v, lo, hi, groupBudget);
        if (found === false) {
          result.infeasible = `building ${graph.buildings[v]!.id} (${h[v]} households): no connected group of buildings containing it holds ${lo}–${hi}`;
          result.why = { kind: 'noGroup', buildingId: graph.buildings[v]!.id, buildingHouseholds: h[v]! };
          return;
        }
        if (found === null) result.undecided = true;
      }
      const packed = packs(
        nodes.map((i) => h[i]!),
        grids,
        lo,
        hi,
        packingBudget,
      );
      if (packed === false) {
        result.infeasible = `its buildings’ households (${nodes.length} buildings, ${total} households) cannot be split into ${grids} groups of ${lo}–${hi}`;
        result.why = { kind: 'packing' };
        result.undecided = false;
        return;
      } else if (packed === null) result.undecided = true;
      if (nodes.length > 12 * grids) return;
      const layout = connectedPartition(
        localGraph(graph, nodes),
        Int32Array.from(nodes, (i) => h[i]!),
        grids,
        lo,
        hi,
        {
          budget: layoutBudget,
        },
      );
      if (layout === false) {
        result.infeasible = `its buildings (${nodes.length} buildings, ${total} households) cannot be split into ${grids} connected groups of ${lo}–${hi}`;
        result.why = { kind: 'connected' };
        result.undecided = false;
      } else if (layout) result.undecided = false;
    });
  }
  return out;
}

/**
 * Whether the values split into exactly `k` groups, each summing to between lo and hi: true, false (proven by an
 * exhaustive search), or null when the budget ran out. Largest values first; groups with equal sums are
 * interchangeable, so a value tries each distinct sum once.
 */
export function packs(
  values: readonly number[],
  k: number,
  lo: number,
  hi: number,
  budget = 200_000,
): boolean | null {
  const items = [...values].sort((a, b) => b - a);
  const total = items.reduce((a, b) => a + b, 0);
  if (k < 1 || total < k * lo || total > k * hi || (items[0] ?? 0) > hi) return false;
  // Longest processing time first: often a witness at once.
  const load = new Array<number>(k).fill(0);
  for (const v of items) {
    let least = 0;
    for (let g = 1; g < k; g++) if (load[g]! < load[least]!) least = g;
    load[least]! += v;
  }
  if (load.every((l) => l >= lo && l <= hi)) return true;
  load.fill(0);
  const suffix = new Array<number>(items.length + 1).fill(0);
  for (let t = items.length - 1; t >= 0; t--) suffix[t] = suffix[t + 1]! + items[t]!;
  let steps = 0;
  let exhausted = false;
  const place = (t: number): boolean => {
    if (t === items.length) return load.every((l) => l >= lo);
    if (++steps > budget) {
      exhausted = true;
      return false;
    }
    // What is left must fill every group to lo and fit under hi.
    let short = 0;
    let room = 0;
    for (const l of load) {
      short += Math.max(0, lo - l);
      room += hi - l;
    }
    if (short > suffix[t]! || room < suffix[t]!) return false;
    const tried = new Set<number>();
    for (let g = 0; g < k; g++) {
      const l = load[g]!;
      if (tried.has(l) || l + items[t]! > hi) continue;
      tried.add(l);
      load[g] = l + items[t]!;
      if (place(t + 1)) return true;
      load[g] = l;
      if (exhausted) return false;
    }
    return false;
  };
  if (place(0)) return true;
  return exhausted ? null : false;
}

export type GridOutside = {
  communityId: string;
  component: number;
  gridId: string;
  households: number;
  /** The component's proof that some grid must be outside, or null (a miss the planner could have avoided). */
  infeasible: string | null;
};

/** The grids of a layout outside their tolerance bounds, each with its component's feasibility verdict. */
export function gridsOutside(
  graph: BuildingGraph,
  layout: ReadonlyMap<string, string>,
  feasibility: readonly ComponentFeasibility[],
): GridOutside[] {
  const verdict = new Map<string, ComponentFeasibility>();
  for (const f of feasibility) verdict.set(`${f.communityId}\u0000${f.component}`, f);
  const grids = new Map<string, GridOutside & { lo: number; hi: number }>();
  for (const part of graph.communities) {
    part.components.forEach((nodes, component) => {
      const f = verdict.get(`${part.id}\u0000${component}`);
      if (!f) return;
      for (const v of nodes) {
        const id = graph.buildings[v]!.id;
        const gridId = layout.get(id);
        if (gridId === undefined) continue;
        const key = `${part.id}\u0000${gridId}`;
        let grid = grids.get(key);
        if (!grid) {
          grid = {
            communityId: part.id,
            component,
            gridId,
            households: 0,
            infeasible: f.infeasible,
            lo: f.lo,
            hi: f.hi,
          };
          grids.set(key, grid);
        }
        grid.households += graph.buildings[v]!.households;
      }
    });
  }
  return [...grids.values()]
    .filter((g) => g.households < g.lo || g.households > g.hi)
    .map(({ lo: _lo, hi: _hi, ...g }) => g);
}
