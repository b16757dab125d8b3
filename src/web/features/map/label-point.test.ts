import { describe, expect, it } from 'vitest';
import { boxFits, labelPoint, labelPointOfParts, type Point } from './label-point.ts';

const square = (x: number, y: number, size: number): Point[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('labelPoint', () => {
  it('puts a square’s label in its middle, half its side from the outline', () => {
    const { point, distance } = labelPoint([square(0, 0, 10)]);
    expect(point[0]).toBeCloseTo(5, 0);
    expect(point[1]).toBeCloseTo(5, 0);
    expect(distance).toBeGreaterThan(4.8);
    expect(distance).toBeLessThanOrEqual(5);
  });

  it('keeps the label of an L-shaped area inside it, where the centroid would not be', () => {
    // An L: the corner square 0..10 × 0..10 without 3..10 × 3..10; its centroid (≈ 3.2, 3.2) lies outside.
    const l: Point[] = [
      [0, 0],
      [10, 0],
      [10, 3],
      [3, 3],
      [3, 10],
      [0, 10],
      [0, 0],
    ];
    const { point, distance } = labelPoint([l]);
    const [x, y] = point;
    const inside = (x > 0 && x < 10 && y > 0 && y < 3) || (x > 0 && x < 3 && y > 0 && y < 10);
    expect(inside, `${x}, ${y}`).toBe(true);
    // Roomiest at the joint: a circle touching both outer sides and the inner corner, r = 3√2 / (1 + √2) ≈ 1.76.
    expect(distance).toBeGreaterThan(1.7);
    expect(distance).toBeLessThanOrEqual(1.76);
  });

  it('keeps out of a hole', () => {
    const { point, distance } = labelPoint([square(0, 0, 10), square(3, 3, 4)]);
    const [x, y] = point;
    expect(x > 3 && x < 7 && y > 3 && y < 7, `${x}, ${y}`).toBe(false);
    expect(distance).toBeGreaterThan(1);
  });

  it('of a multi-polygon takes the roomiest part; degenerate outlines give distance 0', () => {
    const { point } = labelPointOfParts([[square(0, 0, 1)], [square(100, 100, 20)]]);
    expect(point[0]).toBeCloseTo(110, 0);
    expect(labelPoint([[]]).distance).toBe(0);
    expect(
      labelPoint([
        [
          [1, 1],
          [2, 1],
          [1, 1],
        ],
      ]).distance,
    ).toBe(0);
  });

  it('a box fits when its corners are inside the circle', () => {
    expect(boxFits(60, 18, 32)).toBe(true);
    expect(boxFits(60, 18, 31)).toBe(false);
  });
});
