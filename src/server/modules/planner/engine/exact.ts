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

  // The set of buildings in groups, as a string (16 bits a character): the memo's key.
  const halves = new Uint16Array(2 * words);
  const key = (group: number): string => {
    halves.fill(0);
    for (let i = 0; i < n; i++) if (part[i]! >= 0) halves[i >>> 4]! |= 1 << (i & 15);
    let text = `${group}:`;
    for (let w = 0; w < halves.length; w += 1024) {
      text += String.fromCharCode.apply(null, halves.subarray(w, w + 1024) as unknown as number[]);
    }
    return text;
  };

  // Candidate lists live in one buffer, a stack of segments (no list is copied into a new array): a branch's list is
  // the candidates after the one taken, then that one's new neighbours (those first near a hint).
  let buffer = new Int32Array(Math.max(64, 4 * n));
  let top = 0;
  const reserve = (extra: number) => {
    if (top + extra <= buffer.length) return;
    const larger = new Int32Array(Math.max(2 * buffer.length, top + extra));
    larger.set(buffer.subarray(0, top));
    buffer = larger;
  };
  // Each open group's members, stacked (a group's are the last ones when it is closed).
  const members = new Int32Array(n);
  let memberCount = 0;
  // The open group's context (saved and restored around a nested group).
  let group = 0;
  let mark: Uint8Array = new Uint8Array(0);
  let own = 0;
  let membersFrom = 0;
  let savedCursor = 0;

  /** Marks u's neighbours not yet in a group nor met by this group, appending them at `top` (near the hint first). */
  const neighbours = (u: number) => {
    const from = top;
    reserve(offsets[u + 1]! - offsets[u]!);
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = adjacency[e]!;
      if (part[v]! >= 0 || mark[v]) continue;
      mark[v] = 1;
      buffer[top++] = v;
    }
    if (hint && top - from > 1) {
      // Stable: the buildings of the start's grid first, each side in the order met.
      let write = from;
      const others: number[] = [];
      for (let r = from; r < top; r++) {
        const v = buffer[r]!;
        if (hint[v] === own) buffer[write++] = v;
        else others.push(v);
      }
      for (const v of others) buffer[write++] = v;
    }
    return top - from;
  };

  /** Closes the open group with its members and solves the rest; undone when that fails. */
  const visit = (): boolean => {
    for (let m = membersFrom; m < memberCount; m++) part[members[m]!] = group;
    const saved = { group, mark, own, membersFrom, savedCursor };
    const ok = remainderFits(k - group - 1) && solve(group + 1);
    ({ group, mark, own, membersFrom, savedCursor } = saved);
    if (!ok) {
      for (let m = membersFrom; m < memberCount; m++) part[members[m]!] = -1;
      cursor = savedCursor;
    }
    return ok;
  };

  /** Grows the open group (`sum` households) by each candidate in buffer[from, to) in turn (see above). */
  const extend = (sum: number, from: number, to: number): boolean => {
    for (let c = from; c < to; c++) {
      if (++steps > budget || ((steps & 4095) === 0 && performance.now() > deadline)) {
        exhausted = true;
        return false;
      }
      const w = buffer[c]!;
      const next = sum + h[w]!;
      if (next > hi) continue; // no superset fits either: stays excluded in this branch
      members[memberCount++] = w;
      const base = top;
      let addedFrom: number;
      let addedTo: number;
      if (hint) {
        // The new neighbours, then the rest.
        const added = neighbours(w);
        addedFrom = base;
        addedTo = base + added;
        reserve(to - c - 1);
        buffer.copyWithin(top, c + 1, to);
        top += to - c - 1;
      } else {
        reserve(to - c - 1);
        buffer.copyWithin(top, c + 1, to);
        top += to - c - 1;
        addedFrom = top;
        neighbours(w);
        addedTo = top;
      }
      const branchTo = top;
      if (next >= lo && visit()) return true;
      if (exhausted) return false;
      const ok = extend(next, base, branchTo);
      if (ok) return true;
      for (let r = addedFrom; r < addedTo; r++) mark[buffer[r]!] = 0;
      top = base;
      memberCount -= 1;
      if (exhausted) return false;
    }
    return false;
  };

  let last: Int32Array | null = null;
  let found = 0;
  const marks: Uint8Array[] = [];
  function solve(level: number): boolean {
    if (level === k) {
      found += 1;
      if (!options.onWitness) return true;
      last = part.slice();
      return options.onWitness(part);
    }
    while (cursor < n && part[order[cursor]!]! >= 0) cursor += 1;
    const start = order[cursor]!;
    const state = level > 0 ? key(level) : '';
    if (level > 0 && failed.has(state)) return false;
    const foundBefore = found;
    const topBefore = top;
    const membersBefore = memberCount;
    group = level;
    mark = marks[level] ??= new Uint8Array(n);
    own = hint ? hint[start]! : 0;
    membersFrom = memberCount;
    savedCursor = cursor;
    members[memberCount++] = start;
    mark[start] = 1;
    let done = false;
    if (h[start]! <= hi) {
      if (h[start]! >= lo) done = visit();
      if (!done && !exhausted) {
        const from = top;
        neighbours(start);
        done = extend(h[start]!, from, top);
      }
    }
    mark.fill(0);
    top = topBefore;
    if (!done) memberCount = membersBefore;
    // Only what has no layout at all is remembered (so that listing layouts, each is met once).
    if (!exhausted && found === foundBefore && level > 0 && failed.size < 500_000) failed.add(state);
    return done;
  }

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
