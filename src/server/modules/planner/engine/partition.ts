import { createRandom, type Random } from '../../../core/demo/random.ts';
import { compactGrids, fillUnassigned, mergeDown, repairContiguity, splitUp } from './adjust.ts';
import { computeGeometry, type Geometry } from './geometry.ts';
import { buildGraph, type BuildingGraph } from './graph.ts';
import { initialLayout } from './grow.ts';
import { maximumMatching } from './measures.ts';
import { balanceChains, recombinePass } from './balance.ts';
import { polishExactly, repairOutside } from './repair.ts';
import { connectedPartition } from './exact.ts';
import {
  anneal,
  componentState,
  descend,
  recompute,
  totalCost,
  type ComponentState,
  type SearchClock,
} from './refine.ts';
import type {
  Barrier,
  Building,
  BuildingChange,
  Community,
  GridSummary,
  MoveReason,
  PlanOptions,
  PlanResult,
  PlanWeights,
} from './types.ts';

export const DEFAULT_TARGET = 300;
export const DEFAULT_TOLERANCE = 0.1;

/**
 * Fresh mode weighs shape and key populations; adjust mode weighs moves above all but the tolerance. Fresh mode's
 * shape weights were tuned on the synthetic town against METIS (scripts/bench/planner.ts): a heavier cut term
 * lowers the edge cut but also Polsby–Popper unless compactness rises with it, and both pull grids away from the
 * mean and bunch key populations unless balance and key population rise too (the town at scale 1, 3 seeds: edge cut
 * 0.212 → 0.204, Polsby–Popper 0.596 either way, mean deviation 2.8% → 3.0%, METIS u30's 3.3%). Even with
 * the cut term alone the edge cut stays near 0.187, about METIS u100's 0.189 on the same graph.
 */
export const DEFAULT_WEIGHTS: Record<PlanOptions['mode'], PlanWeights> = {
  fresh: { balance: 400, compactness: 5, cut: 40, keyPopulation: 20, moves: 0 },
  adjust: { balance: 2, compactness: 0.02, cut: 0.02, keyPopulation: 0.02, moves: 10 },
};

/**
 * Splits `total` grids among parts of the given households: one each (when there are enough), then each next one
 * to the part whose grids are largest on average — which keeps the largest grid as small as possible.
 */
export function apportion(total: number, households: readonly number[]): number[] {
  const counts = households.map(() => (total >= households.length ? 1 : 0));
  if (total < households.length) {
    const order = households.map((_, i) => i).sort((a, b) => households[b]! - households[a]! || a - b);
    for (const i of order.slice(0, total)) counts[i] = 1;
    return counts;
  }
  for (let left = total - households.length; left > 0; left--) {
    let best = 0;
    for (let i = 1; i < households.length; i++) {
      if (households[i]! / counts[i]! > households[best]! / counts[best]!) best = i;
    }
    counts[best]! += 1;
  }
  return counts;
}

/** Plans grids for the buildings (builds G and the cells first; see planOnGraph). */
export function plan(
  buildings: readonly Building[],
  communities: readonly Community[],
  barriers: readonly Barrier[],
  options: PlanOptions,
): PlanResult {
  const graph = buildGraph(buildings, barriers);
  return planOnGraph(graph, computeGeometry(graph, communities), options);
}

/**
 * The planner (issue 12), community by community and, inside a community, component by component of G (a
 * barrier that splits a community splits its grids too). Fresh mode grows grids from spread seeds and refines
 * them; adjust mode starts from today's grids (Building.grid), repairs them, splits or merges to the wanted count
 * and rebalances, moving as few households as it can. Both finish with the same local search over single
 * boundary buildings (grids kept connected, pinned buildings never moved). Deterministic for a seed unless the
 * time limit cuts the search short.
 */
export function planOnGraph(graph: BuildingGraph, geometry: Geometry, options: PlanOptions): PlanResult {
  const started = performance.now();
  const target = options.target?.households ?? DEFAULT_TARGET;
  const tolerance = options.target?.tolerance ?? DEFAULT_TOLERANCE;
  const seed = options.seed ?? 1;
  const deadline = started + (options.timeLimitMs ?? 10_000);
  const weights = { ...DEFAULT_WEIGHTS[options.mode], ...options.weights };
  if (!(target > 0) || !(tolerance >= 0 && tolerance < 1)) {
    throw new Error(`target households must be > 0 and tolerance in [0, 1), got ${target} and ${tolerance}`);
  }
  for (const [name, value] of Object.entries(weights)) {
    if (!(value >= 0)) throw new Error(`weight ${name} must be ≥ 0, got ${value}`);
  }
  for (const [community, count] of options.gridsPerCommunity ?? []) {
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`community ${community}: the number of grids must be a whole number ≥ 1, got ${count}`);
    }
  }
  const { buildings } = graph;
  let totalHouseholds = 0;
  let totalKey = 0;
  for (const b of buildings) {
    totalHouseholds += b.households;
    totalKey += b.keyPopulation;
  }
  const rate = totalHouseholds > 0 ? (100 * totalKey) / totalHouseholds : 0;
  const layout = new Map<string, string>();
  const reasons = new Map<string, MoveReason>();
  let timedOut = false;
  let remainingBuildings = buildings.length;

  graph.communities.forEach((part, c) => {
    const households = part.members.reduce((sum, i) => sum + buildings[i]!.households, 0);
    const wanted = options.gridsPerCommunity?.get(part.id) ?? Math.max(1, Math.round(households / target));
    // Each component needs a grid of its own; a community split into more pieces than grids gets more grids.
    const k = Math.max(wanted, part.components.length);
    const mean = households / k;
    const shares = apportion(
      k,
      part.components.map((comp) => comp.reduce((sum, i) => sum + buildings[i]!.households, 0)),
    );
    const used = new Set<string>();
    for (const i of part.members) if (buildings[i]!.grid) used.add(buildings[i]!.grid);
    let fresh = 0;
    const newId = () => {
      let id: string;
      do id = `${part.id}-${String(++fresh).padStart(3, '0')}`;
      while (used.has(id));
      used.add(id);
      return id;
    };
    const planned: Array<{ state: ComponentState; ids: string[] }> = [];
    part.components.forEach((nodes, componentIndex) => {
      const now = performance.now();
      const budget = componentBudget(Math.max(0, deadline - now), nodes.length, remainingBuildings);
      remainingBuildings -= nodes.length;
      const clock: SearchClock = { deadline: now + budget, timedOut: false };
      const random = createRandom((seed * 7919 + c * 104_729 + componentIndex * 31) >>> 0);
      const kc = Math.min(shares[componentIndex]!, nodes.length);
      const today = new Set(nodes.map((i) => buildings[i]!.grid));
      const state = componentState(graph, geometry, nodes, Math.max(kc, today.size) + 2, {
        mean,
        tolerance,
        rate,
        weights,
      });
      const xs = Float64Array.from(nodes, (i) => buildings[i]!.x);
      const ys = Float64Array.from(nodes, (i) => buildings[i]!.y);
      let ids: string[] = [];
      const started = options.mode === 'adjust' ? startFromToday(state, nodes, graph) : null;
      if (started) {
        ids = started;
        if (state.k > kc) mergeDown(state, kc);
        if (state.k < kc) splitUp(state, kc, xs, ys);
        compactGridsKeepingIds(state, ids);
        improve(state, random, clock);
        // Long enough for the hard balance term to reach grids a few households over (e.g. among towers).
        anneal(state, random, clock, 100 * state.n, 0.2);
        improve(state, random, clock);
        repairIfOutside(state, random, clock, { iterations: 100 * state.n, startFactor: 0.2 });
        if (outsideTolerance(state)) redrawMatched(state, xs, ys, random, clock);
      } else {
        initialLayout(state, kc, xs, ys, random);
        improve(state, random, clock);
        anneal(state, random, clock, 600 * state.n);
        improve(state, random, clock);
        repairIfOutside(state, random, clock, { iterations: 300 * state.n, startFactor: 0.5 });
        // Last, small neighbourhoods (towers, mid-rise) redrawn as well as can be, no grid let out of the
        // tolerance: +0.004 mean Polsby–Popper on the town (scale 1), for about a second.
        if (totalsFit(state)) state.outsideStep = OUTSIDE_STEP;
        polishExactly(state, random, clock, { budget: 3_000, maxBuildings: 60 });
        improve(state, random, clock);
      }
      timedOut ||= clock.timedOut;
      planned.push({ state, ids });
    });
    // Grid ids: adjust keeps today's; fresh takes today's id of the grid it overlaps most (optimal matching) when
    // there was one, and new ids numbered north to south, west to east otherwise.
    for (const { state, ids } of planned) {
      const names = options.mode === 'adjust' ? ids : matchToday(state, graph);
      const order = gridOrder(state, graph);
      for (const g of order) {
        let name = names[g];
        if (!name || used.has(`\u0000${name}`)) name = newId();
        used.add(`\u0000${name}`);
        names[g] = name;
      }
      state.nodes.forEach((v, i) => {
        const b = buildings[v]!;
        layout.set(b.id, names[state.grid[i]!]!);
        reasons.set(b.id, options.mode === 'fresh' ? 'redraw' : (state.reason[i] ?? 'balance'));
      });
    }
  });

  const grids = summarise(graph, geometry, layout);
  const changes: BuildingChange[] = [];
  for (const b of buildings) {
    const to = layout.get(b.id)!;
    if (b.grid === to || (b.grid === undefined && options.mode === 'fresh')) continue;
    changes.push({
      buildingId: b.id,
      from: b.grid ?? null,
      to,
      reason: b.grid ? reasons.get(b.id)! : 'unassigned',
    });
  }
  return { layout, grids, changes, timedOut, elapsedMs: performance.now() - started };
}

/**
 * A component's time (ms), of `left` for the `remaining` buildings still to plan: its share by buildings, and half of
 * the others' shares too. Most components finish far inside their share, and a small one can need much more than it
 * (the exact search among towers: 1–2 s for 49 buildings of the town, whose share of 5 s is 0.05 s), so layouts
 * depend on the clock only when the whole plan nears the limit.
 */
export function componentBudget(left: number, buildings: number, remaining: number): number {
  const share = left * Math.min(1, buildings / Math.max(1, remaining));
  return share + (left - share) / 2;
}

/** Descent, merge–split and chains, in turn, while the cost keeps falling. */
function improve(state: ComponentState, random: Random, clock: SearchClock): void {
  for (let round = 0; round < 20 && !clock.timedOut; round++) {
    const before = totalCost(state);
    descend(state, random, clock);
    recombinePass(state, random, clock, { trees: 12, rounds: 3, onlyUnbalanced: true });
    balanceChains(state, clock, 5);
    if (totalCost(state) > before - 1e-6) return;
  }
}

/** The cost of a grid outside the tolerance once the repair starts (refine.ts, ComponentState.outsideStep). */
const OUTSIDE_STEP = 1000;

/**
 * Grids left outside the tolerance: from here on none may be let out again (the outside step). Each is drawn anew
 * with its neighbours (repair.ts); where some still are, the exact search (exact.ts) lists layouts with every
 * grid within the tolerance, near this one first, and the cheapest of those it meets within its budget is taken
 * (not where buildings are pinned: it does not know pins); the redrawn grids are then polished (annealing, small
 * neighbourhoods redrawn exactly).
 */
function repairIfOutside(
  state: ComponentState,
  random: Random,
  clock: SearchClock,
  polish: { iterations: number; startFactor: number },
): void {
  // Where the households cannot fit the grids at all, fewer grids outside would only mean some far outside.
  if (!outsideTolerance(state) || !totalsFit(state)) return;
  state.outsideStep = OUTSIDE_STEP;
  const before = countOutside(state);
  repairOutside(state, random, clock);
  // (Where grids hold many small buildings, the local search meets the tolerance and the exact search would not.)
  const small = state.n <= 12 * state.k;
  if (small && outsideTolerance(state) && !clock.timedOut && !state.pinned.includes(1)) {
    const current = state.grid.slice();
    const reasons = state.reason.slice();
    let best: Int32Array | null = null;
    let bestCost = Infinity;
    const score = (witness: Int32Array) => {
      state.grid.set(current);
      takeWitness(state, witness);
      const cost = totalCost(state);
      if (cost < bestCost) {
        bestCost = cost;
        best = state.grid.slice();
      }
      return false;
    };
    // In plain order first, briefly (where no such layout exists, that is soon proven), then reworking around
    // the grids outside first (backtracking undoes the latest groups first), the heaviest buildings first, near
    // this layout, and plain again, longer: each order finds layouts quickly on some communities and not on
    // others (the town's C14 needs 50,000 steps heaviest first and over 5 million in plain order; C22 the other
    // way round). The first that finds some ends the search.
    const focus = outsideBuildings(state);
    for (const [order, budget] of [
      [{}, 50_000],
      [{ hint: current, focus }, 600_000],
      [{ heaviestFirst: true }, 300_000],
      [{ hint: current }, 600_000],
      [{}, 2_500_000],
    ] as const) {
      const found = connectedPartition(state, state.h, state.k, state.lo, state.hi, {
        budget,
        deadline: clock.deadline,
        onWitness: score,
        ...order,
      });
      if (found === false || clock.timedOut || (best && budget > 50_000)) break;
    }
    state.grid.set(best ?? current);
    state.reason = reasons;
    for (let i = 0; i < state.n; i++) if (state.grid[i] !== current[i]) state.reason[i] = 'balance';
    recompute(state);
  }
  if (countOutside(state) < before) {
    anneal(state, random, clock, polish.iterations, polish.startFactor);
    polishExactly(state, random, clock, { budget: 20_000, maxBuildings: Infinity });
  }
  improve(state, random, clock);
}

/** Takes the exact search's layout, its groups given the grids they share most households with. */
function takeWitness(state: ComponentState, witness: Int32Array): void {
  const k = state.k;
  const overlap = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < state.n; i++) {
    overlap[witness[i]!]![state.grid[i]!]! += state.h[i]! + 1e-6;
    if (state.original[i]! >= 0) overlap[witness[i]!]![state.original[i]!]! += 2 * state.h[i]!;
  }
  const label = maximumMatching(overlap);
  for (let i = 0; i < state.n; i++) state.grid[i] = label[witness[i]!]!;
  recompute(state);
}

/** Whether the component's households fit its grids within the tolerance (feasibility.ts check 1). */
function totalsFit(s: ComponentState): boolean {
  let total = 0;
  for (let i = 0; i < s.n; i++) total += s.h[i]!;
  return total >= s.k * s.lo && total <= s.k * s.hi;
}

/** The buildings of the grids outside the tolerance. */
function outsideBuildings(s: ComponentState): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.n; i++) if (s.load[s.grid[i]!]! < s.lo || s.load[s.grid[i]!]! > s.hi) out.push(i);
  return out;
}

/** The grids outside the tolerance. */
function countOutside(s: ComponentState): number {
  let count = 0;
  for (let g = 0; g < s.k; g++) if (s.load[g]! < s.lo || s.load[g]! > s.hi) count += 1;
  return count;
}

/** Whether some grid is outside the tolerance. */
function outsideTolerance(s: ComponentState): boolean {
  return countOutside(s) > 0;
}

/**
 * Adjust mode's fallback when today's grids, split or merged, cannot be brought within the tolerance by local
 * moves (e.g. a run of low-rise grids short of households next to towers all at the limit: only a cascade of
 * tower moves would do): the component drawn afresh, each new grid given today's grid it overlaps most (an
 * optimal matching), then refined with adjust mode's weights. Kept only when its cost is lower; the hard balance
 * term outweighs the extra moves whenever it brings grids within the tolerance.
 */
function redrawMatched(
  s: ComponentState,
  xs: Float64Array,
  ys: Float64Array,
  random: Random,
  clock: SearchClock,
): void {
  if (clock.timedOut || s.k < 2) return;
  for (let i = 0; i < s.n; i++) if (s.pinned[i] === 1) return;
  const kept = { grid: s.grid.slice(), k: s.k, reason: s.reason.slice(), cost: totalCost(s) };
  const k = s.k;
  initialLayout(s, k, xs, ys, random);
  if (s.k !== k) {
    s.grid.set(kept.grid);
    s.k = kept.k;
    recompute(s);
    return;
  }
  const overlap = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < s.n; i++) {
    const o = s.original[i]!;
    if (o >= 0 && o < k) overlap[o]![s.grid[i]!]! += s.h[i]! + 1e-6;
  }
  const label = Int32Array.from({ length: k }, () => -1);
  const taken = new Uint8Array(k);
  maximumMatching(overlap).forEach((g, row) => {
    if (g >= 0) {
      label[g] = row;
      taken[row] = 1;
    }
  });
  let free = 0;
  for (let g = 0; g < k; g++) {
    if (label[g]! >= 0) continue;
    while (taken[free]) free += 1;
    label[g] = free;
    taken[free] = 1;
  }
  for (let i = 0; i < s.n; i++) {
    s.grid[i] = label[s.grid[i]!]!;
    s.reason[i] = s.original[i] === s.grid[i] ? null : 'balance';
  }
  recompute(s);
  improve(s, random, clock);
  anneal(s, random, clock, 100 * s.n, 0.2);
  improve(s, random, clock);
  if (totalCost(s) < kept.cost) return;
  s.grid.set(kept.grid);
  s.k = kept.k;
  s.reason = kept.reason;
  recompute(s);
}

/** Loads today's grids into the state (ids returned per local grid); null when no building has one. */
function startFromToday(s: ComponentState, nodes: number[], graph: BuildingGraph): string[] | null {
  const ids: string[] = [];
  const local = new Map<string, number>();
  nodes.forEach((v, i) => {
    const id = graph.buildings[v]!.grid;
    if (id === undefined) return;
    let g = local.get(id);
    if (g === undefined) {
      g = ids.length;
      local.set(id, g);
      ids.push(id);
    }
    s.grid[i] = g;
    s.original[i] = g;
  });
  if (ids.length === 0) return null;
  if (ids.length > s.load.length) throw new Error('too many grids today in one component');
  s.k = ids.length;
  fillUnassigned(s, 'unassigned');
  repairContiguity(s);
  recompute(s);
  return ids;
}

/** compactGrids, keeping the ids list aligned (merged grids' ids dropped, new grids get none yet). */
function compactGridsKeepingIds(s: ComponentState, ids: string[]): void {
  const before = s.k;
  const map = compactGrids(s);
  const renamed = new Array<string>(s.k).fill('');
  for (let g = 0; g < before; g++) if (map[g]! >= 0) renamed[map[g]!] = ids[g] ?? '';
  ids.length = 0;
  renamed.forEach((id, g) => (ids[g] = id));
}

/** Today's grid id for each planned grid of a fresh plan (optimal matching on shared households), or ''. */
function matchToday(s: ComponentState, graph: BuildingGraph): string[] {
  const todayIds = new Map<string, number>();
  const overlap: number[][] = [];
  s.nodes.forEach((v, i) => {
    const id = graph.buildings[v]!.grid;
    if (id === undefined) return;
    let row = todayIds.get(id);
    if (row === undefined) {
      row = todayIds.size;
      todayIds.set(id, row);
      overlap.push(new Array<number>(s.k).fill(0));
    }
    overlap[row]![s.grid[i]!]! += graph.buildings[v]!.households + 1e-6;
  });
  const names = new Array<string>(s.k).fill('');
  const rows = [...todayIds.keys()];
  maximumMatching(overlap).forEach((g, row) => {
    if (g >= 0 && overlap[row]![g]! > 0) names[g] = rows[row]!;
  });
  return names;
}

/** The grids in CJ/T 349 order: rows of 300 m from north to south, west to east within a row. */
function gridOrder(s: ComponentState, graph: BuildingGraph): number[] {
  const cx = new Float64Array(s.k);
  const cy = new Float64Array(s.k);
  s.nodes.forEach((v, i) => {
    const g = s.grid[i]!;
    cx[g]! += graph.buildings[v]!.x / s.size[g]!;
    cy[g]! += graph.buildings[v]!.y / s.size[g]!;
  });
  return Array.from({ length: s.k }, (_, g) => g).sort(
    (a, b) => Math.floor(-cy[a]! / 300) - Math.floor(-cy[b]! / 300) || cx[a]! - cx[b]! || a - b,
  );
}

/** Each grid's households, residents, key population, building count and area. */
export function summarise(
  graph: BuildingGraph,
  geometry: Geometry,
  layout: ReadonlyMap<string, string>,
): GridSummary[] {
  const grids = new Map<string, GridSummary>();
  graph.buildings.forEach((b, i) => {
    const id = layout.get(b.id);
    if (id === undefined) return;
    let grid = grids.get(id);
    if (!grid) {
      grid = {
        id,
        communityId: b.communityId,
        buildings: 0,
        households: 0,
        residents: 0,
        keyPopulation: 0,
        area: 0,
      };
      grids.set(id, grid);
    }
    grid.buildings += 1;
    grid.households += b.households;
    grid.residents =
      grid.residents === null || b.residents === undefined ? null : grid.residents + b.residents;
    grid.keyPopulation += b.keyPopulation;
    grid.area += geometry.area[i]!;
  });
  return [...grids.values()];
}
