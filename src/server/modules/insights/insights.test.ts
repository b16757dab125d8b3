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
