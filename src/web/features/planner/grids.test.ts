import { describe, expect, it } from 'vitest';
import {
  colourGrids,
  deviations,
  gridLabel,
  insideMultiPolygon,
  PALETTE,
  touchingPolygons,
} from './grids.ts';

const square = (x: number, y: number): [number, number][][] => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];
const feature = (grid: string, ...parts: [number, number][][][]) => ({
  properties: { grid },
  geometry: { coordinates: parts },
});

describe('the planner page’s grid helpers', () => {
  it('finds touching grids by shared vertices and colours touching grids differently, keeping preferred colours', () => {
    // A row of three squares: a touches b, b touches c, a and c do not touch.
    const collection = {
      features: [feature('a', square(0, 0)), feature('b', square(1, 0)), feature('c', square(2, 0))],
    };
    const touching = touchingPolygons(collection);
    expect([...touching.get('b')!].sort()).toEqual(['a', 'c']);
    expect(touching.get('a')!.has('c')).toBe(false);
    // Grids of two communities (codes 001001 and 002001) side by side touch though they share no vertex.
    const across = touchingPolygons({
      features: [
        feature('100001001', square(0, 0)),
        feature('100002001', [
          [
            [1, 0.2],
            [2, 0.2],
            [2, 0.8],
            [1, 0.8],
            [1, 0.2],
          ],
        ]),
        feature('100002002', square(5, 5)),
      ],
    });
    expect([...(across.get('100001001') ?? [])]).toEqual(['100002001']);
    const colours = colourGrids(['a', 'b', 'c'], touching);
    expect(colours.get('a')).not.toBe(colours.get('b'));
    expect(colours.get('c')).not.toBe(colours.get('b'));
    // A preferred colour is kept unless a neighbour already has it.
    const kept = colourGrids(
      ['a', 'b', 'c'],
      touching,
      new Map([
        ['a', PALETTE[5]!],
        ['b', PALETTE[5]!],
      ]),
    );
    expect(kept.get('b')).toBe(PALETTE[5]);
    expect(kept.get('a')).not.toBe(PALETTE[5]);
  });

  it('names kept grids by their sequence and new ones with the prefix, with the community when there are several', () => {
    expect(gridLabel('371302001001003', false, '新')).toBe('003');
    expect(gridLabel('371302001001-002', false, '新')).toBe('新002');
    expect(gridLabel('371302001004003', true, 'N')).toBe('004·003');
    expect(gridLabel('371302001004-001', true, 'N')).toBe('004·N001');
  });

  it('measures each grid against its own community’s mean', () => {
    const d = deviations([
      { id: 'a', communityCode: 'x', households: 330 },
      { id: 'b', communityCode: 'x', households: 270 },
      { id: 'c', communityCode: 'y', households: 100 },
    ]);
    expect(d.get('a')).toBeCloseTo(0.1);
    expect(d.get('b')).toBeCloseTo(-0.1);
    expect(d.get('c')).toBe(0);
  });

  it('tells whether a dropped point lies in a grid, holes respected', () => {
    const withHole = feature('h', [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ]);
    expect(insideMultiPolygon([1, 1], withHole.geometry)).toBe(true);
    expect(insideMultiPolygon([5, 5], withHole.geometry)).toBe(false);
    expect(insideMultiPolygon([11, 5], withHole.geometry)).toBe(false);
    expect(insideMultiPolygon([20.5, 0.5], feature('m', square(0, 0), square(20, 0)).geometry)).toBe(true);
  });
});
