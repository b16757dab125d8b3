import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { testKeys } from '../../../../tests/support/test-app.ts';
import { insertAccount } from '../accounts/accounts.factories.ts';
import { overviewResponseSchema } from './insights.schemas.ts';
import { trendPeriods } from './insights.service.ts';

type Node = { id: string; level: string; children: Node[] };
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('county overview', () => {
  it('is typed in the OpenAPI document: data is the Overview schema or null', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    const response = doc.paths['/api/v1/insights/overview'].get.responses['200'];
    expect(response.content['application/json'].schema.properties.data).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Overview' }, { type: 'null' }],
    });
    const overview = doc.components.schemas.Overview;
    expect(overview.additionalProperties).toBe(false);
    expect(overview.required).toEqual([
      'territory',
      'places',
      'figures',
      'households',
      'residents',
      'agePyramid',
      'keyPopulationByTag',
      'children',
    ]);
    expect(overview.properties.children.items).toEqual({ $ref: '#/components/schemas/ChildAreaStats' });
  });

  it('real answers for the county, a street and a grid worker’s grid parse with the schema, extra fields failing', async () => {
    const county = overviewResponseSchema.parse(
      (await t.request('GET', '/api/v1/insights/overview', { cookie: admin })).json,
    ).data!;
    expect(county.territory!.level).toBe('county');
    expect(county.children.length).toBeGreaterThan(0);
    expect(county.keyPopulationByTag.length).toBeGreaterThan(0);

    const street = county.children[0]!;
    const down = overviewResponseSchema.parse(
      (await t.request('GET', `/api/v1/insights/overview?territoryId=${street.id}`, { cookie: admin })).json,
    ).data!;
    expect(down.territory!.ancestors.map((a) => a.id)).toEqual([county.territory!.id]);
    expect(down.figures.households).toBe(street.households);

    const grid = overviewResponseSchema.parse(
      (await t.request('GET', '/api/v1/insights/overview', { cookie: await t.login('grid') })).json,
    ).data!;
    expect(grid.territory!.level).toBe('grid');
    expect(grid.places.map((p) => p.id)).toEqual([grid.territory!.id]);
    expect(grid.children).toEqual([]);

    // The schemas are strict, so a field the service adds without the schema fails here.
    expect(overviewResponseSchema.safeParse({ data: { ...county, extra: 1 } }).success).toBe(false);
  });
});

describe('home of a user with several places', () => {
  it('shows all of their area at once (sums over the places), each place as a child, and each place alone', async () => {
    // Two grid assignments in different communities (a worker serving two grids), made with the factories.
    const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
    const communities = flatten(tree).filter((n) => n.level === 'community' && n.children.length > 0);
    const [gridA, gridB] = [communities[0]!.children[0]!, communities[1]!.children[0]!];
    await insertAccount(t.db, testKeys, {
      username: 'two-grids',
      password: 'Two-grids-pass-1',
      roles: [
        { role: 'grid_worker', scopeKind: 'grids', scopeIds: [gridA.id] },
        { role: 'grid_worker', scopeKind: 'grids', scopeIds: [gridB.id] },
      ],
    });
    const cookie = await t.login('two-grids', 'Two-grids-pass-1');
    const overview = async (query = '') => {
      const res = await t.request('GET', `/api/v1/insights/overview${query}`, { cookie });
      expect(res.status, res.text).toBe(200);
      return overviewResponseSchema.parse(res.json).data!;
    };
    const all = await overview();
    expect(all.territory).toBeNull();
    expect(all.places.map((p) => p.id).sort()).toEqual([gridA.id, gridB.id].sort());
    expect(all.children.map((c) => c.id).sort()).toEqual([gridA.id, gridB.id].sort());
    expect(all.figures.grids).toBe(2);

    const [a, b] = [await overview(`?territoryId=${gridA.id}`), await overview(`?territoryId=${gridB.id}`)];
    expect(a.territory!.id).toBe(gridA.id);
    expect(b.territory!.id).toBe(gridB.id);
    expect(a.places).toEqual(all.places);
    for (const key of ['buildings', 'households', 'residents', 'keyPopulation'] as const) {
      expect(a.figures[key], key).toBeGreaterThan(0);
      expect(all.figures[key], key).toBe(a.figures[key] + b.figures[key]);
    }
    expect(all.residents.total).toBe(a.residents.total + b.residents.total);
    const grid = (o: typeof a) => all.children.find((c) => c.id === o.territory!.id)!;
    expect(grid(a).residents).toBe(a.figures.residents);
    expect(grid(b).households).toBe(b.figures.households);
    // Each place's counts are what the county administrator sees for it.
    const asAdmin = (
      await t.request('GET', `/api/v1/insights/overview?territoryId=${gridA.id}`, { cookie: admin })
    ).json.data;
    expect(asAdmin.figures).toEqual(a.figures);
    // Places outside the scope stay out of reach.
    const other = communities[2]!.children[0]!;
    const outside = await t.request('GET', `/api/v1/insights/overview?territoryId=${other.id}`, { cookie });
    expect(outside.status).toBe(404);
  });

  it('the demo branch secretary (its post over the grids of its branch) sees them all together', async () => {
    const res = await t.request('GET', '/api/v1/insights/overview', { cookie: await t.login('branch') });
    const data = overviewResponseSchema.parse(res.json).data!;
    expect(data.territory).toBeNull();
    expect(data.places.length).toBeGreaterThanOrEqual(2);
    expect(data.figures.residents).toBe(data.children.reduce((sum, c) => sum + c.residents, 0));
  });
});

describe('figures for a period', () => {
  const figures = (query: string) => t.request('GET', `/api/v1/insights/figures?${query}`, { cookie: admin });
  const fieldsOf = (response: { json: { error: { details: { field: string }[] } } }) =>
    response.json.error.details.map((d) => d.field);

  it('a day outside 1900–2100, or not a day at all → 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['to=0001-01-01', 'query.to'],
      ['to=1899-12-31', 'query.to'],
      ['to=2101-01-01', 'query.to'],
      ['from=0001-01-01', 'query.from'],
      ['to=99999-01-01', 'query.to'],
      ['to=2026-02-30', 'query.to'],
    ] as const) {
      const response = await figures(query);
      expect(response.status, query).toBe(400);
      expect(response.json.error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response), query).toEqual([field]);
    }
  });

  it('a period that starts after it ends → 400 on `from`', async () => {
    const response = await figures('from=2025-02-01&to=2025-01-31');
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['query.from']);
    expect((await figures('from=2025-01-31&to=2025-01-31')).status).toBe(200);
  });

  it('a day before any record counts nothing; a day after today counts as today', async () => {
    const past = await figures('to=1900-01-01');
    expect(past.status).toBe(200);
    expect(past.json).toMatchObject({ buildings: 0, households: 0, residents: 0, keyPopulation: 0 });
    const today = (await figures('')).json;
    expect(today.residents).toBeGreaterThan(0);
    expect((await figures('to=2100-12-31')).json).toEqual(today);
  });
});

describe('trends', () => {
  const trend = (query: string, cookie = admin) =>
    t.request('GET', `/api/v1/insights/trends?${query}`, { cookie });
  type Period = { label: string; from: string; to: string; values: Record<string, number> };

  it('cuts months, quarters and years ending with the period that holds `to`', () => {
    expect(trendPeriods('month', 3, '2024-03-15')).toEqual([
      { label: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { label: '2024-02', from: '2024-02-01', to: '2024-02-29' },
      { label: '2024-03', from: '2024-03-01', to: '2024-03-15' },
    ]);
    expect(trendPeriods('quarter', 2, '2025-01-10')).toEqual([
      { label: '2024-Q4', from: '2024-10-01', to: '2024-12-31' },
      { label: '2025-Q1', from: '2025-01-01', to: '2025-01-10' },
    ]);
    expect(trendPeriods('year', 2, '2023-12-31').map((p) => [p.label, p.from, p.to])).toEqual([
      ['2022', '2022-01-01', '2022-12-31'],
      ['2023', '2023-01-01', '2023-12-31'],
    ]);
  });

  it('gives each period the figures of that period: flows add up, stock is as of its last day', async () => {
    const response = await trend('keys=visits,residents&interval=year&periods=4&to=2025-12-31');
    expect(response.status, response.text).toBe(200);
    const periods = response.json.data.periods as Period[];
    expect(periods.map((p) => p.label)).toEqual(['2022', '2023', '2024', '2025']);
    for (const p of periods) {
      const direct = (
        await t.request('GET', `/api/v1/insights/figures?from=${p.from}&to=${p.to}`, { cookie: admin })
      ).json;
      expect(p.values).toEqual({ visits: direct.visits, residents: direct.residents });
    }
    const whole = (
      await t.request('GET', '/api/v1/insights/figures?from=2022-01-01&to=2025-12-31', { cookie: admin })
    ).json;
    expect(periods.reduce((sum, p) => sum + p.values.visits!, 0)).toBe(whole.visits);
    expect(whole.visits).toBeGreaterThan(0);
  });

  it('stays inside the caller’s scope and refuses bad parameters field by field', async () => {
    const grid = await t.login('grid');
    const own = await trend('keys=residents&periods=1', grid);
    expect(own.status, own.text).toBe(200);
    const [county] = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json
      .data as Node[];
    const mine = (await t.request('GET', '/api/v1/insights/figures', { cookie: grid })).json;
    expect(own.json.data.periods[0].values.residents).toBe(mine.residents);
    expect((await trend(`keys=residents&territoryId=${county!.id}`, grid)).status).toBe(404);
    for (const [query, field] of [
      ['keys=nope', 'query.keys'],
      ['keys=', 'query.keys'],
      ['keys=visits&interval=week', 'query.interval'],
      ['keys=visits&periods=0', 'query.periods'],
      ['keys=visits&periods=37', 'query.periods'],
      ['keys=visits&periods=x', 'query.periods'],
      ['keys=visits&to=2026-02-30', 'query.to'],
    ] as const) {
      const response = await trend(query);
      expect(response.status, query).toBe(400);
      expect(
        response.json.error.details.map((d: { field: string }) => d.field),
        query,
      ).toEqual([field]);
    }
  });
});
