/**
 * An exact search for a layout with every grid within the tolerance: k connected groups of buildings, each holding
 * lo–hi households, covering a connected piece of G (its local adjacency). It answers the question the planner's
 * local search cannot: is there such a layout at all? A witness (each building's group), false when the search
 * was exhaustive and found none (a proof), or null when it ran out of its budget.
 *
 * Depth first: the first building not yet in a group (in breadth-first order from a peripheral building, so what
 * is left stays in few pieces) opens the next group, and every connected group of lo–hi households containing it
 * is tried, each connected set enumerated once (a set grows by a candidate neighbour; the candidates passed over
 * are excluded from that branch). A branch is cut when some piece of what is left could not make whole groups
 * (its households H need ⌈H/hi⌉ ≤ ⌊H/lo⌋) or the pieces together could not make the groups left; the sets of
 * buildings left that have no layout are remembered. Where towers of 100–300 households make up a community there are
 * few groups per building and the search is quick; among many small buildings a witness comes early.
 */
export function connectedPartition(
  graph: { offsets: Int32Array; adjacency: Int32Array },
  h: ArrayLike<number>,
  k: number,
  lo: number,
  hi: number,
  options: {
    budget?: number;
    /** Stop (as when the budget runs out) after this time (performance.now()). */
    deadline?: number;
    /** A layout to search near first (each building's grid): a group grows through its start's grid first. */
    hint?: ArrayLike<number>;
    /**
     * Buildings where the trouble is (e.g. the grids outside the tolerance): the search then takes the buildings
     * farthest from them first, so that backtracking, which undoes the latest groups first, reworks their
     * neighbourhood before anything far away.
     */
    focus?: readonly number[];
    /** Take the buildings with the most households first (towers have the fewest groups; failures come early). */
    heaviestFirst?: boolean;
    /**
     * Called with each layout found (each building's group; the array is reused): return true to stop, false to
     * search on for others. Without it the first one found is returned.
     */
    onWitness?: (part: Int32Array) => boolean;
  } = {},
): Int32Array | false | null {
  const budget = options.budget ?? 200_000;
  const deadline = options.deadline ?? Infinity;
  const hint = options.hint;
  const n = graph.offsets.length - 1;
  const { offsets, adjacency } = graph;
  let total = 0;
  for (let i = 0; i < n; i++) total += h[i]!;
  if (k < 1 || n < k || total < k * lo || total > k * hi) return false;
  const part = new Int32Array(n).fill(-1);
  const order = options.heaviestFirst
    ? Array.from({ length: n }, (_, i) => i).sort((a, b) => h[b]! - h[a]! || a - b)
    : options.focus && options.focus.length > 0
      ? breadthFirst(graph, options.focus).reverse()
      : breadthFirst(graph, [breadthFirst(graph, [0]).at(-1) ?? 0]);
  const words = Math.ceil(n / 32);
  const failed = new Set<string>();
  const marks: Uint8Array[] = [];
  const queue = new Int32Array(n);
  const seen = new Uint8Array(n);
  let steps = 0;
  let exhausted = false;
  let cursor = 0;

  const remainderFits = (groupsLeft: number): boolean => {
    seen.fill(0);
    let least = 0;
    let most = 0;
    for (let s = 0; s < n; s++) {
      if (part[s]! >= 0 || seen[s]) continue;
      let weight = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      seen[s] = 1;
      while (head < tail) {
        const u = queue[head++]!;
        weight += h[u]!;
        for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
          const v = adjacency[e]!;
          if (part[v]! >= 0 || seen[v]) continue;
          seen[v] = 1;
          queue[tail++] = v;
        }
      }
      const fewest = Math.ceil(weight / hi);
      const most1 = Math.floor(weight / lo);
      if (fewest > most1) return false;
      least += fewest;
      most += most1;
      if (least > groupsLeft) return false;
    }
    return least <= groupsLeft && groupsLeft <= most;
  };

  const key = (): string => {
    const bits = new Uint32Array(words);
    for (let i = 0; i < n; i++) if (part[i]! >= 0) bits[i >>> 5]! |= 1 << (i & 31);
    return Array.from(bits, (w) => w.toString(36)).join('.');
  };

  let last: Int32Array | null = null;
  let found = 0;
  const solve = (group: number): boolean => {
    if (group === k) {
      found += 1;
      if (!options.onWitness) return true;
      last = part.slice();
      return options.onWitness(part);
    }
    while (cursor < n && part[order[cursor]!]! >= 0) cursor += 1;
    const start = order[cursor]!;
    const state = group > 0 ? `${group}:${key()}` : '';
    if (group > 0 && failed.has(state)) return false;
    const savedCursor = cursor;
    const foundBefore = found;
    const mark = (marks[group] ??= new Uint8Array(n));
    const touched: number[] = [start];
    const members: number[] = [start];
    mark[start] = 1;
    const visit = (): boolean => {
      for (const u of members) part[u] = group;
      const ok = remainderFits(k - group - 1) && solve(group + 1);
      if (!ok) {
        for (const u of members) part[u] = -1;
        cursor = savedCursor;
      }
      return ok;
    };
    const own = hint ? hint[start]! : 0;
    const neighbours = (u: number, into: number[]) => {
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = adjacency[e]!;
        if (part[v]! >= 0 || mark[v]) continue;
        mark[v] = 1;
        touched.push(v);
        into.push(v);
      }
      // Near the hint first: the start's grid's buildings lead the candidates.
      if (hint) into.sort((a, b) => Number(hint[b] === own) - Number(hint[a] === own));
    };
    const extend = (sum: number, candidates: number[]): boolean => {
      for (let c = 0; c < candidates.length; c++) {
        if (++steps > budget || ((steps & 4095) === 0 && performance.now() > deadline)) {
          exhausted = true;
          return false;
        }
        const w = candidates[c]!;
        const next = sum + h[w]!;
        if (next > hi) continue; // no superset fits either: stays excluded in this branch
        members.push(w);
        const added: number[] = [];
        neighbours(w, added);
        if (next >= lo && visit()) return true;
        if (exhausted) return false;
        const rest = candidates.slice(c + 1);
        if (extend(next, hint ? added.concat(rest) : rest.concat(added))) return true;
        for (const v of added) mark[v] = 0;
        members.pop();
        if (exhausted) return false;
      }
      return false;
    };
    let done = false;
    if (h[start]! <= hi) {
      if (h[start]! >= lo) done = visit();
      if (!done && !exhausted) {
        const initial: number[] = [];
        neighbours(start, initial);
        done = extend(h[start]!, initial);
      }
    }
    for (const v of touched) mark[v] = 0;
    // Only what has no layout at all is remembered (so that listing layouts, each is met once).
    if (!exhausted && found === foundBefore && group > 0 && failed.size < 500_000) failed.add(state);
    return done;
  };

  if (solve(0)) return part;
  if (last) return last;
  return exhausted ? null : false;
}

/** The nodes in breadth-first order from the given start nodes (then from each node not reached, if any). */
function breadthFirst(
  graph: { offsets: Int32Array; adjacency: Int32Array },
  start: readonly number[],
): number[] {
  const n = graph.offsets.length - 1;
  const seen = new Uint8Array(n);
  const order: number[] = [];
  let q = 0;
  const spread = () => {
    for (; q < order.length; q++) {
      const u = order[q]!;
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
        const v = graph.adjacency[e]!;
        if (seen[v]) continue;
        seen[v] = 1;
        order.push(v);
      }
    }
  };
  for (const s of start) {
    if (seen[s]) continue;
    seen[s] = 1;
    order.push(s);
  }
  spread();
  for (let v = 0; v < n; v++) {
    if (seen[v]) continue;
    seen[v] = 1;
    order.push(v);
    spread();
  }
  return order;
}

/** The adjacency of G restricted to the given buildings, in local indices 0..nodes.length − 1. */
export function localGraph(
  graph: { offsets: Int32Array; adjacency: Int32Array },
  nodes: readonly number[],
): { offsets: Int32Array; adjacency: Int32Array } {
  const local = new Map<number, number>();
  nodes.forEach((v, i) => local.set(v, i));
  const offsets = new Int32Array(nodes.length + 1);
  const adjacency: number[] = [];
  nodes.forEach((v, i) => {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const j = local.get(graph.adjacency[e]!);
      if (j !== undefined) adjacency.push(j);
    }
    offsets[i + 1] = adjacency.length;
  });
  return { offsets, adjacency: Int32Array.from(adjacency) };
}
