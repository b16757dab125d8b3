import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { newId } from '../../core/db/ids.ts';
import type { GeoJsonGeometry } from '../territory/territory.public.ts';
import { readPlace } from './planner.read.ts';
import { checkMove, checkMoves, prepare, projection, type ProposalSnapshot } from './planner.snapshot.ts';
import { plannerBarriers, plannerProposals } from './planner.tables.ts';

type Node = { id: string; code: string; name: string; level: string; children: Node[] };
type Detail = {
  id: string;
  status: string;
  grids: { id: string; households: number; buildings: number; communityCode: string }[];
  changes: { buildingId: string; from: string | null; to: string; reason: string }[];
  measures: { grids: number; discontiguousGrids: number; movedHouseholds: number; withinTolerance: number };
  today: { grids: number };
  balanceLimits: {
    communityCode: string;
    communityName: string | null;
    grids: number;
    households: number;
    lo: number;
    hi: number;
    kind: string;
    buildingName: string | null;
  }[];
  movesLowerBound: number | null;
  polygons: { features: { properties: { grid: string }; geometry: { coordinates: unknown[] } }[] };
};

let t: TestApp;
let admin: string;
let street: string;
let secretary: string;
let gridWorker: string;
let county: Node;
let street1: Node;
let community: Node;
let outsideCommunity: Node;

beforeAll(async () => {
  t = await createTestApp();
  [admin, street, secretary, gridWorker] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.street_admin),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.grid_worker),
  ]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  county = tree[0]!;
  street1 = county.children[0]!;
  community = street1.children[0]!;
  outsideCommunity = county.children[1]!.children[0]!;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.request('GET', `/api/v1${url}`, { cookie });
const post = (url: string, body: unknown, cookie: string) =>
  t.request('POST', `/api/v1${url}`, { cookie, body });
const plan = async (body: Record<string, unknown>, cookie = secretary) => {
  const response = await post('/planner/proposals', { timeLimitMs: 1000, ...body }, cookie);
  expect(response.status, response.text).toBe(201);
  return response.json.data as Detail;
};
const auditCount = async (action: string) =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;
const snapshotOf = async (id: string) =>
  (await t.db.select().from(plannerProposals).where(eq(plannerProposals.id, id)))[0]!;

describe('planning from the registry', () => {
  it('plans a community from its buildings, households and grids, and stores the proposal', async () => {
    const before = await auditCount('planner.proposal_created');
    const proposal = await plan({ territoryId: community.id, mode: 'adjust' });
    expect(proposal.status).toBe('draft');
    const [registry] = await rowsOf<{ buildings: number; households: number; grids: number }>(
      t.db,
      sql`select (select count(*)::int from buildings where territory_code like ${`${community.code}%`}) as buildings,
        (select count(*)::int from households where territory_code like ${`${community.code}%`} and moved_out_at is null) as households,
        (select count(*)::int from territories where level = 'grid' and ends_on is null and code like ${`${community.code}%`}) as grids`,
    );
    const row = await snapshotOf(proposal.id);
    expect(row.snapshot.buildings).toHaveLength(registry!.buildings);
    expect(row.snapshot.buildings.reduce((s, b) => s + b.households, 0)).toBe(registry!.households);
    expect(proposal.grids.reduce((s, g) => s + g.households, 0)).toBe(registry!.households);
    expect(proposal.grids.reduce((s, g) => s + g.buildings, 0)).toBe(registry!.buildings);
    expect(proposal.today.grids).toBe(registry!.grids);
    expect(proposal.measures.discontiguousGrids).toBe(0);
    expect(proposal.movesLowerBound).not.toBeNull();
    expect(proposal.measures.movedHouseholds).toBeGreaterThanOrEqual(proposal.movesLowerBound!);
    expect(proposal.polygons.features.map((f) => f.properties.grid).sort()).toEqual(
      proposal.grids.map((g) => g.id).sort(),
    );
    // Every changed building names the grid it leaves (today's) and the one it joins (the layout's).
    for (const c of proposal.changes) {
      expect(row.result.layout[c.buildingId]).toBe(c.to);
      expect(row.snapshot.buildings.find((b) => b.id === c.buildingId)!.grid).toBe(c.from);
    }
    expect(await auditCount('planner.proposal_created')).toBe(before + 1);
  });

  it('meets a number of grids instead of the target, and the same seed plans the same layout', async () => {
    const body = { territoryId: community.id, mode: 'fresh', gridCount: 3, seed: 5, timeLimitMs: 20_000 };
    const a = await plan(body);
    const b = await plan(body);
    expect(a.measures.grids).toBe(3);
    expect(a.measures.discontiguousGrids).toBe(0);
    expect((await snapshotOf(a.id)).result.layout).toEqual((await snapshotOf(b.id)).result.layout);
  });

  it('says where no layout can have every grid within the tolerance, and why', async () => {
    // As many grids asked for as buildings: grids of one building or two, so buildings far from the mean cannot all
    // be within ±10%; the proof is made for the number of grids the layout has.
    const first = await snapshotOf((await plan({ territoryId: community.id, mode: 'adjust' })).id);
    const total = first.snapshot.buildings.reduce((a, b) => a + b.households, 0);
    const proposal = await plan({
      territoryId: community.id,
      mode: 'fresh',
      gridCount: first.snapshot.buildings.length,
    });
    const k = proposal.measures.grids;
    const lo = Math.ceil(0.9 * (total / k) - 1e-9);
    const hi = Math.floor(1.1 * (total / k) + 1e-9);
    expect(proposal.balanceLimits.length).toBeGreaterThan(0);
    const names = new Set(first.snapshot.buildings.map((b) => b.name));
    for (const limit of proposal.balanceLimits) {
      expect(limit).toMatchObject({
        communityCode: community.code,
        communityName: community.name,
        grids: k,
        households: total,
        lo,
        hi,
      });
      expect(['totals', 'tooLarge', 'noGroup', 'packing', 'connected']).toContain(limit.kind);
      if (limit.kind === 'tooLarge' || limit.kind === 'noGroup') expect(names).toContain(limit.buildingName);
    }
    // The proof stands through a manual move (the number of grids is the same) and is stored with the proposal.
    expect((await snapshotOf(proposal.id)).result.balanceLimits).toHaveLength(proposal.balanceLimits.length);
    // Where it is feasible, nothing is said: one grid for the whole community.
    expect((await plan({ territoryId: community.id, mode: 'fresh', gridCount: 1 })).balanceLimits).toEqual(
      [],
    );
  });

  it('plans a street community by community, never across a community boundary', async () => {
    const proposal = await plan({ territoryId: street1.id, mode: 'adjust' }, street);
    const row = await snapshotOf(proposal.id);
    const communityOf = new Map(row.snapshot.buildings.map((b) => [b.id, b.communityId]));
    const gridCommunity = new Map<string, string>();
    for (const [buildingId, grid] of Object.entries(row.result.layout)) {
      const c = communityOf.get(buildingId)!;
      expect(gridCommunity.get(grid) ?? c).toBe(c);
      gridCommunity.set(grid, c);
    }
    expect(new Set(communityOf.values()).size).toBe(street1.children.length);
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const before = (await t.db.select({ id: plannerProposals.id }).from(plannerProposals)).length;
    const bad = await post(
      '/planner/proposals',
      { territoryId: community.id, mode: 'sideways', targetHouseholds: 'many', tolerance: 3, seed: 0 },
      secretary,
    );
    expect(bad.status).toBe(400);
    const fields = (bad.json.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['mode', 'seed', 'targetHouseholds', 'tolerance']);
    const grid = await post('/planner/proposals', { territoryId: community.children[0]!.id }, secretary);
    expect(grid.status).toBe(400);
    expect(grid.json.error.details[0].field).toBe('territoryId');
    const tooFew = await post('/planner/proposals', { territoryId: street1.id, gridCount: 1 }, street);
    expect(tooFew.status).toBe(400);
    expect(tooFew.json.error.details[0].field).toBe('gridCount');
    const pinned = await post(
      '/planner/proposals',
      { territoryId: community.id, pinnedBuildingIds: ['01900000-0000-7000-8000-000000000001'] },
      secretary,
    );
    expect(pinned.status).toBe(400);
    expect(pinned.json.error.details[0].field).toBe('pinnedBuildingIds.0');
    expect((await t.db.select({ id: plannerProposals.id }).from(plannerProposals)).length).toBe(before);
  });

  it('keeps pinned buildings in today’s grid', async () => {
    const first = await plan({ territoryId: community.id, mode: 'adjust', targetHouseholds: 120 });
    const moved = first.changes.map((c) => c.buildingId);
    expect(moved.length).toBeGreaterThan(0);
    const pinned = await plan({
      territoryId: community.id,
      mode: 'adjust',
      targetHouseholds: 120,
      pinnedBuildingIds: moved,
    });
    const row = await snapshotOf(pinned.id);
    for (const id of moved) {
      expect(row.result.layout[id]).toBe(row.snapshot.buildings.find((b) => b.id === id)!.grid);
    }
  });
});

describe('scope', () => {
  it('a community secretary plans only in their community: other places and their proposals answer 404', async () => {
    const outside = await post('/planner/proposals', { territoryId: outsideCommunity.id }, secretary);
    expect(outside.status).toBe(404);
    const theirs = await plan({ territoryId: outsideCommunity.id }, admin);
    expect((await get(`/planner/proposals/${theirs.id}`, secretary)).status).toBe(404);
    expect((await get(`/planner/proposals/${theirs.id}`, admin)).status).toBe(200);
    const list = (await get('/planner/proposals', secretary)).json.data as {
      id: string;
      territoryCode: string;
    }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p) => p.territoryCode.startsWith(community.code))).toBe(true);
    expect((await get(`/planner/proposals?territoryId=${outsideCommunity.id}`, secretary)).status).toBe(404);
    const county = await post('/planner/proposals', { territoryId: countyId() }, secretary);
    expect(county.status).toBe(404);
  });

  it('a grid worker may not plan', async () => {
    expect((await post('/planner/proposals', { territoryId: community.id }, gridWorker)).status).toBe(403);
  });
});

function countyId() {
  return county.id;
}

describe('editing a proposal building by building', () => {
  it('moves a building to a neighbouring grid with the measures recomputed, refuses other moves with a 409', async () => {
    const proposal = await plan({ territoryId: community.id, mode: 'adjust' });
    const row = await snapshotOf(proposal.id);
    const prepared = prepare(row.snapshot);
    const layout = new Map(Object.entries(row.result.layout));
    const grids = [...new Set(layout.values())];
    let allowed: { buildingId: string; toGrid: string } | null = null;
    let refused: { buildingId: string; toGrid: string; why: string } | null = null;
    for (const b of row.snapshot.buildings) {
      for (const g of grids) {
        const why = checkMove(prepared, layout, b.id, g);
        if (why === null) allowed ??= { buildingId: b.id, toGrid: g };
        else if (why === 'notNeighbour' || why === 'splitsGrid') {
          refused ??= { buildingId: b.id, toGrid: g, why };
        }
      }
    }
    expect(allowed).not.toBeNull();
    const moved = await post(`/planner/proposals/${proposal.id}/moves`, allowed, secretary);
    expect(moved.status, moved.text).toBe(200);
    const after = moved.json.data as Detail;
    const building = row.snapshot.buildings.find((b) => b.id === allowed!.buildingId)!;
    const from = layout.get(building.id)!;
    const gridBefore = (id: string) => proposal.grids.find((g) => g.id === id)!.households;
    const gridAfter = (id: string) => after.grids.find((g) => g.id === id)?.households ?? 0;
    expect(gridAfter(allowed!.toGrid)).toBe(gridBefore(allowed!.toGrid) + building.households);
    expect(gridAfter(from)).toBe(gridBefore(from) - building.households);
    expect(after.measures.discontiguousGrids).toBe(0);
    expect((await snapshotOf(proposal.id)).result.layout[building.id]).toBe(allowed!.toGrid);
    const change = after.changes.find((c) => c.buildingId === building.id);
    if (building.grid !== allowed!.toGrid) expect(change?.reason).toBe('manual');
    if (refused) {
      const before = (await snapshotOf(proposal.id)).result;
      const response = await post(
        `/planner/proposals/${proposal.id}/moves`,
        { buildingId: refused.buildingId, toGrid: refused.toGrid },
        secretary,
      );
      // The first move may have made this one possible; then it is allowed, otherwise refused with no change.
      if (response.status === 409) {
        expect(response.json.error.code).toBe('PLANNER_MOVE_REFUSED');
        expect((await snapshotOf(proposal.id)).result).toEqual(before);
      }
    }
    const unknown = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { buildingId: building.id, toGrid: 'nowhere' },
      secretary,
    );
    expect(unknown.status).toBe(409);
    expect(unknown.json.error.details[0].field).toBe('toGrid');

    // Several buildings at once: two that may move together to one grid, both moved in one step.
    const current = await snapshotOf(proposal.id);
    const now = new Map(Object.entries(current.result.layout));
    let pair: { buildingIds: string[]; toGrid: string } | null = null;
    for (const a of current.snapshot.buildings) {
      for (const g of grids) {
        if (pair || checkMove(prepared, now, a.id, g) !== null) continue;
        const b = current.snapshot.buildings.find(
          (x) =>
            x.id !== a.id && now.get(x.id) === now.get(a.id) && !checkMoves(prepared, now, [a.id, x.id], g),
        );
        if (b) pair = { buildingIds: [a.id, b.id], toGrid: g };
      }
    }
    expect(pair).not.toBeNull();
    const both = await post(`/planner/proposals/${proposal.id}/moves`, pair, secretary);
    expect(both.status, both.text).toBe(200);
    const layoutAfter = (await snapshotOf(proposal.id)).result.layout;
    expect(pair!.buildingIds.map((b) => layoutAfter[b])).toEqual([pair!.toGrid, pair!.toGrid]);
    // One or several, not both; not none; a refusal of several names the building it concerns.
    const neither = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { toGrid: pair!.toGrid },
      secretary,
    );
    expect(neither.status).toBe(400);
    expect(neither.json.error.details[0].field).toBe('buildingId');
    const twice = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { buildingId: pair!.buildingIds[0], buildingIds: pair!.buildingIds, toGrid: 'x' },
      secretary,
    );
    expect(twice.status).toBe(400);
    const empty = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { buildingIds: [], toGrid: 'x' },
      secretary,
    );
    expect(empty.status).toBe(400);
    expect(empty.json.error.details[0].field).toBe('buildingIds');
    const already = await post(
      `/planner/proposals/${proposal.id}/moves`,
      { buildingIds: pair!.buildingIds, toGrid: pair!.toGrid },
      secretary,
    );
    expect(already.status).toBe(409);
    expect(already.json.error.details[0]).toMatchObject({ field: 'toGrid', code: 'sameGrid' });
    const name = current.snapshot.buildings.find((b) => b.id === pair!.buildingIds[0])!.name;
    expect(already.json.error.details[0].message).toBe(`${name}：楼栋已在该网格中`);
  });

  it('the moves rule: only to a grid a neighbouring building lies in, never splitting the grid left', () => {
    // Two rows of three buildings 100 m apart: bottom row grid B, top row grid A.
    const buildings = [0, 100, 200].flatMap((x) =>
      [0, 100].map((y) => ({
        id: `b${x}-${y}`,
        code: `b${x}-${y}`,
        name: `b${x}-${y}`,
        x,
        y,
        lng: 0,
        lat: 0,
        households: 10,
        keyPopulation: 0,
        communityId: 'c',
        grid: y === 0 ? 'B' : 'A',
      })),
    );
    const snapshot: ProposalSnapshot = {
      origin: [120, 30],
      buildings,
      communities: [{ id: 'c', boundary: [] }],
      barriers: [],
    };
    const p = prepare(snapshot);
    const layout = new Map(buildings.map((b) => [b.id, b.grid]));
    expect(checkMove(p, layout, 'b0-0', 'A')).toBeNull();
    expect(checkMove(p, layout, 'b100-0', 'A')).toBe('splitsGrid');
    expect(checkMove(p, layout, 'b0-0', 'B')).toBe('sameGrid');
    expect(checkMove(p, layout, 'b0-0', 'C')).toBe('unknownGrid');
    expect(checkMove(p, layout, 'nobody', 'A')).toBe('unknownBuilding');
    // With grid A cut to one building at the left, the right-hand buildings have no neighbour in A.
    const narrow = new Map(layout);
    for (const id of ['b100-100', 'b200-100']) narrow.set(id, 'B');
    expect(checkMove(p, narrow, 'b200-0', 'A')).toBe('notNeighbour');
    expect(checkMove(p, narrow, 'b0-100', 'B')).toBe('lastBuilding');

    // Several at once, judged on the layout after the whole move: the middle building alone would split B, with its
    // right-hand neighbour it leaves B whole.
    expect(checkMoves(p, layout, ['b100-0'], 'A')).toEqual({ refusal: 'splitsGrid', buildingId: 'b100-0' });
    expect(checkMoves(p, layout, ['b100-0', 'b200-0'], 'A')).toBeNull();
    expect(checkMoves(p, layout, ['b0-0', 'b100-0', 'b200-0'], 'A')?.refusal).toBe('lastBuilding');
    expect(checkMoves(p, layout, ['b0-0', 'b100-100'], 'A')).toEqual({
      refusal: 'sameGrid',
      buildingId: 'b100-100',
    });
    expect(checkMoves(p, layout, ['b0-0', 'nobody'], 'A')?.refusal).toBe('unknownBuilding');
    // A chain joins A through the buildings moved with it; a pair off on its own does not.
    expect(checkMoves(p, narrow, ['b100-100', 'b200-100'], 'A')).toBeNull();
    expect(checkMoves(p, narrow, ['b200-0', 'b200-100'], 'A')?.refusal).toBe('notNeighbour');
  });
});

describe('barriers', () => {
  type Box = [number, number, number, number];
  /** The box [w, s, e, n] of a place's boundary (its first polygon's outer ring). */
  const boxOfPlace = async (id: string): Promise<Box> => {
    const boundary = (await get(`/territories/${id}`, admin)).json.data.boundary as GeoJsonGeometry;
    const ring = boundary.type === 'Polygon' ? boundary.coordinates[0]! : boundary.coordinates[0]![0]!;
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
  };
  /** The point of the box at fractions fx (west → east) and fy (south → north). */
  const at = ([w, s, e, n]: Box, fx: number, fy: number): [number, number] => [
    Math.round((w + (e - w) * fx) * 1e6) / 1e6,
    Math.round((s + (n - s) * fy) * 1e6) / 1e6,
  ];
  let box: Box;
  beforeAll(async () => {
    box = await boxOfPlace(community.id);
  });
  const road = (name: string, offset = 0) => ({
    type: 'Feature',
    properties: { kind: 'road', name },
    geometry: { type: 'LineString', coordinates: [at(box, 0.4 + offset, 0.4), at(box, 0.5 + offset, 0.6)] },
  });

  it('draws, imports, lists and deletes barrier lines; the planner receives them', async () => {
    const drawn = await post(
      '/planner/barriers',
      {
        territoryId: community.id,
        kind: 'river',
        name: '清水河',
        line: [at(box, 0.3, 0.4), at(box, 0.5, 0.6), at(box, 0.7, 0.4)],
      },
      secretary,
    );
    expect(drawn.status, drawn.text).toBe(201);
    const imported = await post(
      '/planner/barriers/import',
      {
        territoryId: community.id,
        collection: { type: 'FeatureCollection', features: [road('人民路'), road('解放路', 0.05)] },
      },
      secretary,
    );
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json.data).toHaveLength(2);
    const list = (await get(`/planner/barriers?territoryId=${community.id}`, secretary)).json.data as {
      id: string;
      name: string;
    }[];
    expect(list.map((b) => b.name)).toEqual(expect.arrayContaining(['清水河', '人民路', '解放路']));
    const proposal = await plan({ territoryId: community.id });
    expect((await snapshotOf(proposal.id)).snapshot.barriers.length).toBeGreaterThanOrEqual(3);
    const deleted = await t.request('DELETE', `/api/v1/planner/barriers/${drawn.json.data.id}`, {
      cookie: secretary,
    });
    expect(deleted.status).toBe(204);
    const again = (await get(`/planner/barriers?territoryId=${community.id}`, secretary)).json.data as {
      id: string;
    }[];
    expect(again.some((b) => b.id === drawn.json.data.id)).toBe(false);
    expect(await auditCount('planner.barrier_deleted')).toBe(1);
  });

  it('refuses a bad GeoJSON import field by field, with nothing stored', async () => {
    const before = (await get('/planner/barriers', admin)).json.data.length;
    const bad = await post(
      '/planner/barriers/import',
      {
        territoryId: community.id,
        collection: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { kind: 'road', name: '好路' },
              geometry: { type: 'LineString', coordinates: [[120, 30]] },
            },
            {
              type: 'Feature',
              properties: { kind: 'canal', name: '' },
              geometry: { type: 'Polygon', coordinates: [] },
            },
            {
              type: 'Feature',
              properties: { kind: 'rail', name: '铁路' },
              geometry: {
                type: 'LineString',
                coordinates: [
                  [200, 30],
                  [120, 95],
                ],
              },
            },
          ],
        },
      },
      secretary,
    );
    expect(bad.status).toBe(400);
    const fields = (bad.json.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'collection.features.0.geometry.coordinates',
        'collection.features.1.properties.kind',
        'collection.features.1.geometry.type',
        'collection.features.2.geometry.coordinates.0.0',
      ]),
    );
    const tooMany = await post(
      '/planner/barriers/import',
      {
        territoryId: community.id,
        collection: {
          type: 'FeatureCollection',
          features: Array.from({ length: 501 }, (_, i) => road(`路${i}`)),
        },
      },
      secretary,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0].field).toBe('collection.features');
    const notGeoJson = await post(
      '/planner/barriers/import',
      { territoryId: community.id, collection: 'roads' },
      secretary,
    );
    expect(notGeoJson.status).toBe(400);
    expect((await get('/planner/barriers', admin)).json.data.length).toBe(before);
  });

  it('barriers of another community answer 404', async () => {
    const theirBox = await boxOfPlace(outsideCommunity.id);
    const theirs = await post(
      '/planner/barriers',
      {
        territoryId: outsideCommunity.id,
        kind: 'rail',
        name: '外线',
        line: [at(theirBox, 0.4, 0.4), at(theirBox, 0.6, 0.6)],
      },
      admin,
    );
    expect(theirs.status).toBe(201);
    const response = await t.request('DELETE', `/api/v1/planner/barriers/${theirs.json.data.id}`, {
      cookie: secretary,
    });
    expect(response.status).toBe(404);
    const drawOutside = await post(
      '/planner/barriers',
      {
        territoryId: outsideCommunity.id,
        kind: 'rail',
        name: '外线',
        line: [at(theirBox, 0.4, 0.4), at(theirBox, 0.6, 0.6)],
      },
      secretary,
    );
    expect(drawOutside.status).toBe(404);
  });

  const barrierCount = async () =>
    (await t.db.select({ id: plannerBarriers.id }).from(plannerBarriers)).length;

  it('refuses a line reaching outside its place (200 m of its boundary), field by field, with nothing stored', async () => {
    const before = await barrierCount();
    const draw = (line: [number, number][], lang = 'zh') =>
      t.request('POST', '/api/v1/planner/barriers', {
        cookie: secretary,
        body: { territoryId: community.id, kind: 'road', name: '环球路', line },
        headers: { 'accept-language': lang },
      });
    // Across the globe: it would have made every later plan of the community, its street and the county take minutes.
    const globe = await draw([
      [-180, -90],
      [180, 90],
    ]);
    expect(globe.status, globe.text).toBe(400);
    expect(globe.json.error.details).toMatchObject([{ field: 'line.0', code: 'outside_place' }]);
    expect(globe.json.error.details[0].message).toContain(community.name);
    const english = await draw([at(box, 0.5, 0.5), at(box, 0.5, 0.5 + 5)], 'en');
    expect(english.status).toBe(400);
    expect(english.json.error.details).toMatchObject([{ field: 'line.1', code: 'outside_place' }]);
    expect(english.json.error.details[0].message).toContain('outside');
    // 5 km beyond the place's box, however it is reached.
    const [w, , e] = box;
    const far = await draw([at(box, 0.5, 0.5), at(box, 0.6, 0.5), [e + 0.06, box[1]], [w, box[3]]]);
    expect(far.status).toBe(400);
    expect(far.json.error.details).toMatchObject([{ field: 'line.2', code: 'outside_place' }]);

    const imported = await post(
      '/planner/barriers/import',
      {
        territoryId: community.id,
        collection: {
          type: 'FeatureCollection',
          features: [
            road('好路'),
            {
              type: 'Feature',
              properties: { kind: 'river', name: '长河' },
              geometry: {
                type: 'LineString',
                coordinates: [at(box, 0.5, 0.5), at(box, 0.5, 0.6), [121, 31]],
              },
            },
          ],
        },
      },
      secretary,
    );
    expect(imported.status).toBe(400);
    expect(imported.json.error.details).toMatchObject([
      { field: 'collection.features.1.geometry.coordinates.2', code: 'outside_place' },
    ]);
    expect(await barrierCount()).toBe(before);

    // A road along the edge, within 100 m of the boundary's corners, is the place's.
    const boundary = (await get(`/territories/${community.id}`, admin)).json.data.boundary as GeoJsonGeometry;
    const ring = boundary.type === 'Polygon' ? boundary.coordinates[0]! : boundary.coordinates[0]![0]!;
    const north = 100 / 110_574;
    const edge = await draw(ring.slice(0, 3).map(([lng, lat]) => [lng, lat + north]));
    expect(edge.status, edge.text).toBe(201);
    expect(await barrierCount()).toBe(before + 1);
  });

  it('a community secretary cannot draw a line inside another community of the street', async () => {
    const other = street1.children[1]!;
    const before = await barrierCount();
    const response = await post(
      '/planner/barriers',
      {
        territoryId: community.id,
        kind: 'road',
        name: '邻区路',
        line: [at(await boxOfPlace(other.id), 0.5, 0.3), at(await boxOfPlace(other.id), 0.5, 0.7)],
      },
      secretary,
    );
    expect(response.status).toBe(400);
    expect(response.json.error.details).toMatchObject([{ field: 'line.0', code: 'outside_place' }]);
    expect(await barrierCount()).toBe(before);
  });

  /** Stores a barrier as an older version of the server could have (unchecked), for the rest of the test only. */
  const storedUnchecked = async (territoryCode: string, line: [number, number][]) => {
    const [row] = await t.db
      .insert(plannerBarriers)
      .values({ id: newId(), territoryCode, kind: 'road', name: '旧数据', line })
      .returning({ id: plannerBarriers.id });
    return async () => {
      await t.db.delete(plannerBarriers).where(eq(plannerBarriers.id, row!.id));
    };
  };

  it('a line stored under a community separates that community’s buildings only, in a street’s plan too', async () => {
    const other = street1.children[1]!;
    const place = { id: street1.id, code: street1.code, level: street1.level, name: street1.name };
    /** The edges of G between buildings of `other`. */
    const otherEdges = async () => {
      const { snapshot } = await readPlace(t.db, place);
      const { graph } = prepare(snapshot);
      let count = 0;
      for (let e = 0; e < graph.edgeU.length; e++) {
        const b = graph.buildings[graph.edgeU[e]!]!;
        if (b.communityId === other.code) count += 1;
      }
      return { count, snapshot };
    };
    const before = await otherEdges();
    // A north–south line through the middle of `other`'s buildings.
    const points = before.snapshot.buildings.filter((b) => b.communityId === other.code);
    const lngs = points.map((b) => b.lng).sort((a, b) => a - b);
    const lats = points.map((b) => b.lat);
    const median = lngs[lngs.length >> 1]! + 1e-6;
    const line: [number, number][] = [
      [median, Math.min(...lats) - 0.001],
      [median, Math.max(...lats) + 0.001],
    ];
    // Drawn in `other` itself it cuts `other`'s buildings apart …
    let remove = await storedUnchecked(other.code, line);
    expect((await otherEdges()).count).toBeLessThan(before.count);
    await remove();
    // … stored under the first community (before lines were checked against their place), it cuts nothing of `other`.
    remove = await storedUnchecked(community.code, line);
    const after = await otherEdges();
    expect(after.snapshot.barrierCommunities).toContain(community.code);
    expect(after.count).toBe(before.count);
    await remove();
  });

  it('a line across the globe stored before lines were checked is kept only where the place is, and plans answer', async () => {
    const remove = await storedUnchecked(community.code, [
      [-180, -90],
      [180, 90],
    ]);
    const place = { id: community.id, code: community.code, level: community.level, name: community.name };
    const { snapshot } = await readPlace(t.db, place);
    // Every barrier point within the box of the place's buildings and boundary and 500 m: a few dozen steps of the
    // index, where the whole line would take over a million (tens of seconds).
    const xs = snapshot.buildings
      .map((b) => b.x)
      .concat(snapshot.communities.flatMap((c) => c.boundary.flat().map((p) => p[0])));
    const ys = snapshot.buildings
      .map((b) => b.y)
      .concat(snapshot.communities.flatMap((c) => c.boundary.flat().map((p) => p[1])));
    for (const [x, y] of snapshot.barriers.flat()) {
      expect(x).toBeGreaterThanOrEqual(Math.min(...xs) - 501);
      expect(x).toBeLessThanOrEqual(Math.max(...xs) + 501);
      expect(y).toBeGreaterThanOrEqual(Math.min(...ys) - 501);
      expect(y).toBeLessThanOrEqual(Math.max(...ys) + 501);
    }
    const proposal = await plan({ territoryId: community.id, timeLimitMs: 500 });
    expect(proposal.status).toBe('draft');
    await remove();

    // A proposal made before, whose snapshot holds the whole line: its page, map and export answer at once.
    const row = await snapshotOf(proposal.id);
    const { toMetres } = projection(row.snapshot.origin);
    const { barrierCommunities: _, ...older } = row.snapshot;
    await t.db
      .update(plannerProposals)
      .set({ snapshot: { ...older, barriers: [[toMetres(-180, -90), toMetres(180, 90)]] } })
      .where(eq(plannerProposals.id, proposal.id));
    for (const url of [`/planner/proposals/${proposal.id}`, `/planner/proposals/${proposal.id}/map`]) {
      const response = await get(url, secretary);
      expect(response.status, url).toBe(200);
    }
  });
});

describe('export', () => {
  it('exports a proposal’s buildings with old and new grid codes as GeoJSON and .xlsx; others’ answer 404', async () => {
    const proposal = await plan({
      territoryId: community.id,
      mode: 'fresh',
      gridCount: community.children.length + 1,
    });
    const row = await snapshotOf(proposal.id);
    const geo = await get(`/planner/proposals/${proposal.id}/export.geojson`, secretary);
    expect(geo.status, geo.text).toBe(200);
    type Feature = { properties: Record<string, unknown>; geometry: { type: string } };
    const features = geo.json.features as Feature[];
    const points = features.filter((f) => f.properties.kind === 'building');
    expect(points).toHaveLength(row.snapshot.buildings.length);
    const newCodes = new Set(points.map((p) => p.properties.newGrid as string));
    // Every new grid code is CJ/T 349 style: the community's code and three digits.
    for (const code of newCodes) expect(code).toMatch(new RegExp(`^${community.code}\\d{3}$`));
    expect(features.filter((f) => f.properties.kind === 'grid')).toHaveLength(proposal.grids.length);
    const changed = points.filter((p) => p.properties.changed);
    expect(changed.length).toBe(proposal.changes.length);
    const xlsx = await t.app.request(`/api/v1/planner/proposals/${proposal.id}/export.xlsx`, {
      headers: { cookie: secretary },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.actualRowCount).toBe(row.snapshot.buildings.length + 1);
    const theirs = await plan({ territoryId: outsideCommunity.id }, admin);
    expect((await get(`/planner/proposals/${theirs.id}/export.geojson`, secretary)).status).toBe(404);
    expect((await get(`/planner/proposals/${theirs.id}/export.xlsx`, secretary)).status).toBe(404);
  });
});

describe('the proposal’s map', () => {
  type MapData = {
    buildings: {
      id: string;
      lng: number;
      lat: number;
      today: string;
      grid: string;
      neighbours: string[];
      pinned: boolean;
    }[];
    today: { features: { properties: { grid: string } }[] };
    barriers: [number, number][][];
  };

  it('gives every building’s point, today’s and the proposed grid and the grids a move may take it to', async () => {
    const proposal = await plan({ territoryId: community.id, mode: 'adjust', targetHouseholds: 120 });
    const response = await get(`/planner/proposals/${proposal.id}/map`, secretary);
    expect(response.status, response.text).toBe(200);
    const map = response.json.data as MapData;
    const row = await snapshotOf(proposal.id);
    expect(map.buildings.map((b) => b.id).sort()).toEqual(row.snapshot.buildings.map((b) => b.id).sort());
    const prepared = prepare(row.snapshot);
    const layout = new Map(Object.entries(row.result.layout));
    const grids = [...new Set(layout.values())];
    let allowedMoves = 0;
    for (const b of map.buildings) {
      const snap = row.snapshot.buildings.find((s) => s.id === b.id)!;
      expect([b.lng, b.lat]).toEqual([snap.lng, snap.lat]);
      expect(b.today).toBe(snap.grid);
      expect(b.grid).toBe(row.result.layout[b.id]);
      expect(b.neighbours).not.toContain(b.grid);
      // Every move the rule allows is to one of the listed grids; a listed grid is a real grid of the proposal.
      for (const g of grids) {
        if (checkMove(prepared, layout, b.id, g) === null) {
          allowedMoves++;
          expect(b.neighbours).toContain(g);
        }
      }
      for (const g of b.neighbours) expect(grids).toContain(g);
    }
    expect(allowedMoves).toBeGreaterThan(0);
    expect(map.today.features.map((f) => f.properties.grid).sort()).toEqual(
      [...new Set(row.snapshot.buildings.map((b) => b.grid))].sort(),
    );
    expect(map.barriers).toHaveLength(row.snapshot.barriers.length);
  });

  it('another community’s proposal answers 404, a grid worker 403, a bad id 400', async () => {
    const theirs = await plan({ territoryId: outsideCommunity.id }, admin);
    expect((await get(`/planner/proposals/${theirs.id}/map`, secretary)).status).toBe(404);
    expect((await get(`/planner/proposals/${theirs.id}/map`, street)).status).toBe(404);
    expect((await get(`/planner/proposals/${theirs.id}/map`, gridWorker)).status).toBe(403);
    expect((await get(`/planner/proposals/${theirs.id}/map`, admin)).status).toBe(200);
    expect((await get('/planner/proposals/not-an-id/map', admin)).status).toBe(400);
  });
});
