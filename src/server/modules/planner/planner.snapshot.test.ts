import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { unionOf } from './planner.snapshot.ts';

/** Shoelace area of a polygon's outer ring less its holes. */
function area(polygons: MultiPolygon): number {
  const ring = (r: [number, number][]) =>
    Math.abs(
      r.reduce((sum, [x, y], i) => sum + x * r[(i + 1) % r.length]![1] - r[(i + 1) % r.length]![0] * y, 0),
    ) / 2;
  return polygons.reduce(
    (sum, [outer, ...holes]) => sum + ring(outer!) - holes.reduce((s, h) => s + ring(h), 0),
    0,
  );
}

describe('a grid polygon: the union of its buildings’ cells', () => {
  // Two neighbouring cells of the demo county (metres), whose shared corner differs in the 15th digit
  // (13.463554177949801 against …808): polygon-clipping fails on them ("Unable to complete output ring"), and the
  // county's proposal page once answered 500.
  const cells: MultiPolygon = [
    [
      [
        [555.3092523820249, 69.38940076621395],
        [559.453463927809, 13.463554177949801],
        [642.7151649802328, 7.772552886122167],
        [648.666102407823, 12.169634067240445],
        [642.5069376213147, 58.1107081611297],
        [640.667521794175, 59.792253661881844],
        [567.3482189815961, 73.83099082598983],
        [555.3092523820249, 69.38940076621395],
      ],
    ],
    [
      [
        [559.453463927809, 13.463554177949808],
        [569.4488388284889, -121.42333494726228],
        [614.895204007853, -113.58035657697748],
        [642.7151649802328, 7.772552886122167],
        [559.453463927809, 13.463554177949808],
      ],
    ],
  ];

  it('is one polygon of both cells’ area where the library fails on the raw coordinates', () => {
    // The fixture still exercises the fallback (should a new polygon-clipping union these, this says so).
    expect(() => polygonClipping.union(cells[0]!, cells[1]!)).toThrow(/Unable to complete output ring/);
    const union = unionOf(cells);
    expect(union).toHaveLength(1);
    expect(union[0]).toHaveLength(1);
    // Coordinates rounded to a millimetre: the area within a few parts per million.
    expect(Math.abs(area(union) - area(cells)) / area(cells)).toBeLessThan(1e-5);
  });

  it('unions ordinary cells as the library does', () => {
    const square = (x: number): MultiPolygon[number] => [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ];
    const union = unionOf([square(0), square(1)]);
    expect(union).toHaveLength(1);
    expect(area(union)).toBeCloseTo(2, 9);
  });
});
