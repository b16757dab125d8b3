import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { overviewResponseSchema } from './insights.schemas.ts';

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
    expect(county.territory.level).toBe('county');
    expect(county.children.length).toBeGreaterThan(0);
    expect(county.keyPopulationByTag.length).toBeGreaterThan(0);

    const street = county.children[0]!;
    const down = overviewResponseSchema.parse(
      (await t.request('GET', `/api/v1/insights/overview?territoryId=${street.id}`, { cookie: admin })).json,
    ).data!;
    expect(down.territory.ancestors.map((a) => a.id)).toEqual([county.territory.id]);
    expect(down.figures.households).toBe(street.households);

    const grid = overviewResponseSchema.parse(
      (await t.request('GET', '/api/v1/insights/overview', { cookie: await t.login('grid') })).json,
    ).data!;
    expect(grid.territory.level).toBe('grid');
    expect(grid.children).toEqual([]);

    // The schemas are strict, so a field the service adds without the schema fails here.
    expect(overviewResponseSchema.safeParse({ data: { ...county, extra: 1 } }).success).toBe(false);
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
