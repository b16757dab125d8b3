import { sql } from 'drizzle-orm';
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, TEST_DEMO } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { buildGraph } from '../planner/planner.public.ts';
import type { GeoJsonGeometry } from './territory.tables.ts';
import { prepareTownCounty } from './territory.town-prepare.ts';
import { buildTownCounty, DEMO_EARLIER_GRIDS, DEMO_GRIDS, townCounty } from './territory.town.ts';

/** The demo county of the tests (seed 7, scale 0.05), drawn from the planner's synthetic town. */
const county = townCounty(TEST_DEMO.seed, TEST_DEMO.scale);

const parts = (g: GeoJsonGeometry): MultiPolygon => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Area in square degrees (enough to compare shapes of one county). */
function area(polygons: MultiPolygon): number {
  let sum = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      let a = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
      }
      sum += (k === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return sum;
}

function inside(g: GeoJsonGeometry, [x, y]: [number, number]): boolean {
  return parts(g).some((polygon) => {
    let hits = 0;
    for (const ring of polygon) {
      let inRing = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inRing = !inRing;
      }
      if (inRing) hits += 1;
    }
    return hits % 2 === 1; // inside the outer ring and no hole
  });
}

describe('the demo county drawn from the synthetic town', () => {
  it('has at least two streets, today’s grids at about 300 households and a community with several grids', () => {
    expect(county.streets.length).toBeGreaterThanOrEqual(2);
    const grids = county.grids.flat();
    expect(grids.length).toBe(Math.round(DEMO_GRIDS * TEST_DEMO.scale));
    expect(county.grids.some((list) => list.length >= 2)).toBe(true);
    const households = new Map(county.town.buildings.map((b) => [b.id, b.households]));
    for (const grid of grids) {
      const total = grid.buildingIds.reduce((s, id) => s + households.get(id)!, 0);
      expect(total).toBeGreaterThan(200);
      expect(total).toBeLessThan(400);
    }
  });

  it('holds exactly round(204 × scale) grids in the earlier layout, the planner’s own output', () => {
    expect(county.earlier.flat().length).toBe(Math.round(DEMO_EARLIER_GRIDS * TEST_DEMO.scale));
  });

  it('draws contiguous grids that tile their community, and every building inside its grid’s polygon', () => {
    const graph = buildGraph(county.town.buildings, county.town.barriers);
    for (const layout of [county.grids, county.earlier]) {
      layout.forEach((grids, c) => {
        const community = parts(county.communities[c]!);
        let sum = 0;
        for (const grid of grids) {
          const polygon = parts(grid.boundary);
          // Within the community: nothing of the grid lies outside it (but slivers of the coordinates' rounding to
          // six decimals, about 0.1 m).
          expect(area(polygonClipping.difference(polygon, community)) / area(polygon)).toBeLessThan(1e-3);
          sum += area(polygon);
          for (const id of grid.buildingIds) expect(inside(grid.boundary, county.points.get(id)!)).toBe(true);
          // Contiguous: the grid's buildings are connected in the planner's building graph G.
          const members = new Set(grid.buildingIds.map((id) => graph.index.get(id)!));
          const first = members.values().next().value!;
          const seen = new Set([first]);
          const stack = [first];
          while (stack.length > 0) {
            const v = stack.pop()!;
            for (let k = graph.offsets[v]!; k < graph.offsets[v + 1]!; k++) {
              const j = graph.adjacency[k]!;
              if (members.has(j) && !seen.has(j)) {
                seen.add(j);
                stack.push(j);
              }
            }
          }
          expect(seen.size).toBe(members.size);
          expect(grid.boundary.type).toBe('Polygon');
        }
        // The grids cover the community (their cells tile it).
        expect(Math.abs(sum - area(community)) / area(community)).toBeLessThan(1e-3);
      });
    }
  });

  it('gives every building to exactly one grid, and streets and the county cover their communities', () => {
    const ids = county.grids.flat().flatMap((g) => g.buildingIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(county.town.buildings.length);
    const all = area(parts(county.county));
    const communities = county.communities.reduce((s, c) => s + area(parts(c)), 0);
    expect(Math.abs(all - communities) / all).toBeLessThan(1e-6);
    for (const street of county.streets) {
      expect(street.boundary.type).toBe('Polygon'); // its communities touch
      const inStreet = street.communities.reduce((s, c) => s + area(parts(county.communities[c]!)), 0);
      expect(Math.abs(area(parts(street.boundary)) - inStreet) / inStreet).toBeLessThan(1e-6);
    }
  });

  it('is the same county for the same seed, another for another seed', () => {
    const again = buildTownCounty(TEST_DEMO.seed, TEST_DEMO.scale);
    expect(JSON.stringify(again.grids)).toBe(JSON.stringify(county.grids));
    expect(JSON.stringify(again.earlier)).toBe(JSON.stringify(county.earlier));
    expect(JSON.stringify([...again.points])).toBe(JSON.stringify([...county.points]));
    const other = buildTownCounty(TEST_DEMO.seed + 1, TEST_DEMO.scale);
    expect(JSON.stringify([...other.points])).not.toBe(JSON.stringify([...county.points]));
  });

  it('is the same county when planned in a worker thread ahead of the seed (a first start’s head start)', async () => {
    // A seed and scale no other test plans, so that townCounty can only answer the worker's county.
    const [seed, scale] = [TEST_DEMO.seed + 7, 0.03];
    await prepareTownCounty(seed, scale);
    const kept = townCounty(seed, scale);
    const here = buildTownCounty(seed, scale);
    expect(kept).not.toBe(here);
    expect(kept.points).toBeInstanceOf(Map);
    expect(JSON.stringify([kept.grids, kept.earlier, kept.streets, kept.lines, kept.barriers])).toBe(
      JSON.stringify([here.grids, here.earlier, here.streets, here.lines, here.barriers]),
    );
    expect(JSON.stringify([...kept.points])).toBe(JSON.stringify([...here.points]));
    expect(JSON.stringify(kept.town)).toBe(JSON.stringify(here.town));
  });
});

describe('the seeded demo county', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO_ACCOUNT.county_admin);
  });
  afterAll(() => t.close());

  it('draws today’s grids from the town and keeps its earlier layout', async () => {
    const rows = await rowsOf<{ code: string }>(
      t.db,
      sql`select code from territories where level = 'grid' order by code`,
    );
    expect(rows.length).toBe(county.grids.flat().length);
    const earlier = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from grid_layout_history where layout = '2015'`,
    );
    expect(earlier[0]!.n).toBe(Math.round(DEMO_EARLIER_GRIDS * TEST_DEMO.scale));
    // Every registry building lies inside its grid's polygon.
    const list = await rowsOf<{ lng: number; lat: number; boundary: GeoJsonGeometry }>(
      t.db,
      sql`select b.lng, b.lat, t.boundary from buildings b join territories t on t.id = b.grid_id`,
    );
    expect(list.length).toBe(county.town.buildings.length);
    for (const b of list) expect(inside(b.boundary, [b.lng, b.lat])).toBe(true);
  });

  it('has the town’s main roads and river as the planner’s barriers', async () => {
    const res = await t.request('GET', '/api/v1/planner/barriers', { cookie: admin });
    expect(res.status, res.text).toBe(200);
    const kinds = (res.json.data as { kind: string }[]).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'river').length).toBe(1);
    expect(kinds.filter((k) => k === 'road').length).toBe(county.town.mainRoads.length);
  });

  it('answers the map with the offline base layer: main roads, side streets and the river', async () => {
    const tree = await t.request('GET', '/api/v1/territories/tree', { cookie: admin });
    const res = await t.request('GET', `/api/v1/territories/${tree.json.data[0].id}/map`, { cookie: admin });
    expect(res.status, res.text).toBe(200);
    const lines = res.json.data.baseMap.lines as { kind: string; line: [number, number][] }[];
    expect(lines.filter((l) => l.kind === 'main_road').length).toBe(county.town.mainRoads.length);
    expect(lines.filter((l) => l.kind === 'side_street').length).toBe(county.town.sideStreets.length);
    expect(lines.filter((l) => l.kind === 'river').length).toBe(1);
    for (const l of lines) expect(l.line.length).toBeGreaterThanOrEqual(2);
  });
});
