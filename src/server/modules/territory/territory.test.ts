import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../auth/auth.tables.ts';
import { ancestorCodesOf } from './territory.service.ts';
import { territories } from './territory.tables.ts';

type Node = {
  id: string;
  code: string;
  level: string;
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
    const own = tree[0]!.children[0]!.children[0]!;
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
