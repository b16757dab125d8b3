import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { roleCodes, type RoleCode } from './roles.ts';

let t: TestApp;
const cookies = {} as Record<RoleCode, string>;
let ids: { firstGrid: string; firstCommunity: string; otherStreetGrid: string; otherStreet: string };

type Node = { id: string; level: string; children: Node[] };

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roleCodes) cookies[role] = await t.login(DEMO_ACCOUNT[role]);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: cookies.county_admin })).json
    .data as Node[];
  const [street1, street2] = tree[0]!.children;
  ids = {
    firstCommunity: street1!.children[0]!.id,
    firstGrid: street1!.children[0]!.children[0]!.id,
    otherStreet: street2!.id,
    otherStreetGrid: street2!.children[0]!.children[0]!.id,
  };
});
afterAll(() => t.close());

const readers: RoleCode[] = [
  'county_admin',
  'street_admin',
  'inspector',
  'community_secretary',
  'community_worker',
  'branch_secretary',
  'grid_worker',
];
const accountReaders: RoleCode[] = ['county_admin', 'street_admin', 'inspector', 'community_secretary'];
const accountWriters: RoleCode[] = ['county_admin', 'street_admin', 'community_secretary'];

let counter = 0;
type Case = {
  name: string;
  allowed: RoleCode[];
  okStatus: number;
  send: (role: RoleCode) => ReturnType<TestApp['request']>;
};
const cases: Case[] = [
  {
    name: 'GET /me',
    allowed: [...roleCodes],
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/me', { cookie: cookies[r] }),
  },
  {
    name: 'GET /roles',
    allowed: [...roleCodes],
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/roles', { cookie: cookies[r] }),
  },
  {
    name: 'GET /territories/tree',
    allowed: readers,
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/territories/tree', { cookie: cookies[r] }),
  },
  {
    name: 'GET /territories',
    allowed: readers,
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/territories?q=网格', { cookie: cookies[r] }),
  },
  {
    name: 'GET /territories/{own grid}',
    allowed: readers,
    okStatus: 200,
    send: (r) => t.request('GET', `/api/v1/territories/${ids.firstGrid}`, { cookie: cookies[r] }),
  },
  {
    name: 'POST /territories',
    allowed: ['county_admin', 'street_admin'],
    okStatus: 201,
    send: (r) =>
      t.request('POST', '/api/v1/territories', {
        cookie: cookies[r],
        body: { parentId: ids.firstCommunity, name: `新建网格${++counter}` },
      }),
  },
  {
    name: 'GET /accounts',
    allowed: accountReaders,
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/accounts', { cookie: cookies[r] }),
  },
  {
    name: 'POST /accounts',
    allowed: accountWriters,
    okStatus: 201,
    send: (r) =>
      t.request('POST', '/api/v1/accounts', {
        cookie: cookies[r],
        body: {
          username: `gw${++counter}`,
          displayName: '新网格员',
          password: 'Initial-pass-1',
          roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.firstGrid] }],
        },
      }),
  },
  {
    name: 'GET /residents',
    allowed: [...readers, 'building_leader'],
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/residents?pageSize=5', { cookie: cookies[r] }),
  },
  {
    name: 'GET /households',
    allowed: [...readers, 'building_leader'],
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/households?pageSize=5', { cookie: cookies[r] }),
  },
  {
    name: 'GET /insights/figures',
    allowed: readers,
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/insights/figures', { cookie: cookies[r] }),
  },
  {
    name: 'GET /territories/{own grid}/fact-sheet',
    allowed: readers,
    okStatus: 200,
    send: (r) => t.request('GET', `/api/v1/territories/${ids.firstGrid}/fact-sheet`, { cookie: cookies[r] }),
  },
  {
    name: 'GET /audit',
    allowed: accountReaders,
    okStatus: 200,
    send: (r) => t.request('GET', '/api/v1/audit', { cookie: cookies[r] }),
  },
];

describe.each(cases)('$name', ({ allowed, okStatus, send }) => {
  it.each([...roleCodes])('%s gets the allowed status or 403', async (role) => {
    const response = await send(role);
    if (allowed.includes(role)) {
      expect(response.status, response.text).toBe(okStatus);
    } else {
      expect(response.status, response.text).toBe(403);
      expect(response.json.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('objects outside the scope answer 404', () => {
  it.each([
    'street_admin',
    'community_secretary',
    'community_worker',
    'branch_secretary',
    'grid_worker',
  ] as const)('%s cannot see a grid of another street', async (role) => {
    const response = await t.request('GET', `/api/v1/territories/${ids.otherStreetGrid}`, {
      cookie: cookies[role],
    });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('NOT_FOUND');
  });

  it.each(['county_admin', 'inspector'] as const)('%s (county-wide) sees it', async (role) => {
    expect(
      (await t.request('GET', `/api/v1/territories/${ids.otherStreetGrid}`, { cookie: cookies[role] }))
        .status,
    ).toBe(200);
  });

  it('an account of another street is 404 to a street admin for reading and writing, visible to the county', async () => {
    const created = await t.request('POST', '/api/v1/accounts', {
      cookie: cookies.county_admin,
      body: {
        username: 'other-street-admin',
        displayName: '另一街道管理员',
        password: 'Initial-pass-1',
        roles: [{ role: 'street_admin', scopeKind: 'street', scopeIds: [ids.otherStreet] }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    expect((await t.request('GET', `/api/v1/accounts/${id}`, { cookie: cookies.street_admin })).status).toBe(
      404,
    );
    const patch = await t.request('PATCH', `/api/v1/accounts/${id}`, {
      cookie: cookies.street_admin,
      body: { status: 'disabled' },
    });
    expect(patch.status).toBe(404);
    expect((await t.request('GET', `/api/v1/accounts/${id}`, { cookie: cookies.inspector })).status).toBe(
      200,
    );
    const list = await t.request('GET', '/api/v1/accounts?q=other-street', { cookie: cookies.street_admin });
    expect(list.json.page.total).toBe(0);
  });

  it('a grid worker’s tree holds only their grid', async () => {
    const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: cookies.grid_worker })).json
      .data as Node[];
    expect(tree.map((n) => n.id)).toEqual([ids.firstGrid]);
  });
});
