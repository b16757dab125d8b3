import polygonClipping from 'polygon-clipping';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeGeometry, polygonArea } from './geometry.ts';
import { buildGraph } from './graph.ts';
import type { Building, Community } from './types.ts';

const building = (id: string, x: number, y: number): Building => ({
  id,
  x,
  y,
  households: 10,
  keyPopulation: 0,
  communityId: 'A',
});

afterEach(() => vi.restoreAllMocks());

describe('cells clipped to the community', () => {
  // Four buildings in a row; the community a triangle, so the end cells are cut by its edges.
  const buildings = [
    building('a', 10, 10),
    building('b', 40, 10),
    building('c', 70, 10),
    building('d', 40, 40),
  ];
  const community: Community = {
    id: 'A',
    boundary: [
      [
        [0, 0],
        [100, 0],
        [40, 60],
      ],
    ],
  };

  it('clips each cell to the boundary', () => {
    const geometry = computeGeometry(buildGraph(buildings, []), [community]);
    const total = geometry.area.reduce((s, a) => s + a, 0);
    expect(total).toBeCloseTo(polygonArea(community.boundary), 6);
  });

  it('never fails the proposal when polygon-clipping throws on a boundary: the cell is kept unclipped', () => {
    const intersection = vi.spyOn(polygonClipping, 'intersection').mockImplementation(() => {
      throw new Error('Unable to complete output ring');
    });
    const geometry = computeGeometry(buildGraph(buildings, []), [community]);
    expect(intersection).toHaveBeenCalled();
    for (let i = 0; i < buildings.length; i++) {
      expect(geometry.cells[i]!.length).toBe(1);
      expect(geometry.area[i]).toBeGreaterThan(0);
    }
  });
});
