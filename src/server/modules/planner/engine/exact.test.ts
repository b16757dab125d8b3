import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/demo/random.ts';
import { connectedPartition, localGraph } from './exact.ts';

type Small = { offsets: Int32Array; adjacency: Int32Array; h: number[] };

/** A random connected graph: a random tree plus extra edges, household counts 1–max. */
function randomGraph(seed: number, n: number, extra: number, max: number): Small {
  const random = createRandom(seed);
  const edges = new Set<string>();
  const add = (a: number, b: number) => {
    if (a !== b) edges.add(a < b ? `${a},${b}` : `${b},${a}`);
  };
  for (let v = 1; v < n; v++) add(v, Math.floor(random.next() * v));
  for (let e = 0; e < extra; e++) add(Math.floor(random.next() * n), Math.floor(random.next() * n));
  const lists = Array.from({ length: n }, () => [] as number[]);
  for (const key of edges) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((list, v) => (offsets[v + 1] = offsets[v]! + list.length));
  const h = Array.from({ length: n }, () => 1 + Math.floor(random.next() * max));
  return { offsets, adjacency: Int32Array.from(lists.flat()), h };
}

function connected(g: Small, members: number[]): boolean {
  const inside = new Set(members);
  const seen = new Set([members[0]!]);
  const stack = [members[0]!];
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
      const v = g.adjacency[e]!;
      if (inside.has(v) && !seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return seen.size === members.length;
}

/** Whether `part` is a layout: k non-empty connected groups of lo–hi households covering every node. */
function valid(g: Small, part: ArrayLike<number>, k: number, lo: number, hi: number): boolean {
  const groups = Array.from({ length: k }, () => [] as number[]);
  for (let v = 0; v < g.h.length; v++) {
    const p = part[v]!;
    if (!(p >= 0 && p < k)) return false;
    groups[p]!.push(v);
  }
  return groups.every((members) => {
    const sum = members.reduce((s, v) => s + g.h[v]!, 0);
    return members.length > 0 && sum >= lo && sum <= hi && connected(g, members);
  });
}

/** Every layout, by brute force: labelled in order of first appearance, so each partition counts once. */
function bruteForce(g: Small, k: number, lo: number, hi: number): string[] {
  const n = g.h.length;
  const part = new Array<number>(n).fill(0);
  const found: string[] = [];
  const place = (v: number, used: number) => {
    if (v === n) {
      if (used === k && valid(g, part, k, lo, hi)) found.push(canonical(part));
      return;
    }
    for (let p = 0; p <= Math.min(used, k - 1); p++) {
      part[v] = p;
      place(v + 1, Math.max(used, p + 1));
    }
  };
  place(0, 0);
  return found.sort();
}

/** The partition's groups as sorted node lists, sorted (independent of the group numbers). */
function canonical(part: ArrayLike<number>): string {
  const groups = new Map<number, number[]>();
  for (let v = 0; v < part.length; v++) {
    const list = groups.get(part[v]!) ?? [];
    list.push(v);
    groups.set(part[v]!, list);
  }
  return [...groups.values()]
    .map((list) => list.join('.'))
    .sort()
    .join('|');
}

describe('the exact layout search', () => {
  it('finds a layout exactly when one exists, lists each exactly once, and says so only when proven', () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const n = 5 + (seed % 6);
      const g = randomGraph(seed, n, seed % 5, seed % 3 === 0 ? 60 : 12);
      const k = 2 + (seed % 3);
      const total = g.h.reduce((a, b) => a + b, 0);
      const mean = total / k;
      const lo = Math.ceil(0.85 * mean);
      const hi = Math.floor(1.15 * mean);
      const expected = bruteForce(g, k, lo, hi);
      const first = connectedPartition(g, g.h, k, lo, hi);
      if (expected.length === 0) {
        expect(first, `seed ${seed}`).toBe(false);
        infeasible += 1;
        continue;
      }
      feasible += 1;
      expect(first, `seed ${seed}`).toBeInstanceOf(Int32Array);
      expect(valid(g, first as Int32Array, k, lo, hi)).toBe(true);
      const listed: string[] = [];
      const last = connectedPartition(g, g.h, k, lo, hi, {
        onWitness: (part) => {
          expect(valid(g, part, k, lo, hi)).toBe(true);
          listed.push(canonical(part));
          return false;
        },
      });
      expect(last).toBeInstanceOf(Int32Array);
      expect(listed.sort(), `seed ${seed}`).toEqual(expected);
      // Starting elsewhere, near another layout, changes the order, not the answer.
      const hint = Int32Array.from(g.h, (_, v) => v % k);
      const focused = connectedPartition(g, g.h, k, lo, hi, { hint, focus: [n - 1] });
      expect(valid(g, focused as Int32Array, k, lo, hi)).toBe(true);
    }
    // Both answers are exercised.
    expect(feasible).toBeGreaterThan(20);
    expect(infeasible).toBeGreaterThan(20);
  });

  it('answers null, not false, when its budget runs out before it can decide', () => {
    const g = randomGraph(7, 41, 60, 1);
    const h = g.h.map(() => 2);
    // Impossible (two groups of exactly 41 from buildings of 2), but only a whole search shows it.
    expect(connectedPartition(g, h, 2, 41, 41, { budget: 50 })).toBeNull();
  });

  it('covers a graph in pieces too: each piece makes whole groups, or there is no layout', () => {
    // Two pieces, 0–1 and 2–3–4, joined by nothing.
    const offsets = Int32Array.from([0, 1, 2, 3, 5, 6]);
    const adjacency = Int32Array.from([1, 0, 3, 2, 4, 3]);
    const g = { offsets, adjacency, h: [6, 4, 3, 3, 4] };
    const part = connectedPartition(g, g.h, 2, 10, 10);
    expect(part).toBeInstanceOf(Int32Array);
    expect(valid(g, part as Int32Array, 2, 10, 10)).toBe(true);
    expect(bruteForce(g, 2, 10, 10)).toHaveLength(1);
    // One piece short of a group's households: none.
    expect(connectedPartition(g, [6, 3, 3, 3, 5], 2, 10, 10)).toBe(false);
  });

  it('refuses what cannot fit before searching, and restricts G to the given nodes', () => {
    const g = randomGraph(3, 6, 2, 10);
    const total = g.h.reduce((a, b) => a + b, 0);
    expect(connectedPartition(g, g.h, 2, total, total)).toBe(false);
    expect(connectedPartition(g, g.h, 7, 0, total)).toBe(false);
    const sub = localGraph(g, [4, 2, 5]);
    expect(sub.offsets.length).toBe(4);
    for (let i = 0; i < 3; i++) {
      for (let e = sub.offsets[i]!; e < sub.offsets[i + 1]!; e++) {
        expect(sub.adjacency[e]).toBeGreaterThanOrEqual(0);
        expect(sub.adjacency[e]).toBeLessThan(3);
      }
    }
  });
});
