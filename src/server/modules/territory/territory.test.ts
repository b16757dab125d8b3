import { and, eq, like, sql } from 'drizzle-orm';
import polygonClipping from 'polygon-clipping';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { factSheetSchema, territoryMapSchema, type TerritoryMap } from '../registry/places.schemas.ts';
import { insertTerritoryNode } from './territory.factories.ts';
import { boundaryCrossing, boundaryWithin, boxOf, polygon } from './territory.geometry.ts';
import { MAX_BOUNDARY_POSITIONS, MAX_RING_POSITIONS } from './territory.schemas.ts';
import { ancestorCodesOf } from './territory.service.ts';
import { territories, type GeoJsonGeometry, type TerritoryLevel } from './territory.tables.ts';

type Node = {
  id: string;
  code: string;
  level: TerritoryLevel;
  name: string;
  counts: { streets: number; communities: number; grids: number };
  children: Node[];
};

let t: TestApp;
let admin: string;
let tree: Node[];
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data;
});
afterAll(() => t.close());

const countUnder = async (code: string, level: 'street' | 'community' | 'grid') => {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(territories)
    .where(and(like(territories.code, `${code}_%`), eq(territories.level, level)));
  return row!.n;
};

describe('territory tree', () => {
  it('has the county as its one root, with codes that extend the parent code', () => {
    expect(tree).toHaveLength(1);
    const county = tree[0]!;
    expect(county.level).toBe('county');
    expect(county.code).toMatch(/^\d{6}$/);
    for (const street of county.children) {
      expect(street.code).toMatch(new RegExp(`^${county.code}\\d{3}$`));
      for (const community of street.children) {
        expect(community.code.startsWith(street.code)).toBe(true);
        for (const grid of community.children) {
          expect(grid.code).toMatch(new RegExp(`^${community.code}\\d{3}$`));
        }
      }
    }
  });

  it('counts on every node equal direct counts in the database', async () => {
    const nodes: Node[] = [];
    const walk = (n: Node) => {
      nodes.push(n);
      n.children.forEach(walk);
    };
    tree.forEach(walk);
    for (const node of nodes.filter((n) => n.level !== 'grid')) {
      expect(node.counts).toEqual({
        streets: await countUnder(node.code, 'street'),
        communities: await countUnder(node.code, 'community'),
        grids: await countUnder(node.code, 'grid'),
      });
    }
    expect(tree[0]!.counts.grids).toBeGreaterThan(5);
  });

  it('a community secretary’s tree is rooted at their community', async () => {
    const cookie = await t.login('secretary');
    const own = (await t.request('GET', '/api/v1/territories/tree', { cookie })).json.data as Node[];
    expect(own).toHaveLength(1);
    expect(own[0]!.level).toBe('community');
    expect(own[0]!.id).toBe(tree[0]!.children[0]!.children[0]!.id);
  });
});

describe('territory detail and search', () => {
  it('a grid’s detail has its ancestors from the county down, and its boundary', async () => {
    const grid = tree[0]!.children[0]!.children[0]!.children[0]!;
    const detail = (await t.request('GET', `/api/v1/territories/${grid.id}`, { cookie: admin })).json.data;
    expect(detail.ancestors.map((a: Node) => a.level)).toEqual(['county', 'street', 'community']);
    expect(detail.boundary.type).toBe('Polygon');
    expect(ancestorCodesOf(grid.code)).toEqual(detail.ancestors.map((a: Node) => a.code));
  });

  it('finds nodes by part of the name or by code prefix, paginated', async () => {
    const byName = await t.request('GET', `/api/v1/territories?q=${encodeURIComponent('网格')}&pageSize=5`, {
      cookie: admin,
    });
    expect(byName.json.data).toHaveLength(5);
    expect(byName.json.page.total).toBe(tree[0]!.counts.grids);
    const street = tree[0]!.children[1]!;
    const byCode = await t.request('GET', `/api/v1/territories?q=${street.code}&level=community`, {
      cookie: admin,
    });
    expect(byCode.json.page.total).toBe(street.counts.communities);
  });
});

describe('typed responses in the API document', () => {
  const dataSchemaOf = (doc: any, path: string) =>
    doc.paths[path].get.responses['200'].content['application/json'].schema.properties.data;

  it('the fact sheet and the map answer with named, strict schemas', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    expect(dataSchemaOf(doc, '/api/v1/territories/{id}/fact-sheet')).toEqual({
      $ref: '#/components/schemas/FactSheet',
    });
    expect(dataSchemaOf(doc, '/api/v1/territories/{id}/map')).toEqual({
      $ref: '#/components/schemas/TerritoryMap',
    });
    const sheet = doc.components.schemas.FactSheet;
    expect(sheet.additionalProperties).toBe(false);
    expect(Object.keys(sheet.properties)).toEqual([
      'territory',
      'households',
      'residents',
      'agePyramid',
      'keyPopulation',
      'buildings',
      'children',
      'generatedAt',
    ]);
    const area = doc.components.schemas.MapAreaFeature;
    expect(
      area.properties.geometry.anyOf.map((g: any) => (g.type === 'null' ? null : g.properties.type.enum[0])),
    ).toEqual(['Polygon', 'MultiPolygon', null]);
    expect(area.properties.properties.required).toEqual([
      'id',
      'code',
      'name',
      'level',
      'households',
      'residents',
      'keyPopulation',
    ]);
  });

  it('real fact sheets of a grid, a community and the county parse with the schema, extra fields failing', async () => {
    const community = tree[0]!.children[0]!.children[0]!;
    for (const node of [community.children[0]!, community, tree[0]!]) {
      const response = await t.request('GET', `/api/v1/territories/${node.id}/fact-sheet`, { cookie: admin });
      const sheet = factSheetSchema.parse(response.json.data);
      expect(sheet.territory.id).toBe(node.id);
      if (node.level === 'grid') expect(sheet.buildings.length).toBeGreaterThan(0);
      else expect(sheet.children.map((c) => c.id)).toEqual(node.children.map((c) => c.id));
      expect(factSheetSchema.safeParse({ ...sheet, extra: 1 }).success).toBe(false);
    }
  });
});

describe('territory map', () => {
  const mapOf = async (cookie: string, id: string, query = '') => {
    const response = await t.request('GET', `/api/v1/territories/${id}/map${query}`, { cookie });
    expect(response.status).toBe(200);
    return territoryMapSchema.parse(response.json.data);
  };
  const detailOf = async (id: string) =>
    (await t.request('GET', `/api/v1/territories/${id}`, { cookie: admin })).json.data;
  const sheetOf = async (id: string) =>
    factSheetSchema.parse(
      (await t.request('GET', `/api/v1/territories/${id}/fact-sheet`, { cookie: admin })).json.data,
    );

  /** Each area's boundary is its node's, and its counts are its own fact sheet's. */
  async function expectAreasMatchNodes(map: TerritoryMap, nodes: Node[]) {
    expect(map.areas.features.map((f) => f.properties.id)).toEqual(nodes.map((n) => n.id));
    for (const feature of map.areas.features) {
      const [detail, sheet] = await Promise.all([
        detailOf(feature.properties.id),
        sheetOf(feature.properties.id),
      ]);
      expect(feature.geometry).toEqual(detail.boundary);
      expect(feature.properties).toEqual({
        id: detail.id,
        code: detail.code,
        name: detail.name,
        level: detail.level,
        households: sheet.households.total,
        residents: sheet.residents.total,
        keyPopulation: sheet.keyPopulation.total,
      });
    }
  }

  it('a street’s map has its outline and breadcrumb, and its communities with the boundaries and counts of their own endpoints', async () => {
    const street = tree[0]!.children[0]!;
    const map = await mapOf(admin, street.id);
    const detail = await detailOf(street.id);
    expect(map.territory).toEqual({
      id: street.id,
      level: 'street',
      code: street.code,
      name: detail.name,
      ancestors: detail.ancestors,
      boundary: detail.boundary,
    });
    expect(map.territory.boundary).not.toBeNull();
    await expectAreasMatchNodes(map, street.children);
    expect(map.areas.features.some((f) => f.properties.keyPopulation > 0)).toBe(true);
    // A street has too many buildings to draw; it is read through its areas.
    expect(map.buildings).toBeNull();
    // The same counts as the overview the dashboard shows.
    const overview = (
      await t.request('GET', `/api/v1/insights/overview?territoryId=${street.id}`, { cookie: admin })
    ).json.data;
    expect(map.areas.features.map((f) => f.properties)).toEqual(
      overview.children.map((c: Record<string, unknown>) => ({ ...c })),
    );
  });

  it('with areas=grids a street’s map draws every grid below it', async () => {
    const street = tree[0]!.children[0]!;
    const map = await mapOf(admin, street.id, '?areas=grids');
    await expectAreasMatchNodes(
      map,
      street.children.flatMap((c) => c.children),
    );
  });

  it('a community’s map has its building points with the numbers GET /buildings gives', async () => {
    const community = tree[0]!.children[0]!.children[0]!;
    const map = await mapOf(admin, community.id);
    await expectAreasMatchNodes(map, community.children);
    const listed = (
      await t.request('GET', `/api/v1/buildings?territoryId=${community.id}&pageSize=200`, { cookie: admin })
    ).json;
    expect(listed.page.total).toBeLessThanOrEqual(200);
    expect(map.buildings?.total).toBe(listed.page.total);
    expect(map.buildings?.features).toEqual(
      listed.data.map((b: any) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [b.lng, b.lat] },
        properties: {
          id: b.id,
          name: b.name,
          kind: b.kind,
          floors: b.floors,
          unitCount: b.unitCount,
          households: b.households,
          residents: b.residents,
        },
      })),
    );
  });

  it('a grid is its own one area, with its buildings', async () => {
    const grid = tree[0]!.children[0]!.children[0]!.children[0]!;
    const map = await mapOf(admin, grid.id);
    await expectAreasMatchNodes(map, [grid]);
    expect(map.territory.boundary).toEqual(map.areas.features[0]!.geometry);
    expect(map.buildings!.features.length).toBeGreaterThan(0);
    expect(map.buildings!.total).toBe(map.buildings!.features.length);
  });

  it('a grid worker maps their own grid and gets 404 for another grid and for the community above', async () => {
    const cookie = await t.login('grid');
    const community = tree[0]!.children[0]!.children[0]!;
    const [own, other] = community.children;
    const map = await mapOf(cookie, own!.id);
    expect(map.areas.features.map((f) => f.properties.id)).toEqual([own!.id]);
    expect(map.buildings!.total).toBeGreaterThan(0);
    for (const id of [other!.id, community.id, tree[0]!.id]) {
      const response = await t.request('GET', `/api/v1/territories/${id}/map`, { cookie });
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('NOT_FOUND');
    }
  });

  it('a street official sees only their street’s children, and 404 for the county and the other street', async () => {
    const cookie = await t.login('street');
    const [own, other] = tree[0]!.children;
    const map = await mapOf(cookie, own!.id);
    expect(map).toEqual(await mapOf(admin, own!.id));
    expect(map.areas.features.map((f) => f.properties.id)).toEqual(own!.children.map((c) => c.id));
    for (const id of [tree[0]!.id, other!.id, other!.children[0]!.id]) {
      expect((await t.request('GET', `/api/v1/territories/${id}/map`, { cookie })).status).toBe(404);
    }
  });

  it('refuses an unknown areas value, and answers 401 without a session', async () => {
    const street = tree[0]!.children[0]!;
    const bad = await t.request('GET', `/api/v1/territories/${street.id}/map?areas=streets`, {
      cookie: admin,
    });
    expect(bad.status).toBe(400);
    expect((await t.request('GET', `/api/v1/territories/${street.id}/map`)).status).toBe(401);
  });

  it('sends boundaries with six decimals at most, and a changed boundary at once', async () => {
    // Under a community without a boundary, so the grid's may lie anywhere.
    const unbounded = await insertTerritoryNode(t.db, { parent: tree[0]!.children[1]!, name: '无边界社区' });
    const grid = await insertTerritoryNode(t.db, {
      parent: unbounded,
      name: '边界测试网格',
      boundary: polygon([118.1, 35.8, 118.2, 35.9]),
    });
    expect((await mapOf(admin, grid.id)).territory.boundary).toEqual(grid.boundary);
    const ring = [
      [118.123456789, 35.987654321],
      [118.2, 35.987654321],
      [118.2, 35.9],
      [118.123456789, 35.987654321],
    ];
    const patched = await t.request('PATCH', `/api/v1/territories/${grid.id}`, {
      cookie: admin,
      body: { boundary: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(patched.status).toBe(200);
    const map = await mapOf(admin, grid.id);
    expect(map.territory.boundary).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [118.123457, 35.987654],
          [118.2, 35.987654],
          [118.2, 35.9],
          [118.123457, 35.987654],
        ],
      ],
    });
  });
});

describe('territory changes', () => {
  it('adds a grid under a community with the next sequence, derives its code and audits it', async () => {
    const community = tree[0]!.children[0]!.children[0]!;
    const response = await t.request('POST', '/api/v1/territories', {
      cookie: admin,
      body: { parentId: community.id, name: '新建第九网格' },
    });
    expect(response.status).toBe(201);
    const created = response.json.data;
    expect(created.level).toBe('grid');
    expect(created.code).toBe(community.code + String(community.children.length + 1).padStart(3, '0'));
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit?.action).toBe('territory.created');
    expect(audit?.territoryCode).toBe(created.code);
  });

  it('refuses a taken sequence with 409 and a grid as parent with a field error', async () => {
    const community = tree[0]!.children[0]!.children[0]!;
    const clash = await t.request('POST', '/api/v1/territories', {
      cookie: admin,
      body: { parentId: community.id, name: '重复网格', sequence: 1 },
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.details[0].field).toBe('sequence');
    const leaf = await t.request('POST', '/api/v1/territories', {
      cookie: admin,
      body: { parentId: community.children[0]!.id, name: '网格下的网格' },
    });
    expect(leaf.status).toBe(400);
    expect(leaf.json.error.details[0].field).toBe('parentId');
  });

  it('a street admin cannot add under another street (404) and renames in their own with an audit row', async () => {
    const cookie = await t.login('street');
    const otherCommunity = tree[0]!.children[1]!.children[0]!;
    const outside = await t.request('POST', '/api/v1/territories', {
      cookie,
      body: { parentId: otherCommunity.id, name: '越权网格' },
    });
    expect(outside.status).toBe(404);
    const own = await insertTerritoryNode(t.db, { parent: tree[0]!.children[0]!, name: '旧名字社区' });
    expect(own).toMatchObject({ level: 'community', code: expect.stringMatching(/^\d{12}$/) });
    const renamed = await t.request('PATCH', `/api/v1/territories/${own.id}`, {
      cookie,
      body: { name: '新名字社区' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data.name).toBe('新名字社区');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, own.id), eq(auditLog.action, 'territory.updated')));
    expect(audit?.changes).toEqual({ name: { from: own.name, to: '新名字社区' } });
  });

  it('a street admin may not rename or move the boundary of their own street (the county admin may)', async () => {
    const cookie = await t.login('street');
    const own = tree[0]!.children[0]!;
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [118.0, 35.0],
          [119.0, 35.0],
          [119.0, 36.0],
          [118.0, 35.0],
        ],
      ],
    };
    for (const body of [{ boundary: square }, { name: '扩张街道' }]) {
      const refused = await t.request('PATCH', `/api/v1/territories/${own.id}`, { cookie, body });
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('OWN_TERRITORY_NOT_EDITABLE');
    }
    const [row] = await t.db.select().from(territories).where(eq(territories.id, own.id));
    expect(row!.name).toBe(own.name);
    const byCounty = await t.request('PATCH', `/api/v1/territories/${own.id}`, {
      cookie: admin,
      body: { name: own.name },
    });
    expect(byCounty.status).toBe(200);
  });

  it('rejects an invalid boundary polygon field by field', async () => {
    const grid = tree[0]!.children[0]!.children[0]!.children[0]!;
    const response = await t.request('PATCH', `/api/v1/territories/${grid.id}`, {
      cookie: admin,
      body: {
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [118.3, 35.0],
              [500, 35.1],
            ],
          ],
        },
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].field).toMatch(/^boundary/);
  });
});

describe('boundaries inside their parents', () => {
  /** The geometry moved `metres` east (at the demo county's latitude). */
  const shifted = (g: GeoJsonGeometry, metres: number): GeoJsonGeometry => {
    const dx = metres / (111_320 * Math.cos((35 * Math.PI) / 180));
    const move = (ring: [number, number][]) => ring.map(([x, y]): [number, number] => [x + dx, y]);
    return g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(move) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(move)) };
  };
  const detail = async (id: string) =>
    (await t.request('GET', `/api/v1/territories/${id}`, { cookie: admin })).json.data as {
      name: string;
      boundary: GeoJsonGeometry;
      children: { id: string }[];
    };
  const create = (parentId: string, name: string, boundary: GeoJsonGeometry) =>
    t.request('POST', '/api/v1/territories', { cookie: admin, body: { parentId, name, boundary } });
  const named = async (name: string) =>
    t.db.select({ id: territories.id }).from(territories).where(eq(territories.name, name));

  it('every node of the demo county lies inside its parent', async () => {
    const rows = await t.db
      .select({ id: territories.id, parentId: territories.parentId, boundary: territories.boundary })
      .from(territories);
    const byId = new Map(rows.map((r) => [r.id, r]));
    let checked = 0;
    for (const row of rows) {
      const parent = row.parentId ? byId.get(row.parentId) : undefined;
      if (!row.boundary || !parent?.boundary) continue;
      expect(boundaryWithin(row.boundary, parent.boundary), row.id).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a new node may share its parent’s edges a few metres off, not reach further, nor send a thin spike out', async () => {
    const community = tree[0]!.children[0]!.children[0]!;
    const { boundary } = await detail(community.id);
    const [, , e, n] = boxOf(boundary);
    // A strip 1 m wide and 300 m long, 100 m east of the community: a tiny area, but far outside.
    const spike = polygon([e + 0.0011, n - 0.0027, e + 0.0011 + 0.000011, n]);
    const outside: [string, GeoJsonGeometry][] = [
      ['越界网格甲', shifted(boundary, 40)],
      [
        '越界网格乙',
        {
          type: 'MultiPolygon',
          coordinates: [
            ...(boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates),
            spike.coordinates as [number, number][][],
          ],
        },
      ],
    ];
    for (const [name, shape] of outside) {
      const refused = await create(community.id, name, shape);
      expect(refused.status, name).toBe(400);
      expect(refused.json.error.code).toBe('BOUNDARY_OUTSIDE_PARENT');
      expect(refused.json.error.details).toMatchObject([
        { field: 'boundary', code: 'boundary_outside_parent' },
      ]);
      expect(refused.json.error.message).toContain(community.name);
      expect(await named(name)).toEqual([]);
    }
    const ok = await create(community.id, '贴边网格', shifted(boundary, 2));
    expect(ok.status, ok.text).toBe(201);
  });

  it('a changed boundary stays inside the parent and keeps every child inside it; refused, nothing changes', async () => {
    const street = tree[0]!.children[0]!;
    const community = street.children.find((c) => c.children.length >= 2)!;
    const before = await detail(community.id);
    const [first] = before.children;
    const firstGrid = await detail(first!.id);

    const tooSmall = await t.request('PATCH', `/api/v1/territories/${community.id}`, {
      cookie: admin,
      body: { boundary: firstGrid.boundary },
    });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.json.error.code).toBe('BOUNDARY_EXCLUDES_CHILDREN');
    expect(tooSmall.json.error.details[0].field).toBe('boundary');

    const tooFar = await t.request('PATCH', `/api/v1/territories/${first!.id}`, {
      cookie: admin,
      body: { boundary: shifted(firstGrid.boundary, 5_000) },
    });
    expect(tooFar.status).toBe(400);
    expect(tooFar.json.error.code).toBe('BOUNDARY_OUTSIDE_PARENT');
    expect((await detail(community.id)).boundary).toEqual(before.boundary);
    expect((await detail(first!.id)).boundary).toEqual(firstGrid.boundary);

    // A few metres off keeps the children (and stays inside the street); no boundary at all binds nothing.
    const nudged = await t.request('PATCH', `/api/v1/territories/${community.id}`, {
      cookie: admin,
      body: { boundary: shifted(before.boundary, 1) },
    });
    expect(nudged.status, nudged.text).toBe(200);
    for (const boundary of [null, before.boundary]) {
      const reset = await t.request('PATCH', `/api/v1/territories/${community.id}`, {
        cookie: admin,
        body: { boundary },
      });
      expect(reset.status).toBe(200);
    }
  });
});

describe('boundaries that cross themselves', () => {
  afterEach(() => vi.restoreAllMocks());
  const community = () => tree[0]!.children[0]!.children[0]!;
  /** The community's box, and a ring around its centre with `n` points (a star when `step` > 1, else a circle). */
  const around = async (n: number, step = 1): Promise<GeoJsonGeometry> => {
    const detail = (await t.request('GET', `/api/v1/territories/${community().id}`, { cookie: admin })).json
      .data;
    const [w, s, e, north] = boxOf(detail.boundary);
    const [cx, cy, r] = [(w + e) / 2, (s + north) / 2, Math.min(e - w, north - s) / 4];
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * ((i * step) % n)) / n;
      ring.push([
        Math.round((cx + r * Math.cos(angle)) * 1e7) / 1e7,
        Math.round((cy + r * Math.sin(angle)) * 1e7) / 1e7,
      ]);
    }
    ring.push(ring[0]!);
    return { type: 'Polygon', coordinates: [ring] };
  };
  const star = (n: number) => around(n, (n - 1) / 2);
  const create = (name: string, boundary: GeoJsonGeometry) =>
    t.request('POST', '/api/v1/territories', {
      cookie: admin,
      body: { parentId: community().id, name, boundary },
    });
  const named = async (name: string) =>
    t.db.select({ id: territories.id }).from(territories).where(eq(territories.name, name));

  it('refuses a bowtie and stars with 400 on the ring, before polygon-clipping sees them; nothing stored', async () => {
    const circle = await around(8);
    const [a, b, c, d] = circle.coordinates[0] as [number, number][];
    const bowtie: GeoJsonGeometry = { type: 'Polygon', coordinates: [[a!, c!, b!, d!, a!]] };
    const clipping = vi.spyOn(polygonClipping, 'difference');
    // 2,001 points: polygon-clipping would compute its two million crossings, a minute or two of the server's thread.
    for (const [name, shape] of [
      ['自交网格甲', bowtie],
      ['自交网格乙', await star(201)],
      ['自交网格丙', await star(2001)],
    ] as const) {
      const refused = await create(name, shape);
      expect(refused.status, name).toBe(400);
      expect(refused.json.error.details, name).toMatchObject([
        { field: 'boundary.coordinates.0', code: 'self_intersecting' },
      ]);
      expect(refused.json.error.details[0].message).toContain('交叉');
      expect(await named(name)).toEqual([]);
    }
    expect(clipping).not.toHaveBeenCalled();

    // A hole reaching out of its ring, in a MultiPolygon's second polygon; and the same in English.
    const outer = circle.coordinates[0] as [number, number][];
    // The outer ring's first point lies east of its centre: a thin hole from the centre out to twice as far.
    const [cx, cy] = [(outer[0]![0] + outer[4]![0]) / 2, (outer[0]![1] + outer[4]![1]) / 2];
    const [east, half] = [cx + 2 * (outer[0]![0] - cx), 0.0001];
    const hole: [number, number][] = [
      [cx, cy - half],
      [east, cy - half],
      [east, cy + half],
      [cx, cy + half],
      [cx, cy - half],
    ];
    const holed = await t.request('POST', '/api/v1/territories', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
      body: {
        parentId: community().id,
        name: '自交网格丁',
        boundary: {
          type: 'MultiPolygon',
          coordinates: [[outer], [outer, hole]],
        },
      },
    });
    expect(holed.status).toBe(400);
    expect(holed.json.error.details).toMatchObject([
      { field: 'boundary.coordinates.1.1', code: 'self_intersecting' },
    ]);
    expect(holed.json.error.details[0].message).toContain('cross');

    // A changed boundary: refused, the old one kept.
    const grid = community().children[0]!;
    const before = (await t.request('GET', `/api/v1/territories/${grid.id}`, { cookie: admin })).json.data
      .boundary;
    const patched = await t.request('PATCH', `/api/v1/territories/${grid.id}`, {
      cookie: admin,
      body: { boundary: await star(2001) },
    });
    expect(patched.status).toBe(400);
    expect(patched.json.error.details[0].code).toBe('self_intersecting');
    expect(
      (await t.request('GET', `/api/v1/territories/${grid.id}`, { cookie: admin })).json.data.boundary,
    ).toEqual(before);
    expect(clipping).not.toHaveBeenCalled();

    // A simple ring with as many points is checked and stored.
    const ok = await create('圆形网格', await around(2001));
    expect(ok.status, ok.text).toBe(201);
    expect(clipping).toHaveBeenCalled();
  });

  it('caps the points of a ring and of a whole boundary', async () => {
    const tooLong = await create('超长边界', await around(MAX_RING_POSITIONS + 1));
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.details).toMatchObject([{ field: 'boundary.coordinates.0', code: 'too_big' }]);
    // Short positions, so the body stays under the JSON limit: the count is what is refused.
    const rings = Math.ceil((MAX_BOUNDARY_POSITIONS + 1) / 4000);
    const tooMany = await create('超多边界', {
      type: 'MultiPolygon',
      coordinates: Array.from({ length: rings }, () => [Array.from({ length: 4000 }, () => [118, 35])]),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details).toMatchObject([{ field: 'boundary.coordinates', code: 'too_big' }]);
    expect(await named('超长边界')).toEqual([]);
    expect(await named('超多边界')).toEqual([]);
  });

  it('a boundary polygon-clipping cannot compare answers 400 saying so, not that it lies outside', async () => {
    vi.spyOn(polygonClipping, 'difference').mockImplementation(() => {
      throw new Error('Unable to find segment');
    });
    const refused = await create('无法比较网格', await around(12));
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('BOUNDARY_NOT_COMPARABLE');
    expect(refused.json.error.details).toMatchObject([
      { field: 'boundary', code: 'boundary_not_comparable' },
    ]);
    expect(refused.json.error.message).toContain(community().name);
    expect(await named('无法比较网格')).toEqual([]);
  });

  it('every boundary of the demo county is simple', async () => {
    const rows = await t.db.select({ boundary: territories.boundary }).from(territories);
    let checked = 0;
    for (const { boundary } of rows) {
      if (!boundary) continue;
      expect(boundaryCrossing(boundary)).toBeNull();
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
