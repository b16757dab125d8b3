import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.ts';
import { metisAvailable, metisGraph, runMetis } from './metis.ts';
import { generateTown, gridCounts } from './town.ts';

describe('the METIS baseline', () => {
  const town = generateTown({ seed: 2, scale: 0.05 });
  const graph = buildGraph(town.buildings, town.barriers);

  it('writes G in METIS format: header, then weight and 1-based neighbours per building', () => {
    const part = graph.communities[0]!;
    const lines = metisGraph(graph, part.members).trim().split('\n');
    const [n, m, format] = lines[0]!.split(' ');
    expect(Number(n)).toBe(part.members.length);
    expect(format).toBe('010');
    const degrees = lines.slice(1).map((line) => line.split(' ').length - 1);
    expect(degrees.reduce((a, b) => a + b, 0)).toBe(2 * Number(m));
    expect(Number(lines[1]!.split(' ')[0])).toBe(town.buildings[part.members[0]!]!.households);
  });

  it.skipIf(!metisAvailable())('runs gpmetis per community and reads the parts back', () => {
    const counts = gridCounts(town, 12);
    const run = runMetis(graph, counts, { ufactor: 30, seed: 1, contig: true });
    expect(run.layout.size).toBe(town.buildings.length);
    for (const community of town.communities) {
      const grids = new Set(
        town.buildings.filter((b) => b.communityId === community.id).map((b) => run.layout.get(b.id)),
      );
      expect(grids.size).toBeLessThanOrEqual(counts.get(community.id)!);
    }
  });
});
